import { ecsDeployActions } from './config/pipeline.js';
import type { Doc, Project } from './model.js';

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
 * Groups docs into projects. A pipeline definition claims the files it reads
 * (its template paths and the buildspec) relative to the nearest folder,
 * from its own up, where they exist, and the other files of those folders.
 * Files no pipeline claims are grouped by folder.
 */
export function groupDocs(docs: Doc[], tree: ReadonlySet<string>): Project[] {
  const byDir = new Map<string, Doc[]>();
  for (const d of docs) {
    const dir = dirOf(d.path);
    byDir.set(dir, [...(byDir.get(dir) ?? []), d]);
  }
  const known = new Set(docs.map((d) => d.name));
  const present = (p: string) => tree.has(p) || known.has(p);
  const claimed = new Set<Doc>();
  const projects: Project[] = [];
  const project = (root: string, members: Doc[]): Project => ({ root, docs: members, exists: (p) => tree.has(join(root, p)) });

  for (const p of docs) {
    if (p.kind !== 'pipeline' || p.embedded) continue;
    const refs = ['buildspec.yml', 'buildspec.yaml'];
    for (const a of ecsDeployActions(p.root)) refs.push(a.taskdefPath, a.appspecPath);
    const root = ancestors(dirOf(p.path)).find((dir) => refs.some((r) => present(join(dir, r)))) ?? dirOf(p.path);
    const dirs = new Set([dirOf(p.path), root]);
    for (const r of refs) if (present(join(root, r))) dirs.add(dirOf(join(root, r)));
    const members = [...dirs].flatMap((d) => byDir.get(d) ?? []);
    for (const m of members) claimed.add(m);
    projects.push(project(root, members.filter((m) => m.kind !== 'pipeline' || m === p)));
  }
  for (const [dir, members] of byDir) {
    const rest = members.filter((m) => !claimed.has(m));
    if (rest.length > 0) projects.push(project(dir, rest));
  }
  return projects;
}
