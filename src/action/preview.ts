import type * as Core from '@actions/core';
import { readTree } from '../adapters/fs/read-tree.js';
import type { SourceFile } from '../core/model.js';
import type { CheckRunModel } from '../core/pipeline/check-run.js';
import type { Logger } from '../services/ports.js';
import { InputError } from './errors.js';
import type { Inputs, PreviewInputs } from './inputs.js';
import { errorText } from '../core/error-text.js';

/**
 * mode: preview — the `ECS deploy preview` check run on the commit (what
 * merging changes in the running service, and pipeline drift), the same in
 * the job summary, and the `changes` and `drift` outputs. A live side that
 * cannot be read is said in the run ("cannot read X: grant Y"); the step
 * fails only when the deployment itself would fail.
 */

type Env = Record<string, string | undefined>;
export type PreviewCore = Pick<typeof Core, 'info' | 'warning' | 'debug' | 'setOutput' | 'setFailed' | 'summary'>;

function loggerOf(core: PreviewCore): Logger {
  return { info: (m) => core.info(m), warning: (m) => core.warning(m), debug: (m) => core.debug(m) };
}

function readFiles(paths: string[], workspace: string): { files: SourceFile[]; tree: string[] } {
  const read = readTree(paths, workspace);
  if (read.missing.length > 0) {
    const list = read.missing.map((m) => `'${m}'`).join(', ');
    throw new InputError(`Input 'path': ${list} not found in the workspace (${workspace}). Set path to a folder or file of the repository (default '.'), and check out the repository first (actions/checkout).`);
  }
  return { files: read.files, tree: read.tree };
}

/** The workflow run's page, for the check run's details link. */
function runUrl(env: Env): string | undefined {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  return env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
}

export async function runPreview(inputs: Inputs, p: PreviewInputs, o: { core: PreviewCore; env?: Env }): Promise<void> {
  const { core } = o;
  const env = o.env ?? process.env;
  const logger = loggerOf(core);
  const { files, tree } = readFiles(inputs.paths, env.GITHUB_WORKSPACE || process.cwd());
  const { createLiveDeploy } = await import('../adapters/aws/live-deploy.js');
  const { previewDeploy } = await import('../services/preview.js');
  const preview = await import('../core/preview/index.js');
  const live = createLiveDeploy({ region: p.awsRegion, logger });
  let result;
  try {
    result = await previewDeploy({ files, tree, pipelineName: p.pipelineName, headSha: p.commit }, live);
  } finally {
    live.destroy();
  }
  const { report, counts, input, notes } = result;
  for (const n of notes) core.warning(n);
  for (const s of input.sections) if (s.unavailable) core.warning(s.unavailable);
  if (input.drift?.unavailable) core.warning(input.drift.unavailable);
  core.info(preview.renderPreviewText(input));

  const runOptions = { headSha: p.commit, pipelineName: p.pipelineName, now: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), detailsUrl: runUrl(env), notes };
  if (p.report !== 'none') await postRun(preview.previewCheckRun(report, runOptions), p, { core, env, logger });
  core.setOutput('changes', counts.changes);
  core.setOutput('drift', counts.drift);
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(preview.previewJobSummary(report, runOptions), true).write();
  if (report.conclusion === 'failure') {
    const problems = input.sections.flatMap((s) => s.diff?.problems ?? []).map((x) => x.message);
    core.setFailed(`The deployment would fail: ${problems.join('; ')}.`);
  } else core.info(`${preview.PREVIEW_CHECK_NAME}: ${report.title}`);
}

/** The check run; GitHub trouble is a warning (the job summary still has the preview), never a failed step. */
async function postRun(run: CheckRunModel, p: PreviewInputs, o: { core: PreviewCore; env: Env; logger: Logger }): Promise<void> {
  const full = o.env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = full.split('/');
  if (!owner || !repo) {
    o.core.warning('GITHUB_REPOSITORY is not set (owner/repo), so no check run was posted; run the action in a GitHub Actions workflow.');
    return;
  }
  const { createGitHubPorts } = await import('../adapters/github/index.js');
  const { publishPreviewRun } = await import('../services/preview-publish.js');
  try {
    const github = await createGitHubPorts({ token: p.githubToken, owner, repo, logger: o.logger, ...(o.env.GITHUB_API_URL ? { baseUrl: o.env.GITHUB_API_URL } : {}) });
    const written = await publishPreviewRun(github.checks, run);
    o.core.info(`Check run '${run.name}' ${written.action} (id ${written.id}).`);
  } catch (e) {
    if (e instanceof Error && e.name === 'ChecksForbiddenError') {
      o.core.warning(`The token may not write check runs (${errorText(e)}); give the job \`checks: write\` in its permissions. The preview is in the job summary.`);
      return;
    }
    o.core.warning(`Could not post the '${run.name}' check run: ${errorText(e)}. The preview is in the job summary.`);
  }
}

/**
 * For mode: track — the drift section of the execution's check run: the
 * repository's pipeline file against GetPipeline, once. Undefined when the
 * repository has no file for this pipeline; anything that goes wrong is a
 * line in the log, never a failure of the tracking.
 */
export async function trackDrift(o: { paths: string[]; workspace: string; pipelineName: string; region: string; logger: Logger }): Promise<string | undefined> {
  try {
    const read = readTree(o.paths, o.workspace);
    const { driftSection, mayHoldPipeline } = await import('../services/drift-section.js');
    const files = read.files.filter((f) => mayHoldPipeline(f.path));
    if (files.length === 0) return undefined;
    const { createLiveDeploy } = await import('../adapters/aws/live-deploy.js');
    const live = createLiveDeploy({ region: o.region, logger: o.logger });
    try {
      return await driftSection({ files, tree: read.tree, pipelineName: o.pipelineName }, live, o.logger);
    } finally {
      live.destroy();
    }
  } catch (e) {
    o.logger.warning(`Pipeline drift not compared: ${errorText(e)}`);
    return undefined;
  }
}
