import { child, entry, items, str, toPlain } from '../config/node.js';
import type { Doc } from '../model.js';
import type { Node } from '../types.js';
import type { FieldLocation } from './effective.js';
import { isObj, MASK, same, secretValue } from './normalize.js';

/**
 * Drift between the pipeline definition in the repository and the pipeline
 * CodePipeline runs (GetPipeline output): what someone changed in the console,
 * or what the file changes and was never applied.
 */

export type DriftKind = 'stage-added' | 'stage-removed' | 'stage-moved' | 'action-added' | 'action-removed' | 'action-changed' | 'stage-changed' | 'pipeline-changed';

export interface DriftItem {
  kind: DriftKind;
  stage?: string;
  action?: string;
  /** `configuration.ProjectName`, `runOrder`, `roleArn` … */
  field?: string;
  repository?: unknown;
  live?: unknown;
  /** Where it stands in the repository's pipeline file (the stage list for something only live). */
  location?: FieldLocation;
  message: string;
}

export interface DriftOptions {
  /** The repository's pipeline document (create-pipeline JSON or saved get-pipeline output). */
  repository: Doc;
  /** GetPipeline output as returned by the API. */
  live: unknown;
}

/** Top-level fields CodePipeline fills in when the file leaves them out: compared only when the file sets them. */
const DEFAULTED = new Set(['pipelineType', 'executionMode', 'triggers', 'variables']);
const IGNORED = new Set(['version', 'metadata', 'stages']);
/** GetPipeline hides secret configuration values (a GitHub OAuth token) behind asterisks. */
const HIDDEN = /^\*+$/;

export function diffPipeline(o: DriftOptions): DriftItem[] {
  const repoNode = child(o.repository.root, 'pipeline') ?? o.repository.root;
  const repo = toPlain(repoNode);
  const live = isObj(o.live) && isObj(o.live.pipeline) ? o.live.pipeline : o.live;
  if (!isObj(repo) || !isObj(live)) return [];
  const loc = (node: Node | undefined, from?: Node) => (node ? location(o.repository.path, node, from) : undefined);
  const out: DriftItem[] = [];

  for (const k of new Set([...Object.keys(repo), ...Object.keys(live)])) {
    if (IGNORED.has(k) || (DEFAULTED.has(k) && !(k in repo))) continue;
    if (same(repo[k], live[k])) continue;
    out.push({
      kind: 'pipeline-changed',
      field: k,
      repository: repo[k],
      live: live[k],
      location: loc(entry(repoNode, k)?.value),
      message: `pipeline ${k} differs: the repository has ${show(repo[k])}, the live pipeline ${show(live[k])}`,
    });
  }

  const stagesNode = child(repoNode, 'stages');
  const stagesKey = entry(repoNode, 'stages');
  const stagesLoc = stagesKey ? location(o.repository.path, { range: stagesKey.keyRange } as Node) : undefined;
  const repoStages = byName(repo.stages);
  const liveStages = byName(live.stages);
  const stageNode = (name: string) => items(stagesNode).find((n) => str(child(n, 'name')) === name);
  for (const [name, ls] of liveStages) {
    if (repoStages.has(name)) continue;
    const actions = byName(ls.actions);
    out.push({
      kind: 'stage-added',
      stage: name,
      live: ls,
      location: stagesLoc,
      message: `stage "${name}"${actions.size ? ` (${[...actions.keys()].map((a) => `"${a}"`).join(', ')})` : ''} exists in the live pipeline but not in the repository; add it to the file or remove it from the pipeline`,
    });
  }
  for (const [name] of repoStages) {
    if (liveStages.has(name)) continue;
    out.push({ kind: 'stage-removed', stage: name, location: loc(stageNode(name)), message: `stage "${name}" is in the repository but not in the live pipeline; it was removed in the console or never applied` });
  }
  const commonRepo = [...repoStages.keys()].filter((n) => liveStages.has(n));
  const commonLive = [...liveStages.keys()].filter((n) => repoStages.has(n));
  if (commonRepo.join('\n') !== commonLive.join('\n')) {
    out.push({ kind: 'stage-moved', location: stagesLoc, repository: commonRepo, live: commonLive, message: `stages run in another order: the repository has ${commonRepo.join(' → ')}, the live pipeline ${commonLive.join(' → ')}` });
  }

  for (const name of commonRepo) {
    const rs = repoStages.get(name)!;
    const ls = liveStages.get(name)!;
    const sNode = stageNode(name);
    for (const k of new Set([...Object.keys(rs), ...Object.keys(ls)])) {
      if (k === 'name' || k === 'actions' || same(rs[k], ls[k])) continue;
      out.push({ kind: 'stage-changed', stage: name, field: k, repository: rs[k], live: ls[k], location: loc(entry(sNode, k)?.value ?? sNode), message: `stage "${name}": ${k} differs` });
    }
    diffActions({ stage: name, repo: byName(rs.actions), live: byName(ls.actions), stageNode: sNode, loc, out });
  }
  return out;
}

interface ActionDiff {
  stage: string;
  repo: Map<string, Record<string, unknown>>;
  live: Map<string, Record<string, unknown>>;
  stageNode?: Node;
  loc: (node: Node | undefined, from?: Node) => FieldLocation | undefined;
  out: DriftItem[];
}

function diffActions(o: ActionDiff): void {
  const actionNode = (name: string) => items(child(o.stageNode, 'actions')).find((n) => str(child(n, 'name')) === name);
  for (const [name] of o.live) {
    if (!o.repo.has(name)) o.out.push({ kind: 'action-added', stage: o.stage, action: name, location: o.loc(child(o.stageNode, 'actions') ?? o.stageNode), message: `action "${name}" of stage "${o.stage}" exists only in the live pipeline` });
  }
  for (const [name, ra] of o.repo) {
    const la = o.live.get(name);
    const aNode = actionNode(name);
    if (!la) {
      o.out.push({ kind: 'action-removed', stage: o.stage, action: name, location: o.loc(aNode), message: `action "${name}" of stage "${o.stage}" is not in the live pipeline` });
      continue;
    }
    const r = normalizeAction(ra);
    const l = normalizeAction(la);
    for (const k of new Set([...Object.keys(r), ...Object.keys(l)])) {
      if (k === 'configuration') continue;
      if (same(r[k], l[k])) continue;
      o.out.push({ kind: 'action-changed', stage: o.stage, action: name, field: k, repository: r[k], live: l[k], location: o.loc(child(aNode, k) ?? aNode), message: `action "${name}": ${k} is ${show(l[k])} live, ${show(r[k])} in the repository` });
    }
    const rc = isObj(r.configuration) ? r.configuration : {};
    const lc = isObj(l.configuration) ? l.configuration : {};
    const cNode = child(aNode, 'configuration');
    for (const k of new Set([...Object.keys(rc), ...Object.keys(lc)])) {
      if (typeof lc[k] === 'string' && HIDDEN.test(lc[k] as string)) continue;
      if (same(rc[k], lc[k])) continue;
      o.out.push({
        kind: 'action-changed',
        stage: o.stage,
        action: name,
        field: `configuration.${k}`,
        repository: rc[k],
        live: lc[k],
        location: o.loc(entry(cNode, k)?.value ?? cNode ?? aNode, entry(cNode, k)?.value),
        message: `action "${name}": configuration ${k} is ${show(lc[k])} live, ${show(rc[k])} in the repository`,
      });
    }
  }
}

/** Defaults CodePipeline writes out, and artifacts as lists of names. */
function normalizeAction(a: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a, runOrder: a.runOrder ?? 1 };
  delete out.name;
  for (const k of ['inputArtifacts', 'outputArtifacts']) {
    const list = Array.isArray(a[k]) ? (a[k] as unknown[]) : [];
    out[k] = list.map((x) => (isObj(x) ? x.name : x));
  }
  if (isObj(a.configuration)) {
    const c: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(a.configuration)) c[k] = typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
    out.configuration = c;
  }
  for (const k of Object.keys(out)) {
    const v = out[k];
    if (v === undefined || v === null || (Array.isArray(v) && v.length === 0) || (isObj(v) && Object.keys(v).length === 0)) delete out[k];
  }
  return out;
}

function byName(list: unknown): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  if (!Array.isArray(list)) return out;
  list.forEach((x, i) => {
    if (isObj(x)) out.set(typeof x.name === 'string' ? x.name : `#${i + 1}`, x);
  });
  return out;
}

function location(file: string, node: Node, from?: Node): FieldLocation {
  const n = from ?? node;
  return { file, line: n.range.start.line, column: n.range.start.column, endLine: n.range.end.line, endColumn: n.range.end.column };
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (secretValue(typeof v === 'string' ? v : JSON.stringify(v))) return MASK;
  const s = typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
  return s.length > 80 ? s.slice(0, 77) + '…' : s;
}
