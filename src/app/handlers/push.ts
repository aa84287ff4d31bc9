import type { Probot } from 'probot';
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
    const config = await readAppConfig(context, o);
    if (!config) return;
    for (const pipeline of config.pipelines) {
      if (!pipelineWatches(pipeline, branch, defaultBranch)) continue;
      startTracking(context, o, { sha: p.after, pipeline, checkName: pipelineCheckName(config, pipeline), kind: 'push', report: config.report });
    }
  });
}
