/**
 * A generated monorepo: one folder per service with the four files of the
 * blog's setup (Dockerfile, buildspec.yml, taskdef.json, appspec.yaml), in
 * the shapes real repositories use, with a few defects so that the rules
 * have something to report.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ACCOUNT = '123456789012';
const REGION = 'us-east-1';
const BASES = [
  { image: 'public.ecr.aws/docker/library/node:20-alpine', cmd: '["node", "server.js"]', install: 'COPY package*.json ./\nRUN npm ci --omit=dev' },
  { image: 'public.ecr.aws/docker/library/python:3.12-slim', cmd: '["gunicorn", "-b", "0.0.0.0:{port}", "app:app"]', install: 'COPY requirements.txt ./\nRUN pip install --no-cache-dir -r requirements.txt' },
  { image: 'public.ecr.aws/amazoncorretto/amazoncorretto:21', cmd: '["java", "-jar", "app.jar"]', install: 'COPY target/app.jar app.jar' },
];
/** Valid Fargate pairs, cycled. */
const SIZES = [
  ['256', '512'],
  ['512', '1024'],
  ['1024', '2048'],
  ['2048', '4096'],
];

function dockerfile(i, port) {
  const base = BASES[i % BASES.length];
  return `# syntax=docker/dockerfile:1
FROM ${base.image}
WORKDIR /app
${base.install}
COPY . .
ENV PORT=${port}
EXPOSE ${port}
USER 1000
CMD ${base.cmd.replace('{port}', String(port))}
`;
}

function buildspec(name) {
  return `version: 0.2

env:
  variables:
    ECR_REPO: "${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${name}"
    CONTAINER_NAME: "${name}"

phases:
  pre_build:
    commands:
      - aws ecr get-login-password --region ${REGION} | docker login --username AWS --password-stdin ${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com
      - IMAGE_TAG=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)
  build:
    commands:
      - docker build -t $ECR_REPO:$IMAGE_TAG services/${name}
  post_build:
    commands:
      - docker push $ECR_REPO:$IMAGE_TAG
      - printf '{"ImageURI":"%s"}' $ECR_REPO:$IMAGE_TAG > imageDetail.json

artifacts:
  files:
    - imageDetail.json
    - services/${name}/taskdef.json
    - services/${name}/appspec.yaml
  discard-paths: yes
`;
}

function taskdef(i, name, port) {
  // Every 7th service has a Fargate pair that does not exist, as real repositories do.
  const [cpu, memory] = i % 7 === 6 ? ['256', '4096'] : SIZES[i % SIZES.length];
  return (
    JSON.stringify(
      {
        family: name,
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu,
        memory,
        executionRoleArn: `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`,
        taskRoleArn: `arn:aws:iam::${ACCOUNT}:role/${name}-task`,
        containerDefinitions: [
          {
            name,
            image: '<IMAGE1_NAME>',
            essential: true,
            portMappings: [{ containerPort: port, protocol: 'tcp' }],
            environment: [
              { name: 'PORT', value: String(port) },
              { name: 'NODE_ENV', value: 'production' },
              { name: 'SERVICE_NAME', value: name },
            ],
            secrets: [{ name: 'DB_PASSWORD', valueFrom: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/${name}/db-password` }],
            logConfiguration: {
              logDriver: 'awslogs',
              options: { 'awslogs-group': `/ecs/${name}`, 'awslogs-region': REGION, 'awslogs-stream-prefix': 'ecs' },
            },
          },
        ],
      },
      null,
      2,
    ) + '\n'
  );
}

function appspec(i, name, port) {
  // Every 11th service names a container the task definition does not have.
  const container = i % 11 === 10 ? `${name}-web` : name;
  return `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: <TASK_DEFINITION>
        LoadBalancerInfo:
          ContainerName: "${container}"
          ContainerPort: ${port}
        PlatformVersion: "LATEST"
`;
}

/** Writes `services` service folders under `dir`; returns the number of files written. */
export function generateMonorepo(dir, services) {
  let files = 0;
  for (let i = 0; i < services; i++) {
    const name = `svc-${String(i).padStart(4, '0')}`;
    const port = 8000 + (i % 1000);
    const folder = join(dir, 'services', name);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'Dockerfile'), dockerfile(i, port));
    writeFileSync(join(folder, 'buildspec.yml'), buildspec(name));
    writeFileSync(join(folder, 'taskdef.json'), taskdef(i, name, port));
    writeFileSync(join(folder, 'appspec.yaml'), appspec(i, name, port));
    files += 4;
  }
  return files;
}
