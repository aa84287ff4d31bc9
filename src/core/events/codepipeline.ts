/**
 * CodePipeline's EventBridge events (Pipeline, Stage and Action Execution
 * State Change), as EventBridge delivers them (`detail-type`) or as CodeStar
 * Notifications relays them (`detailType`, plus `additionalAttributes`).
 *
 * An event only says *which* execution moved; it may be late, repeated or
 * older than what came before it. So this parser keeps what identifies the
 * execution and what hints at its repository and commit, and the app re-reads
 * the state from CodePipeline before acting on it.
 */

export type CodePipelineEventKind = 'pipeline' | 'stage' | 'action';

const DETAIL_TYPES: Record<string, CodePipelineEventKind> = {
  'CodePipeline Pipeline Execution State Change': 'pipeline',
  'CodePipeline Stage Execution State Change': 'stage',
  'CodePipeline Action Execution State Change': 'action',
};

/** What a Git-triggered execution's event says about its source. */
export interface EventGitSource {
  commitId?: string;
  branch?: string;
  tag?: string;
  /** `owner/repo` as the connection names it. */
  fullRepositoryName?: string;
  providerType?: string;
}

export interface CodePipelineEvent {
  kind: CodePipelineEventKind;
  /** EventBridge's event id (the same on a redelivery). */
  id?: string;
  time?: string;
  account?: string;
  region: string;
  pipeline: string;
  executionId: string;
  state: string;
  stage?: string;
  action?: string;
  /** Pipeline version the execution ran on. */
  version?: number;
  /** From `execution-trigger` (pipeline events) or a stage's `sourceActions` (STARTED stage events). */
  git?: EventGitSource;
}

export type ParseResult =
  | { ok: true; event: CodePipelineEvent }
  /** `ignored`: a well-formed event of another kind (another service, another detail type). */
  | { ok: false; reason: string; ignored?: boolean };

const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

/** The execution's region: the event's own, else the one in the pipeline ARN among `resources`. */
function regionOf(e: Record<string, unknown>, detail: Record<string, unknown>): string | undefined {
  const own = str(e.region) ?? str(detail.region);
  if (own) return own;
  const arn = Array.isArray(e.resources) ? e.resources.map(str).find((r) => r?.startsWith('arn:')) : undefined;
  return arn?.split(':')[3] || undefined;
}

function gitFromTrigger(trigger: Record<string, unknown> | undefined): EventGitSource | undefined {
  if (!trigger) return undefined;
  const git: EventGitSource = {};
  const commitId = str(trigger['commit-id']);
  const branch = str(trigger['branch-name']);
  const tag = str(trigger['tag-name']);
  const repo = str(trigger['full-repository-name']);
  const provider = str(trigger['provider-type']);
  if (commitId) git.commitId = commitId;
  if (branch) git.branch = branch;
  if (tag) git.tag = tag;
  if (repo) git.fullRepositoryName = repo;
  if (provider) git.providerType = provider;
  return Object.keys(git).length > 0 ? git : undefined;
}

/** A STARTED stage event of the source stage names the revision through the source actions' variables. */
function gitFromSourceActions(list: unknown): EventGitSource | undefined {
  if (!Array.isArray(list)) return undefined;
  for (const item of list) {
    const vars = obj(obj(item)?.sourceActionVariables);
    if (!vars) continue;
    const git: EventGitSource = {};
    const commitId = str(vars.CommitId);
    const branch = str(vars.BranchName);
    const repo = str(vars.FullRepositoryName) ?? str(vars.RepositoryName);
    if (commitId) git.commitId = commitId;
    if (branch) git.branch = branch;
    // Only an owner/repo name identifies a GitHub repository; a CodeCommit name alone does not.
    if (repo?.includes('/')) git.fullRepositoryName = repo;
    if (Object.keys(git).length > 0) return git;
  }
  return undefined;
}

export function parseCodePipelineEvent(body: unknown): ParseResult {
  const e = obj(body);
  if (!e) return { ok: false, reason: 'the body is not a JSON object' };
  const detailType = str(e['detail-type']) ?? str(e.detailType);
  if (!detailType) return { ok: false, reason: 'the event has no detail-type' };
  const kind = DETAIL_TYPES[detailType];
  if (!kind) return { ok: false, ignored: true, reason: `"${detailType}" is not a CodePipeline execution state change` };
  const source = str(e.source);
  if (source && source !== 'aws.codepipeline') return { ok: false, ignored: true, reason: `source "${source}" is not aws.codepipeline` };
  const detail = obj(e.detail);
  if (!detail) return { ok: false, reason: 'the event has no detail object' };
  const pipeline = str(detail.pipeline);
  const executionId = str(detail['execution-id']);
  const state = str(detail.state);
  const region = regionOf(e, detail);
  if (!pipeline || !executionId || !state) return { ok: false, reason: 'detail needs pipeline, execution-id and state' };
  if (!region) return { ok: false, reason: 'the event names no region' };
  const event: CodePipelineEvent = { kind, region, pipeline, executionId, state };
  const id = str(e.id);
  const time = str(e.time);
  const account = str(e.account);
  if (id) event.id = id;
  if (time) event.time = time;
  if (account) event.account = account;
  if (kind !== 'pipeline' && str(detail.stage)) event.stage = str(detail.stage);
  if (kind === 'action' && str(detail.action)) event.action = str(detail.action);
  const version = typeof detail.version === 'number' ? detail.version : Number(detail.version);
  if (Number.isFinite(version) && detail.version !== undefined && detail.version !== '') event.version = version;
  const git = gitFromTrigger(obj(detail['execution-trigger'])) ?? gitFromSourceActions(detail.sourceActions);
  if (git) event.git = git;
  return { ok: true, event };
}
