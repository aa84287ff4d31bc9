import { healthCommand, startPeriod, writablePaths } from './dockerfile.js';
import { namesOf, type ScaffoldOptions } from './options.js';

export const IMAGE_PLACEHOLDER = 'IMAGE1_NAME';
export const TASKDEF_PATH = 'taskdef.json';
export const APPSPEC_PATH = 'appspec.yaml';

/** The task definition template that CodeDeployToECS registers after filling in the image. */
export function taskdefObject(o: ScaffoldOptions) {
  const n = namesOf(o);
  const paths = writablePaths(o.runtime);
  const volume = (p: string) => p.replace(/^\//, '').replace(/[^A-Za-z0-9_-]/g, '-');
  return {
    family: n.family,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: String(o.cpu),
    memory: String(o.memory),
    runtimePlatform: { cpuArchitecture: 'X86_64', operatingSystemFamily: 'LINUX' },
    executionRoleArn: n.roleArn(n.roles.execution),
    containerDefinitions: [
      {
        name: n.container,
        image: `<${IMAGE_PLACEHOLDER}>`,
        essential: true,
        readonlyRootFilesystem: true,
        portMappings: [{ containerPort: o.port, protocol: 'tcp' }],
        environment: [{ name: 'PORT', value: String(o.port) }],
        mountPoints: paths.map((p) => ({ sourceVolume: volume(p), containerPath: p })),
        healthCheck: {
          command: ['CMD-SHELL', healthCommand(o)],
          interval: 30,
          timeout: 5,
          retries: 3,
          startPeriod: startPeriod(o.runtime),
        },
        logConfiguration: {
          logDriver: 'awslogs',
          options: {
            'awslogs-group': n.logGroup,
            'awslogs-region': o.region,
            'awslogs-stream-prefix': 'ecs',
            'awslogs-create-group': 'true',
          },
        },
      },
    ],
    volumes: paths.map((p) => ({ name: volume(p) })),
  };
}

export function taskdefJson(o: ScaffoldOptions): string {
  return JSON.stringify(taskdefObject(o), null, 2) + '\n';
}

export function appspecYaml(o: ScaffoldOptions): string {
  return `# CodeDeploy replaces <TASK_DEFINITION> with the task definition it registers from ${TASKDEF_PATH}.
version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: <TASK_DEFINITION>
        LoadBalancerInfo:
          ContainerName: "${namesOf(o).container}"
          ContainerPort: ${o.port}
        PlatformVersion: "LATEST"
`;
}
