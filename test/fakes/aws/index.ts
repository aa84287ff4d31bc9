export { FakeAws, startFakeAws, FAKE_ACCESS_KEY_ID, FAKE_SECRET_ACCESS_KEY } from './server.js';
export type { CallRecord, FakeAwsOptions, FaultKind, FaultOptions } from './server.js';
export { artifactKey, straightSuccess, FakeAwsError } from './pipeline-sim.js';
export type { ApprovalRecord, RetryRecord, StartRecord, StopRecord } from './pipeline-sim.js';
export type * from './model.js';
export * as scenarios from './scenarios.js';
export { createZip, crc32 } from './zip.js';
export { fakeUuid, seededRandom } from './rng.js';
