/**
 * ExecutionSnapshot → the check runs a user sees: one for the whole execution
 * (`ECS pipeline`) and one per stage (`ECS pipeline / Build`), plus the job
 * summary. Pure: times come from the snapshot and `now`.
 *
 * Nothing secret is rendered: approval tokens are never read, and every
 * foreign text (summaries, error messages, logs) goes through `redact`.
 */
import { DEFAULT_DOCS_URL, ruleUrl } from '../report/links.js';
import type { CheckConclusion, CheckRunModel } from './check-run.js';
import { elapsed } from './changes.js';
import { executionButtons, stageButtons } from './buttons.js';
import { type CheckState, executionCheckState, isFinal, stageCheckState, stillRunning, waitingApproval } from './conclusions.js';
import { type Explanation, explainFailure } from './explain.js';
import { shortSha } from './find.js';
import { OUTPUT_MAX, TITLE_MAX, cell, clip, clipTail, code, fence, link, oneLine, redact, safeUrl } from './md.js';
import type { ActionSnapshot, DeployedImage, ExecutionSnapshot, StageSnapshot } from './model.js';
import { type TimeInput, clockUtc, formatDuration, formatElapsed, toIso, toMillis } from './time.js';

export const DEFAULT_CHECK_NAME = 'ECS pipeline';
/** Lines of a failed build's log shown in the check run's text. */
export const LOG_LINES = 30;
/** Explanations shown per failed action. */
const MAX_EXPLANATIONS = 2;

export interface RenderOptions {
  /** The `check-name` input; default `ECS pipeline`. */
  checkName?: string;
  /** The commit the check runs are attached to. */
  headSha: string;
  /** The tracker's clock reading, for running durations and completion times. */
  now: TimeInput;
  /** `timeout-minutes` ran out: open runs become timed_out. */
  timedOut?: boolean;
  timeoutMinutes?: number;
  /** The deployed image, when found (shown on the execution's run and the job summary). */
  image?: DeployedImage;
  /** Base URL of docs/rules.md (rule links); default the project's. */
  docsUrl?: string;
  /** Link only rules that exist in this build's docs/rules.md; default: all. */
  ruleExists?: (id: string) => boolean;
  /** Offer Approve/Reject, Retry and Stop buttons (the app only: GitHub sends clicks to the app that made the run). */
  buttons?: boolean;
}

/** The CodePipeline console page of an execution. */
export function consoleUrl(region: string, pipelineName: string, executionId: string): string {
  const r = encodeURIComponent(region);
  return `https://${r}.console.aws.amazon.com/codesuite/codepipeline/pipelines/${encodeURIComponent(pipelineName)}/executions/${encodeURIComponent(executionId)}/timeline?region=${r}`;
}

export function stageCheckName(checkName: string, stageName: string): string {
  return `${checkName} / ${stageName}`;
}

/** All check run names for a pipeline's stages, in order (the execution's first). */
export function checkNames(snapshot: Pick<ExecutionSnapshot, 'stages'>, checkName: string = DEFAULT_CHECK_NAME): string[] {
  return [checkName, ...snapshot.stages.map((s) => stageCheckName(checkName, s.name))];
}

interface Ctx {
  snap: ExecutionSnapshot;
  o: RenderOptions;
  now: number | undefined;
  secrets: string[];
  console: string;
  rollback: string;
}

function context(snap: ExecutionSnapshot, o: RenderOptions): Ctx {
  const secrets = snap.stages.flatMap((s) => s.actions.map((a) => a.token).filter((t): t is string => typeof t === 'string'));
  return {
    snap,
    o,
    now: toMillis(o.now),
    secrets,
    console: consoleUrl(snap.region, snap.pipelineName, snap.executionId),
    rollback: snap.executionType === 'ROLLBACK' ? 'Rollback: ' : '',
  };
}

const COMPLETED_ACTION = new Set(['Succeeded', 'Failed', 'Abandoned']);

function actionTimes(a: ActionSnapshot): { start?: number; end?: number } {
  const done = COMPLETED_ACTION.has(a.status);
  const start = toMillis(a.startTime) ?? (a.status === 'InProgress' ? toMillis(a.lastStatusChange) : undefined);
  const end = done ? toMillis(a.lastStatusChange) : undefined;
  return { start, end };
}

function stageTimes(stage: StageSnapshot, state: CheckState): { start?: number; end?: number } {
  const times = stage.actions.map(actionTimes);
  const starts = times.map((t) => t.start).filter((t): t is number => t !== undefined);
  const ends = times.map((t) => t.end).filter((t): t is number => t !== undefined);
  const start = starts.length ? Math.min(...starts) : undefined;
  const end = state.status === 'completed' && ends.length ? Math.max(...ends) : undefined;
  return { start, end: end !== undefined && start !== undefined && end < start ? undefined : end };
}

function durationText(start: number | undefined, end: number | undefined, now: number | undefined): string {
  if (start === undefined) return '—';
  if (end !== undefined) return formatDuration(end - start);
  if (now !== undefined && now >= start) return elapsed(`${formatElapsed(now - start)} so far`);
  return `since ${clockUtc(start)}`;
}

function supersededTitle(snap: ExecutionSnapshot): string {
  const by = snap.supersededBy;
  if (!by) return 'Superseded by a newer execution';
  return `Superseded by execution ${by.executionId}${by.revisionId ? ` (commit ${shortSha(by.revisionId)})` : ''}`;
}

function explanationsOf(a: ActionSnapshot): Explanation[] {
  return explainFailure({
    provider: a.provider,
    summary: a.summary,
    errorCode: a.errorCode,
    errorMessage: a.errorMessage,
    diagnostics: a.diagnostics,
    logLines: a.logTail,
    configuration: a.configuration,
  }).slice(0, MAX_EXPLANATIONS);
}

const STATE_WORD: Record<string, string> = {
  success: '✅ Succeeded',
  failure: '❌ Failed',
  neutral: '⏭️ Superseded',
  skipped: '⏭️ Skipped',
  timed_out: '⌛ Timed out',
  action_required: '✋ Action required',
};

function stageWord(stage: StageSnapshot, state: CheckState): string {
  if (state.status === 'queued') return '⏸️ Not started';
  if (state.status === 'in_progress') {
    if (waitingApproval(stage)) return '✋ Waiting for approval';
    return stage.status === 'Stopping' ? '⏹️ Stopping' : '⏳ In progress';
  }
  if (state.conclusion === 'cancelled') {
    if (stage.status === 'Stopped') return '⏹️ Stopped';
    if (stage.status === 'Cancelled') return '🚫 Cancelled';
    return '⏸️ Did not run';
  }
  if (state.conclusion === 'neutral' && stage.status === 'NotStarted') return '⏭️ Superseded before it started';
  return STATE_WORD[state.conclusion ?? ''] ?? String(state.conclusion);
}

function actionWord(a: ActionSnapshot): string {
  switch (a.status) {
    case 'Succeeded':
      return '✅ Succeeded';
    case 'Failed':
      return '❌ Failed';
    case 'Abandoned':
      return '🚫 Abandoned';
    case 'InProgress':
      return a.category === 'Approval' ? '✋ Waiting for approval' : '⏳ In progress';
    default:
      return '⏸️ Not started';
  }
}

const LINK_LABEL: Record<string, string> = {
  CodeBuild: 'Build',
  CodeDeployToECS: 'Deployment',
  CodeDeploy: 'Deployment',
  ECS: 'Service',
  CodeStarSourceConnection: 'Commit',
  CodeCommit: 'Commit',
  GitHub: 'Commit',
  ECR: 'Image',
  S3: 'Object',
};

function actionLink(a: ActionSnapshot, ctx: Ctx): string {
  if (a.category === 'Approval' && a.status === 'InProgress') return link('Review in console', ctx.console);
  const url = safeUrl(a.externalExecutionUrl);
  return url ? link(LINK_LABEL[a.provider ?? ''] ?? 'Details', url) : '—';
}

function actionsTable(stage: StageSnapshot, ctx: Ctx): string {
  const rows = stage.actions.map((a) => {
    const t = actionTimes(a);
    return `| ${cell(a.name)} | ${cell(a.provider ?? '—')} | ${actionWord(a)} | ${durationText(t.start, t.end, ctx.now)} | ${actionLink(a, ctx)} |`;
  });
  return ['| Action | Provider | Status | Duration | Link |', '|---|---|---|---|---|', ...rows].join('\n');
}

function ruleLinks(rules: readonly string[], ctx: Ctx): string {
  const known = rules.filter((id) => !ctx.o.ruleExists || ctx.o.ruleExists(id));
  return known.map((id) => `[${id}](${ruleUrl(id, ctx.o.docsUrl ?? DEFAULT_DOCS_URL)})`).join(', ');
}

/** The failure of one action: what AWS said, then the explanation. */
function failureSection(stage: StageSnapshot, a: ActionSnapshot, ctx: Ctx, level = '###'): string {
  const out: string[] = [`${level} ❌ ${cell(stage.name)} / ${cell(a.name)} failed`];
  // The summary is often the first words of the error message: show each text once.
  const texts = [a.summary, a.errorMessage, ...(a.diagnostics ?? []).slice(0, 5)].filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((s) => s.trim());
  const said = texts.filter((s, i) => !texts.some((x, j) => j !== i && x.includes(s) && (x !== s || j < i)));
  if (said.length) out.push(fence(clipTail(redact(said.map((s) => clipTail(s, 2_000)).join('\n'), ctx.secrets), 6_000)));
  if (a.errorCode && a.errorCode !== 'JobFailed') out.push(`Error code: ${code(a.errorCode)}`);
  const ex = explanationsOf(a);
  for (const e of ex) {
    out.push(`**${cell(e.title)}.** ${e.cause}`, `**Fix:** ${e.fix}`);
    const refs = [ruleLinks(e.rules, ctx) && `Checked by ${ruleLinks(e.rules, ctx)} in \`ecs-codepipeline check\``, e.links.map((l) => link(l.label, l.url)).join(', ')].filter(Boolean);
    if (refs.length) out.push(refs.join(' · '));
  }
  if (!ex.length) out.push('No known cause matched this failure; the link above leads to the full log or deployment.');
  return out.join('\n\n');
}

function failedActions(stage: StageSnapshot): ActionSnapshot[] {
  return stage.actions.filter((a) => a.status === 'Failed');
}

/** The action a stage's details_url should open: its only relevant action with an external URL. */
function stageDetailsUrl(stage: StageSnapshot, ctx: Ctx): string {
  if (waitingApproval(stage)) return ctx.console;
  const failed = failedActions(stage);
  const running = stage.actions.filter((a) => a.status === 'InProgress');
  const relevant = failed.length ? failed : running.length ? running : stage.actions;
  if (relevant.length === 1 && relevant[0].category !== 'Approval') return safeUrl(relevant[0].externalExecutionUrl) ?? ctx.console;
  return ctx.console;
}

function firstCause(stage: StageSnapshot): { action?: ActionSnapshot; title?: string } {
  const a = failedActions(stage)[0];
  if (!a) return {};
  return { action: a, title: explanationsOf(a)[0]?.title.replace(/`/g, '') };
}

/** Where the execution stopped: the first failed, stopped or running stage. */
function stageOfInterest(snap: ExecutionSnapshot): StageSnapshot | undefined {
  return (
    snap.stages.find((s) => s.status === 'Failed') ??
    snap.stages.find((s) => s.status === 'Stopped' || s.status === 'Stopping' || s.status === 'Cancelled') ??
    snap.stages.find((s) => s.status === 'InProgress')
  );
}

function stageTitle(stage: StageSnapshot, state: CheckState, ctx: Ctx): string {
  const { snap } = ctx;
  const t = stageTimes(stage, state);
  const took = t.start !== undefined && t.end !== undefined ? formatDuration(t.end - t.start) : undefined;
  if (state.status === 'queued') {
    const before = snap.stages[snap.stages.indexOf(stage) - 1];
    return `${ctx.rollback}${stage.name} has not started${before ? `; waiting for ${before.name}` : ''}`;
  }
  if (state.status === 'in_progress') {
    if (waitingApproval(stage)) return 'Waiting for approval';
    if (stage.status === 'Stopping') return `${ctx.rollback}${stage.name} is stopping`;
    const running = stage.actions.filter((a) => a.status === 'InProgress').map((a) => a.name);
    return `${ctx.rollback}${stage.name} in progress${running.length ? `: ${running.join(', ')}` : ''}`;
  }
  switch (state.conclusion as CheckConclusion) {
    case 'success':
      return `${ctx.rollback}${stage.name} succeeded${took ? ` in ${took}` : ''}`;
    case 'failure': {
      const c = firstCause(stage);
      return `${ctx.rollback}${stage.name} failed${took ? ` after ${took}` : ''}${c.action ? ` in ${c.action.name}` : ''}${c.title ? `: ${c.title}` : ''}`;
    }
    case 'neutral':
      return supersededTitle(snap);
    case 'skipped':
      return `${ctx.rollback}${stage.name} was skipped`;
    case 'timed_out': {
      const running = stage.actions.filter((a) => a.status === 'InProgress').map((a) => a.name);
      const after = ctx.o.timeoutMinutes !== undefined ? ` after ${ctx.o.timeoutMinutes} min` : '';
      if (stage.status === 'NotStarted') return `Timed out${after} before ${stage.name} started`;
      return `Timed out${after} waiting for ${stage.name}${running.length ? ` / ${running.join(', ')}` : ''}`;
    }
    case 'cancelled': {
      if (stage.status === 'Stopped' || stage.status === 'Cancelled') return `${ctx.rollback}${stage.name} was ${stage.status === 'Stopped' ? 'stopped' : 'cancelled'}${took ? ` after ${took}` : ''}`;
      const where = stageOfInterest(snap);
      const why = snap.status === 'Failed' ? 'failed' : snap.status === 'Stopped' ? 'was stopped' : 'was cancelled';
      return `${ctx.rollback}${stage.name} did not run: the execution ${why}${where && where !== stage ? ` in ${where.name}` : ''}`;
    }
    default:
      return `${ctx.rollback}${stage.name}: ${state.conclusion}`;
  }
}

function header(ctx: Ctx): string {
  const { snap } = ctx;
  const rev = snap.sourceRevisions.find((r) => r.revisionId) ?? undefined;
  const parts = [
    `**Pipeline** ${code(snap.pipelineName)} (${cell(snap.region)})`,
    `**Execution** ${link(snap.executionId, ctx.console)}`,
    `**Commit** ${code(shortSha(rev?.revisionId ?? ctx.o.headSha))}`,
  ];
  const message = commitMessage(rev?.revisionSummary);
  const lines = [parts.join(' · ')];
  if (message) lines.push(`> ${cell(oneLine(redact(message, ctx.secrets), 120))}`);
  if (snap.executionType === 'ROLLBACK') {
    lines.push(`↩️ **This is a rollback execution**: it redeploys the source revisions of ${snap.rollbackTargetExecutionId ? `execution ${code(snap.rollbackTargetExecutionId)}` : 'an earlier execution'}.`);
  }
  if (snap.status === 'Superseded') lines.push(`⏭️ **${cell(supersededTitle(snap))}**, which carries this commit's change.`);
  return lines.join('\n\n');
}

/** CodeStar connections put `{"ProviderType":…,"CommitMessage":…}` in revisionSummary; others a plain message. */
function commitMessage(summary: string | undefined): string | undefined {
  if (!summary) return undefined;
  try {
    const j = JSON.parse(summary) as unknown;
    if (j && typeof j === 'object' && typeof (j as Record<string, unknown>).CommitMessage === 'string') return (j as Record<string, string>).CommitMessage;
  } catch {
    // a plain message
  }
  return summary;
}

function imageSection(image: DeployedImage | undefined, ctx: Ctx): string | undefined {
  if (!image) return undefined;
  const rows = [
    ['URI', code(image.uri)],
    ...(image.tag ? [['Tag', code(image.tag)]] : []),
    ...(image.digest ? [['Digest', code(image.digest)]] : []),
    ...(image.pushedAt ? [['Pushed', cell(toIso(image.pushedAt) ?? image.pushedAt)]] : []),
    ...(image.scanFindings && Object.keys(image.scanFindings).length
      ? [['Scan findings', cell(Object.entries(image.scanFindings).map(([k, v]) => `${k} ${v}`).join(', '))]]
      : []),
    ['Found in', image.foundDetail ? redact(image.foundDetail, ctx.secrets).replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ') : cell(image.foundIn)],
  ];
  return ['### Deployed image', '', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}

function stagesTable(ctx: Ctx, states: CheckState[]): string {
  const rows = ctx.snap.stages.map((s, i) => {
    const t = stageTimes(s, states[i]);
    return `| ${link(s.name, stageDetailsUrl(s, ctx))} | ${stageWord(s, states[i])} | ${durationText(t.start, t.end, ctx.now)} |`;
  });
  return ['| Stage | Status | Duration |', '|---|---|---|', ...rows].join('\n');
}

function executionTitle(state: CheckState, ctx: Ctx): string {
  const { snap } = ctx;
  const name = snap.pipelineName;
  const start = toMillis(snap.startTime);
  const end = isFinal(snap.status) ? toMillis(snap.lastUpdateTime) : undefined;
  const took = start !== undefined && end !== undefined && end >= start ? formatDuration(end - start) : undefined;
  const prefix = snap.executionType === 'ROLLBACK' ? `Rollback of ${name}` : name;
  const where = stageOfInterest(snap);
  if (state.status !== 'completed') {
    const approval = snap.stages.map((s) => ({ s, a: waitingApproval(s) })).find((x) => x.a);
    if (approval) return `Waiting for approval in ${approval.s.name}`;
    if (snap.status === 'Stopping') return `${prefix} is stopping`;
    return `${prefix} in progress${where ? `: ${where.name}` : ''}`;
  }
  switch (state.conclusion) {
    case 'success':
      return `${prefix} succeeded${took ? ` in ${took}` : ''}`;
    case 'failure': {
      const c = where ? firstCause(where) : {};
      return `${prefix} failed${where ? ` in ${where.name}${c.action ? ` / ${c.action.name}` : ''}` : ''}${c.title ? `: ${c.title}` : ''}`;
    }
    case 'cancelled':
      return `${prefix} was ${snap.status === 'Stopped' ? 'stopped' : 'cancelled'}${where ? ` in ${where.name}` : ''}`;
    case 'neutral':
      return supersededTitle(snap);
    case 'timed_out': {
      const running = stillRunning(snap);
      const after = ctx.o.timeoutMinutes !== undefined ? ` after ${ctx.o.timeoutMinutes} min` : '';
      return `Timed out${after}${running.length ? `; still running: ${running.join(', ')}` : ''}`;
    }
    default:
      return `${prefix}: ${state.conclusion}`;
  }
}

function title(s: string): string {
  return oneLine(s, TITLE_MAX);
}

function finish(run: Omit<CheckRunModel, 'output'> & { output: { title: string; summary: string; text?: string } }, ctx: Ctx): CheckRunModel {
  const summary = clip(redact(run.output.summary, ctx.secrets), OUTPUT_MAX);
  const text = run.output.text ? clip(redact(run.output.text, ctx.secrets), OUTPUT_MAX) : undefined;
  return { ...run, output: { title: title(redact(run.output.title, ctx.secrets)), summary, ...(text ? { text } : {}) } };
}

function completion(state: CheckState, end: number | undefined, ctx: Ctx): string | undefined {
  if (state.status !== 'completed') return undefined;
  return toIso(end ?? ctx.now);
}

function executionBody(ctx: Ctx, state: CheckState): string {
  const states = ctx.snap.stages.map((s) => stageCheckState(s, { execution: ctx.snap.status, timedOut: ctx.o.timedOut }));
  const parts = [header(ctx), stagesTable(ctx, states)];
  const image = imageSection(ctx.o.image, ctx);
  if (image) parts.push(image);
  if (state.conclusion === 'timed_out' && ctx.o.timeoutMinutes !== undefined) {
    parts.push(`⌛ The tracker stopped waiting after ${ctx.o.timeoutMinutes} minutes (\`timeout-minutes\`); the execution goes on in AWS.`);
  }
  for (const s of ctx.snap.stages) for (const a of failedActions(s)) parts.push(failureSection(s, a, ctx));
  return parts.join('\n\n');
}

/** The run for the whole execution, named `check-name`. */
export function renderExecution(snapshot: ExecutionSnapshot, o: RenderOptions): CheckRunModel {
  const ctx = context(snapshot, o);
  const state = executionCheckState(snapshot.status, { timedOut: o.timedOut });
  const end = isFinal(snapshot.status) ? toMillis(snapshot.lastUpdateTime) : undefined;
  const startedAt = toIso(snapshot.startTime);
  const completedAt = completion(state, end, ctx);
  return finish(
    {
      name: o.checkName ?? DEFAULT_CHECK_NAME,
      headSha: o.headSha,
      externalId: snapshot.executionId,
      status: state.status,
      ...(state.conclusion ? { conclusion: state.conclusion } : {}),
      ...(startedAt ? { startedAt } : {}),
      ...(completedAt ? { completedAt } : {}),
      detailsUrl: ctx.console,
      output: { title: executionTitle(state, ctx), summary: executionBody(ctx, state) },
      ...(o.buttons ? { actions: executionButtons(snapshot) } : {}),
    },
    ctx,
  );
}

function logText(stage: StageSnapshot, ctx: Ctx): string | undefined {
  const parts: string[] = [];
  for (const a of failedActions(stage)) {
    if (!a.logTail?.length) continue;
    const lines = a.logTail.slice(-LOG_LINES);
    parts.push(`### Last ${lines.length} lines of the ${cell(a.name)} log`, fence(clipTail(redact(lines.join('\n'), ctx.secrets), 30_000)));
  }
  return parts.length ? parts.join('\n\n') : undefined;
}

/** The run for one stage, named `check-name / stage`. */
export function renderStage(snapshot: ExecutionSnapshot, stage: StageSnapshot, o: RenderOptions): CheckRunModel {
  const ctx = context(snapshot, o);
  const checkName = o.checkName ?? DEFAULT_CHECK_NAME;
  const state = stageCheckState(stage, { execution: snapshot.status, timedOut: o.timedOut });
  const t = stageTimes(stage, state);
  const parts = [header(ctx), stage.actions.length ? actionsTable(stage, ctx) : '_This stage has no actions._'];
  const approval = waitingApproval(stage);
  if (approval && state.status === 'in_progress') {
    const review = safeUrl(approval.externalExecutionUrl);
    parts.push(
      `✋ ${cell(approval.name)} is waiting for a manual approval${approval.summary ? `: ${cell(oneLine(redact(approval.summary, ctx.secrets), 300))}` : ''}. Approve or reject it ${o.buttons ? `with the buttons above (people with write access) or ` : ''}in the ${link('CodePipeline console', ctx.console)}${review ? ` after reviewing ${link('the linked page', review)}` : ''}.`,
    );
  }
  for (const a of failedActions(stage)) parts.push(failureSection(stage, a, ctx));
  const startedAt = toIso(t.start);
  const completedAt = completion(state, t.end ?? (isFinal(snapshot.status) ? toMillis(snapshot.lastUpdateTime) : undefined), ctx);
  const text = logText(stage, ctx);
  return finish(
    {
      name: stageCheckName(checkName, stage.name),
      headSha: o.headSha,
      externalId: `${snapshot.executionId}/${stage.name}`,
      status: state.status,
      ...(state.conclusion ? { conclusion: state.conclusion } : {}),
      ...(startedAt ? { startedAt } : {}),
      ...(completedAt ? { completedAt } : {}),
      detailsUrl: stageDetailsUrl(stage, ctx),
      output: { title: stageTitle(stage, state, ctx), summary: parts.join('\n\n'), ...(text ? { text } : {}) },
      ...(o.buttons ? { actions: stageButtons(snapshot, stage) } : {}),
    },
    ctx,
  );
}

/** Every check run for the execution: the whole execution's first, then one per stage in pipeline order. */
export function renderRuns(snapshot: ExecutionSnapshot, o: RenderOptions): CheckRunModel[] {
  return [renderExecution(snapshot, o), ...snapshot.stages.map((s) => renderStage(snapshot, s, o))];
}

const TITLE_ICON: Record<string, string> = {
  success: '✅',
  failure: '❌',
  cancelled: '⏹️',
  neutral: '⏭️',
  skipped: '⏭️',
  timed_out: '⌛',
};

/** The job summary (GitHub-flavoured Markdown): the execution's title, header, stage table, image and failures. */
export function renderJobSummary(snapshot: ExecutionSnapshot, o: RenderOptions): string {
  const ctx = context(snapshot, o);
  const state = executionCheckState(snapshot.status, { timedOut: o.timedOut });
  const icon = state.status === 'completed' ? (TITLE_ICON[state.conclusion ?? ''] ?? '') : '⏳';
  const heading = `## ${icon} ${cell(o.checkName ?? DEFAULT_CHECK_NAME)}: ${cell(title(redact(executionTitle(state, ctx), ctx.secrets)))}`;
  // A job summary may be 1 MiB; the check-run limit keeps it far below that.
  return clip(redact(`${heading}\n\n${executionBody(ctx, state)}\n`, ctx.secrets), OUTPUT_MAX);
}
