import type { RequestOnlyClient } from '../../adapters/github/octokit-ports.js';
import type { DeploymentMapping } from '../../core/deployments/plan.js';
import type { DeployedImage, ExecutionSnapshot } from '../../core/pipeline/model.js';
import { consoleUrl } from '../../core/pipeline/render.js';
import type { Logger } from '../../services/ports.js';
import { syncDeployments } from '../deployments.js';

export interface DeploymentsTarget {
  client: RequestOnlyClient;
  owner: string;
  repo: string;
  /** The commit the execution built. */
  sha: string;
  /** The config's `deployments` (stage → environment). */
  mapping: DeploymentMapping;
  log: Logger;
}

/** What the deployments depend on: the mapped stages' statuses and the image. */
function fingerprint(s: ExecutionSnapshot, mapping: DeploymentMapping, image: DeployedImage | undefined): string {
  const mapped = new Set(Object.keys(mapping).map((k) => k.toLowerCase()));
  const stages = s.stages.filter((st) => mapped.has(st.name.toLowerCase())).map((st) => `${st.name}=${st.status}`);
  return `${s.executionId}|${stages.join(',')}|${image?.uri ?? ''}|${image?.digest ?? ''}`;
}

/**
 * For `report: [deployments]`: the execution's deploy stages as GitHub
 * Deployments (src/app/deployments.ts), brought in line on every snapshot
 * whose mapped stages or image changed. Idempotent, so a tracker and an event
 * of the same execution, or two replicas, end with the same deployments.
 */
export function deploymentsFollower(t: DeploymentsTarget): (snapshot: ExecutionSnapshot, o: { image?: DeployedImage; final: boolean }) => Promise<void> {
  let done: string | undefined;
  return async (snapshot, o) => {
    if (Object.keys(t.mapping).length === 0) return;
    const print = fingerprint(snapshot, t.mapping, o.image);
    if (print === done) return;
    const r = await syncDeployments({
      client: t.client,
      owner: t.owner,
      repo: t.repo,
      sha: t.sha,
      snapshot,
      mapping: t.mapping,
      ...(o.image ? { image: o.image } : {}),
      logUrl: consoleUrl(snapshot.region, snapshot.pipelineName, snapshot.executionId),
    });
    done = print;
    for (const c of r.created) t.log.info(`Deployment ${c.id} to ${c.environment} for stage ${c.stage} of ${snapshot.executionId}`);
    if (r.inactivated.length > 0) t.log.info(`Deployments ${r.inactivated.join(', ')} are inactive now: replaced by execution ${snapshot.executionId}`);
  };
}
