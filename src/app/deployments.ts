import {
  desiredDeployments,
  existingDeployment,
  statusNeeded,
  toInactivate,
  type DeploymentMapping,
  type DeploymentState,
  type ListedDeployment,
} from '../core/deployments/plan.js';
import type { DeployedImage, ExecutionSnapshot } from '../core/pipeline/model.js';

/** Octokit's `request` (an installation's client, or @actions/github's). */
export interface DeploymentsClient {
  request(route: string, params?: Record<string, unknown>): Promise<{ data: unknown }>;
}

export interface SyncDeploymentsInput {
  client: DeploymentsClient;
  owner: string;
  repo: string;
  /** The commit the execution built (not the branch head). */
  sha: string;
  /** A fresh snapshot of the execution. */
  snapshot: ExecutionSnapshot;
  /** The repository config's `deployments` (stage → environment). */
  mapping: DeploymentMapping;
  image?: DeployedImage;
  /** Link for people: the execution in the CodePipeline console. */
  logUrl?: string;
}

export interface SyncDeploymentsResult {
  created: Array<{ id: number; stage: string; environment: string }>;
  statuses: Array<{ id: number; state: DeploymentState }>;
  inactivated: number[];
}

interface ApiDeployment {
  id: number;
  sha: string;
  environment: string;
  payload: unknown;
  created_at: string;
}

async function latestState(c: SyncDeploymentsInput, id: number): Promise<DeploymentState | undefined> {
  const { data } = await c.client.request('GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', { owner: c.owner, repo: c.repo, deployment_id: id, per_page: 1 });
  return (data as Array<{ state: DeploymentState }>)[0]?.state;
}

/**
 * Brings the GitHub Deployments of one execution's deploy stages in line with
 * a snapshot: creates a stage's deployment when it starts (ref = the built
 * commit, payload = pipeline, execution, stage and image), adds a status when
 * the stage's state changed, and marks the environment's older live
 * deployments inactive when a new one succeeds. Idempotent: call it on every
 * tick or event; an unchanged snapshot reads and writes nothing new.
 */
export async function syncDeployments(c: SyncDeploymentsInput): Promise<SyncDeploymentsResult> {
  const result: SyncDeploymentsResult = { created: [], statuses: [], inactivated: [] };
  const wanted = desiredDeployments({ snapshot: c.snapshot, mapping: c.mapping, sha: c.sha, image: c.image, logUrl: c.logUrl });
  for (const want of wanted) {
    const { data } = await c.client.request('GET /repos/{owner}/{repo}/deployments', { owner: c.owner, repo: c.repo, environment: want.environment, per_page: 30 });
    const listed: ListedDeployment[] = (data as ApiDeployment[]).map((d) => ({ id: d.id, sha: d.sha, environment: d.environment, payload: d.payload, created_at: d.created_at }));
    let mine = existingDeployment(want, listed);
    if (mine) mine.state = await latestState(c, mine.id);
    else {
      const { data: made } = await c.client.request('POST /repos/{owner}/{repo}/deployments', {
        owner: c.owner,
        repo: c.repo,
        ref: want.ref,
        environment: want.environment,
        task: 'deploy',
        description: want.description,
        payload: want.payload,
        // CodePipeline deploys whatever the branch protection says; GitHub must not refuse over pending checks (ours among them).
        auto_merge: false,
        required_contexts: [],
      });
      const d = made as ApiDeployment;
      mine = { id: d.id, sha: d.sha, environment: d.environment, payload: d.payload, created_at: d.created_at };
      listed.unshift(mine);
      result.created.push({ id: d.id, stage: want.stage, environment: want.environment });
    }
    if (!statusNeeded(want.state, mine.state)) continue;
    await c.client.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
      owner: c.owner,
      repo: c.repo,
      deployment_id: mine.id,
      state: want.state,
      description: want.description,
      ...(want.environmentUrl ? { environment_url: want.environmentUrl } : {}),
      ...(want.logUrl ? { log_url: want.logUrl } : {}),
      // We retire older deployments ourselves: GitHub's auto_inactive skips production environments.
      auto_inactive: false,
    });
    mine.state = want.state;
    result.statuses.push({ id: mine.id, state: want.state });
    if (want.state !== 'success') continue;
    for (const d of listed) if (d !== mine && d.state === undefined) d.state = await latestState(c, d.id);
    for (const id of toInactivate(mine, listed)) {
      await c.client.request('POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses', {
        owner: c.owner,
        repo: c.repo,
        deployment_id: id,
        state: 'inactive',
        description: `Replaced by ${want.payload.pipeline} execution ${want.payload.executionId}`.slice(0, 140),
        auto_inactive: false,
      });
      result.inactivated.push(id);
    }
  }
  return result;
}
