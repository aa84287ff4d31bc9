import { ECR_PUSH_POLICY, EXPLAINER_IDS, explainFailure, referencedRules } from '../../../src/core/pipeline/explain.js';
import { ruleById } from '../../../src/core/rules/index.js';
import { DOCKER_LOG } from './fixtures.js';

/** Real failure texts (CodePipeline summaries, CodeBuild logs and phase contexts, ECS and CodeDeploy messages) → explainer id. */
const CASES: Array<[string, Parameters<typeof explainFailure>[0], string, string[]]> = [
  ['Docker daemon in the build log', { provider: 'CodeBuild', summary: 'Build terminated with state: FAILED', logLines: DOCKER_LOG, configuration: { ProjectName: 'myapp-build' } }, 'docker-daemon', ['BS-09']],
  [
    'task definition not compatible with a Fargate service',
    { provider: 'CodeDeployToECS', summary: 'Deployment d-4EXAMPLE2 failed: InvalidParameterException: Task definition does not support launch_type FARGATE.' },
    'launch-type',
    ['TD-04'],
  ],
  ['seed wording: task definition not compatible', { errorMessage: 'The ECS service cannot be updated: the task definition is not compatible with the service' }, 'launch-type', ['TD-04']],
  [
    'awsvpc with instance target groups',
    {
      summary:
        'The provided target group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/myapp-blue/1c2d3e4f5a6b7c8d has target type instance, which is incompatible with the awsvpc network mode specified in the task definition.',
    },
    'target-type',
    ['XF-14'],
  ],
  [
    'image not found at task start',
    {
      diagnostics: [
        'CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:9b8c7d6: 123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:9b8c7d6: not found',
      ],
    },
    'image-not-found',
    ['XF-12'],
  ],
  [
    'push refused to the CodeBuild role',
    {
      logLines: [
        'denied: User: arn:aws:sts::123456789012:assumed-role/CodeBuildServiceRole/AWSCodeBuild-2f4a6c1e is not authorized to perform: ecr:InitiateLayerUpload on resource: arn:aws:ecr:us-east-1:123456789012:repository/myapp because no identity-based policy allows the ecr:InitiateLayerUpload action',
      ],
    },
    'ecr-permissions',
    [],
  ],
  ['repository missing', { logLines: ["name unknown: The repository with name 'myapp' does not exist in the registry with id '123456789012'"] }, 'ecr-repository-missing', ['XF-12']],
  ['not logged in', { logLines: ['no basic auth credentials'] }, 'ecr-login-missing', ['BS-10']],
  [
    'task execution role cannot pull',
    { diagnostics: ['CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:9b8c7d6: unexpected status from HEAD request: 403 Forbidden'] },
    'ecr-pull-denied',
    ['TD-11'],
  ],
  [
    'ELB health checks',
    { diagnostics: ['(service myapp) (task 5f1c2d3e4b5a6978) failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/myapp-green/73e2d6bc24d8a067)'] },
    'health-check',
    ['XF-14', 'DF-02'],
  ],
  ['missing buildspec', { summary: 'Build terminated with state: FAILED. Phase: DOWNLOAD_SOURCE, Code: YAML_FILE_ERROR, Message: stat /codebuild/output/src980350499/src/buildspec.yml: no such file or directory' }, 'yaml-file-error', []],
  ['unknown docker runtime', { errorMessage: "Phase: INSTALL, Code: YAML_FILE_ERROR, Message: Unknown runtime version named '18' of docker. This build image has the following versions: 20" }, 'yaml-file-error', ['BS-08']],
  ['invalid buildspec YAML', { errorMessage: 'Phase: DOWNLOAD_SOURCE, Code: YAML_FILE_ERROR, Message: Expected Commands[0] to be of string type: found subkeys instead at line 22, value of the key tag on line 21 might be empty' }, 'yaml-file-error', ['BS-01']],
  ['imageDetail.json missing', { summary: 'Invalid action configuration Exception while trying to read the image artifact file from the artifact: BuildArtifact.' }, 'image-artifact', ['ID-01', 'XF-08']],
  ['taskdef missing', { summary: 'Exception while trying to read the task definition artifact file from: BuildOutput' }, 'template-artifact', ['XF-05']],
  ['container not in task definition', { errorMessage: 'InvalidParameterException: The container myapp-web does not exist in the task definition.' }, 'container-not-in-taskdef', ['XF-03']],
  ['Docker Hub rate limit', { logLines: ['Step 1/9 : FROM node:18-alpine', 'toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit'] }, 'docker-hub-rate-limit', ['DF-06']],
  ['architecture', { diagnostics: ['Essential container in task exited: exec /usr/local/bin/docker-entrypoint.sh: exec format error'] }, 'exec-format', ['XF-13']],
  [
    'missing log group',
    { diagnostics: ['ResourceInitializationError: failed to validate logger args: create stream has been retried 1 times: failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist. : exit status 1'] },
    'log-group-missing',
    ['TD-10'],
  ],
  ['deployment timed out', { summary: 'The deployment timed out while waiting for the replacement task set to become healthy. This time out period is 60 minutes.' }, 'deploy-timeout', ['AS-08']],
  [
    'iam:PassRole',
    {
      errorMessage:
        'User: arn:aws:sts::123456789012:assumed-role/CodePipelineServiceRole/1715191200123 is not authorized to perform: iam:PassRole on resource: arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    },
    'pass-role',
    [],
  ],
  ['get-login', { errorMessage: 'Phase: PRE_BUILD, Code: COMMAND_EXECUTION_ERROR, Message: Error while executing command: $(aws ecr get-login --no-include-email --region $AWS_DEFAULT_REGION). Reason: exit status 2' }, 'get-login-removed', ['BS-10']],
  ['no artifacts', { summary: 'Build terminated with state: FAILED. Phase: UPLOAD_ARTIFACTS, Code: CLIENT_ERROR, Message: no matching artifact paths found' }, 'no-artifact-paths', ['XF-07']],
  ['empty image variable', { logLines: ['invalid argument ":9b8c7d6" for "-t, --tag" flag: invalid reference format', "See 'docker build --help'."] }, 'docker-tag-invalid', ['BS-12']],
  ['Fargate sizes', { errorMessage: 'ClientException: No Fargate configuration exists for given values.' }, 'fargate-cpu-memory', ['TD-05']],
  ['placeholder left', { errorMessage: 'ClientException: Container.image contains invalid characters.' }, 'invalid-image-placeholder', ['TD-18', 'XF-01']],
  ['npm ci', { logLines: ['npm ERR! The `npm ci` command can only install with an existing package-lock.json or'] }, 'npm-ci-lockfile', ['DF-03']],
  ['standard ECS action on a blue/green service', { errorMessage: 'Unable to update task definition on services with a CODE_DEPLOY deployment controller. Use AWS CodeDeploy to trigger a new deployment.' }, 'code-deploy-controller', []],
];

describe('explainFailure', () => {
  it.each(CASES)('%s', (_name, input, id, rules) => {
    const found = explainFailure(input);
    expect(found[0]?.id).toBe(id);
    for (const r of rules) expect(found[0].rules).toContain(r);
    expect(found[0].cause.length).toBeGreaterThan(20);
    expect(found[0].fix.length).toBeGreaterThan(20);
    expect(found[0].evidence.length).toBeGreaterThan(0);
  });

  it('covers every explainer with a case', () => {
    const covered = new Set(CASES.map((c) => c[2]));
    expect(EXPLAINER_IDS.filter((id) => !covered.has(id) && id !== 'command-failed')).toEqual([]);
  });

  it('names the CodeBuild project in the privileged-mode fix', () => {
    const [e] = explainFailure({ logLines: DOCKER_LOG, configuration: { ProjectName: 'myapp-build' } });
    expect(e.fix).toContain('`myapp-build`');
    expect(e.links[0].url).toContain('troubleshooting-cannot-connect-to-docker-daemon');
  });

  it('gives the seed\'s ECR push policy for push permission failures', () => {
    const [e] = explainFailure({ logLines: ['denied: requested access to the resource is denied'] });
    expect(e.id).toBe('ecr-permissions');
    for (const action of ECR_PUSH_POLICY.Statement[0].Action) expect(e.fix).toContain(action);
    expect(ECR_PUSH_POLICY.Statement[0].Action).toEqual([
      'ecr:BatchCheckLayerAvailability',
      'ecr:CompleteLayerUpload',
      'ecr:GetAuthorizationToken',
      'ecr:InitiateLayerUpload',
      'ecr:PutImage',
      'ecr:UploadLayerPart',
    ]);
    const json = /```json\n([\s\S]*?)\n```/.exec(e.fix)?.[1];
    expect(JSON.parse(json!)).toEqual(ECR_PUSH_POLICY);
  });

  it('puts the role from the message in the PassRole statement', () => {
    const [e] = explainFailure(CASES.find((c) => c[2] === 'pass-role')![1]);
    const json = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(e.fix)![1]);
    expect(json).toMatchObject({ Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole' });
    expect(e.cause).toContain('CodePipelineServiceRole');
  });

  it('does not blame the build role when the task execution role cannot pull', () => {
    const ids = explainFailure({ errorMessage: 'User: arn:aws:sts::123456789012:assumed-role/ecsTaskExecutionRole/abc is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:us-east-1:123456789012:repository/myapp' }).map((e) => e.id);
    expect(ids).toEqual(['ecr-pull-denied']);
  });

  it('explains a deploy timeout together with the health checks behind it', () => {
    const ids = explainFailure({
      summary: 'The deployment timed out while waiting for the replacement task set to become healthy.',
      diagnostics: ['(service myapp) (task 5f1c2d3e) failed ELB health checks in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/myapp-green/73e2)'],
    }).map((e) => e.id);
    expect(ids).toEqual(['health-check', 'deploy-timeout']);
  });

  it('falls back to the failed command only when nothing specific matched', () => {
    const generic = explainFailure({ errorMessage: 'Build terminated with state: FAILED. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, Message: Error while executing command: npm test. Reason: exit status 1' });
    expect(generic).toHaveLength(1);
    expect(generic[0]).toMatchObject({ id: 'command-failed', generic: true });
    expect(generic[0].cause).toContain('`npm test`');
    expect(generic[0].cause).toContain('status 1 in the BUILD phase');
    const withLog = explainFailure({ errorMessage: 'Build terminated with state: FAILED. Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, Message: Error while executing command: docker build -t $ECR_REPO:$IMAGE_TAG .. Reason: exit status 1', logLines: DOCKER_LOG });
    expect(withLog.map((e) => e.id)).toEqual(['docker-daemon']);
  });

  it('says nothing for unknown failures and odd input', () => {
    expect(explainFailure({ summary: 'Build terminated with state: FAILED' })).toEqual([]);
    expect(explainFailure({})).toEqual([]);
    expect(explainFailure({ summary: undefined, diagnostics: [42 as unknown as string], logLines: [] })).toEqual([]);
  });

  it('stays fast on long hostile input', () => {
    const start = Date.now();
    explainFailure({ logLines: ['a'.repeat(100_000), 'not authorized to perform: '.repeat(5_000)], summary: 'Phase: BUILD, Code: COMMAND_EXECUTION_ERROR, Message: Error while executing command: ' + 'x'.repeat(50_000) });
    expect(Date.now() - start).toBeLessThan(1_000);
  });

  it('refers only to rules of the catalogue (the BS family is being written)', () => {
    for (const id of referencedRules()) {
      if (id.startsWith('BS-')) expect(Number(id.slice(3))).toBeLessThanOrEqual(14);
      else expect(ruleById(id)?.id).toBe(id);
    }
  });
});
