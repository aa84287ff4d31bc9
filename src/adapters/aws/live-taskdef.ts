import type { ECSClient, Service } from '@aws-sdk/client-ecs';
import type { LiveRead, LiveService } from '../../services/ports.js';
import { partitionOf, unavailable } from './unavailable.js';

type Sdk = typeof import('@aws-sdk/client-ecs');

interface Ecs {
  sdk: Sdk;
  client: ECSClient;
  region: string;
}

/**
 * The task definition serving production traffic: a CodeDeploy blue/green
 * service keeps it in its PRIMARY task set, a rolling one in its PRIMARY
 * deployment; the service's own `taskDefinition` is the last resort.
 */
function running(s: Service): Pick<LiveService, 'taskDefinitionArn' | 'from'> {
  const set = s.taskSets?.find((t) => t.status === 'PRIMARY' && t.taskDefinition);
  if (set) return { taskDefinitionArn: set.taskDefinition, from: 'primary task set' };
  const deployment = s.deployments?.find((d) => d.status === 'PRIMARY' && d.taskDefinition);
  if (deployment) return { taskDefinitionArn: deployment.taskDefinition, from: 'primary deployment' };
  return s.taskDefinition ? { taskDefinitionArn: s.taskDefinition, from: 'service' } : {};
}

/** ECS DescribeServices for one service of one cluster. */
export async function readService(c: Ecs, q: { cluster: string; service: string }): Promise<LiveRead<LiveService>> {
  const what = `the ECS service ${q.service} of cluster ${q.cluster}`;
  const arn = `arn:${partitionOf(c.region)}:ecs:${c.region}:*:service/${q.cluster}/${q.service}`;
  let res;
  try {
    res = await c.client.send(new c.sdk.DescribeServicesCommand({ cluster: q.cluster, services: [q.service] }));
  } catch (e) {
    return unavailable(e, {
      what,
      action: 'ecs:DescribeServices',
      resource: arn,
      missing: { ClusterNotFoundException: `there is no ECS cluster ${q.cluster} in ${c.region}; check the deployment group's ECS service` },
    });
  }
  const s = res.services?.find((x) => x.serviceName === q.service || x.serviceArn?.endsWith(`/${q.service}`)) ?? res.services?.[0];
  if (!s) {
    const why = res.failures?.[0]?.reason;
    return { ok: false, reason: 'missing', message: `cannot read ${what}: ${why === 'MISSING' || why === undefined ? `the cluster has no service ${q.service}` : `ECS answered ${why}`}` };
  }
  if (s.status === 'INACTIVE') return { ok: false, reason: 'missing', message: `cannot read ${what}: the service is INACTIVE (deleted); the deployment group points at a service that no longer runs` };
  return { ok: true, value: { ...(s.serviceArn ? { serviceArn: s.serviceArn } : {}), ...running(s) } };
}

/** ECS DescribeTaskDefinition; the answer as plain JSON (dates as ISO strings). */
export async function readTaskDefinition(c: Ecs, arn: string): Promise<LiveRead<Record<string, unknown>>> {
  try {
    const res = await c.client.send(new c.sdk.DescribeTaskDefinitionCommand({ taskDefinition: arn }));
    if (!res.taskDefinition) return { ok: false, reason: 'missing', message: `cannot read the task definition ${arn}: ECS returned none` };
    return { ok: true, value: JSON.parse(JSON.stringify(res.taskDefinition)) as Record<string, unknown> };
  } catch (e) {
    return unavailable(e, {
      what: `the task definition ${arn}`,
      action: 'ecs:DescribeTaskDefinition',
      // DescribeTaskDefinition takes no resource-level permissions.
      resource: '*',
      missing: { ClientException: 'ECS cannot describe it (deregistered, or in another account or region)' },
    });
  }
}
