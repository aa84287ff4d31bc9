/**
 * Snapshots of the seed pipeline (Source → Build → Deploy with CodeDeployToECS),
 * shaped on real GetPipelineExecution / GetPipelineState / ListActionExecutions
 * responses (aws-cli examples, CodePipeline action events): CodeBuild's
 * external id is `project:build-uuid`, CodeDeploy's `d-XXXXXXXXX`, a failed
 * CodeBuild action's summary is "Build terminated with state: FAILED" with
 * errorDetails code JobFailed.
 */
import type { ActionSnapshot, ExecutionSnapshot, ExecutionSummary, StageSnapshot } from '../../../src/core/pipeline/model.js';

export const SHA = '9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c';
export const OTHER_SHA = '1f2e3d4c5b6a79880796a5b4c3d2e1f0a9b8c7d6';
export const EXECUTION_ID = '3137f7cb-8d49-4ae1-9e0c-5e0c6b1d2a4f';
export const NOW = '2024-05-08T18:30:00.000Z';
const BUILD_ID = 'myapp-build:2f4a6c1e-0b7d-4e59-9a3c-8d1e5f7b2c90';

export function source(o: Partial<ActionSnapshot> = {}): ActionSnapshot {
  return {
    name: 'GitHub',
    category: 'Source',
    provider: 'CodeStarSourceConnection',
    status: 'Succeeded',
    startTime: '2024-05-08T18:00:00.120Z',
    lastStatusChange: '2024-05-08T18:00:04.380Z',
    summary: 'Update server.js',
    externalExecutionId: SHA,
    externalExecutionUrl: `https://github.com/my-org/myapp/commit/${SHA}`,
    outputVariables: { CommitId: SHA, BranchName: 'main', FullRepositoryName: 'my-org/myapp', CommitMessage: 'Update server.js' },
    ...o,
  };
}

export function build(o: Partial<ActionSnapshot> = {}): ActionSnapshot {
  return {
    name: 'BuildImage',
    category: 'Build',
    provider: 'CodeBuild',
    status: 'Succeeded',
    startTime: '2024-05-08T18:00:05.000Z',
    lastStatusChange: '2024-05-08T18:03:17.000Z',
    externalExecutionId: BUILD_ID,
    externalExecutionUrl: `https://console.aws.amazon.com/codebuild/home?region=us-east-1#/builds/${BUILD_ID}/view/new`,
    configuration: { ProjectName: 'myapp-build' },
    outputVariables: { IMAGE_URI: `123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:${SHA.slice(0, 7)}`, IMAGE_TAG: SHA.slice(0, 7) },
    ...o,
  };
}

export function deploy(o: Partial<ActionSnapshot> = {}): ActionSnapshot {
  return {
    name: 'ECS-BlueGreen',
    category: 'Deploy',
    provider: 'CodeDeployToECS',
    status: 'Succeeded',
    startTime: '2024-05-08T18:03:20.000Z',
    lastStatusChange: '2024-05-08T18:11:02.000Z',
    summary: 'Deployment Succeeded',
    externalExecutionId: 'd-7EXAMPLE1',
    externalExecutionUrl: 'https://console.aws.amazon.com/codedeploy/home?region=us-east-1#/deployments/d-7EXAMPLE1',
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
    inputArtifacts: [{ name: 'BuildOutput', bucket: 'my-pipeline-artifacts', key: 'myapp-ecs-pipel/BuildOutpu/Xk2PqRt' }],
    ...o,
  };
}

export function approval(o: Partial<ActionSnapshot> = {}): ActionSnapshot {
  return {
    name: 'Approve',
    category: 'Approval',
    provider: 'Manual',
    status: 'InProgress',
    lastStatusChange: '2024-05-08T18:11:05.000Z',
    token: '0b4d1f2e-7c3a-4f59-8e6d-2a1b3c4d5e6f',
    ...o,
  };
}

export function stage(name: string, status: StageSnapshot['status'], actions: ActionSnapshot[]): StageSnapshot {
  return { name, status, actions };
}

export function notStarted(a: ActionSnapshot): ActionSnapshot {
  const { startTime: _s, lastStatusChange: _l, summary: _m, externalExecutionId: _i, externalExecutionUrl: _u, outputVariables: _o, ...rest } = a;
  return { ...rest, status: 'NotStarted' };
}

export function snapshot(o: Partial<ExecutionSnapshot> = {}): ExecutionSnapshot {
  return {
    pipelineName: 'myapp-ecs-pipeline',
    region: 'us-east-1',
    executionId: EXECUTION_ID,
    status: 'Succeeded',
    executionType: 'STANDARD',
    sourceRevisions: [
      {
        actionName: 'GitHub',
        revisionId: SHA,
        revisionSummary: '{"ProviderType":"GitHub","CommitMessage":"Update server.js"}',
        revisionUrl: `https://us-east-1.console.aws.amazon.com/codesuite/settings/connections/redirect?connectionArn=arn:aws:codestar-connections:us-east-1:123456789012:connection/abc-123&referenceType=COMMIT&FullRepositoryId=my-org/myapp&Commit=${SHA}`,
      },
    ],
    startTime: '2024-05-08T18:00:00.000Z',
    lastUpdateTime: '2024-05-08T18:11:03.000Z',
    stages: [stage('Source', 'Succeeded', [source()]), stage('Build', 'Succeeded', [build()]), stage('Deploy', 'Succeeded', [deploy()])],
    ...o,
  };
}

/** Building: Source done, Build running, Deploy not reached. */
export function building(): ExecutionSnapshot {
  return snapshot({
    status: 'InProgress',
    lastUpdateTime: '2024-05-08T18:00:05.000Z',
    stages: [
      stage('Source', 'Succeeded', [source()]),
      stage('Build', 'InProgress', [build({ status: 'InProgress', lastStatusChange: '2024-05-08T18:00:05.000Z', outputVariables: undefined })]),
      stage('Deploy', 'NotStarted', [notStarted(deploy())]),
    ],
  });
}

export const DOCKER_LOG = [
  '[Container] 2024/05/08 18:01:10.412 Running command docker build -t $ECR_REPO:$IMAGE_TAG .',
  'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
  '',
  '[Container] 2024/05/08 18:01:10.530 Command did not exit successfully docker build -t $ECR_REPO:$IMAGE_TAG . exit status 1',
  '[Container] 2024/05/08 18:01:10.535 Phase complete: BUILD State: FAILED',
  '[Container] 2024/05/08 18:01:10.535 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: docker build -t $ECR_REPO:$IMAGE_TAG .. Reason: exit status 1',
];

/** The seed's first troubleshooting item: the build runs without privileged mode. */
export function buildFailed(): ExecutionSnapshot {
  return snapshot({
    status: 'Failed',
    statusSummary: 'Build terminated with state: FAILED',
    lastUpdateTime: '2024-05-08T18:01:12.000Z',
    stages: [
      stage('Source', 'Succeeded', [source()]),
      stage('Build', 'Failed', [
        build({
          status: 'Failed',
          lastStatusChange: '2024-05-08T18:01:11.000Z',
          outputVariables: undefined,
          summary: 'Build terminated with state: FAILED',
          errorCode: 'JobFailed',
          errorMessage:
            'Build terminated with state: FAILED. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, Message: Error while executing command: docker build -t $ECR_REPO:$IMAGE_TAG .. Reason: exit status 1',
          logTail: DOCKER_LOG,
        }),
      ]),
      stage('Deploy', 'NotStarted', [notStarted(deploy())]),
    ],
  });
}

/** A blue/green deploy whose replacement tasks never became healthy. */
export function deployFailed(): ExecutionSnapshot {
  return snapshot({
    status: 'Failed',
    lastUpdateTime: '2024-05-08T19:03:40.000Z',
    stages: [
      stage('Source', 'Succeeded', [source()]),
      stage('Build', 'Succeeded', [build()]),
      stage('Deploy', 'Failed', [
        deploy({
          status: 'Failed',
          lastStatusChange: '2024-05-08T19:03:39.000Z',
          summary: 'The deployment timed out while waiting for the replacement task set to become healthy. This time out period is 60 minutes.',
          errorCode: 'JobFailed',
          errorMessage: 'The deployment timed out while waiting for the replacement task set to become healthy. This time out period is 60 minutes.',
          diagnostics: [
            '(service myapp) (task 5f1c2d3e4b5a6978) failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/myapp-green/73e2d6bc24d8a067)',
          ],
        }),
      ]),
    ],
  });
}

export function summaryOf(o: Partial<ExecutionSummary> & { executionId: string }): ExecutionSummary {
  return {
    status: 'Succeeded',
    sourceRevisions: [{ actionName: 'GitHub', revisionId: SHA }],
    executionType: 'STANDARD',
    triggerType: 'Webhook',
    ...o,
  };
}
