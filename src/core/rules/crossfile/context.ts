import { child, items, str } from '../../config/node.js';
import { ecsDeployActions, pipelineActions, type PipelineAction } from '../../config/pipeline.js';
import { docAt, docsOf, pathInProject, type Doc, type Project } from '../../model.js';
import type { FileKind, Node } from '../../types.js';
import { artifactPath, couldHold, primarySpec, secondarySpecs, type ArtifactSpec } from './artifacts.js';
import { workspaceOf, type Workspace } from './workspace.js';

/**
 * What the pipeline's artifacts hold, modelled once per project: the Source
 * artifact is the repository, a CodeBuild output is what the buildspec's
 * `artifacts` section picks out of the committed and the generated files.
 */

export type EcsDeploy = ReturnType<typeof ecsDeployActions>[number];

export interface ImageSlot {
  n: number;
  artifact?: string;
  artifactNode?: Node;
  placeholder?: string;
  placeholderNode?: Node;
}

export interface PipelineInfo {
  doc: Doc;
  actions: PipelineAction[];
  deploys: EcsDeploy[];
}

export type Origin =
  | { kind: 'repository'; name: string; action: PipelineAction }
  | { kind: 'ecr'; name: string; action: PipelineAction }
  | { kind: 'build'; name: string; action: PipelineAction; buildspec: Doc; ws: Workspace; spec?: ArtifactSpec; specMissing: 'none' | 'no-artifacts' | 'no-identifier' }
  | { kind: 'opaque'; name: string; action?: PipelineAction };

export interface Found {
  /**
   * present: a known file lands at the path; listed: the file list would take
   * one in but none is known; absent: nothing can be there; unknown: the
   * artifact's contents cannot be told.
   */
  state: 'present' | 'listed' | 'absent' | 'unknown';
  /** Parsed files at the path (a generated one before a committed one). */
  docs: Doc[];
  /** The workspace path of the file that lands there. */
  source?: string;
  written?: boolean;
}

export interface Ctx {
  project: Project;
  pipelines: PipelineInfo[];
  /** Buildspecs committed in the project. */
  buildspecs: Doc[];
  workspace(doc: Doc): Workspace;
  origin(p: PipelineInfo, artifact: string): Origin;
  lookup(origin: Origin, path: string): Found;
  /** Whether the project's root is known to be the repository that a Source action checks out. */
  repositoryKnown(p: PipelineInfo): boolean;
}

const cache = new WeakMap<Project, Ctx>();

export function contextOf(project: Project): Ctx {
  const hit = cache.get(project);
  if (hit) return hit;
  const pipelines: PipelineInfo[] = docsOf(project, 'pipeline')
    .filter((d) => !d.embedded)
    .map((doc) => ({ doc, actions: pipelineActions(doc.root), deploys: ecsDeployActions(doc.root) }));
  const buildspecs = docsOf(project, 'buildspec').filter((d) => !d.embedded);
  // Every rule asks the same questions: answers are kept for the project's lifetime.
  const origins = new Map<PipelineInfo, Map<string, Origin>>();
  const found = new WeakMap<Origin, Map<string, Found>>();
  const ctx: Ctx = {
    project,
    pipelines,
    buildspecs,
    workspace: (doc) => workspaceOf(doc, project.docs),
    origin: (p, name) => memo(memo(origins, p, () => new Map()), name, () => originOf(ctx, p, name)),
    lookup: (o, path) => memo(memo(found, o, () => new Map()), path, () => lookup(ctx, o, path)),
    repositoryKnown: (p) => repositoryKnown(ctx, p),
  };
  cache.set(project, ctx);
  return ctx;
}

function memo<K extends object | string, V>(m: { get(k: K): V | undefined; set(k: K, v: V): unknown }, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) m.set(k, (v = make()));
  return v;
}

/** Image<N>ArtifactName / Image<N>ContainerName pairs of a CodeDeployToECS action. */
export function imageSlots(a: PipelineAction): ImageSlot[] {
  const out: ImageSlot[] = [];
  for (let n = 1; n <= 9; n++) {
    const artifactNode = child(a.configurationNode, `Image${n}ArtifactName`);
    const placeholderNode = child(a.configurationNode, `Image${n}ContainerName`);
    if (!artifactNode && !placeholderNode) continue;
    out.push({ n, artifactNode, placeholderNode, artifact: str(artifactNode), placeholder: str(placeholderNode) });
  }
  return out;
}

const REPOSITORY_SOURCES = new Set(['CodeCommit', 'GitHub', 'CodeStarSourceConnection', 'Bitbucket', 'GitHubEnterpriseServer', 'GitLab', 'GitLabSelfManaged']);

function originOf(ctx: Ctx, p: PipelineInfo, name: string): Origin {
  const action = p.actions.find((a) => a.outputs.includes(name));
  if (!action) return { kind: 'opaque', name };
  if (action.category === 'Source') {
    if (action.provider === 'ECR') return { kind: 'ecr', name, action };
    // A clone reference holds a pointer to the repository, not its files.
    if (action.configuration.get('OutputArtifactFormat') === 'CODEBUILD_CLONE_REF') return { kind: 'opaque', name, action };
    if (REPOSITORY_SOURCES.has(action.provider ?? '') && ctx.repositoryKnown(p)) return { kind: 'repository', name, action };
    return { kind: 'opaque', name, action };
  }
  if (action.provider === 'CodeBuild') {
    if (action.configuration.get('BatchEnabled') === 'true') return { kind: 'opaque', name, action };
    const buildspec = buildspecFor(ctx, p, action);
    if (!buildspec?.root) return { kind: 'opaque', name, action };
    const ws = ctx.workspace(buildspec);
    const secondary = secondarySpecs(buildspec.root);
    let spec: ArtifactSpec | undefined;
    let specMissing: 'none' | 'no-artifacts' | 'no-identifier' = 'none';
    if (action.outputs.length > 1) {
      spec = secondary.get(name);
      if (!spec) specMissing = 'no-identifier';
    } else {
      const primary = primarySpec(buildspec.root);
      spec = primary && primary.globs.length > 0 ? primary : (secondary.get(name) ?? primary);
      if (!spec) specMissing = child(buildspec.root, 'artifacts') ? 'none' : 'no-artifacts';
    }
    return { kind: 'build', name, action, buildspec, ws, spec, specMissing };
  }
  return { kind: 'opaque', name, action };
}

/** CodeBuild projects described in the repository (create-project JSON), by name. */
export function codebuildProjects(project: Project): Array<{ doc: Doc; node: Node; name?: string }> {
  const out: Array<{ doc: Doc; node: Node; name?: string }> = [];
  for (const doc of docsOf(project, 'codebuild-project')) {
    const list = child(doc.root, 'projects')?.type === 'array' ? items(child(doc.root, 'projects')) : [doc.root!];
    for (const node of list) if (node?.type === 'object') out.push({ doc, node, name: str(child(node, 'name')) });
  }
  return out;
}

/**
 * The buildspec a CodeBuild action runs. The pipeline names only the project,
 * so this is known when the project's JSON says it, or when there is one
 * buildspec and one build action that can run it.
 */
export function buildspecFor(ctx: Ctx, p: PipelineInfo, action: PipelineAction): Doc | undefined {
  const projectName = action.configuration.get('ProjectName');
  const described = codebuildProjects(ctx.project).find((c) => c.name !== undefined && c.name === projectName);
  if (described) {
    const spec = str(child(child(described.node, 'source'), 'buildspec'));
    if (spec && !spec.includes('\n')) return docAt(ctx.project, spec).find((d) => d.kind === 'buildspec' && !d.embedded);
    if (spec) return undefined;
  }
  const builds = p.actions.filter((a) => a.provider === 'CodeBuild');
  if (builds.length > 1) {
    // Several build actions: only the one that feeds the deploy is taken to run the single buildspec.
    const deployInputs = new Set(p.deploys.flatMap((d) => d.inputs));
    const feeders = builds.filter((a) => a.outputs.some((o) => deployInputs.has(o)));
    if (feeders.length !== 1 || feeders[0] !== action || ctx.buildspecs.length !== 1) return undefined;
    return ctx.buildspecs[0];
  }
  if (ctx.buildspecs.length === 1) return ctx.buildspecs[0];
  return ctx.buildspecs.find((d) => pathInProject(ctx.project, d) === 'buildspec.yml');
}

function repositoryKnown(ctx: Ctx, p: PipelineInfo): boolean {
  const refs = ['buildspec.yml', 'buildspec.yaml', ...p.deploys.flatMap((d) => [d.taskdefPath, d.appspecPath])];
  if (refs.some((r) => ctx.project.exists(r.replace(/^\.\//, '')))) return true;
  return ctx.buildspecs.some((d) => !pathInProject(ctx.project, d).includes('/'));
}

function committedAt(ctx: Ctx, path: string): Doc[] {
  return docAt(ctx.project, path).filter((d) => !d.embedded);
}

function lookup(ctx: Ctx, o: Origin, rawPath: string): Found {
  const path = rawPath.replace(/^(\.\/)+/, '');
  switch (o.kind) {
    case 'repository':
      return ctx.project.exists(path) ? { state: 'present', docs: committedAt(ctx, path), source: path, written: false } : { state: 'absent', docs: [] };
    case 'ecr':
      return path === 'imageDetail.json' ? { state: 'present', docs: [] } : { state: 'absent', docs: [] };
    case 'opaque':
      return { state: 'unknown', docs: docAt(ctx.project, path) };
    case 'build':
      return lookupBuild(ctx, o, path);
  }
}

function lookupBuild(ctx: Ctx, o: Extract<Origin, { kind: 'build' }>, path: string): Found {
  const spec = o.spec;
  if (!spec) return o.specMissing === 'no-artifacts' ? { state: 'absent', docs: [] } : { state: 'unknown', docs: [] };
  if (spec.base === null) return { state: 'unknown', docs: docAt(ctx.project, path) };
  const written = o.ws.writes.filter((w) => w.path !== undefined && artifactPath(spec, w.path) === path);
  if (written.length > 0) {
    // What a command other than a heredoc writes is unknown, even where a committed file had that name.
    const last = written[written.length - 1];
    return { state: 'present', docs: last.docs, source: last.path, written: true };
  }
  const direct = spec.discard ? [] : [spec.base ? `${spec.base}/${path}` : path].filter((s) => ctx.project.exists(s));
  for (const s of [...direct, ...committedCandidates(ctx, spec, path.slice(path.lastIndexOf('/') + 1))]) {
    if (artifactPath(spec, s) === path) return { state: 'present', docs: committedAt(ctx, s), source: s, written: false };
  }
  const base = path.slice(path.lastIndexOf('/') + 1);
  const hidden = o.ws.writes.some((w) => w.path === undefined && (w.name === undefined || w.name === base));
  if (couldHold(spec, path) || hidden) return { state: 'listed', docs: [] };
  return { state: 'absent', docs: [] };
}

/**
 * Committed files named `name` that an artifact spec may pick up. The
 * project only answers "does this path exist", so the paths to ask about
 * come from the spec's folders and the parsed docs.
 */
export function committedCandidates(ctx: Ctx, spec: ArtifactSpec | undefined, name: string): string[] {
  const out = new Set<string>();
  const join = (...parts: string[]) => parts.filter(Boolean).join('/');
  for (const d of ctx.project.docs) if (!d.embedded && pathInProject(ctx.project, d).split('/').pop() === name) out.add(pathInProject(ctx.project, d));
  const base = spec?.base ?? '';
  out.add(join(base, name));
  for (const g of spec?.globs ?? []) {
    const pattern = g.pattern.trim().replace(/^(\.\/)+/, '').replace(/\/+$/, '');
    const dir = pattern.includes('/') ? pattern.slice(0, pattern.lastIndexOf('/')) : '';
    if (!/[*?[{]/.test(dir)) out.add(join(base, dir, name));
    if (!/[*?[{]/.test(pattern)) out.add(join(base, pattern));
  }
  return [...out].filter((p) => p.split('/').pop() === name && ctx.project.exists(p));
}

/** Files of a kind that a known artifact holds, for "did you mean" suggestions. */
export function filesOfKind(ctx: Ctx, o: Origin, kinds: FileKind[]): Array<{ path: string; generated: boolean }> {
  const out = new Map<string, boolean>();
  if (o.kind === 'repository') {
    for (const d of ctx.project.docs) if (!d.embedded && kinds.includes(d.kind)) out.set(pathInProject(ctx.project, d), false);
  } else if (o.kind === 'build' && o.spec && o.spec.base !== null) {
    const spec = o.spec;
    for (const w of o.ws.writes) {
      if (w.path === undefined) continue;
      const at = artifactPath(spec, w.path);
      if (at !== undefined && (w.docs.some((x) => kinds.includes(x.kind)) || kinds.some((k) => kindOfName(w.path!) === k))) out.set(at, true);
    }
    for (const d of ctx.project.docs) {
      if (d.embedded || !kinds.includes(d.kind)) continue;
      const at = artifactPath(spec, pathInProject(ctx.project, d));
      if (at !== undefined && !out.has(at)) out.set(at, false);
    }
  }
  return [...out].map(([path, generated]) => ({ path, generated }));
}

/** The kind a generated file's name suggests, for files the core did not parse (printf output). */
export function kindOfName(path: string): FileKind | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  if (/^appspec.*\.(ya?ml|json)$/i.test(name)) return 'appspec';
  if (/^imagedetail\.json$/i.test(name)) return 'imagedetail';
  if (/^imagedefinitions.*\.json$/i.test(name)) return 'imagedefinitions';
  if (/^(taskdef|task[-_]?def(inition)?)([-_.].*)?\.json$/i.test(name)) return 'taskdef';
  return undefined;
}

/** The task definition template a CodeDeployToECS action reads, when it is in the project. */
export function deployTaskdef(ctx: Ctx, p: PipelineInfo, d: EcsDeploy): Doc | undefined {
  const artifact = d.configuration.get('TaskDefinitionTemplateArtifact');
  if (!artifact) return undefined;
  return ctx.lookup(ctx.origin(p, artifact), d.taskdefPath).docs.filter((x) => x.kind === 'taskdef' && x.root).pop();
}

/** Whether a buildspec command edits this text itself (`sed -i "s|<IMAGE1_NAME>|…|"`), so the action does not have to. */
export function editedByBuild(ctx: Ctx, text: string): boolean {
  return ctx.buildspecs.some((b) => {
    const t = ctx.workspace(b).commandText;
    return t.includes(text) && /\b(sed|perl|awk|jq|yq|python3?|envsubst)\b/.test(t);
  });
}
