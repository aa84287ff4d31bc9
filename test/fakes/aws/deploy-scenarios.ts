import type { FakeAction, FakeDeploymentGroup, FakeEcsService, FakePipeline, Scenario } from './model.js';

/**
 * Scenarios for the deploy preview: the live side of a repository's pipeline.
 * The live pipeline is the repository's pipeline definition (unless a test
 * edits it "in the console"); every CodeDeployToECS action's deployment group
 * deploys to an ECS service that runs the task definition given for it.
 */

export const CLUSTER = 'myapp-cluster';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const names = (v: unknown): string[] => (Array.isArray(v) ? v.map((x) => (isObj(x) ? String(x.name) : '')).filter(Boolean) : []);

/** A create-pipeline JSON (`{"pipeline": …}`) as the fake's pipeline, so that GetPipeline answers what the file says. */
export function fakePipelineFrom(json: unknown): FakePipeline {
  const p = isObj(json) && isObj(json.pipeline) ? json.pipeline : isObj(json) ? json : {};
  const store = isObj(p.artifactStore) ? p.artifactStore : {};
  return {
    name: String(p.name),
    ...(typeof p.roleArn === 'string' ? { roleArn: p.roleArn } : {}),
    artifactBucket: String(store.location ?? 'artifacts'),
    ...(p.executionMode === 'QUEUED' || p.executionMode === 'PARALLEL' || p.executionMode === 'SUPERSEDED' ? { executionMode: p.executionMode } : {}),
    stages: (Array.isArray(p.stages) ? p.stages : []).filter(isObj).map((s) => ({
      name: String(s.name),
      actions: (Array.isArray(s.actions) ? s.actions : []).filter(isObj).map((a): FakeAction => {
        const type = isObj(a.actionTypeId) ? a.actionTypeId : {};
        return {
          name: String(a.name),
          category: String(type.category) as FakeAction['category'],
          provider: String(type.provider),
          ...(typeof type.owner === 'string' ? { owner: type.owner } : {}),
          ...(typeof type.version === 'string' ? { version: type.version } : {}),
          ...(typeof a.runOrder === 'number' ? { runOrder: a.runOrder } : {}),
          ...(isObj(a.configuration) ? { configuration: Object.fromEntries(Object.entries(a.configuration).map(([k, v]) => [k, String(v)])) } : {}),
          inputArtifacts: names(a.inputArtifacts),
          outputArtifacts: names(a.outputArtifacts),
          ...(typeof a.namespace === 'string' ? { namespace: a.namespace } : {}),
        };
      }),
    })),
  };
}

/** Someone adds a manual approval stage before the last stage in the console. */
export function approvalAddedInConsole(p: FakePipeline): void {
  p.stages.splice(p.stages.length - 1, 0, { name: 'Approval', actions: [{ name: 'Manual', category: 'Approval', owner: 'AWS', provider: 'Manual', version: '1' }] });
}

export interface PreviewScenarioOptions {
  /** The repository's pipeline definition (create-pipeline JSON). */
  pipeline: unknown;
  /**
   * What each deployment group's service runs: a DescribeTaskDefinition answer
   * (or its `taskDefinition`), for every group, or by deployment group name.
   * `null`: the service runs no task definition yet.
   */
  running: unknown | Record<string, unknown>;
  /** Changes made to the live pipeline only (console edits). */
  editLive?: (p: FakePipeline) => void;
  /** The appspec's container and port, for the services' load balancer mapping. Default web:8080. */
  containerName?: string;
  containerPort?: number;
  region?: string;
}

function deployActions(p: FakePipeline): Array<{ application: string; group: string }> {
  return p.stages
    .flatMap((s) => s.actions)
    .filter((a) => a.provider === 'CodeDeployToECS' && a.configuration?.ApplicationName && a.configuration.DeploymentGroupName)
    .map((a) => ({ application: a.configuration!.ApplicationName, group: a.configuration!.DeploymentGroupName }));
}

function taskdefOf(v: unknown): (Json & { family: string; revision: number }) | undefined {
  const td = isObj(v) && isObj(v.taskDefinition) ? v.taskDefinition : v;
  if (!isObj(td)) return undefined;
  // The fake writes ARN, status and dates itself.
  const { taskDefinitionArn: _arn, registeredAt: _at, ...rest } = td;
  return { ...rest, family: String(td.family ?? 'myapp'), revision: typeof td.revision === 'number' ? td.revision : 1 };
}

export function previewScenario(o: PreviewScenarioOptions): Scenario {
  const repo = fakePipelineFrom(o.pipeline);
  const live = fakePipelineFrom(o.pipeline);
  o.editLive?.(live);
  const groups: FakeDeploymentGroup[] = [];
  const services: FakeEcsService[] = [];
  const taskDefinitions: Array<Json & { family: string; revision: number }> = [];
  const byGroup = isObj(o.running) && !('taskDefinition' in o.running) && !('containerDefinitions' in o.running) ? o.running : undefined;
  for (const d of deployActions(repo)) {
    const service = `${d.group.replace(/-dg$/, '')}-service`;
    groups.push({ application: d.application, name: d.group, cluster: CLUSTER, service });
    const td = taskdefOf(byGroup ? byGroup[d.group] : o.running);
    if (td && !taskDefinitions.some((t) => t.family === td.family && t.revision === td.revision)) taskDefinitions.push(td);
    services.push({ cluster: CLUSTER, name: service, ...(td ? { taskDefinition: `${td.family}:${td.revision}` } : {}), containerName: o.containerName ?? 'web', containerPort: o.containerPort ?? 8080 });
  }
  return {
    name: 'preview',
    ...(o.region ? { region: o.region } : {}),
    pipeline: live,
    executions: [],
    deploy: { deploymentGroups: groups, services, taskDefinitions },
  };
}
