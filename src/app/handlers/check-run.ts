import type { Probot } from 'probot';
import { runConfigCheck } from '../config-check.js';
import type { AppOptions } from '../options.js';
import { checkInput } from './common.js';

/** "Re-run" on one of our check runs; only the `ECS config` run is handled so far. */
export function checkRunHandlers(app: Probot, o: AppOptions): void {
  app.on('check_run.rerequested', async (context) => {
    const run = context.payload.check_run;
    // GitHub sends it to the app that made the run; a run of another app is none of ours.
    if (o.appId !== undefined && run.app?.id !== undefined && run.app.id !== o.appId) return;
    await runConfigCheck({ ...checkInput(context, o), headSha: run.head_sha, trigger: { kind: 'rerun', checkRunId: run.id, checkRunName: run.name } });
  });
}
