import type { Probot } from 'probot';
import { CONFIG_PATH } from '../config.js';
import type { AppOptions } from '../options.js';
import { pipelineCheckName, pipelineWatches } from '../tracking/names.js';
import { readAppConfig, startTracking } from '../tracking/start.js';

/** A push to a configured branch: queued runs for the commit, then its execution tracked to the end, in the background. */
export function pushHandlers(app: Probot, o: AppOptions): void {
  app.on('push', async (context) => {
    const p = context.payload;
    if (p.deleted || !p.ref.startsWith('refs/heads/') || /^0+$/.test(p.after)) return;
    const branch = p.ref.slice('refs/heads/'.length);
    const defaultBranch = (p.repository as { default_branch?: string }).default_branch;
    // The config of a minute ago will do, unless this push changes it (here, or as the organisation's defaults).
    const touches = p.repository.name === '.github' || p.commits.some((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].includes(CONFIG_PATH));
    const config = await readAppConfig(context, o, { reuse: !touches });
    if (!config) return;
    for (const pipeline of config.pipelines) {
      if (!pipelineWatches(pipeline, branch, defaultBranch)) continue;
      startTracking(app, context, o, { sha: p.after, pipeline, checkName: pipelineCheckName(config, pipeline), kind: 'push', report: config.report, deployments: config.deployments, paths: config.paths });
    }
  });
}
