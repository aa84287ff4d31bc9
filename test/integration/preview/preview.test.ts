/**
 * The deploy preview through the real SDK clients (CodeDeploy, ECS,
 * CodePipeline) against the fake AWS: the cases, several deploy
 * actions, missing permissions and missing resources.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { previewDeploy, type PreviewOptions } from '../../../src/services/preview.js';
import { approvalAddedInConsole, FAKE_CALLER_ROLE } from '../../fakes/aws/index.js';
import { FIXTURES, fixtureScenario, json, liveHarness, repoFiles, type LiveHarness } from './helpers.js';

const PIPELINE = 'myapp-ecs-pipeline';
const HEAD = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432';
const ACCOUNT = '123456789012';

let h: LiveHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

function options(name: string, extra: Partial<PreviewOptions> = {}): PreviewOptions {
  return { ...repoFiles(join(FIXTURES, name, 'repo')), pipelineName: PIPELINE, ...extra };
}

/** The line an annotation points at, trimmed. */
function lineAt(name: string, a: { path: string; start_line: number }): string {
  return readFileSync(join(FIXTURES, name, 'repo', a.path), 'utf8').split('\n')[a.start_line - 1].trim();
}

describe('ECS deploy preview against the fake AWS', () => {
  it('no change: the running task definition, read through GetDeploymentGroup → DescribeServices → DescribeTaskDefinition', async () => {
    h = await liveHarness(fixtureScenario('no-change'));
    const r = await previewDeploy(options('no-change', { imageTag: '1a2b3c4' }), h.live);
    expect(r.report.conclusion).toBe('success');
    expect(r.report.title).toBe('No deployable change');
    expect(r.report.annotations).toEqual([]);
    expect(r.input.sections).toHaveLength(1);
    expect(r.input.sections[0].service).toBe('myapp-cluster/myapp-ecs-service (runs myapp:7)');
    expect(r.input.drift).toMatchObject({ file: 'pipeline.json', pipeline: PIPELINE, items: [] });
    expect(r.counts).toEqual({ changes: 0, risky: 0, problems: 0, drift: 0, unavailable: 0 });
    expect(h.fake.counts()).toEqual({ GetDeploymentGroup: 1, DescribeServices: 1, DescribeTaskDefinition: 1, GetPipeline: 1 });
    const asked = Object.fromEntries(h.fake.calls.map((c) => [c.operation, c.body]));
    expect(asked.DescribeServices).toEqual({ cluster: 'myapp-cluster', services: ['myapp-ecs-service'] });
    expect(asked.DescribeTaskDefinition).toEqual({ taskDefinition: `arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/myapp:7` });
  });

  it('image only: a pull request brings the image a build of its head commit tags, and nothing else', async () => {
    h = await liveHarness(fixtureScenario('image-only'));
    const r = await previewDeploy(options('image-only', { headSha: HEAD }), h.live);
    expect(r.report.conclusion).toBe('success');
    expect(r.report.title).toBe('No deployable change besides the new image');
    expect(r.report.summary).toContain('Only the image changes');
    expect(r.report.summary).toContain('myapp:9f8e7d6');
    expect(r.report.annotations).toEqual([]);
    expect(r.counts.changes).toBe(0);
    // The same image as the one a pushed commit deploys: a change, on the buildspec line that writes it.
    const pushed = await previewDeploy(options('image-only', { imageTag: '9f8e7d6' }), h.live);
    expect(pushed.report.conclusion).toBe('neutral');
    expect(pushed.report.title).toBe('1 change: image');
    expect(pushed.report.annotations.map((a) => lineAt('image-only', a))).toEqual(['"image": "<IMAGE1_NAME>",']);
  });

  it('memory and an environment variable changed: exactly those, on their lines; the secret-looking value masked', async () => {
    h = await liveHarness(fixtureScenario('memory-and-env'));
    const r = await previewDeploy(options('memory-and-env', { headSha: HEAD }), h.live);
    expect(r.report.conclusion).toBe('neutral');
    const changes = r.input.sections[0].diff!.changes;
    expect(changes.filter((c) => !c.expected).map((c) => `${c.container ?? 'task'} ${c.field} ${c.kind}`).sort()).toEqual([
      'task memory changed',
      'web environment.FEATURE_CHECKOUT added',
      'web environment.STRIPE_API_KEY changed',
    ]);
    expect(r.report.title).toBe('3 changes: memory, environment.FEATURE_CHECKOUT, environment.STRIPE_API_KEY');
    expect(r.report.summary).toMatch(/\| `memory` \| `512` \| `1024` \|/);
    expect(r.report.summary).not.toContain('sk_live');
    expect(r.report.annotations.map((a) => lineAt('memory-and-env', a)).sort()).toEqual(['"memory": "1024",', '"name": "FEATURE_CHECKOUT",', '"name": "STRIPE_API_KEY",']);
  });

  it('a secret removed: risky, by name and source only', async () => {
    h = await liveHarness(fixtureScenario('secret-removed'));
    const r = await previewDeploy(options('secret-removed', { imageTag: '1a2b3c4' }), h.live);
    expect(r.report.conclusion).toBe('neutral');
    expect(r.counts).toMatchObject({ changes: 1, risky: 1 });
    expect(r.report.summary).toContain('secret DB\\_PASSWORD removed: the container no longer receives it');
    expect(r.report.annotations).toEqual([expect.objectContaining({ annotation_level: 'warning', path: 'taskdef.json' })]);
  });

  it('the container port changed so that the appspec no longer matches: flagged, and the preview fails', async () => {
    h = await liveHarness(fixtureScenario('port-changed'));
    const r = await previewDeploy(options('port-changed', { imageTag: '1a2b3c4' }), h.live);
    expect(r.report.conclusion).toBe('failure');
    expect(r.counts).toMatchObject({ problems: 1, changes: 2, risky: 2 });
    expect(r.report.title).toMatch(/^1 deploy-breaking problem, 2 changes \(2 risky\)/);
    const failure = r.report.annotations.find((a) => a.annotation_level === 'failure')!;
    expect(failure.path).toBe('appspec.yaml');
    expect(lineAt('port-changed', failure)).toBe('ContainerName: "web"');
  });

  it('pipeline drift: a stage added in the console is a warning on the stages line', async () => {
    h = await liveHarness(fixtureScenario('memory-and-env', { editLive: approvalAddedInConsole }));
    const r = await previewDeploy(options('memory-and-env', { headSha: HEAD }), h.live);
    expect(r.input.drift?.items).toEqual([expect.objectContaining({ kind: 'stage-added', stage: 'Approval' })]);
    expect(r.report.title).toContain('pipeline drift (1)');
    expect(r.report.summary).toContain('### Pipeline drift: `pipeline.json` vs the live pipeline `myapp-ecs-pipeline`');
    const drift = r.report.annotations.find((a) => a.title === 'Pipeline drift')!;
    expect(lineAt('memory-and-env', drift)).toBe('"stages": [');
  });

  it('several deploy actions (staging and production): one section each, one read per deployment group', async () => {
    const pipeline = json(join(FIXTURES, 'memory-and-env/repo/pipeline.json')) as { pipeline: { stages: Array<{ name: string; actions: Array<{ name: string; configuration: Record<string, string> }> }> } };
    const deploy = pipeline.pipeline.stages[2];
    const staging = structuredClone(deploy);
    staging.name = 'Deploy-Staging';
    staging.actions[0].configuration.DeploymentGroupName = 'myapp-staging-dg';
    pipeline.pipeline.stages.splice(2, 0, staging);
    const live = json(join(FIXTURES, 'memory-and-env/live-taskdef.json')) as { taskDefinition: Record<string, unknown> };
    // Staging already runs what the pull request brings (revision 8); production runs revision 7.
    const stagingLive = structuredClone(live);
    stagingLive.taskDefinition.revision = 8;
    stagingLive.taskDefinition.memory = '1024';
    const { files, tree } = repoFiles(join(FIXTURES, 'memory-and-env/repo'));
    const withStaging = files.map((f) => (f.path === 'pipeline.json' ? { path: f.path, text: JSON.stringify(pipeline, null, 2) } : f));
    h = await liveHarness({ pipeline, running: { 'myapp-staging-dg': stagingLive, 'myapp-ecs-dg': live } });
    const r = await previewDeploy({ files: withStaging, tree, pipelineName: PIPELINE, headSha: HEAD }, h.live);
    expect(r.input.sections.map((s) => [s.effective.deploy?.stage, s.service])).toEqual([
      ['Deploy-Staging', 'myapp-cluster/myapp-staging-service (runs myapp:8)'],
      ['Deploy', 'myapp-cluster/myapp-ecs-service (runs myapp:7)'],
    ]);
    const fields = r.input.sections.map((s) => s.diff!.changes.filter((c) => !c.expected).map((c) => c.field).sort());
    expect(fields).toEqual([
      ['environment.FEATURE_CHECKOUT', 'environment.STRIPE_API_KEY'],
      ['environment.FEATURE_CHECKOUT', 'environment.STRIPE_API_KEY', 'memory'],
    ]);
    expect(r.report.summary.match(/^### /gm)).toHaveLength(3);
    expect(h.fake.counts()).toEqual({ GetDeploymentGroup: 2, DescribeServices: 2, DescribeTaskDefinition: 2, GetPipeline: 1 });
  });

  it('without a pipeline file: the live pipeline says which deployment group, no drift compared', async () => {
    h = await liveHarness(fixtureScenario('memory-and-env'));
    const o = options('memory-and-env', { headSha: HEAD });
    const r = await previewDeploy({ ...o, files: o.files.filter((f) => f.path !== 'pipeline.json'), tree: o.tree!.filter((p) => p !== 'pipeline.json') }, h.live);
    expect(r.notes[0]).toMatch(/^No pipeline file for myapp-ecs-pipeline in the checked files; its deploy actions come from the live pipeline/);
    expect(r.input.drift).toBeUndefined();
    expect(r.input.sections).toHaveLength(1);
    expect(r.input.sections[0].effective.deploy).toMatchObject({ stage: 'Deploy', action: 'ECS-BlueGreen', deploymentGroupName: 'myapp-ecs-dg' });
    expect(r.counts.changes).toBe(3);
  });
});

describe('missing permissions and resources: said in the report, never thrown', () => {
  const grant = {
    GetDeploymentGroup: `cannot read the deployment group myapp-ecs-dg of the CodeDeploy application myapp-ecs: grant codedeploy:GetDeploymentGroup on arn:aws:codedeploy:us-east-1:${ACCOUNT}:deploymentgroup:myapp-ecs/myapp-ecs-dg`,
    DescribeServices: `cannot read the ECS service myapp-ecs-service of cluster myapp-cluster: grant ecs:DescribeServices on arn:aws:ecs:us-east-1:${ACCOUNT}:service/myapp-cluster/myapp-ecs-service`,
    DescribeTaskDefinition: `cannot read the task definition arn:aws:ecs:us-east-1:${ACCOUNT}:task-definition/myapp:7: grant ecs:DescribeTaskDefinition on *`,
  };

  for (const [operation, message] of Object.entries(grant)) {
    it(`${operation} denied: "cannot read X: grant Y", the rest of the preview goes on`, async () => {
      h = await liveHarness(fixtureScenario('memory-and-env'), { deny: [operation] });
      const r = await previewDeploy(options('memory-and-env', { headSha: HEAD }), h.live);
      expect(r.input.sections[0]).toMatchObject({ unavailable: message });
      expect(r.input.sections[0].diff).toBeUndefined();
      expect(r.report.conclusion).toBe('neutral');
      expect(r.report.title).toBe(`Preview incomplete: ${message}`);
      expect(r.report.summary).toContain(`Cannot compare with the running service: ${message.replace(/\*/g, '\\*')}.`);
      // The drift still compares: GetPipeline was allowed.
      expect(r.input.drift).toMatchObject({ items: [] });
      // An access-denied answer is final: no retries.
      expect(h.fake.calls.filter((c) => c.operation === operation)).toHaveLength(1);
      expect(h.fake.calls.find((c) => c.operation === operation)).toMatchObject({ status: 400, error: 'AccessDeniedException' });
    });
  }

  it('GetPipeline denied: the drift says what to grant; the task definition is still compared', async () => {
    h = await liveHarness(fixtureScenario('memory-and-env'), { deny: ['codepipeline:GetPipeline'] });
    const r = await previewDeploy(options('memory-and-env', { headSha: HEAD }), h.live);
    expect(r.input.drift).toMatchObject({ items: [], unavailable: `cannot read the pipeline ${PIPELINE}: grant codepipeline:GetPipeline on arn:aws:codepipeline:us-east-1:${ACCOUNT}:${PIPELINE}` });
    expect(r.counts).toMatchObject({ changes: 3, unavailable: 1 });
    expect(r.report.summary).toContain('Cannot compare: cannot read the pipeline');
  });

  it('the fake words the denial as AWS does, naming the caller, the action and the resource', async () => {
    h = await liveHarness(fixtureScenario('memory-and-env'), { deny: ['GetDeploymentGroup'] });
    await previewDeploy(options('memory-and-env'), h.live);
    const res = await fetch(h.fake.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'CodeDeploy_20141006.GetDeploymentGroup',
        authorization: `AWS4-HMAC-SHA256 Credential=AKIAFAKEFAKEFAKE1234/20250506/us-east-1/codedeploy/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
      },
      body: JSON.stringify({ applicationName: 'myapp-ecs', deploymentGroupName: 'myapp-ecs-dg' }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toMatch(/^AccessDeniedException:/);
    expect(await res.json()).toEqual({
      __type: 'AccessDeniedException',
      message: `User: arn:aws:sts::${ACCOUNT}:assumed-role/${FAKE_CALLER_ROLE}/GitHubActions is not authorized to perform: codedeploy:GetDeploymentGroup on resource: arn:aws:codedeploy:us-east-1:${ACCOUNT}:deploymentgroup:myapp-ecs/myapp-ecs-dg because no identity-based policy allows the codedeploy:GetDeploymentGroup action`,
    });
    // S3 refuses in its own XML; `deny([])` allows everything again.
    h.fake.deny(['s3:GetObject']);
    const s3 = () => fetch(`${h!.fake.url}/artifacts/some/key`, { headers: { authorization: `AWS4-HMAC-SHA256 Credential=AKIAFAKEFAKEFAKE1234/20250506/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}` } });
    const denied = await s3();
    expect(denied.status).toBe(403);
    expect(await denied.text()).toContain('<Code>AccessDenied</Code><Message>Access Denied</Message>');
    h.fake.deny([]);
    expect((await s3()).status).toBe(404);
  });

  it('a deployment group that does not exist, a service that is gone: what is missing and where to look', async () => {
    const pipeline = json(join(FIXTURES, 'memory-and-env/repo/pipeline.json')) as { pipeline: { stages: Array<{ actions: Array<{ configuration: Record<string, string> }> }> } };
    h = await liveHarness(fixtureScenario('memory-and-env'));
    const wrong = structuredClone(pipeline);
    wrong.pipeline.stages[2].actions[0].configuration.DeploymentGroupName = 'myapp-typo-dg';
    const o = options('memory-and-env');
    const files = o.files.map((f) => (f.path === 'pipeline.json' ? { path: f.path, text: JSON.stringify(wrong, null, 2) } : f));
    const r = await previewDeploy({ ...o, files }, h.live);
    expect(r.input.sections[0].unavailable).toBe(
      "cannot read the deployment group myapp-typo-dg of the CodeDeploy application myapp-ecs: the application myapp-ecs has no deployment group myapp-typo-dg in us-east-1; check DeploymentGroupName in the pipeline's deploy action",
    );
    await h.close();
    h = await liveHarness({ ...fixtureScenario('memory-and-env'), running: null });
    const none = await previewDeploy(options('memory-and-env'), h.live);
    expect(none.input.sections[0].service).toBe('myapp-cluster/myapp-ecs-service (runs no task definition yet)');
    expect(none.input.sections[0].diff!.changes.length).toBeGreaterThan(5);
  });
});
