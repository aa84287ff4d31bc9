import type { ApplicationFunction, ApplicationFunctionOptions, Probot } from 'probot';
import { checkRunHandlers } from './handlers/check-run.js';
import { checkSuiteHandlers } from './handlers/check-suite.js';
import { onboardingHandlers } from './handlers/installation.js';
import { pullRequestHandlers } from './handlers/pull-request.js';
import { pushHandlers } from './handlers/push.js';
import { rerequestedPipelineHandlers } from './handlers/rerequested-pipeline.js';
import { requestedActionHandlers } from './handlers/requested-action.js';
import { appOptionsFromEnv, type AppOptions } from './options.js';
import { resumeOnStart } from './resume.js';
import { setPooledAwsLogger } from './tracking/aws.js';

export type { AppOptions };

/** The GitHub App: one handler family per file under handlers/, registered here and nowhere else. */
export function createApp(o: AppOptions = appOptionsFromEnv()): ApplicationFunction {
  return (app: Probot) => {
    setPooledAwsLogger(app.log);
    pullRequestHandlers(app, o);
    checkSuiteHandlers(app, o);
    checkRunHandlers(app, o);
    pushHandlers(app, o);
    rerequestedPipelineHandlers(app, o);
    resumeOnStart(app, o);
    requestedActionHandlers(app, o);
    onboardingHandlers(app, o);
  };
}

/** For `probot run build/app/index.js`: options from the environment. */
export default function ecsCodepipelineApp(app: Probot, options: ApplicationFunctionOptions): void | Promise<void> {
  return createApp()(app, options);
}
