import { parseCodePipelineEvent, repositoryOfRevisionUrl, sourceOfExecution } from '../../../src/core/events/index.js';

/** Shapes as the CodePipeline User Guide ("Monitoring CodePipeline events") shows them. */
const COMMIT = '4c1f3e9a7b2d8c6e0f5a1b3c9d7e2f4a6b8c0d1e';

const pipelineStarted = {
  version: '0',
  id: '01234567-EXAMPLE',
  'detail-type': 'CodePipeline Pipeline Execution State Change',
  source: 'aws.codepipeline',
  account: '123456789012',
  time: '2025-05-06T09:00:00Z',
  region: 'us-east-1',
  resources: ['arn:aws:codepipeline:us-east-1:123456789012:myapp-ecs-pipeline'],
  detail: {
    pipeline: 'myapp-ecs-pipeline',
    'execution-id': '12345678-1234-5678-abcd-12345678abcd',
    'start-time': '2025-05-06T09:00:00.000Z',
    'execution-trigger': {
      'author-display-name': 'Mary Major',
      'author-email': 'mary@example.com',
      'author-id': 'Mary',
      'provider-type': 'GitHub',
      'full-repository-name': 'my-org/myapp',
      'connection-arn': 'arn:aws:codestar-connections:us-east-1:123456789012:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f',
      'commit-id': COMMIT,
      'branch-name': 'main',
      'commit-message': 'Serve on port 8080',
    },
    state: 'STARTED',
    version: 3,
    'pipeline-execution-attempt': 1,
  },
};

const stageStarted = {
  version: '0',
  id: '02345678-EXAMPLE',
  'detail-type': 'CodePipeline Stage Execution State Change',
  source: 'aws.codepipeline',
  account: '123456789012',
  time: '2025-05-06T09:00:01Z',
  region: 'us-east-1',
  resources: ['arn:aws:codepipeline:us-east-1:123456789012:myapp-ecs-pipeline'],
  detail: {
    pipeline: 'myapp-ecs-pipeline',
    'execution-id': '12345678-1234-5678-abcd-12345678abcd',
    'start-time': '2025-05-06T09:00:00.000Z',
    stage: 'Source',
    state: 'STARTED',
    version: 3,
    'pipeline-execution-attempt': 1,
    sourceActions: [{ sourceActionName: 'Source', sourceActionProvider: 'CodeStarSourceConnection', sourceActionVariables: { BranchName: 'main', CommitId: COMMIT, RepositoryName: 'myapp' } }],
  },
};

const actionFailed = {
  version: '0',
  id: '03456789-EXAMPLE',
  'detail-type': 'CodePipeline Action Execution State Change',
  source: 'aws.codepipeline',
  account: '123456789012',
  time: '2025-05-06T09:03:10Z',
  region: 'us-east-1',
  resources: ['arn:aws:codepipeline:us-east-1:123456789012:myapp-ecs-pipeline'],
  detail: {
    pipeline: 'myapp-ecs-pipeline',
    'execution-id': '12345678-1234-5678-abcd-12345678abcd',
    stage: 'Build',
    'execution-result': { 'external-execution-url': 'https://us-east-1.console.aws.amazon.com/codebuild/home', 'external-execution-summary': 'Build terminated with state: FAILED', 'external-execution-id': 'myapp-build:1b2c', 'error-code': 'JobFailed' },
    'output-artifacts': [{ name: 'BuildOutput', s3location: { bucket: 'myapp-pipeline-artifacts', key: 'myapp-ecs-pi/BuildOutpu/abc' } }],
    action: 'BuildImage',
    state: 'FAILED',
    region: 'us-east-1',
    type: { owner: 'AWS', provider: 'CodeBuild', category: 'Build', version: '1' },
    version: 3,
    'input-artifacts': [{ name: 'SourceArtifact', s3location: { bucket: 'myapp-pipeline-artifacts', key: 'myapp-ecs-pi/SourceArti/def' } }],
  },
};

test('a pipeline event with a Git trigger names the repository, branch and commit', () => {
  const r = parseCodePipelineEvent(pipelineStarted);
  expect(r).toEqual({
    ok: true,
    event: {
      kind: 'pipeline', id: '01234567-EXAMPLE', time: '2025-05-06T09:00:00Z', account: '123456789012', region: 'us-east-1',
      pipeline: 'myapp-ecs-pipeline', executionId: '12345678-1234-5678-abcd-12345678abcd', state: 'STARTED', version: 3,
      git: { commitId: COMMIT, branch: 'main', fullRepositoryName: 'my-org/myapp', providerType: 'GitHub' },
    },
  });
});

test('a stage event keeps the stage; the source variables give the commit but a bare repository name is not a GitHub repository', () => {
  const r = parseCodePipelineEvent(stageStarted);
  expect(r.ok && r.event).toMatchObject({ kind: 'stage', stage: 'Source', state: 'STARTED', git: { commitId: COMMIT, branch: 'main' } });
  expect(r.ok && r.event.git?.fullRepositoryName).toBeUndefined();
});

test('an action event keeps stage and action', () => {
  const r = parseCodePipelineEvent(actionFailed);
  expect(r.ok && r.event).toMatchObject({ kind: 'action', stage: 'Build', action: 'BuildImage', state: 'FAILED', region: 'us-east-1' });
});

test('the CodeStar Notifications shape (detailType, additionalAttributes) parses the same', () => {
  const { 'detail-type': dt, ...rest } = pipelineStarted;
  const notification = { ...rest, detailType: dt, notificationRuleArn: 'arn:aws:codestar-notifications:us-east-1:123456789012:notificationrule/abc', additionalAttributes: {} };
  const a = parseCodePipelineEvent(pipelineStarted);
  const b = parseCodePipelineEvent(notification);
  expect(b).toEqual(a);
});

test('the region comes from the pipeline ARN when the event has none', () => {
  const { region: _r, ...rest } = pipelineStarted;
  const r = parseCodePipelineEvent({ ...rest, resources: ['arn:aws:codepipeline:eu-west-1:123456789012:myapp-ecs-pipeline'] });
  expect(r.ok && r.event.region).toBe('eu-west-1');
});

test('other events are ignored, broken ones refused, never thrown', () => {
  expect(parseCodePipelineEvent({ ...pipelineStarted, 'detail-type': 'CodeBuild Build State Change', source: 'aws.codebuild' })).toMatchObject({ ok: false, ignored: true });
  expect(parseCodePipelineEvent({ ...pipelineStarted, source: 'my.app' })).toMatchObject({ ok: false, ignored: true });
  for (const bad of [null, 42, 'x', [], {}, { 'detail-type': 7 }, { ...pipelineStarted, detail: [] }, { ...pipelineStarted, detail: { pipeline: 'p', state: 'STARTED' } }, { ...pipelineStarted, detail: { ...pipelineStarted.detail, 'execution-trigger': 'x' } }]) {
    const r = parseCodePipelineEvent(bad);
    if (r.ok) expect(r.event.git).toBeUndefined();
    else expect(r.ignored).toBeUndefined();
  }
});

test('repository and commit from revision URLs of CodeStar connections and GitHub', () => {
  expect(repositoryOfRevisionUrl(`https://us-east-1.console.aws.amazon.com/codesuite/settings/connections/redirect?connectionArn=arn%3Aaws%3Acodestar-connections%3Aus-east-1%3A123456789012%3Aconnection%2Fabc&referenceType=COMMIT&FullRepositoryId=my-org%2Fmyapp&Commit=${COMMIT}`)).toEqual({ owner: 'my-org', repo: 'myapp', commit: COMMIT });
  expect(repositoryOfRevisionUrl(`https://github.com/my-org/myapp/commit/${COMMIT}`)).toEqual({ owner: 'my-org', repo: 'myapp', commit: COMMIT });
  expect(repositoryOfRevisionUrl('https://example.com/my-org/myapp/commit/x')).toBeUndefined();
  expect(repositoryOfRevisionUrl('not a url')).toBeUndefined();
});

test('the execution revisions win over the event trigger; the trigger fills the repository when the URL has none', () => {
  const other = '9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d';
  const trigger = { git: { commitId: COMMIT, fullRepositoryName: 'my-org/myapp' } };
  expect(sourceOfExecution(trigger, [{ actionName: 'Source', revisionId: other, revisionUrl: `https://github.com/my-org/other/commit/${other}` }])).toEqual({ owner: 'my-org', repo: 'other', commit: other, from: 'revision-url' });
  expect(sourceOfExecution(trigger, [{ actionName: 'Source', revisionId: other }])).toEqual({ owner: 'my-org', repo: 'myapp', commit: other, from: 'execution-trigger' });
  expect(sourceOfExecution(trigger, [])).toEqual({ owner: 'my-org', repo: 'myapp', commit: COMMIT, from: 'execution-trigger' });
  expect(sourceOfExecution({}, [{ actionName: 'Source', revisionId: other }])).toBeUndefined();
  expect(sourceOfExecution({ git: { fullRepositoryName: 'not/a/repo', commitId: COMMIT } }, [])).toBeUndefined();
});
