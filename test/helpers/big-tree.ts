import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, corpusPresent, readSources } from '../corpus/corpus.js';

/**
 * A large tree whose projects reach across folders in every way grouping
 * knows, for checking that a check split over threads finds exactly what one
 * thread finds: service folders (with defects), a root pipeline whose
 * templates and Dockerfile live in other folders, a CodeBuild project JSON
 * that two pipelines name, Dockerfiles built from a parent folder, the seed
 * example (heredoc-generated files), and the corpus when it is present.
 */
export interface TreeFile {
  path: string;
  text: string;
}

const pipeline = (name: string, project: string, taskdef: string, appspec: string) =>
  JSON.stringify(
    {
      pipeline: {
        name,
        roleArn: 'arn:aws:iam::123456789012:role/CodePipelineServiceRole',
        artifactStore: { type: 'S3', location: 'myapp-artifacts' },
        stages: [
          { name: 'Source', actions: [{ name: 'Src', actionTypeId: { category: 'Source', owner: 'AWS', provider: 'CodeStarSourceConnection', version: '1' }, configuration: { ConnectionArn: 'arn:aws:codestar-connections:us-east-1:123456789012:connection/x', FullRepositoryId: 'my-org/myapp', BranchName: 'main' }, outputArtifacts: [{ name: 'SourceOutput' }] }] },
          { name: 'Build', actions: [{ name: 'Build', actionTypeId: { category: 'Build', owner: 'AWS', provider: 'CodeBuild', version: '1' }, configuration: { ProjectName: project }, inputArtifacts: [{ name: 'SourceOutput' }], outputArtifacts: [{ name: 'BuildOutput' }] }] },
          {
            name: 'Deploy',
            actions: [
              {
                name: 'Deploy',
                actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CodeDeployToECS', version: '1' },
                configuration: { ApplicationName: 'myapp', DeploymentGroupName: 'myapp-dg', TaskDefinitionTemplateArtifact: 'BuildOutput', TaskDefinitionTemplatePath: taskdef, AppSpecTemplateArtifact: 'BuildOutput', AppSpecTemplatePath: appspec, Image1ArtifactName: 'BuildOutput', Image1ContainerName: 'IMAGE1_NAME' },
                inputArtifacts: [{ name: 'BuildOutput' }],
              },
            ],
          },
        ],
      },
    },
    null,
    2,
  ) + '\n';

const taskdef = (name: string, i: number) =>
  JSON.stringify(
    {
      family: name,
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: i % 7 === 6 ? '256' : '512',
      memory: i % 7 === 6 ? '4096' : '1024',
      executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
      containerDefinitions: [{ name, image: i % 5 === 4 ? 'myapp:latest' : '<IMAGE1_NAME>', essential: true, portMappings: [{ containerPort: 8080 + (i % 3) }] }],
    },
    null,
    2,
  ) + '\n';

const appspec = (name: string, i: number) =>
  `version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n          ContainerName: "${i % 11 === 10 ? `${name}-web` : name}"\n          ContainerPort: 8080\n`;

const buildspec = (name: string, dockerfile: string) =>
  `version: 0.2\nenv:\n  variables:\n    ECR_REPO: "123456789012.dkr.ecr.us-east-1.amazonaws.com/${name}"\nphases:\n  pre_build:\n    commands:\n      - aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com\n      - IMAGE_TAG=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)\n  build:\n    commands:\n      - docker build -t $ECR_REPO:$IMAGE_TAG -f ${dockerfile} .\n  post_build:\n    commands:\n      - docker push $ECR_REPO:$IMAGE_TAG\n      - printf '{"ImageURI":"%s"}' $ECR_REPO:$IMAGE_TAG > imageDetail.json\nartifacts:\n  files:\n    - imageDetail.json\n    - taskdef.json\n    - appspec.yaml\n`;

const dockerfile = (i: number) =>
  `FROM ${i % 2 ? 'node:20-alpine' : 'public.ecr.aws/docker/library/python:3.12-slim'}\nWORKDIR /app\nCOPY . .\n${i % 3 === 0 ? 'RUN npm ci --production\n' : ''}HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1\nCMD ["node", "server.js"]\n`;

function folder(dir: string, prefix: string): TreeFile[] {
  const out: TreeFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...folder(abs, `${prefix}${name}/`));
    else out.push({ path: prefix + name, text: readFileSync(abs, 'utf8') });
  }
  return out;
}

export function bigTree(services: number, root = process.cwd()): TreeFile[] {
  const files: TreeFile[] = [];
  // A pipeline at the root: its buildspec builds app/Dockerfile and its templates are in deploy/ (the base directory).
  files.push({ path: 'pipeline.json', text: pipeline('myapp', 'myapp-build', 'taskdef.json', 'appspec.yaml') });
  files.push({ path: 'buildspec.yml', text: buildspec('myapp', 'app/Dockerfile').replace('artifacts:\n', 'artifacts:\n  base-directory: deploy\n') });
  files.push({ path: 'app/Dockerfile', text: dockerfile(1) });
  files.push({ path: 'deploy/taskdef.json', text: taskdef('myapp', 6) });
  files.push({ path: 'deploy/appspec.yaml', text: appspec('myapp', 10) });
  // A CodeBuild project that the root pipeline and a staging pipeline in another folder both name.
  files.push({ path: 'infra/codebuild.json', text: JSON.stringify({ name: 'myapp-build', source: { type: 'CODEPIPELINE' }, environment: { type: 'LINUX_CONTAINER', image: 'aws/codebuild/standard:7.0', computeType: 'BUILD_GENERAL1_SMALL' } }, null, 2) });
  files.push({ path: 'infra/staging/pipeline.json', text: pipeline('myapp-staging', 'myapp-build', 'taskdef.json', 'appspec.yaml') });
  for (let i = 0; i < services; i++) {
    const name = `svc-${String(i).padStart(4, '0')}`;
    const dir = `services/${name}`;
    // Every 4th service builds a Dockerfile of a sub-folder, which is then in two projects.
    const built = i % 4 === 3 ? 'worker/Dockerfile' : 'Dockerfile';
    files.push({ path: `${dir}/${built}`, text: dockerfile(i) });
    files.push({ path: `${dir}/buildspec.yml`, text: buildspec(name, built) });
    files.push({ path: `${dir}/taskdef.json`, text: taskdef(name, i) });
    files.push({ path: `${dir}/appspec.yaml`, text: appspec(name, i) });
  }
  if (existsSync(join(root, 'examples/seed'))) files.push(...folder(join(root, 'examples/seed'), 'seed/'));
  if (corpusPresent()) {
    for (const f of readSources()) files.push({ path: `corpus/${f.group || f.file.replace(/\//g, '_')}/${f.path}`, text: readFileSync(join(corpusDir, f.file), 'utf8') });
  }
  // The order of a walk of the tree, as the fs adapter gives it.
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
