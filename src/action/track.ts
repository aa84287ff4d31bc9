import type * as Core from '@actions/core';
import type { Clock, Logger } from '../services/ports.js';
import type { TrackResult } from '../services/track/index.js';
import { docsUrl } from './docs-url.js';
import type { TrackInputs } from './inputs.js';
import { trackDrift } from './preview.js';

/**
 * mode preview is served by this module's bundle too: the tracker already
 * carries all of it (the pipeline drift), and one bundle holds one copy of
 * the AWS SDK instead of two.
 */
export { runPreview } from './preview.js';

type Env = Record<string, string | undefined>;
export type TrackCore = Pick<typeof Core, 'info' | 'warning' | 'debug' | 'setOutput' | 'setFailed' | 'summary'>;

import { realClock } from '../adapters/clock.js';

export { realClock };

function loggerOf(core: TrackCore): Logger {
  return { info: (m) => core.info(m), warning: (m) => core.warning(m), debug: (m) => core.debug(m) };
}

/**
 * The workflow run was cancelled: the runner sends SIGINT, then SIGTERM
 * 7.5 s later, then kills the process. Either signal aborts the tracker, which
 * then stops the execution (stop-on-cancel) and completes its check runs.
 */
export function abortOnSignals(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = (): void => controller.abort();
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

function setOutputs(core: TrackCore, r: TrackResult): void {
  core.setOutput('execution-id', r.executionId);
  core.setOutput('execution-url', r.executionUrl);
  core.setOutput('status', r.outcome);
  core.setOutput('image-uri', r.image?.uri ?? '');
  core.setOutput('image-tag', r.image?.tag ?? '');
  core.setOutput('image-digest', r.image?.digest ?? '');
}

/** `owner/repo` → the two parts; GITHUB_REPOSITORY is always set on a runner. */
function repository(env: Env): { owner: string; repo: string; full: string } {
  const full = env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = full.split('/');
  if (!owner || !repo) throw new Error('GITHUB_REPOSITORY is not set (owner/repo); run the action in a GitHub Actions workflow');
  return { owner, repo, full };
}

/** Modes track and start: the AWS and GitHub adapters are loaded here only. */
export async function runTrack(mode: 'track' | 'start', t: TrackInputs, o: { core: TrackCore; env?: Env; ecrRepositories?: string[]; paths?: string[] }): Promise<void> {
  const { core } = o;
  const env = o.env ?? process.env;
  const logger = loggerOf(core);
  const repo = repository(env);
  const [{ createAwsPorts }, { createGitHubPorts }, { trackExecution }] = await Promise.all([
    import('../adapters/aws/index.js'),
    import('../adapters/github/index.js'),
    import('../services/track/index.js'),
  ]);
  const aws = await createAwsPorts({ region: t.awsRegion, logger });
  const github =
    t.report === 'none'
      ? undefined
      : await createGitHubPorts({ token: t.githubToken, owner: repo.owner, repo: repo.repo, logger, ...(env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}) });
  // One repository named literally in the buildspec stands in for the ecr-repository input (short-SHA tag fallback).
  const ecrRepository = t.ecrRepository ?? (o.ecrRepositories?.length === 1 ? o.ecrRepositories[0] : undefined);
  // Drift of the repository's pipeline file from the live pipeline, read once, shown on the execution's run (issue 6).
  const pipelineDrift = o.paths ? await trackDrift({ paths: o.paths, workspace: env.GITHUB_WORKSPACE || process.cwd(), pipelineName: t.pipelineName, region: t.awsRegion, logger }) : undefined;
  const cancel = abortOnSignals();
  try {
    const result = await trackExecution(
      {
        mode,
        pipelineName: t.pipelineName,
        region: t.awsRegion,
        sha: t.commit,
        repository: repo.full,
        runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
        findTimeoutSeconds: t.findTimeoutSeconds,
        pollIntervalSeconds: t.pollIntervalSeconds,
        timeoutMinutes: t.timeoutMinutes,
        wait: t.wait,
        checkName: t.checkName,
        report: t.report,
        stopOnCancel: t.stopOnCancel,
        ...(ecrRepository ? { ecrRepository } : {}),
        signal: cancel.signal,
        docsUrl: docsUrl(env),
        ...(pipelineDrift ? { pipelineDrift } : {}),
      },
      { pipeline: aws.pipeline, images: aws.images, logs: aws.logs, ...(github ? { checks: github.checks, statuses: github.statuses } : {}), clock: realClock, logger },
    );
    setOutputs(core, result);
    if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(result.summaryMarkdown, true).write();
    if (result.fails) core.setFailed(result.message);
    else core.info(result.message);
  } finally {
    cancel.dispose();
    aws.destroy();
  }
}
