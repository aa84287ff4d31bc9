import type { Probot } from 'probot';
import { runConfigCheck } from '../config-check.js';
import type { AppOptions } from '../options.js';
import { checkInput } from './common.js';

/** A pull request's head commit gets the `ECS config` check. */
export function pullRequestHandlers(app: Probot, o: AppOptions): void {
  app.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened'], async (context) => {
    await runConfigCheck({ ...checkInput(context, o), headSha: context.payload.pull_request.head.sha, trigger: { kind: 'commit' } });
  });
}
