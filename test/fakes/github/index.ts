export { FakeGitHub, type Fault, type FaultRule, type FakeGitHubOptions, type RecordedRequest, type Rejection, type ResponseError } from './server.js';
export { runnerEnv, type RunnerEnvOptions } from './env.js';
export { GITHUB_ACTIONS_APP, type FakeApp } from './objects.js';
export { IMPLEMENTED, loadSpec, cacheFile, specPath, type LoadStats, type OperationKey } from './openapi.js';
export type { StoredCheckRun, StoredStatus, StoredDeployment, StoredDeploymentStatus, StoredAnnotation } from './store.js';

import { FakeGitHub, type FakeGitHubOptions } from './server.js';

/** Starts a fake GitHub on 127.0.0.1 (random port); `await fake.stop()` when done. */
export function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  return FakeGitHub.start(options);
}
