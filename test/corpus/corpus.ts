import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SourceFile } from '../../src/core/model.js';
import type { FileKind, Finding, Severity } from '../../src/core/types.js';

/**
 * The real-world corpus lives beside the repository (../shared/corpus), never
 * inside it: its files belong to other projects and are only read in place.
 */
export const corpusDir = resolve(process.cwd(), '../shared/corpus');
export const snapshotPath = resolve(process.cwd(), 'test/corpus/findings.json');

export interface CorpusFile {
  /** Path inside the corpus folder, the snapshot's key. */
  file: string;
  repo: string;
  /** The file's path in its own repository, so that name-based detection sees the real name. */
  path: string;
  /** SOURCES.tsv kind: a FileKind, `imagedetail` for both image files, or `other`. */
  kind: string;
  group: string;
}

export interface CorpusGroup {
  /** The SOURCES.tsv group, or the corpus file itself for an ungrouped file. */
  name: string;
  files: CorpusFile[];
}

/** The snapshot keeps what a reviewer judges; end positions would only add noise. */
export interface SnapshotFinding {
  rule: string;
  severity: Severity;
  line: number;
  column: number;
  message: string;
}

export type Snapshot = Record<string, SnapshotFinding[]>;

export function corpusPresent(): boolean {
  return existsSync(join(corpusDir, 'SOURCES.tsv'));
}

export function readSources(): CorpusFile[] {
  const [header, ...lines] = readFileSync(join(corpusDir, 'SOURCES.tsv'), 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const cols = header.split('\t');
  const col = (name: string) => {
    const i = cols.indexOf(name);
    if (i < 0) throw new Error(`SOURCES.tsv has no \`${name}\` column`);
    return i;
  };
  const [f, r, p, k, g] = ['file', 'repo', 'path', 'kind', 'group'].map(col);
  return lines.map((l) => {
    const c = l.split('\t');
    return { file: c[f], repo: c[r], path: c[p], kind: c[k], group: c[g] ?? '' };
  });
}

/**
 * Files of one repository are checked together, under their original paths,
 * so that cross-file rules see the same tree their pipeline does.
 */
export function groupsOf(files: CorpusFile[]): CorpusGroup[] {
  const byName = new Map<string, CorpusFile[]>();
  for (const f of files) {
    const name = f.group.trim() || f.file;
    byName.set(name, [...(byName.get(name) ?? []), f]);
  }
  return [...byName].map(([name, members]) => ({ name, files: members }));
}

export function sourceFiles(group: CorpusGroup): SourceFile[] {
  const seen = new Set<string>();
  return group.files.map((f) => {
    if (seen.has(f.path)) throw new Error(`group ${group.name} has two files at ${f.path}`);
    seen.add(f.path);
    return { path: f.path, bytes: readFileSync(join(corpusDir, f.file)) };
  });
}

/** Findings keyed by corpus file; every file of the group gets a key, empty or not. */
export function byCorpusFile(group: CorpusGroup, findings: Finding[]): Snapshot {
  const fileOf = new Map(group.files.map((f) => [f.path, f.file]));
  const out: Snapshot = {};
  for (const f of group.files) out[f.file] = [];
  for (const f of findings) {
    const key = fileOf.get(f.file);
    if (key === undefined) throw new Error(`group ${group.name}: a finding names ${f.file}, which is not one of its files`);
    out[key].push({ rule: f.rule, severity: f.severity, line: f.line, column: f.column, message: f.message });
  }
  for (const list of Object.values(out)) list.sort(compareSnapshot);
  return out;
}

function compareSnapshot(a: SnapshotFinding, b: SnapshotFinding): number {
  return a.line - b.line || a.column - b.column || cmp(a.rule, b.rule) || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Which detected kinds satisfy a SOURCES.tsv kind; `other` must not be detected at all. */
export function acceptedKinds(kind: string): FileKind[] | undefined {
  switch (kind) {
    case 'imagedetail':
      return ['imagedetail', 'imagedefinitions'];
    case 'dockerfile':
    case 'buildspec':
    case 'taskdef':
    case 'appspec':
    case 'pipeline':
    case 'imagedefinitions':
    case 'codebuild-project':
      return [kind];
    default:
      return undefined;
  }
}

/**
 * Corpus files the checker is not meant to read, and why. Each reason is a
 * property of the file, not a file name, so that a new corpus is judged alike.
 */
export function notChecked(f: CorpusFile): string | undefined {
  if (/\.(j2|tpl|tmpl|template|erb)$/i.test(f.path)) return 'a template for another tool (Jinja, Terraform): it is not JSON or YAML until rendered';
  if (f.kind === 'pipeline' && /\.ya?ml$/i.test(f.path)) return 'a CloudFormation template; the checker reads the CLI JSON form of a pipeline';
  return undefined;
}

/** One finding a line, so that a snapshot diff shows exactly which findings changed. */
export function formatSnapshot(s: Snapshot): string {
  const keys = Object.keys(s).sort(cmp);
  const body = keys.map((k) => {
    const list = s[k];
    if (list.length === 0) return `  ${JSON.stringify(k)}: []`;
    return `  ${JSON.stringify(k)}: [\n${list.map((f) => `    ${JSON.stringify(f)}`).join(',\n')}\n  ]`;
  });
  return `{\n${body.join(',\n')}\n}\n`;
}

export const INTERNAL_ERROR = /^internal error in rule/;
