import type { Context } from 'probot';
import { createOctokitPorts, type RequestOnlyClient } from '../adapters/github/octokit-ports.js';
import { PREVIEW_CHECK_NAME, previewCheckRun, previewExternalId } from '../core/preview/index.js';
import type { Logger } from '../services/ports.js';
import { CONFIG_FILE, configFrom, type AppConfig, type ConfigRead, type PipelineConfig } from './config.js';
import type { AppOptions } from './options.js';
import { readCommit, type RequestClient } from './read-commit.js';
import { pipelineCredentials } from './tracking/aws.js';
import { trackingSettings } from './tracking/settings.js';
import { errorText } from '../core/error-text.js';

/**
 * The `ECS deploy preview` check run on a pull request's head commit, when
 * the repository's config says `preview: true`: the same preview as the
 * action's `mode: preview`, one run per configured pipeline. It never fails
 * the webhook: what goes wrong is logged (and AWS refusals are in the run).
 */

type PullRequestContext = Context<'pull_request'>;

/** One preview per commit and run name at a time in this process: `synchronize` may arrive twice. */
const inFlight = new Set<string>();

function loggerOf(context: PullRequestContext): Logger {
  return { info: (m) => context.log.info(m), warning: (m) => context.log.warn(m), debug: (m) => context.log.debug(m) };
}

/** `ECS deploy preview`, or `ECS deploy preview: <pipeline>` when the repository has several pipelines. */
export function previewCheckName(config: Pick<AppConfig, 'pipelines'>, p: PipelineConfig): string {
  return config.pipelines.length > 1 ? `${PREVIEW_CHECK_NAME}: ${p.name}` : PREVIEW_CHECK_NAME;
}

/** `context.config` once: the config check and the preview of one event share the read. */
export function configOnce(context: PullRequestContext): () => Promise<unknown> {
  let read: Promise<unknown> | undefined;
  return () => (read ??= context.config(CONFIG_FILE));
}

async function readConfig(load: () => Promise<unknown>, o: AppOptions): Promise<AppConfig | undefined> {
  let read: ConfigRead;
  try {
    read = { value: await load() };
  } catch (e) {
    // A config the plugin cannot use is the `ECS config` check's to report.
    if (!(e instanceof Error) || !/^\[@probot\/octokit-plugin-config\]/.test(e.message)) throw e;
    read = { error: e };
  }
  const result = configFrom(read, o.roles);
  return result.ok ? result.config : undefined;
}

export async function previewPullRequest(context: PullRequestContext, o: AppOptions, load: () => Promise<unknown> = configOnce(context)): Promise<void> {
  const log = loggerOf(context);
  const { owner, repo } = context.repo();
  const headSha = context.payload.pull_request.head.sha;
  try {
    const config = await readConfig(load, o);
    if (!config?.preview || config.pipelines.length === 0) return;
    const client = context.octokit as unknown as RequestClient & RequestOnlyClient;
    const commit = await readCommit(client, { owner, repo, sha: headSha, paths: config.paths, limits: o.limits });
    const { checks } = createOctokitPorts(client, { owner, repo, appId: o.appId });
    const { createLiveDeploy } = await import('../adapters/aws/live-deploy.js');
    const { previewDeploy } = await import('../services/preview.js');
    const { hasPreviewRun, publishPreviewRun } = await import('../services/preview-publish.js');
    for (const p of config.pipelines) {
      const name = previewCheckName(config, p);
      const key = `${owner}/${repo}@${headSha}#${name}`.toLowerCase();
      if (inFlight.has(key)) continue;
      inFlight.add(key);
      try {
        // A redelivered webhook, or the twin event of the same push: the commit has its preview already.
        if (await hasPreviewRun(checks, { headSha, name, externalId: previewExternalId(p.name) })) continue;
        const credentials = pipelineCredentials(p, { owner, repo });
        const live = createLiveDeploy({ ...trackingSettings.aws, region: p.region, logger: log, ...(credentials ? { credentials } : {}) });
        let result;
        try {
          result = await previewDeploy({ files: commit.files, tree: commit.tree, pipelineName: p.name, headSha }, live);
        } finally {
          live.destroy();
        }
        const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
        const run = previewCheckRun(result.report, { name, headSha, pipelineName: p.name, now, notes: [...commit.notes, ...result.notes] });
        const written = await publishPreviewRun(checks, run);
        log.info(`${owner}/${repo}@${headSha.slice(0, 7)}: ${name} ${written.action} (${result.report.conclusion}: ${result.report.title})`);
      } finally {
        inFlight.delete(key);
      }
    }
  } catch (e) {
    log.warning(`${owner}/${repo}@${headSha.slice(0, 7)}: the deploy preview failed: ${errorText(e)}`);
  }
}
