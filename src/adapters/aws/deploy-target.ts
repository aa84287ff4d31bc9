import type { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import type { DeployTarget, LiveRead } from '../../services/ports.js';
import { partitionOf, unavailable } from './unavailable.js';

type Sdk = typeof import('@aws-sdk/client-codedeploy');

export interface DeployTargetQuery {
  applicationName: string;
  deploymentGroupName: string;
}

/**
 * CodeDeploy GetDeploymentGroup → the ECS cluster and service the group
 * deploys to, and its target groups and listeners.
 */
export async function readDeployTarget(c: { sdk: Sdk; client: CodeDeployClient; region: string }, q: DeployTargetQuery): Promise<LiveRead<DeployTarget>> {
  const what = `the deployment group ${q.deploymentGroupName} of the CodeDeploy application ${q.applicationName}`;
  let info;
  try {
    info = (await c.client.send(new c.sdk.GetDeploymentGroupCommand({ applicationName: q.applicationName, deploymentGroupName: q.deploymentGroupName }))).deploymentGroupInfo;
  } catch (e) {
    return unavailable(e, {
      what,
      action: 'codedeploy:GetDeploymentGroup',
      resource: `arn:${partitionOf(c.region)}:codedeploy:${c.region}:*:deploymentgroup:${q.applicationName}/${q.deploymentGroupName}`,
      missing: {
        ApplicationDoesNotExistException: `there is no CodeDeploy application ${q.applicationName} in ${c.region}; check ApplicationName in the pipeline's deploy action`,
        DeploymentGroupDoesNotExistException: `the application ${q.applicationName} has no deployment group ${q.deploymentGroupName} in ${c.region}; check DeploymentGroupName in the pipeline's deploy action`,
      },
    });
  }
  const ecs = info?.ecsServices?.find((s) => s.clusterName && s.serviceName);
  if (!ecs?.clusterName || !ecs.serviceName) {
    return { ok: false, reason: 'missing', message: `cannot read ${what}: it deploys to no ECS service (compute platform ${info?.computePlatform ?? 'unknown'}); a CodeDeployToECS action needs an ECS deployment group` };
  }
  const pairs = info?.loadBalancerInfo?.targetGroupPairInfoList ?? [];
  return {
    ok: true,
    value: {
      cluster: ecs.clusterName,
      service: ecs.serviceName,
      targetGroups: pairs.flatMap((p) => (p.targetGroups ?? []).map((t) => t.name ?? '')).filter(Boolean),
      prodListenerArns: pairs.flatMap((p) => p.prodTrafficRoute?.listenerArns ?? []),
      testListenerArns: pairs.flatMap((p) => p.testTrafficRoute?.listenerArns ?? []),
    },
  };
}
