import type { Context, Probot } from 'probot';
import { createPipelineActions, PipelineActionError, type PipelineActions } from '../../adapters/aws/actions.js';
import { errorName } from '../../adapters/aws/errors.js';
import { isButtonId, type ButtonId } from '../../core/pipeline/buttons.js';
import { OUTPUT_MAX } from '../../core/pipeline/md.js';
import { CONFIG_FILE, configFrom, type PipelineConfig } from '../config.js';
import type { AppOptions } from '../options.js';
import { pipelineCredentials } from '../tracking/aws.js';

/**
 * A click on one of our check run's buttons (`check_run.requested_action`):
 * Approve / Reject a waiting manual approval, Retry a failed stage, Stop the
 * execution. Only people with write access to the repository may act; anyone
 * else gets a note in the run and nothing happens in AWS. The approval token
 * is read fresh from GetPipelineState, never from the payload, and never
 * written anywhere.
 */

type RunContext = Context<'check_run.requested_action'>;

const WRITE_ROLES = new Set(['admin', 'maintain', 'write']);

const VERB: Record<ButtonId, { ask: string; done: string; icon: string }> = {
  approve: { ask: 'approve', done: 'Approved', icon: '✅' },
  reject: { ask: 'reject', done: 'Rejected', icon: '🚫' },
  retry: { ask: 'retry', done: 'Retried', icon: '🔁' },
  stop: { ask: 'stop', done: 'Stopped', icon: '⏹️' },
};

/** The execution id (and stage) our runs carry in `external_id`: `<execution>` or `<execution>/<stage>`. */
export function targetOf(externalId: string | null | undefined): { executionId: string; stageName?: string } | undefined {
  if (!externalId) return undefined;
  const i = externalId.indexOf('/');
  const executionId = i < 0 ? externalId : externalId.slice(0, i);
  const stageName = i < 0 ? undefined : externalId.slice(i + 1);
  if (!/^[0-9a-f-]{8,}$/i.test(executionId) || stageName === '') return undefined;
  return stageName ? { executionId, stageName } : { executionId };
}

/** Whether the user may change the repository: admin, maintain or write (`role_name` tells maintain from write). */
async function canWrite(context: RunContext, username: string): Promise<boolean> {
  const { owner, repo } = context.repo();
  try {
    const res = await context.octokit.request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', { owner, repo, username });
    const d = res.data as { permission?: string; role_name?: string };
    return WRITE_ROLES.has(d.permission ?? '') || WRITE_ROLES.has(d.role_name ?? '');
  } catch (err) {
    // Not a collaborator at all.
    if ((err as { status?: number }).status === 404) return false;
    throw err;
  }
}

function clip(s: string): string {
  return s.length <= OUTPUT_MAX ? s : `${s.slice(0, OUTPUT_MAX - 1)}…`;
}

/** Rewrites the run's output with a line on top of its summary or its text; `clearButtons` takes the buttons away. */
async function annotate(context: RunContext, o: { line: string; where: 'summary' | 'text'; clearButtons?: boolean }): Promise<void> {
  const run = context.payload.check_run;
  const output = run.output as { title?: string | null; summary?: string | null; text?: string | null };
  const summary = output.summary ?? '';
  const text = output.text ?? '';
  await context.octokit.request('PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}', {
    ...context.repo(),
    check_run_id: run.id,
    output: {
      title: output.title || run.name,
      summary: clip(o.where === 'summary' ? `${o.line}\n\n${summary}`.trimEnd() : summary || o.line),
      ...(o.where === 'text' ? { text: clip(`${o.line}\n\n${text}`.trimEnd()) } : text ? { text } : {}),
    },
    ...(o.clearButtons ? { actions: [] } : {}),
  });
}

/** The configured pipeline that holds this execution: those named in the run's name first, then the others. */
async function findPipeline(pipelines: PipelineConfig[], where: { owner: string; repo: string; runName: string; executionId: string }): Promise<{ pipeline: PipelineConfig; aws: PipelineActions } | undefined> {
  const { runName, executionId } = where;
  const named = pipelines.filter((p) => runName.includes(p.name));
  for (const pipeline of [...named, ...pipelines.filter((p) => !named.includes(p))]) {
    const credentials = pipelineCredentials(pipeline, where);
    const aws = await createPipelineActions({ region: pipeline.region, ...(credentials ? { credentials } : {}) });
    try {
      if ((await aws.executionStatus({ pipelineName: pipeline.name, executionId })) !== undefined) return { pipeline, aws };
    } catch (err) {
      aws.destroy();
      throw err;
    }
    aws.destroy();
  }
  return undefined;
}

async function act(aws: PipelineActions, o: { id: ButtonId; pipelineName: string; executionId: string; stageName?: string; user: string; runUrl: string }): Promise<string | undefined> {
  const by = `by @${o.user} on GitHub`;
  switch (o.id) {
    case 'approve':
    case 'reject': {
      if (!o.stageName) return 'this run is not a stage';
      const pending = await aws.pendingApproval({ pipelineName: o.pipelineName, stageName: o.stageName, executionId: o.executionId });
      if (!pending) return `no manual approval of this execution is waiting in ${o.stageName}`;
      const status = o.id === 'approve' ? 'Approved' : 'Rejected';
      await aws.approve({ pipelineName: o.pipelineName, stageName: o.stageName, approval: pending, status, summary: `${status} ${by} (${o.runUrl})` });
      return undefined;
    }
    case 'retry':
      if (!o.stageName) return 'this run is not a stage';
      await aws.retry({ pipelineName: o.pipelineName, stageName: o.stageName, executionId: o.executionId });
      return undefined;
    case 'stop':
      await aws.stop({ pipelineName: o.pipelineName, executionId: o.executionId, reason: `Stopped ${by}` });
      return undefined;
  }
}

export function requestedActionHandlers(app: Probot, o: AppOptions): void {
  app.on('check_run.requested_action', async (context) => {
    const run = context.payload.check_run;
    // GitHub sends clicks to the app that made the run; a run of another app is none of ours.
    if (o.appId !== undefined && run.app?.id !== undefined && run.app.id !== o.appId) return;
    const id = context.payload.requested_action?.identifier;
    const target = targetOf(run.external_id);
    if (!isButtonId(id) || !target) return;
    // Stop belongs to the execution's run, the others to a stage's run.
    if ((id === 'stop') !== (target.stageName === undefined)) return;
    const user = context.payload.sender.login;
    const verb = VERB[id];
    const when = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

    if (!(await canWrite(context, user))) {
      context.log.info(`@${user} may not ${verb.ask} ${run.external_id}: no write access`);
      await annotate(context, { where: 'text', line: `> [!NOTE]\n> @${user} asked to ${verb.ask} at ${when}, but only people with write access to this repository may; nothing was done.` });
      return;
    }
    const refusal = (why: string) => annotate(context, { where: 'text', line: `> [!WARNING]\n> @${user} asked to ${verb.ask} at ${when}; nothing was done: ${why}.` });

    const config = configFrom(await context.config(CONFIG_FILE).then((value) => ({ value }), (error: Error) => ({ error })), o.roles);
    if (!config.ok) return refusal(`.github/${CONFIG_FILE} cannot be used (see the \`${config.checkName}\` check)`);
    let found: Awaited<ReturnType<typeof findPipeline>>;
    try {
      found = await findPipeline(config.config.pipelines, { ...context.repo(), runName: run.name, executionId: target.executionId });
    } catch (err) {
      context.log.error(`@${user}: ${verb.ask} ${run.external_id}: finding the execution failed: ${errorName(err) ?? 'an unknown error'}`);
      return refusal(`the execution could not be read from AWS (${errorName(err) ?? 'an unknown error'}); try again, or use the CodePipeline console`);
    }
    if (!found) return refusal(`execution ${target.executionId} is in none of the pipelines in .github/${CONFIG_FILE}`);
    const { pipeline, aws } = found;
    try {
      const why = await act(aws, { id, pipelineName: pipeline.name, executionId: target.executionId, stageName: target.stageName, user, runUrl: run.html_url ?? '' });
      if (why) return refusal(why);
    } catch (err) {
      if (err instanceof PipelineActionError) return refusal(`CodePipeline refused: ${err.message}`);
      // Only the error's name: an SDK message may quote the request (an approval token).
      const name = errorName(err) ?? 'an unknown error';
      context.log.error(`@${user}: ${verb.ask} ${run.external_id} failed in AWS: ${name}`);
      return refusal(`the request to AWS failed (${name}); try again, or use the CodePipeline console`);
    } finally {
      aws.destroy();
    }
    const where = target.stageName ? `${target.stageName} of execution ${target.executionId}` : `execution ${target.executionId}`;
    context.log.info(`@${user}: ${verb.done} ${where} of ${pipeline.name}`);
    // The buttons go: the tracker shows the ones that fit the execution's next state.
    await annotate(context, { where: 'summary', clearButtons: true, line: `**${verb.icon} ${verb.done} by @${user}** at ${when} (${pipeline.name}, ${where}).` });
  });
}
