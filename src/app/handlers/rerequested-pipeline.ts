import type { Probot } from 'probot';
import type { AppOptions } from '../options.js';
import { pipelineCheckName, pipelineOfRun, pipelineWatches } from '../tracking/names.js';
import { readAppConfig, startTracking } from '../tracking/start.js';

/** Digits only, as StartPipelineExecution's token allows, and short. */
function attemptOf(value: string | number): string {
  return String(value).replace(/[^0-9]/g, '').slice(-10) || '1';
}

/**
 * "Re-run" on a pipeline run, or "Re-run all checks": retry the failed stage
 * (FAILED_ACTIONS), or start the execution when the commit has none, then
 * track it again. The `ECS config` run is handled by check-run.ts.
 */
export function rerequestedPipelineHandlers(app: Probot, o: AppOptions): void {
  app.on('check_run.rerequested', async (context) => {
    const run = context.payload.check_run;
    if (o.appId !== undefined && run.app?.id !== undefined && run.app.id !== o.appId) return;
    const config = await readAppConfig(context, o);
    const found = config && pipelineOfRun(config, run.name);
    if (!config || !found) return;
    startTracking(app, context, o, { sha: run.head_sha, pipeline: found.pipeline, checkName: found.checkName, kind: 'rerun', attempt: attemptOf(run.id), report: config.report, deployments: config.deployments, paths: config.paths });
  });

  app.on('check_suite.rerequested', async (context) => {
    const suite = context.payload.check_suite;
    const config = await readAppConfig(context, o);
    if (!config) return;
    const defaultBranch = (context.payload.repository as { default_branch?: string }).default_branch;
    for (const pipeline of config.pipelines) {
      if (suite.head_branch && !pipelineWatches(pipeline, suite.head_branch, defaultBranch)) continue;
      startTracking(app, context, o, { sha: suite.head_sha, pipeline, checkName: pipelineCheckName(config, pipeline), kind: 'rerun', attempt: attemptOf(suite.updated_at ?? ''), report: config.report, deployments: config.deployments, paths: config.paths });
    }
  });
}
