import type { DeployedImage, ExecutionSnapshot, StageStatus } from '../pipeline/model.js';

/**
 * GitHub Deployments for an execution's deploy stages: which deployment each
 * mapped stage should have, in which state, and which older deployments of the
 * environment stop being the live one. Pure: the writer (src/app/deployments.ts)
 * reads GitHub, asks these functions, and writes only what differs, so the same
 * snapshot applied twice writes nothing the second time.
 */

export type DeploymentState = 'error' | 'failure' | 'inactive' | 'in_progress' | 'queued' | 'pending' | 'success';

/** The repository config's `deployments`: stage name → environment. */
export type DeploymentMapping = Record<string, { environment: string; environment_url?: string }>;

/** What we put in a deployment's payload, and find it again by. */
export interface DeploymentPayload {
  pipeline: string;
  region: string;
  executionId: string;
  stage: string;
  image?: { uri: string; tag?: string; digest?: string };
}

export interface DesiredDeployment {
  stage: string;
  environment: string;
  ref: string;
  state: DeploymentState;
  description: string;
  environmentUrl?: string;
  logUrl?: string;
  payload: DeploymentPayload;
}

/** A deployment as listed by GitHub, with its newest status when the writer read it. */
export interface ListedDeployment {
  id: number;
  sha: string;
  environment: string;
  payload: unknown;
  created_at: string;
  state?: DeploymentState;
}

const STATE: Partial<Record<StageStatus, DeploymentState>> = {
  InProgress: 'in_progress',
  Stopping: 'in_progress',
  Succeeded: 'success',
  Failed: 'failure',
  Stopped: 'error',
  Cancelled: 'error',
};

const TERMINAL: ReadonlySet<DeploymentState> = new Set(['success', 'failure', 'error', 'inactive']);

/** GitHub cuts deployment status descriptions at 140 characters. */
function description(stage: string, status: StageStatus, pipeline: string): string {
  const verb: Partial<Record<StageStatus, string>> = { InProgress: 'deploying', Stopping: 'stopping', Succeeded: 'deployed', Failed: 'failed', Stopped: 'stopped', Cancelled: 'cancelled' };
  return `${pipeline} / ${stage}: ${verb[status] ?? status}`.slice(0, 140);
}

/** Stage names match the mapping as written, else case-insensitively. */
function mappingFor(mapping: DeploymentMapping, stage: string): DeploymentMapping[string] | undefined {
  if (Object.hasOwn(mapping, stage)) return mapping[stage];
  const key = Object.keys(mapping).find((k) => k.toLowerCase() === stage.toLowerCase());
  return key === undefined ? undefined : mapping[key];
}

/** One deployment per mapped stage the execution has entered; stages not reached (or skipped) have none yet. */
export function desiredDeployments(i: { snapshot: ExecutionSnapshot; mapping: DeploymentMapping; sha: string; image?: DeployedImage; logUrl?: string }): DesiredDeployment[] {
  const out: DesiredDeployment[] = [];
  for (const stage of i.snapshot.stages) {
    const m = mappingFor(i.mapping, stage.name);
    const state = STATE[stage.status];
    if (!m || !state) continue;
    const payload: DeploymentPayload = { pipeline: i.snapshot.pipelineName, region: i.snapshot.region, executionId: i.snapshot.executionId, stage: stage.name };
    if (i.image) payload.image = { uri: i.image.uri, ...(i.image.tag ? { tag: i.image.tag } : {}), ...(i.image.digest ? { digest: i.image.digest } : {}) };
    out.push({
      stage: stage.name,
      environment: m.environment,
      ref: i.sha,
      state,
      description: description(stage.name, stage.status, i.snapshot.pipelineName),
      ...(m.environment_url ? { environmentUrl: m.environment_url } : {}),
      ...(i.logUrl ? { logUrl: i.logUrl } : {}),
      payload,
    });
  }
  return out;
}

function payloadOf(d: ListedDeployment): Partial<DeploymentPayload> {
  let p = d.payload;
  // GitHub hands back a payload given as a string as that string.
  if (typeof p === 'string') {
    try {
      p = JSON.parse(p);
    } catch {
      return {};
    }
  }
  return p && typeof p === 'object' ? (p as Partial<DeploymentPayload>) : {};
}

/** The deployment already made for this execution's stage, if any (the payload says which). */
export function existingDeployment(want: DesiredDeployment, listed: readonly ListedDeployment[]): ListedDeployment | undefined {
  return listed.find((d) => {
    const p = payloadOf(d);
    return d.sha === want.ref && d.environment === want.environment && p.executionId === want.payload.executionId && p.stage === want.stage;
  });
}

/**
 * Whether a status must be written: when the state differs, except that a
 * finished deployment never goes back to in progress (a snapshot read before
 * the last write may arrive after it).
 */
export function statusNeeded(want: DeploymentState, current: DeploymentState | undefined): boolean {
  if (want === current) return false;
  if (current && TERMINAL.has(current) && !TERMINAL.has(want)) return false;
  return true;
}

/**
 * Older deployments of the environment that were live (their newest status
 * success) once a newer one succeeded. GitHub's own `auto_inactive` leaves
 * production environments alone, so the writer does it itself.
 */
export function toInactivate(current: ListedDeployment, listed: readonly ListedDeployment[]): number[] {
  const t = Date.parse(current.created_at);
  return listed
    .filter((d) => d.id !== current.id && d.environment === current.environment && d.state === 'success' && (Date.parse(d.created_at) < t || (Date.parse(d.created_at) === t && d.id < current.id)))
    .map((d) => d.id);
}
