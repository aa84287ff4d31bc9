import { commandsOf } from './config/buildspec.js';
import { at, str } from './config/node.js';
import { ecsDeployActions, pipelineActions } from './config/pipeline.js';
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
    // The build output may be taken from a sub-folder (`artifacts.base-directory`): its files are the templates.
    for (const d of [...dirs].flatMap((x) => byDir.get(x) ?? [])) {
      if (d.kind !== 'buildspec' || d.embedded) continue;
      const base = str(at(d.root, 'artifacts.base-directory'));
      if (base && !base.includes('$') && !base.includes('*')) dirs.add(join(root, base.replace(/\/+$/, '')));
    }
    const members = [...dirs].flatMap((d) => byDir.get(d) ?? []);
    for (const m of members) claimed.add(m);
    projects.push(project(root, members.filter((m) => m.kind !== 'pipeline' || m === p)));
  }
  for (const [dir, members] of byDir) {
    const rest = members.filter((m) => !claimed.has(m));
    if (rest.length > 0) projects.push(project(dir, rest));
  }
  const byName = new Map(docs.filter((d) => d.kind === 'dockerfile').map((d) => [d.name, d]));
  const buildProjects = docs.filter((d) => d.kind === 'codebuild-project');
  for (const p of projects) {
    for (const path of dockerfilesBuilt(p)) {
      const d = byName.get(join(p.root, path));
      if (d && !p.docs.includes(d)) p.docs.push(d);
    }
    // The CodeBuild project a pipeline's build action names belongs with it, wherever the JSON is kept.
    const names = new Set(p.docs.filter((d) => d.kind === 'pipeline').flatMap((d) => pipelineActions(d.root).filter((a) => a.provider === 'CodeBuild').map((a) => a.configuration.get('ProjectName'))));
    for (const d of buildProjects) {
      if (!p.docs.includes(d) && names.has(str(at(d.root, 'name')))) p.docs.push(d);
    }
  }
  return projects;
}

/**
 * Dockerfiles a project's buildspec builds from another folder
 * (`docker build -f app/Dockerfile .` or `docker build app`): CodeBuild runs
 * commands from the source root, so the paths are relative to the project root.
 */
function dockerfilesBuilt(p: Project): string[] {
  const out: string[] = [];
  for (const doc of p.docs) {
    if (doc.kind !== 'buildspec' || doc.embedded) continue;
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
  }
  return out;
}
