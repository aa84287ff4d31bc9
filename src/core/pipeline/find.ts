/**
 * Finding the execution of a commit in ListPipelineExecutions pages, and what
 * StartPipelineExecution needs to start one. ListPipelineExecutions cannot
 * filter by revision, so the service pages newest first and asks these.
 */
import type { ExecutionSummary } from './model.js';
import { toMillis } from './time.js';

/** Git shows 7 characters by default; shorter prefixes are too ambiguous to trust. */
export const MIN_SHORT_SHA = 7;

/** Lower-case hex of 7 to 64 characters (SHA-1 or SHA-256 repositories), else undefined. */
export function normalizeSha(sha: string | undefined): string | undefined {
  if (typeof sha !== 'string') return undefined;
  const s = sha.trim().toLowerCase();
  return /^[0-9a-f]{7,64}$/.test(s) ? s : undefined;
}

/** The 7-character short SHA (the seed's image tag). */
export function shortSha(sha: string): string {
  return sha.trim().slice(0, MIN_SHORT_SHA).toLowerCase();
}

/**
 * A revision is the commit when both are the same SHA, or when one is a
 * prefix of at least 7 characters of the other (a short SHA on either side).
 */
export function revisionMatches(revisionId: string | undefined, sha: string): boolean {
  const a = normalizeSha(revisionId);
  const b = normalizeSha(sha);
  if (!a || !b) return false;
  return a.length <= b.length ? b.startsWith(a) : a.startsWith(b);
}

export interface FindOptions {
  /** Only this source action's revision counts (pipelines with several sources). */
  sourceAction?: string;
  /**
   * Default true. A ROLLBACK execution redeploys an older execution's
   * revisions, so the commit's own (STANDARD) execution wins and a rollback is
   * only returned when there is nothing else. False: simply the newest.
   */
  preferStandard?: boolean;
}

export function matchesCommit(execution: ExecutionSummary, sha: string, options: FindOptions = {}): boolean {
  const revisions = Array.isArray(execution.sourceRevisions) ? execution.sourceRevisions : [];
  return revisions.some((r) => (!options.sourceAction || r.actionName === options.sourceAction) && revisionMatches(r.revisionId, sha));
}

/** Newest first by start time; executions without one keep their page order (ListPipelineExecutions is newest first). */
function newestFirst(items: readonly ExecutionSummary[]): ExecutionSummary[] {
  return items
    .map((e, i) => ({ e, i, t: toMillis(e.startTime) }))
    .sort((x, y) => (x.t !== undefined && y.t !== undefined && x.t !== y.t ? y.t - x.t : x.i - y.i))
    .map((x) => x.e);
}

/**
 * The newest execution of the commit among `items` (one or more pages).
 * STANDARD executions are preferred to ROLLBACK ones, see FindOptions.
 */
export function findExecution(items: readonly ExecutionSummary[], sha: string, options: FindOptions = {}): ExecutionSummary | undefined {
  const matches = newestFirst(items).filter((e) => matchesCommit(e, sha, options));
  if (options.preferStandard === false) return matches[0];
  return matches.find((e) => e.executionType !== 'ROLLBACK') ?? matches[0];
}

/**
 * The execution that carries on for a superseded one: the oldest execution
 * that started after it and was not itself superseded (in SUPERSEDED mode a
 * newer execution overtakes the one waiting at a stage boundary, and may be
 * overtaken in turn).
 */
export function supersedingExecution(items: readonly ExecutionSummary[], target: Pick<ExecutionSummary, 'executionId' | 'startTime'>): ExecutionSummary | undefined {
  const start = toMillis(target.startTime);
  const ordered = newestFirst(items);
  const index = ordered.findIndex((e) => e.executionId === target.executionId);
  const newer = ordered.filter((e, i) => {
    if (e.executionId === target.executionId || e.executionType === 'ROLLBACK') return false;
    const t = toMillis(e.startTime);
    if (start !== undefined && t !== undefined) return t > start;
    return index >= 0 && i < index;
  });
  return [...newer].reverse().find((e) => e.status !== 'Superseded');
}

export interface SearchReport {
  pipelineName: string;
  region?: string;
  sha: string;
  sourceAction?: string;
  /** ListPipelineExecutions pages read in the last attempt, and executions on them. */
  pages: number;
  executions: number;
  /** The newest and oldest executions seen, to show what was there instead. */
  newest?: ExecutionSummary;
  oldest?: ExecutionSummary;
  waitedSeconds: number;
  timeoutSeconds?: number;
  /** True when paging stopped at the page limit rather than at the end of the history. */
  moreHistory?: boolean;
}

function revisionsText(e: ExecutionSummary): string {
  const revs = (e.sourceRevisions ?? []).map((r) => `${r.actionName}@${(r.revisionId ?? '').slice(0, 12)}`);
  return revs.length ? revs.join(', ') : 'no source revisions';
}

/** The failure message when no execution appeared: what was searched, where, for how long, and what was found instead. */
export function notFoundMessage(r: SearchReport): string {
  const where = `pipeline ${r.pipelineName}${r.region ? ` in ${r.region}` : ''}`;
  const what = `source revision ${r.sha}${r.sourceAction ? ` on source action ${r.sourceAction}` : ''}`;
  const waited = `after waiting ${Math.round(r.waitedSeconds)}s${r.timeoutSeconds !== undefined ? ` (find-timeout-seconds: ${r.timeoutSeconds})` : ''}`;
  const parts = [`No execution of ${where} has ${what} ${waited}.`];
  const scope = `Searched ${r.executions} execution${r.executions === 1 ? '' : 's'} on ${r.pages} page${r.pages === 1 ? '' : 's'} of ListPipelineExecutions${r.moreHistory ? ' (older history was not read)' : ''}`;
  if (r.newest) {
    const newest = `the newest is ${r.newest.executionId} (${r.newest.status}${r.newest.startTime ? `, started ${r.newest.startTime}` : ''}, ${revisionsText(r.newest)})`;
    parts.push(`${scope}; ${newest}.`);
  } else parts.push(`${scope}; the pipeline has no executions.`);
  parts.push('Check that the pipeline\'s source action watches this repository and branch and that the commit was pushed there, or use `mode: start` to start an execution for this commit.');
  return parts.join(' ');
}

/** Small, stable string hash (53-bit), hex; for ids and fingerprints, not security. */
export function hash53(s: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}

/**
 * StartPipelineExecution's `clientRequestToken` (1–128 of `[a-zA-Z0-9-]`):
 * the same repository, commit and run attempt always give the same token, so a
 * retried call cannot start a second execution.
 */
export function startRequestToken(o: { repository: string; sha: string; runAttempt?: string | number }): string {
  const slug = o.repository.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'repo';
  const sha = (normalizeSha(o.sha) ?? o.sha.replace(/[^A-Za-z0-9]/g, '')).slice(0, 40);
  const attempt = String(o.runAttempt ?? 1).replace(/[^0-9A-Za-z]/g, '').slice(0, 10) || '1';
  return `ecp-${slug}-${hash53(o.repository).slice(-8)}-${sha}-${attempt}`.slice(0, 128);
}

/** Source providers whose revision is a commit id. */
export const GIT_SOURCE_PROVIDERS: ReadonlySet<string> = new Set(['CodeStarSourceConnection', 'CodeCommit', 'GitHub', 'GitHubEnterpriseServer', 'GitLab', 'Bitbucket']);

export type StartRevisions =
  | { ok: true; sourceRevisions: Array<{ actionName: string; revisionType: 'COMMIT_ID'; revisionValue: string }> }
  | { ok: false; message: string };

/**
 * StartPipelineExecution's `sourceRevisions` for a commit: the one Git source
 * action (or the named one). With several Git sources the commit belongs to
 * one repository only, so the caller must name the action.
 */
export function startSourceRevisions(actions: ReadonlyArray<{ name: string; provider: string }>, sha: string, sourceAction?: string): StartRevisions {
  if (sourceAction) {
    const named = actions.find((a) => a.name === sourceAction);
    if (!named) return { ok: false, message: `The pipeline has no source action named ${sourceAction}; its source actions are ${actions.map((a) => a.name).join(', ') || 'none'}.` };
    return { ok: true, sourceRevisions: [{ actionName: named.name, revisionType: 'COMMIT_ID', revisionValue: sha }] };
  }
  const git = actions.filter((a) => GIT_SOURCE_PROVIDERS.has(a.provider));
  if (git.length === 1) return { ok: true, sourceRevisions: [{ actionName: git[0].name, revisionType: 'COMMIT_ID', revisionValue: sha }] };
  if (git.length === 0) {
    return { ok: false, message: `The pipeline has no Git source action (found ${actions.map((a) => `${a.name} (${a.provider})`).join(', ') || 'none'}), so a commit cannot be given to StartPipelineExecution.` };
  }
  return { ok: false, message: `The pipeline has ${git.length} Git source actions (${git.map((a) => a.name).join(', ')}); say which one builds this repository.` };
}
