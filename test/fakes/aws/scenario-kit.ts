import type { ActionPatch, ExecutionStatus, FakeBuild, FakeExecution, FakeImage, FakePipeline, FakeLogStream, Frame, Scenario } from './model.js';
import { artifactKey } from './pipeline-sim.js';
import { fakeUuid } from './rng.js';
import type { FaultOptions } from './server.js';
import { createZip } from './zip.js';

/**
 * Building blocks of the scenarios (scenarios.ts), modelled on the seed pipeline
 * (examples/seed/pipeline.json): Source (GitHub via CodeStar connection) →
 * Build (CodeBuild, pushes to ECR) → Deploy (CodeDeployToECS blue/green):
 * names, ids, timelines of each action and the resources a build leaves.
 */

export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';
export const PIPELINE = 'myapp-ecs-pipeline';
export const BUCKET = 'myapp-pipeline-artifacts';
export const REPOSITORY = 'myapp';
export const PROJECT = 'myapp-build';
export const REGISTRY = `${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com`;
export const REPOSITORY_URI = `${REGISTRY}/${REPOSITORY}`;
/** The commit the scenarios deploy, unless told otherwise. */
export const COMMIT = '4c1f3e9a7b2d8c6e0f5a1b3c9d7e2f4a6b8c0d1e';
export const PREVIOUS_COMMIT = '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d';

export const SOURCE = 'Source/GitHub';
export const BUILD = 'Build/BuildImage';
export const DEPLOY = 'Deploy/ECS-BlueGreen';
export const APPROVE = 'Approve/ManualApproval';

/** 30 % of calls answered with throttling, 500 or 503 (at most 3 times for one call, below maxAttempts 5). */
export const FAULTS_30: FaultOptions = { rate: 0.3, seed: 7 };

export interface ScenarioOptions {
  commit?: string;
  /** The execution id of the tracked execution. */
  executionId?: string;
  /** Whether the buildspec exports IMAGE_URI / IMAGE_TAG (output variables of the Build action). Default true. */
  exportVariables?: boolean;
}

export type StageTruth = 'Succeeded' | 'Failed' | 'Stopped' | 'InProgress' | 'NotStarted' | 'Cancelled';

export interface ScenarioCase {
  scenario: Scenario;
  commit: string;
  /** The execution for the commit; undefined when the tracker must start it. */
  executionId?: string;
  truth: {
    status: ExecutionStatus;
    stages: Record<string, StageTruth>;
    image?: { uri: string; tag: string; digest: string };
    /** Text the failure explanation must be built from. */
    failure?: { stage: string; action: string; summary: string; logLine?: string };
    supersededBy?: string;
    rollbackExecutionId?: string;
  };
}

export function seedPipeline(o: { approval?: boolean } = {}): FakePipeline {
  const stages: FakePipeline['stages'] = [
    {
      name: 'Source',
      actions: [
        {
          name: 'GitHub',
          category: 'Source',
          provider: 'CodeStarSourceConnection',
          configuration: {
            ConnectionArn: `arn:aws:codestar-connections:${REGION}:${ACCOUNT}:connection/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`,
            FullRepositoryId: 'my-org/myapp',
            BranchName: 'main',
          },
          outputArtifacts: ['SourceOutput'],
          namespace: 'SourceVariables',
        },
      ],
    },
    {
      name: 'Build',
      actions: [
        { name: 'BuildImage', category: 'Build', provider: 'CodeBuild', configuration: { ProjectName: PROJECT }, inputArtifacts: ['SourceOutput'], outputArtifacts: ['BuildOutput'], namespace: 'BuildVariables' },
      ],
    },
  ];
  if (o.approval) {
    stages.push({
      name: 'Approve',
      actions: [
        { name: 'ManualApproval', category: 'Approval', provider: 'Manual', configuration: { CustomData: 'Check the staging site before production', ExternalEntityLink: 'https://staging.myapp.example.com' } },
      ],
    });
  }
  stages.push({
    name: 'Deploy',
    actions: [
      {
        name: 'ECS-BlueGreen',
        category: 'Deploy',
        provider: 'CodeDeployToECS',
        configuration: {
          ApplicationName: 'myapp-ecs',
          DeploymentGroupName: 'myapp-ecs-dg',
          TaskDefinitionTemplateArtifact: 'BuildOutput',
          TaskDefinitionTemplatePath: 'taskdef.json',
          AppSpecTemplateArtifact: 'BuildOutput',
          AppSpecTemplatePath: 'appspec.yml',
          Image1ArtifactName: 'BuildOutput',
          Image1ContainerName: 'IMAGE1_NAME',
        },
        inputArtifacts: ['BuildOutput'],
      },
    ],
  });
  return { name: PIPELINE, version: 3, artifactBucket: BUCKET, executionMode: 'SUPERSEDED', roleArn: `arn:aws:iam::${ACCOUNT}:role/CodePipelineServiceRole`, stages };
}

// ---- building blocks --------------------------------------------------------

export const short = (sha: string): string => sha.slice(0, 7);
export const buildIdFor = (commit: string): string => `${PROJECT}:${fakeUuid(`build/${commit}`)}`;
export const deploymentIdFor = (commit: string): string => `d-${fakeUuid(`deploy/${commit}`).replace(/[^0-9a-f]/g, '').slice(0, 9).toUpperCase()}`;
export const digestFor = (commit: string): string =>
  `sha256:${(fakeUuid(`digest-a/${commit}`) + fakeUuid(`digest-b/${commit}`)).replace(/-/g, '').slice(0, 64)}`;

const buildUrl = (id: string): string => `https://console.aws.amazon.com/codesuite/codebuild/${ACCOUNT}/projects/${PROJECT}/build/${encodeURIComponent(id)}/?region=${REGION}`;
const deployUrl = (id: string): string => `https://console.aws.amazon.com/codedeploy/home?region=${REGION}#/deployments/${id}`;

export function commitMessage(commit: string): string {
  return commit === PREVIOUS_COMMIT ? 'Bump express to 4.19.2' : 'Fix the health check path';
}

export const source = {
  run: (): ActionPatch => ({ status: 'InProgress' }),
  ok: (commit: string): ActionPatch => ({
    status: 'Succeeded',
    summary: JSON.stringify({ ProviderType: 'GitHub', CommitMessage: commitMessage(commit) }),
    externalExecutionId: commit,
    externalExecutionUrl: `https://github.com/my-org/myapp/commit/${commit}`,
    outputVariables: {
      AuthorDate: '2025-05-06T08:59:41Z',
      BranchName: 'main',
      CommitId: commit,
      CommitMessage: commitMessage(commit),
      ConnectionArn: `arn:aws:codestar-connections:${REGION}:${ACCOUNT}:connection/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d`,
      FullRepositoryName: 'my-org/myapp',
      ProviderType: 'GitHub',
    },
  }),
};

export const build = {
  run: (commit: string): ActionPatch => ({ status: 'InProgress', externalExecutionId: buildIdFor(commit), externalExecutionUrl: buildUrl(buildIdFor(commit)) }),
  ok: (commit: string, exportVariables = true): ActionPatch => ({
    status: 'Succeeded',
    ...(exportVariables ? { outputVariables: { IMAGE_URI: `${REPOSITORY_URI}:${short(commit)}`, IMAGE_TAG: short(commit) } } : {}),
  }),
};

export const deploy = {
  run: (commit: string): ActionPatch => ({ status: 'InProgress', externalExecutionId: deploymentIdFor(commit), externalExecutionUrl: deployUrl(deploymentIdFor(commit)) }),
  ok: (): ActionPatch => ({ status: 'Succeeded', summary: 'Deployment Succeeded' }),
};

/** Source → Build (3 ticks) → Deploy (3 ticks) → Succeeded, for one commit. */
export function happyFrames(commit: string, o: { exportVariables?: boolean } = {}): Frame[] {
  return [
    { at: 0, actions: { [SOURCE]: source.run() } },
    { at: 1, actions: { [SOURCE]: source.ok(commit), [BUILD]: build.run(commit) } },
    { at: 4, actions: { [BUILD]: build.ok(commit, o.exportVariables), [DEPLOY]: deploy.run(commit) } },
    { at: 7, actions: { [DEPLOY]: deploy.ok() }, status: 'Succeeded' },
  ];
}

export function history(): FakeExecution {
  return { id: fakeUuid(`exec/${PREVIOUS_COMMIT}`), revision: revision(PREVIOUS_COMMIT), startAt: -30, frames: happyFrames(PREVIOUS_COMMIT) };
}

export function revision(commit: string): FakeExecution['revision'] {
  return {
    actionName: 'GitHub',
    revisionId: commit,
    revisionSummary: JSON.stringify({ ProviderType: 'GitHub', CommitMessage: commitMessage(commit) }),
    revisionUrl: `https://github.com/my-org/myapp/commit/${commit}`,
  };
}

export function imageDetailZip(commit: string): Buffer {
  return createZip([
    { name: 'imageDetail.json', data: JSON.stringify({ ImageURI: `${REPOSITORY_URI}:${short(commit)}` }) },
    { name: 'taskdef.json', data: JSON.stringify({ family: 'myapp', networkMode: 'awsvpc', containerDefinitions: [{ name: 'myapp', image: '<IMAGE1_NAME>' }] }, null, 2) },
    { name: 'appspec.yml', data: 'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n', method: 'store' },
  ]);
}

export function image(commit: string, o: { latest?: boolean; pushedAt: string; scan?: boolean }): FakeImage {
  return {
    repository: REPOSITORY,
    digest: digestFor(commit),
    tags: o.latest ? [short(commit), 'latest'] : [short(commit)],
    pushedAt: o.pushedAt,
    sizeBytes: 51_349_210,
    ...(o.scan ? { scanFindings: { HIGH: 1, MEDIUM: 4, LOW: 9, INFORMATIONAL: 2 } } : {}),
  };
}

export function logLines(o: { failing: boolean }): string[] {
  const t = (s: string): string => `[Container] 2025/05/06 09:00:${s}`;
  const lines = [
    t('24.113 Running on CodeBuild On-demand'),
    t('24.113 Waiting for agent ping'),
    t('24.316 Waiting for DOWNLOAD_SOURCE'),
    t('25.481 Phase is DOWNLOAD_SOURCE'),
    t('25.483 CODEBUILD_SRC_DIR=/codebuild/output/src2291/src'),
    t('25.484 YAML location is /codebuild/output/src2291/src/buildspec.yml'),
    t('25.490 Processing environment variables'),
    t('25.751 Moving to directory /codebuild/output/src2291/src'),
    t('25.790 Phase complete: DOWNLOAD_SOURCE State: SUCCEEDED'),
    t('25.790 Phase context status code:  Message: '),
    t('25.861 Entering phase INSTALL'),
    t('25.902 Phase complete: INSTALL State: SUCCEEDED'),
    t('25.903 Entering phase PRE_BUILD'),
    t('25.904 Running command echo "Signing in to Amazon ECR"'),
    'Signing in to Amazon ECR',
    t('25.910 Running command IMAGE_TAG=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)'),
    t('25.915 Running command echo "Image tag is $IMAGE_TAG"'),
    'Image tag is 4c1f3e9',
    t('25.916 Phase complete: PRE_BUILD State: SUCCEEDED'),
    t('25.917 Entering phase BUILD'),
    t('25.918 Running command echo "Building the image"'),
    'Building the image',
    t('25.920 Running command docker build -t $ECR_REPO:$IMAGE_TAG .'),
  ];
  if (o.failing) {
    lines.push(
      'ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      '',
      t('26.004 Command did not exit successfully docker build -t $ECR_REPO:$IMAGE_TAG . exit status 1'),
      t('26.009 Phase complete: BUILD State: FAILED'),
      t('26.009 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: docker build -t $ECR_REPO:$IMAGE_TAG .. Reason: exit status 1'),
      t('26.046 Entering phase POST_BUILD'),
      t('26.047 Running command echo "Pushing both tags"'),
      'Pushing both tags',
      t('26.050 Running command docker push $ECR_REPO:$IMAGE_TAG'),
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      '',
      t('26.061 Command did not exit successfully docker push $ECR_REPO:$IMAGE_TAG exit status 1'),
      t('26.066 Phase complete: POST_BUILD State: FAILED'),
      t('26.066 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: docker push $ECR_REPO:$IMAGE_TAG. Reason: exit status 1'),
    );
  } else {
    lines.push(
      '#1 [internal] load build definition from Dockerfile',
      '#1 DONE 0.1s',
      '#9 exporting to image',
      '#9 naming to 123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:4c1f3e9 done',
      '#9 DONE 1.9s',
      t('58.201 Phase complete: BUILD State: SUCCEEDED'),
      t('58.203 Entering phase POST_BUILD'),
      t('58.204 Running command docker push $ECR_REPO:$IMAGE_TAG'),
      '4c1f3e9: digest: sha256:1f0e… size: 1787',
      t('59.950 Phase complete: POST_BUILD State: SUCCEEDED'),
      t('59.990 Phase complete: UPLOAD_ARTIFACTS State: SUCCEEDED'),
    );
  }
  return lines;
}

const PHASES_OK = ['SUBMITTED', 'QUEUED', 'PROVISIONING', 'DOWNLOAD_SOURCE', 'INSTALL', 'PRE_BUILD', 'BUILD', 'POST_BUILD', 'UPLOAD_ARTIFACTS', 'FINALIZING'];

export function codebuild(commit: string, o: { failing: boolean; exportVariables?: boolean }): { build: FakeBuild; logs: FakeLogStream } {
  const id = buildIdFor(commit);
  const stream = id.split(':')[1];
  const phases: FakeBuild['phases'] = PHASES_OK.map((phaseType) => {
    if (o.failing && phaseType === 'BUILD') {
      return { phaseType, phaseStatus: 'FAILED', durationInSeconds: 1, contexts: [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: 'Error while executing command: docker build -t $ECR_REPO:$IMAGE_TAG .. Reason: exit status 1' }] };
    }
    if (o.failing && phaseType === 'POST_BUILD') {
      return { phaseType, phaseStatus: 'FAILED', durationInSeconds: 0, contexts: [{ statusCode: 'COMMAND_EXECUTION_ERROR', message: 'Error while executing command: docker push $ECR_REPO:$IMAGE_TAG. Reason: exit status 1' }] };
    }
    return { phaseType, phaseStatus: 'SUCCEEDED', durationInSeconds: phaseType === 'BUILD' ? 33 : 1 };
  });
  phases.push({ phaseType: 'COMPLETED' });
  return {
    build: {
      id,
      projectName: PROJECT,
      status: o.failing ? 'FAILED' : 'SUCCEEDED',
      startTime: '2025-05-06T09:00:24Z',
      endTime: o.failing ? '2025-05-06T09:00:27Z' : '2025-05-06T09:01:00Z',
      phases,
      privilegedMode: !o.failing,
      ...(o.exportVariables === false || o.failing ? {} : { exportedVariables: { IMAGE_URI: `${REPOSITORY_URI}:${short(commit)}`, IMAGE_TAG: short(commit) } }),
    },
    logs: { group: `/aws/codebuild/${PROJECT}`, stream, lines: logLines({ failing: o.failing }), startTime: Date.parse('2025-05-06T09:00:24Z') },
  };
}

/** The ECR images, S3 artifact and CodeBuild build + log a successful build of `commit` leaves behind. */
export function builtResources(commit: string, executionId: string, o: { exportVariables?: boolean; pushedAt: string }): Pick<Scenario, 'images' | 'objects' | 'builds' | 'logStreams'> {
  const cb = codebuild(commit, { failing: false, exportVariables: o.exportVariables });
  const prev = codebuild(PREVIOUS_COMMIT, { failing: false });
  return {
    images: [image(PREVIOUS_COMMIT, { pushedAt: '2025-05-06T08:50:11Z' }), image(commit, { latest: true, pushedAt: o.pushedAt, scan: true })],
    objects: [
      { bucket: BUCKET, key: artifactKey(PIPELINE, executionId, 'BuildOutput'), body: imageDetailZip(commit) },
      { bucket: BUCKET, key: artifactKey(PIPELINE, fakeUuid(`exec/${PREVIOUS_COMMIT}`), 'BuildOutput'), body: imageDetailZip(PREVIOUS_COMMIT) },
    ],
    builds: [cb.build, prev.build],
    logStreams: [cb.logs, prev.logs],
  };
}

export function imageTruth(commit: string): { uri: string; tag: string; digest: string } {
  return { uri: `${REPOSITORY_URI}:${short(commit)}`, tag: short(commit), digest: digestFor(commit) };
}

