import { commandsOf } from './config/buildspec.js';
import { at, str } from './config/node.js';
import { ecsDeployActions, pipelineActions } from './config/pipeline.js';
import type { Doc, Project } from './model.js';
import type { FileKind } from './types.js';

function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

function join(dir: string, rel: string): string {
  const clean = rel.replace(/^\.\//, '');
  return dir ? `${dir}/${clean}` : clean;
}

function ancestors(dir: string): string[] {
  const out = [dir];
  while (dir) out.push((dir = dirOf(dir)));
  return out;
}

/**
 * What grouping needs to know of a doc: a few names read out of pipelines,
 * buildspecs and CodeBuild projects. Plain data, so that docs parsed in
 * several threads can be grouped in one place.
 */
export interface DocSummary {
  kind: FileKind;
  path: string;
  name: string;
  embedded: boolean;
  /** Committed pipelines: the template paths of their CodeDeployToECS actions, in order. */
  templates?: string[];
  /** Pipelines: the ProjectName of each CodeBuild action (undefined where it has none). */
  buildProjects?: Array<string | undefined>;
  /** Committed buildspecs: `artifacts.base-directory` when it is a string. */
  baseDirectory?: string;
  /** Committed buildspecs: the Dockerfiles their commands build, relative to the project root. */
  dockerfiles?: string[];
  /** CodeBuild project JSON: its `name`. */
  projectName?: string;
}

export function summarize(d: Doc): DocSummary {
  const s: DocSummary = { kind: d.kind, path: d.path, name: d.name, embedded: d.embedded !== undefined };
  if (d.kind === 'pipeline') {
    if (!d.embedded) s.templates = ecsDeployActions(d.root).flatMap((a) => [a.taskdefPath, a.appspecPath]);
    s.buildProjects = pipelineActions(d.root)
      .filter((a) => a.provider === 'CodeBuild')
      .map((a) => a.configuration.get('ProjectName'));
  } else if (d.kind === 'buildspec' && !d.embedded) {
    s.baseDirectory = str(at(d.root, 'artifacts.base-directory'));
    s.dockerfiles = dockerfilesBuilt(d);
  } else if (d.kind === 'codebuild-project') {
    s.projectName = str(at(d.root, 'name'));
  }
  return s;
}

/** A project as indices into the grouped docs. */
export interface PlannedProject {
  root: string;
  members: number[];
}

/** The project of `members` under `root`; `tree` answers whether a file exists. */
export function makeProject(root: string, members: Doc[], tree: ReadonlySet<string>): Project {
  return { root, docs: members, exists: (p) => tree.has(join(root, p)) };
}

/**
 * Groups docs into projects. A pipeline definition claims the files it reads
 * (its template paths and the buildspec) relative to the nearest folder,
 * from its own up, where they exist, and the other files of those folders.
 * Files no pipeline claims are grouped by folder.
 */
export function groupDocs(docs: Doc[], tree: ReadonlySet<string>): Project[] {
  return planProjects(docs.map(summarize), tree).map((p) => makeProject(p.root, p.members.map((i) => docs[i]), tree));
}

/** groupDocs over summaries: the same projects, as indices into `docs`. */
export function planProjects(docs: readonly DocSummary[], tree: ReadonlySet<string>): PlannedProject[] {
  const byDir = new Map<string, number[]>();
  docs.forEach((d, i) => {
    const dir = dirOf(d.path);
    const list = byDir.get(dir);
    if (list) list.push(i);
    else byDir.set(dir, [i]);
  });
  const known = new Set(docs.map((d) => d.name));
  const present = (p: string) => tree.has(p) || known.has(p);
  const claimed = new Set<number>();
  const projects: PlannedProject[] = [];

  docs.forEach((p, pi) => {
    if (p.kind !== 'pipeline' || p.embedded) return;
    const refs = ['buildspec.yml', 'buildspec.yaml', ...(p.templates ?? [])];
    const root = ancestors(dirOf(p.path)).find((dir) => refs.some((r) => present(join(dir, r)))) ?? dirOf(p.path);
    const dirs = new Set([dirOf(p.path), root]);
    for (const r of refs) if (present(join(root, r))) dirs.add(dirOf(join(root, r)));
    // The build output may be taken from a sub-folder (`artifacts.base-directory`): its files are the templates.
    for (const i of [...dirs].flatMap((x) => byDir.get(x) ?? [])) {
      const d = docs[i];
      if (d.kind !== 'buildspec' || d.embedded) continue;
      const base = d.baseDirectory;
      if (base && !base.includes('$') && !base.includes('*')) dirs.add(join(root, base.replace(/\/+$/, '')));
    }
    const members = [...dirs].flatMap((d) => byDir.get(d) ?? []);
    for (const m of members) claimed.add(m);
    projects.push({ root, members: members.filter((m) => docs[m].kind !== 'pipeline' || m === pi) });
  });
  for (const [dir, members] of byDir) {
    const rest = members.filter((m) => !claimed.has(m));
    if (rest.length > 0) projects.push({ root: dir, members: rest });
  }
  const byName = new Map<string, number>();
  docs.forEach((d, i) => {
    if (d.kind === 'dockerfile') byName.set(d.name, i);
  });
  const buildProjects: number[] = [];
  docs.forEach((d, i) => {
    if (d.kind === 'codebuild-project') buildProjects.push(i);
  });
  for (const p of projects) {
    const built = p.members.flatMap((i) => docs[i].dockerfiles ?? []);
    for (const path of built) {
      const d = byName.get(join(p.root, path));
      if (d !== undefined && !p.members.includes(d)) p.members.push(d);
    }
    // The CodeBuild project a pipeline's build action names belongs with it, wherever the JSON is kept.
    const names = new Set(p.members.filter((i) => docs[i].kind === 'pipeline').flatMap((i) => docs[i].buildProjects ?? []));
    for (const d of buildProjects) {
      if (!p.members.includes(d) && names.has(docs[d].projectName)) p.members.push(d);
    }
  }
  return projects;
}

/**
 * Dockerfiles a buildspec builds from another folder (`docker build -f
 * app/Dockerfile .` or `docker build app`): CodeBuild runs commands from the
 * source root, so the paths are relative to the project root.
 */
function dockerfilesBuilt(doc: Doc): string[] {
  const out: string[] = [];
  for (const c of commandsOf(doc.root)) {
    for (const m of c.text.matchAll(/docker\s+(?:image\s+|buildx\s+)?build\b([^\n;&|]*)/g)) {
      const words = m[1].trim().split(/\s+/).filter(Boolean);
      let file: string | undefined;
      let context: string | undefined;
      for (let i = 0; i < words.length; i++) {
        const w = words[i];
        if (w === '-f' || w === '--file') file = words[++i];
        else if (w.startsWith('--file=')) file = w.slice(7);
        else if (/^-(t|-tag|-build-arg|-platform|-target|-label|-network|-cache-from|-secret|-ssh|-progress|-output|o)$/.test(w)) i++;
        else if (!w.startsWith('-')) context = w;
      }
      const clean = (s: string | undefined) => (s && !s.includes('$') ? s.replace(/^["']|["']$/g, '').replace(/^\.\/?/, '') : undefined);
      const f = clean(file);
      const ctx = clean(context);
      if (f) out.push(f);
      else if (ctx !== undefined) out.push(ctx ? `${ctx.replace(/\/$/, '')}/Dockerfile` : 'Dockerfile');
    }
  }
  return out;
}
