import { overriddenEndpoint } from '../../adapters/aws/config.js';
import type { AwsPorts } from '../../adapters/aws/index.js';
import { roleSessionName, sharedAssumeRoleProvider, type CredentialsProvider } from '../../adapters/aws/sts.js';
import type { Logger } from '../../services/ports.js';
import type { PipelineConfig } from '../config.js';
import { trackingSettings } from './settings.js';

/** Who the AWS calls are made as: the app itself, or a role under a session name. */
export interface AwsIdentity {
  region: string;
  role?: string;
  sessionName?: string;
}

function credentialsOf(id: AwsIdentity): CredentialsProvider | undefined {
  if (!id.role) return undefined;
  const s = trackingSettings;
  return sharedAssumeRoleProvider({
    ...s.aws,
    region: id.region,
    roleArn: id.role,
    sessionName: id.sessionName ?? 'ecs-codepipeline-app',
    ...(s.roleExternalId ? { externalId: s.roleExternalId } : {}),
  });
}

/**
 * The identity for a repository's pipeline: the role its config names
 * (already checked against the operator's allow-list when the config was
 * read), in a session named after the repository; without a role, the app's
 * own credentials.
 */
export function pipelineIdentity(p: Pick<PipelineConfig, 'role' | 'region'>, where: { owner: string; repo: string }): AwsIdentity {
  return p.role ? { region: p.region, role: p.role, sessionName: roleSessionName(where.owner, where.repo) } : { region: p.region };
}

/** The credentials for a repository's pipeline; undefined: the app's own. */
export function pipelineCredentials(p: Pick<PipelineConfig, 'role' | 'region'>, where: { owner: string; repo: string }): CredentialsProvider | undefined {
  return credentialsOf(pipelineIdentity(p, where));
}

async function create(id: AwsIdentity, log?: Logger): Promise<AwsPorts> {
  const { createAwsPorts } = await import('../../adapters/aws/index.js');
  const credentials = credentialsOf(id);
  return createAwsPorts({ ...trackingSettings.aws, region: id.region, ...(log ? { logger: log } : {}), ...(credentials ? { credentials } : {}) });
}

/** The tracker's own AWS clients for one pipeline (destroyed when it ends). */
export function openAws(p: PipelineConfig, where: { owner: string; repo: string }, log: Logger): Promise<AwsPorts> {
  return create(pipelineIdentity(p, where), log);
}

/** Where the shared clients' own messages go: the app's log, not that of whichever webhook made them. */
let poolLog: Logger | undefined;

export function setPooledAwsLogger(log: { info(m: string): void; warn(m: string): void; debug(m: string): void }): void {
  poolLog = { info: (m) => log.info(m), warning: (m) => log.warn(m), debug: (m) => log.debug(m) };
}

interface Pooled {
  ports: Promise<AwsPorts>;
  executions: Set<string>;
}

/** The pipeline adapter remembers each execution it read; a client set is replaced after this many. */
const RECYCLE_AFTER = 2_000;
const pool = new Map<string, Pooled>();

export function identityKey(id: AwsIdentity): string {
  return JSON.stringify([id.region, id.role ?? '', id.role ? (id.sessionName ?? '') : '']);
}

/** Clients made for another endpoint (a test's earlier fake server) are not reused. */
function poolKey(id: AwsIdentity): string {
  return `${identityKey(id)}|${overriddenEndpoint('codepipeline', trackingSettings.aws) ?? ''}`;
}

/**
 * Long-lived clients shared by the trackers, the EventBridge route and the
 * updates it hands on: one set per region and identity rather than five SDK
 * clients per tracker (each costs memory and sockets: a thousand trackers
 * would need hundreds of MB), and the events of an execution go through the
 * pipeline adapter that remembers what earlier reads showed. `executionId` is
 * any key of the work (a commit before its execution is known) for counting.
 */
export function pooledAws(id: AwsIdentity, executionId: string): Promise<AwsPorts> {
  const key = poolKey(id);
  let entry = pool.get(key);
  if (entry && entry.executions.size >= RECYCLE_AFTER && !entry.executions.has(executionId)) {
    const old = entry.ports;
    pool.delete(key);
    // Calls of the old set may still be in flight: close it a minute later.
    setTimeout(() => void old.then((p) => p.destroy(), () => undefined), 60_000).unref();
    entry = undefined;
  }
  if (!entry) {
    const made: Pooled = { ports: create(id, poolLog), executions: new Set() };
    // A failed creation is not kept: the next event tries again.
    made.ports.catch(() => pool.get(key) === made && pool.delete(key));
    pool.set(key, (entry = made));
  }
  entry.executions.add(executionId);
  return entry.ports;
}

/** Closes the pooled clients (a stopping server, the end of a test). */
export async function closePooledAws(): Promise<void> {
  const all = [...pool.values()];
  pool.clear();
  await Promise.all(all.map((e) => e.ports.then((p) => p.destroy(), () => undefined)));
}
