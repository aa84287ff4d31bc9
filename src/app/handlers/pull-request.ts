import type { Probot } from 'probot';
import { runConfigCheck } from '../config-check.js';
import type { AppOptions } from '../options.js';
import { configOnce, previewPullRequest } from '../preview.js';
import { checkInput } from './common.js';

/** A pull request's head commit gets the `ECS config` check, and the `ECS deploy preview` when the config asks for it. */
export function pullRequestHandlers(app: Probot, o: AppOptions): void {
  app.on(['pull_request.opened', 'pull_request.synchronize', 'pull_request.reopened'], async (context) => {
    // One read of the config serves both the config check and the deploy preview.
    const readConfig = configOnce(context);
    await runConfigCheck({ ...checkInput(context, o), readConfig, headSha: context.payload.pull_request.head.sha, trigger: { kind: 'commit' } });
    await previewPullRequest(context, o, readConfig);
  });
}
