import type { FakeDeploymentGroup, FakeEcsService, Scenario } from './model.js';
import { FakeAwsError, type PipelineWorld } from './pipeline-sim.js';
import { fakeUuid } from './rng.js';

/**
 * CodeDeploy GetDeploymentGroup and ECS DescribeServices /
 * DescribeTaskDefinition over a scenario's `deploy` section, answering in
 * the services' wire shapes (awsJson1_1, timestamps as epoch seconds) and
 * error shapes.
 */

type Json = Record<string, unknown>;

export class DeployWorld {
  constructor(
    private readonly scenario: Scenario,
    private readonly world: PipelineWorld,
  ) {}

  private get region(): string {
    return this.world.region;
  }
  private get account(): string {
    return this.world.accountId;
  }
  private get groups(): FakeDeploymentGroup[] {
    return this.scenario.deploy?.deploymentGroups ?? [];
  }
  private get services(): FakeEcsService[] {
    return this.scenario.deploy?.services ?? [];
  }

  clusterArn(cluster: string): string {
    return `arn:aws:ecs:${this.region}:${this.account}:cluster/${cluster}`;
  }
  serviceArn(cluster: string, service: string): string {
    return `arn:aws:ecs:${this.region}:${this.account}:service/${cluster}/${service}`;
  }
  taskDefinitionArn(family: string, revision: number): string {
    return `arn:aws:ecs:${this.region}:${this.account}:task-definition/${family}:${revision}`;
  }
  deploymentGroupArn(application: string, group: string): string {
    return `arn:aws:codedeploy:${this.region}:${this.account}:deploymentgroup:${application}/${group}`;
  }

  // ---- CodeDeploy -----------------------------------------------------------

  getDeploymentGroup(input: Json): Json {
    const app = input.applicationName;
    const name = input.deploymentGroupName;
    if (typeof app !== 'string' || app === '') throw new FakeAwsError('ApplicationNameRequiredException', 'The minimum number of required application names was not specified.');
    if (typeof name !== 'string' || name === '') throw new FakeAwsError('DeploymentGroupNameRequiredException', 'The deployment group name was not specified.');
    if (!this.groups.some((g) => g.application === app)) throw new FakeAwsError('ApplicationDoesNotExistException', `No application found for name: ${app}`);
    const g = this.groups.find((x) => x.application === app && x.name === name);
    if (!g) throw new FakeAwsError('DeploymentGroupDoesNotExistException', `No Deployment Group found for name: ${name}`);
    const tgs = g.targetGroups ?? [`${g.service}-tg-blue`, `${g.service}-tg-green`];
    const listener = (port: number) => `arn:aws:elasticloadbalancing:${this.region}:${this.account}:listener/app/${g.service}-alb/50dc6c495c0c9188/${fakeUuid(`${g.name}/${port}`).replace(/-/g, '').slice(0, 16)}`;
    return {
      deploymentGroupInfo: {
        applicationName: g.application,
        deploymentGroupId: fakeUuid(`dg/${g.application}/${g.name}`),
        deploymentGroupName: g.name,
        deploymentConfigName: g.deploymentConfigName ?? 'CodeDeployDefault.ECSAllAtOnce',
        ec2TagFilters: [],
        onPremisesInstanceTagFilters: [],
        autoScalingGroups: [],
        serviceRoleArn: `arn:aws:iam::${this.account}:role/CodeDeployServiceRoleForECS`,
        triggerConfigurations: [],
        alarmConfiguration: { enabled: false, ignorePollAlarmFailure: false, alarms: [] },
        autoRollbackConfiguration: { enabled: true, events: ['DEPLOYMENT_FAILURE'] },
        deploymentStyle: { deploymentType: 'BLUE_GREEN', deploymentOption: 'WITH_TRAFFIC_CONTROL' },
        outdatedInstancesStrategy: 'UPDATE',
        blueGreenDeploymentConfiguration: {
          terminateBlueInstancesOnDeploymentSuccess: { action: 'TERMINATE', terminationWaitTimeInMinutes: 5 },
          deploymentReadyOption: { actionOnTimeout: 'CONTINUE_DEPLOYMENT', waitTimeInMinutes: 0 },
        },
        loadBalancerInfo: {
          targetGroupPairInfoList: [{ targetGroups: tgs.map((n) => ({ name: n })), prodTrafficRoute: { listenerArns: [listener(80)] }, testTrafficRoute: { listenerArns: [listener(8080)] } }],
        },
        computePlatform: 'ECS',
        ecsServices: [{ serviceName: g.service, clusterName: g.cluster }],
        terminationHookEnabled: false,
      },
    };
  }

  // ---- ECS --------------------------------------------------------------------

  private clusterName(input: unknown): string {
    const c = typeof input === 'string' && input !== '' ? input : 'default';
    return c.startsWith('arn:') ? c.slice(c.lastIndexOf('/') + 1) : c;
  }

  private task(ref: string): (Json & { family: string; revision: number }) | undefined {
    const all = this.scenario.deploy?.taskDefinitions ?? [];
    const short = ref.startsWith('arn:') ? ref.slice(ref.indexOf('/') + 1) : ref;
    const [family, rev] = short.split(':');
    const same = all.filter((t) => t.family === family && (t.status ?? 'ACTIVE') === 'ACTIVE');
    if (rev === undefined) return same.sort((a, b) => b.revision - a.revision)[0];
    return all.find((t) => t.family === family && String(t.revision) === rev);
  }

  describeServices(input: Json): Json {
    const names = input.services;
    if (!Array.isArray(names) || names.length === 0 || names.length > 10) throw new FakeAwsError('InvalidParameterException', 'services can have at most 10 items and must not be empty.');
    const cluster = this.clusterName(input.cluster);
    if (!this.services.some((s) => s.cluster === cluster)) throw new FakeAwsError('ClusterNotFoundException', 'Cluster not found.');
    const services: Json[] = [];
    const failures: Json[] = [];
    for (const ref of names as unknown[]) {
      const name = String(ref).startsWith('arn:') ? String(ref).slice(String(ref).lastIndexOf('/') + 1) : String(ref);
      const s = this.services.find((x) => x.cluster === cluster && x.name === name);
      if (!s) {
        failures.push({ arn: this.serviceArn(cluster, name), reason: 'MISSING' });
        continue;
      }
      services.push(this.serviceJson(s));
    }
    return { services, failures };
  }

  private serviceJson(s: FakeEcsService): Json {
    const td = s.taskDefinition ? this.task(s.taskDefinition) : undefined;
    const tdArn = td ? this.taskDefinitionArn(td.family, td.revision) : s.taskDefinition;
    const arn = this.serviceArn(s.cluster, s.name);
    const count = s.desiredCount ?? 2;
    const created = this.world.seconds(-5000);
    const network = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718', 'subnet-0f1e2d3c4b5a69788'], securityGroups: ['sg-0123456789abcdef0'], assignPublicIp: 'DISABLED' } };
    const targetGroupArn = `arn:aws:elasticloadbalancing:${this.region}:${this.account}:targetgroup/${s.name}-tg-blue/73e2d6bc24d8a067`;
    const loadBalancers = s.containerName ? [{ targetGroupArn, containerName: s.containerName, containerPort: s.containerPort ?? 8080 }] : [];
    const codeDeploy = (s.controller ?? 'CODE_DEPLOY') === 'CODE_DEPLOY';
    const setId = `ecs-svc/${fakeUuid(`${arn}/set`).replace(/\D/g, '').padEnd(19, '7').slice(0, 19)}`;
    const taskSets =
      codeDeploy && tdArn
        ? [
            {
              id: setId,
              taskSetArn: `arn:aws:ecs:${this.region}:${this.account}:task-set/${s.cluster}/${s.name}/${setId}`,
              serviceArn: arn,
              clusterArn: this.clusterArn(s.cluster),
              startedBy: 'CodeDeploy',
              externalId: 'd-7EXAMPLE1',
              status: 'PRIMARY',
              taskDefinition: tdArn,
              computedDesiredCount: count,
              pendingCount: 0,
              runningCount: count,
              createdAt: created + 600,
              updatedAt: created + 900,
              launchType: 'FARGATE',
              platformVersion: '1.4.0',
              platformFamily: 'Linux',
              networkConfiguration: network,
              loadBalancers,
              serviceRegistries: [],
              scale: { value: 100, unit: 'PERCENT' },
              stabilityStatus: 'STEADY_STATE',
              stabilityStatusAt: created + 960,
            },
          ]
        : [];
    const deployments =
      !codeDeploy && tdArn
        ? [{ id: `ecs-svc/${fakeUuid(`${arn}/dep`).replace(/\D/g, '').padEnd(19, '3').slice(0, 19)}`, status: 'PRIMARY', taskDefinition: tdArn, desiredCount: count, pendingCount: 0, runningCount: count, failedTasks: 0, createdAt: created + 600, updatedAt: created + 900, launchType: 'FARGATE', platformVersion: '1.4.0', platformFamily: 'Linux', networkConfiguration: network, rolloutState: 'COMPLETED', rolloutStateReason: 'ECS deployment ecs-svc completed.' }]
        : [];
    return {
      serviceArn: arn,
      serviceName: s.name,
      clusterArn: this.clusterArn(s.cluster),
      loadBalancers,
      serviceRegistries: [],
      status: s.status ?? 'ACTIVE',
      desiredCount: count,
      runningCount: count,
      pendingCount: 0,
      launchType: 'FARGATE',
      platformVersion: 'LATEST',
      platformFamily: 'Linux',
      ...(tdArn ? { taskDefinition: tdArn } : {}),
      deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100 },
      taskSets,
      deployments,
      roleArn: `arn:aws:iam::${this.account}:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS`,
      events: [],
      createdAt: created,
      placementConstraints: [],
      placementStrategy: [],
      networkConfiguration: network,
      healthCheckGracePeriodSeconds: 60,
      schedulingStrategy: 'REPLICA',
      deploymentController: { type: codeDeploy ? 'CODE_DEPLOY' : 'ECS' },
      createdBy: `arn:aws:iam::${this.account}:role/admin`,
      enableECSManagedTags: false,
      propagateTags: 'NONE',
      enableExecuteCommand: false,
    };
  }

  describeTaskDefinition(input: Json): Json {
    const ref = input.taskDefinition;
    if (typeof ref !== 'string' || ref === '') throw new FakeAwsError('ClientException', 'TaskDefinition can not be blank.');
    const td = this.task(ref);
    if (!td) throw new FakeAwsError('ClientException', 'Unable to describe task definition.');
    const registered = this.world.seconds(-4000);
    return {
      taskDefinition: {
        taskDefinitionArn: this.taskDefinitionArn(td.family, td.revision),
        status: 'ACTIVE',
        volumes: [],
        placementConstraints: [],
        compatibilities: ['EC2', 'FARGATE'],
        requiresAttributes: [{ name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' }, { name: 'ecs.capability.execution-role-awslogs' }],
        registeredAt: registered,
        registeredBy: `arn:aws:sts::${this.account}:assumed-role/CodeDeployServiceRoleForECS/CodeDeploy`,
        ...td,
      },
      tags: [],
    };
  }

  /** The resource an access-denied message names for an operation. */
  deniedResource(operation: string, input: Json): string {
    switch (operation) {
      case 'GetDeploymentGroup':
        return this.deploymentGroupArn(String(input.applicationName ?? ''), String(input.deploymentGroupName ?? ''));
      case 'DescribeServices': {
        const first = Array.isArray(input.services) ? String(input.services[0] ?? '') : '';
        return first.startsWith('arn:') ? first : this.serviceArn(this.clusterName(input.cluster), first);
      }
      case 'GetPipeline':
      case 'GetPipelineState':
      case 'ListPipelineExecutions':
        return `arn:aws:codepipeline:${this.region}:${this.account}:${String(input.name ?? input.pipelineName ?? '')}`;
      default:
        // DescribeTaskDefinition and other actions without resource-level permissions.
        return '*';
    }
  }
}
