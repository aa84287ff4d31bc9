import { namesOf, type ScaffoldOptions } from './options.js';

const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
const policy = (...Statement: object[]) => json({ Version: '2012-10-17', Statement });
const trust = (Principal: object, extra: object = {}) =>
  json({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal, Action: Principal.hasOwnProperty('Federated') ? 'sts:AssumeRoleWithWebIdentity' : 'sts:AssumeRole', ...extra }] });

/** `aws codebuild create-project --cli-input-json file://aws/codebuild-project.json`. */
export function codebuildProject(o: ScaffoldOptions): string {
  const n = namesOf(o);
  return json({
    name: n.buildProject,
    description: `Builds and pushes the ${o.name} image for ${n.pipeline}`,
    source: { type: 'CODEPIPELINE', buildspec: 'buildspec.yml' },
    artifacts: { type: 'CODEPIPELINE' },
    environment: {
      type: 'LINUX_CONTAINER',
      image: 'aws/codebuild/amazonlinux-x86_64-standard:5.0',
      computeType: 'BUILD_GENERAL1_SMALL',
      // docker build needs the Docker daemon, which only runs in privileged mode.
      privilegedMode: true,
    },
    serviceRole: n.roleArn(n.roles.codebuild),
    logsConfig: { cloudWatchLogs: { status: 'ENABLED', groupName: `/aws/codebuild/${n.buildProject}` } },
  });
}

function bucketStatements(o: ScaffoldOptions, actions: string[]) {
  const n = namesOf(o);
  return [
    { Sid: 'ArtifactObjects', Effect: 'Allow', Action: actions, Resource: `arn:aws:s3:::${n.bucket}/*` },
    { Sid: 'ArtifactBucket', Effect: 'Allow', Action: ['s3:GetBucketLocation', 's3:GetBucketVersioning'], Resource: `arn:aws:s3:::${n.bucket}` },
  ];
}

const ECR_PULL = ['ecr:BatchCheckLayerAvailability', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchGetImage'];
const ECR_PUSH = [...ECR_PULL, 'ecr:InitiateLayerUpload', 'ecr:UploadLayerPart', 'ecr:CompleteLayerUpload', 'ecr:PutImage'];

/** Policies and trust documents under aws/iam/, keyed by file name. */
export function iamFiles(o: ScaffoldOptions): Record<string, string> {
  const n = namesOf(o);
  const logGroupArn = (group: string) => n.arn('logs', `log-group:${group}`);
  const connection = n.connectionArn;
  const codebuild = policy(
    { Sid: 'BuildLogs', Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: [logGroupArn(`/aws/codebuild/${n.buildProject}`), logGroupArn(`/aws/codebuild/${n.buildProject}:*`)] },
    // GetAuthorizationToken has no resource-level permissions.
    { Sid: 'EcrLogin', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
    { Sid: 'EcrPush', Effect: 'Allow', Action: ECR_PUSH, Resource: n.repositoryArn },
    ...bucketStatements(o, ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject']),
  );
  const deployGroups = [n.deploymentGroup, ...(o.staging ? [n.stagingDeploymentGroup] : [])];
  const codepipeline = policy(
    { Sid: 'SourceConnection', Effect: 'Allow', Action: ['codestar-connections:UseConnection', 'codeconnections:UseConnection'], Resource: [connection, connection.replace(':codestar-connections:', ':codeconnections:')] },
    { Sid: 'Build', Effect: 'Allow', Action: ['codebuild:StartBuild', 'codebuild:BatchGetBuilds'], Resource: n.arn('codebuild', `project/${n.buildProject}`) },
    {
      Sid: 'Deploy',
      Effect: 'Allow',
      Action: ['codedeploy:CreateDeployment', 'codedeploy:GetApplication', 'codedeploy:GetApplicationRevision', 'codedeploy:GetDeployment', 'codedeploy:GetDeploymentConfig', 'codedeploy:RegisterApplicationRevision'],
      Resource: [n.arn('codedeploy', `application:${n.application}`), ...deployGroups.map((g) => n.arn('codedeploy', `deploymentgroup:${n.application}/${g}`)), n.arn('codedeploy', 'deploymentconfig:*')],
    },
    // RegisterTaskDefinition has no resource-level permissions.
    { Sid: 'RegisterTaskDefinition', Effect: 'Allow', Action: 'ecs:RegisterTaskDefinition', Resource: '*' },
    { Sid: 'PassExecutionRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: n.roleArn(n.roles.execution), Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } },
    ...bucketStatements(o, ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject']),
  );
  const execution = policy(
    { Sid: 'EcrLogin', Effect: 'Allow', Action: 'ecr:GetAuthorizationToken', Resource: '*' },
    { Sid: 'EcrPull', Effect: 'Allow', Action: ECR_PULL, Resource: n.repositoryArn },
    // logs:CreateLogGroup because the task definition sets awslogs-create-group.
    { Sid: 'TaskLogs', Effect: 'Allow', Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'], Resource: [logGroupArn(n.logGroup), logGroupArn(`${n.logGroup}:*`)] },
  );
  const pipelineArn = n.arn('codepipeline', n.pipeline);
  const github = policy(
    {
      Sid: 'Pipeline',
      Effect: 'Allow',
      Action: ['codepipeline:GetPipeline', 'codepipeline:GetPipelineState', 'codepipeline:GetPipelineExecution', 'codepipeline:ListPipelineExecutions', 'codepipeline:ListActionExecutions', 'codepipeline:StartPipelineExecution', 'codepipeline:StopPipelineExecution'],
      Resource: [pipelineArn, `${pipelineArn}/*`],
    },
    { Sid: 'Image', Effect: 'Allow', Action: 'ecr:DescribeImages', Resource: n.repositoryArn },
    { Sid: 'Build', Effect: 'Allow', Action: 'codebuild:BatchGetBuilds', Resource: n.arn('codebuild', `project/${n.buildProject}`) },
    { Sid: 'BuildLogs', Effect: 'Allow', Action: 'logs:GetLogEvents', Resource: logGroupArn(`/aws/codebuild/${n.buildProject}:log-stream:*`) },
    { Sid: 'ImageDetail', Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${n.bucket}/*` },
  );
  const oidc = `arn:aws:iam::${o.account}:oidc-provider/token.actions.githubusercontent.com`;
  return {
    'aws/iam/codebuild-policy.json': codebuild,
    'aws/iam/codebuild-trust.json': trust({ Service: 'codebuild.amazonaws.com' }),
    'aws/iam/codepipeline-policy.json': codepipeline,
    'aws/iam/codepipeline-trust.json': trust({ Service: 'codepipeline.amazonaws.com' }),
    'aws/iam/task-execution-policy.json': execution,
    'aws/iam/task-execution-trust.json': trust({ Service: 'ecs-tasks.amazonaws.com' }),
    'aws/iam/codedeploy-trust.json': trust({ Service: 'codedeploy.amazonaws.com' }),
    'aws/iam/github-actions-policy.json': github,
    'aws/iam/github-actions-trust.json': trust(
      { Federated: oidc },
      {
        Condition: {
          StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
          StringLike: { 'token.actions.githubusercontent.com:sub': `repo:${o.repo}:*` },
        },
      },
    ),
  };
}
