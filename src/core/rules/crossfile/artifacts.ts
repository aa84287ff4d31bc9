import { bool, child, entries, entry, items, str } from '../../config/node.js';
import type { Node, Range } from '../../types.js';

/** One pattern of `artifacts.files`. */
export interface Glob {
  pattern: string;
  node: Node;
  /** Absent when the pattern holds a variable: what it matches is unknown. */
  re?: RegExp;
  /** The same for the last path segment, for `discard-paths: yes`. */
  lastRe?: RegExp;
}

/** The primary `artifacts` section of a buildspec, or one of its `secondary-artifacts`. */
export interface ArtifactSpec {
  node: Node;
  /** Where findings about the file list go: the `files` key, else the section's key. */
  range: Range;
  identifier?: string;
  globs: Glob[];
  /** `base-directory`, normalised (`` when none); null when it holds a variable. */
  base: string | null;
  discard: boolean;
  exclude: RegExp[];
}

const specs = new WeakMap<Node, ArtifactSpec>();

export function primarySpec(root: Node | undefined): ArtifactSpec | undefined {
  const e = entry(root, 'artifacts');
  if (!e || e.value.type !== 'object') return undefined;
  let spec = specs.get(e.value);
  if (!spec) specs.set(e.value, (spec = specOf(e.value, e.keyRange)));
  return spec;
}

const secondaries = new WeakMap<Node, Map<string, ArtifactSpec>>();

/** `secondary-artifacts`, by identifier. */
export function secondarySpecs(root: Node | undefined): Map<string, ArtifactSpec> {
  const cached = root ? secondaries.get(root) : undefined;
  if (cached) return cached;
  const out = new Map<string, ArtifactSpec>();
  if (root) secondaries.set(root, out);
  for (const e of entries(child(child(root, 'artifacts'), 'secondary-artifacts'))) {
    if (e.value.type === 'object') out.set(e.key, { ...specOf(e.value, e.keyRange), identifier: e.key });
  }
  return out;
}

function specOf(node: Node, keyRange: Range): ArtifactSpec {
  const filesEntry = entry(node, 'files');
  const files = filesEntry?.value;
  const patterns = files?.type === 'array' ? items(files) : files ? [files] : [];
  const globs: Glob[] = [];
  for (const n of patterns) {
    const p = str(n);
    if (p === undefined || p.trim() === '') continue;
    globs.push({ pattern: p, node: n, re: globRe(p), lastRe: globRe(lastSegment(p)) });
  }
  const baseNode = child(node, 'base-directory');
  const baseText = baseNode && baseNode.type !== 'null' ? String(baseNode.value ?? '') : '';
  const base = /[$*?{[]/.test(baseText) ? null : baseText.replace(/^\.\/?/, '').replace(/\/+$/, '');
  const discardNode = child(node, 'discard-paths');
  const discard = bool(discardNode) === true || /^(yes|true|on)$/i.test(str(discardNode) ?? '');
  const exclude = items(child(node, 'exclude-paths'))
    .map((n) => str(n))
    .concat(str(child(node, 'exclude-paths')) ?? [])
    .flatMap((p) => (p ? [globRe(p)].filter((r): r is RegExp => r !== undefined) : []));
  return { node, range: filesEntry?.keyRange ?? keyRange, globs, base, discard, exclude };
}

function lastSegment(p: string): string {
  const clean = p.replace(/\/+$/, '');
  const last = clean.slice(clean.lastIndexOf('/') + 1);
  return last === '**' ? '*' : last;
}

/**
 * A CodeBuild file pattern as a regular expression over paths relative to
 * the base directory. A pattern without wildcards also takes in the folder of
 * that name, since listing a folder ships what is inside.
 */
export function globRe(pattern: string): RegExp | undefined {
  if (/[$`]/.test(pattern)) return undefined;
  const p = pattern.trim().replace(/^(\.\/)+/, '').replace(/\/+$/, '');
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '*') {
      if (p[i + 1] === '*') {
        if (p[i + 2] === '/') {
          re += '(?:.*/)?';
          i += 2;
        } else {
          re += '.*';
          i += 1;
        }
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const end = p.indexOf('}', i);
      if (end < 0) return undefined;
      re += '(?:' + p.slice(i + 1, end).split(',').map(escape).join('|') + ')';
      i = end;
    } else if (c === '[') {
      const end = p.indexOf(']', i);
      if (end < 0) return undefined;
      re += '[' + p.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
      i = end;
    } else re += escape(c);
  }
  const lastHasWildcard = /[*?[{]/.test(lastSegment(p));
  try {
    return new RegExp('^' + re + (lastHasWildcard ? '' : '(?:/.*)?') + '$');
  } catch {
    return undefined;
  }
}

function escape(s: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(s) ? s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&') : s;
}

function basename(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Where a workspace file lands in the artifact, or undefined when the spec leaves it out. */
export function artifactPath(spec: ArtifactSpec, source: string): string | undefined {
  if (spec.base === null) return undefined;
  const rel = spec.base ? (source.startsWith(spec.base + '/') ? source.slice(spec.base.length + 1) : undefined) : source;
  if (rel === undefined) return undefined;
  if (!spec.globs.some((g) => g.re?.test(rel))) return undefined;
  if (spec.exclude.some((x) => x.test(rel))) return undefined;
  return spec.discard ? basename(rel) : rel;
}

/** Whether some file could land at `path` in the artifact, whatever the workspace holds. */
export function couldHold(spec: ArtifactSpec, path: string): boolean {
  if (spec.base === null || spec.globs.some((g) => !g.re)) return true;
  if (spec.discard) return !path.includes('/') && spec.globs.some((g) => g.lastRe === undefined || g.lastRe.test(path));
  return spec.globs.some((g) => g.re!.test(path)) && !spec.exclude.some((x) => x.test(path));
}

/** The workspace path a file at `path` in the artifact comes from, when the spec keeps paths. */
export function sourcePath(spec: ArtifactSpec, path: string): string | undefined {
  if (spec.discard || spec.base === null) return undefined;
  return spec.base ? `${spec.base}/${path}` : path;
}
