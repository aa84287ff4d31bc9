/**
 * The app's opt-in deploy preview: a signed `pull_request` webhook (a real
 * example payload) to the app on loopback, the fake GitHub (OpenAPI-checked)
 * serving the commit, the fake AWS the live side.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, it } from '@jest/globals';
import { CONFIG_PATH, validateConfig } from '../../../src/app/config.js';
import { parseRoleAllowList } from '../../../src/app/roles.js';
import { approvalAddedInConsole, previewScenario } from '../../fakes/aws/index.js';
import { deliver, example } from '../app/helpers.js';
import { startPipelineApp, type PipelineHarness } from '../app/push-helpers.js';
import { FIXTURES, fixtureScenario } from './helpers.js';

interface PullRequestEvent {
  pull_request: { head: { sha: string } };
  repository: { name: string; owner: { login: string }; default_branch: string };
  installation: { id: number };
}

const pr = example<PullRequestEvent>('pull_request', 'opened');
const SHA = pr.pull_request.head.sha;
const CONFIG = ['preview: true', 'pipelines:', '  - name: myapp-ecs-pipeline', '    region: us-east-1', ''].join('\n');

let h: PipelineHarness | undefined;
afterEach(async () => {
  if (!h) return;
  const rejections = h.gh.fake.rejections();
  await h.stop();
  h = undefined;
  expect(rejections).toEqual([]);
});

function commitFixture(name: string): void {
  const dir = join(FIXTURES, name, 'repo');
  h!.gh.commit(
    SHA,
    readdirSync(dir).map((f) => ({ path: f, content: readFileSync(join(dir, f), 'utf8') })),
  );
}

const previewRuns = () => h!.gh.fake.checkRuns(SHA).filter((r) => r.name.startsWith('ECS deploy preview'));

it('preview: true posts the ECS deploy preview run on the head commit, once per commit', async () => {
  h = await startPipelineApp(pr, previewScenario(fixtureScenario('memory-and-env', { editLive: approvalAddedInConsole })), CONFIG);
  commitFixture('memory-and-env');
  expect((await deliver(h.gh.app.url, 'pull_request', pr)).status).toBe(200);
  const runs = previewRuns();
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ name: 'ECS deploy preview', status: 'completed', conclusion: 'neutral', external_id: 'preview:myapp-ecs-pipeline' });
  expect(runs[0].output.title).toBe('3 changes: memory, environment.FEATURE_CHECKOUT, environment.STRIPE_API_KEY, pipeline drift (1)');
  expect(runs[0].output.summary).toContain('| `memory` | `512` | `1024` |');
  expect(runs[0].annotations.map((a) => `${a.path}:${a.start_line}`).sort()).toEqual(['pipeline.json:9', 'taskdef.json:32', 'taskdef.json:36', 'taskdef.json:8']);
  // The config check runs as before.
  expect(h.gh.fake.checkRuns(SHA).map((r) => r.name).sort()).toEqual(['ECS config', 'ECS deploy preview']);
  // A redelivery (or the twin `synchronize`) adds nothing.
  expect((await deliver(h.gh.app.url, 'pull_request', pr)).status).toBe(200);
  expect(previewRuns()).toHaveLength(1);
  expect(h.aws.counts()).toMatchObject({ GetDeploymentGroup: 1, DescribeServices: 1, DescribeTaskDefinition: 1, GetPipeline: 1 });
});

it('a missing permission is said in the run; the webhook still succeeds', async () => {
  h = await startPipelineApp(pr, previewScenario(fixtureScenario('memory-and-env')), CONFIG);
  h.aws.deny(['DescribeTaskDefinition']);
  commitFixture('memory-and-env');
  expect((await deliver(h.gh.app.url, 'pull_request', pr)).status).toBe(200);
  const [run] = previewRuns();
  expect(run.conclusion).toBe('neutral');
  expect(run.output.title).toBe('Preview incomplete: cannot read the task definition arn:aws:ecs:us-east-1:123456789012:task-definition/myapp:7: grant ecs:DescribeTaskDefinition on *');
});

it('without `preview: true` nothing is previewed and AWS is not asked', async () => {
  h = await startPipelineApp(pr, previewScenario(fixtureScenario('memory-and-env')), CONFIG.replace('preview: true\n', ''));
  commitFixture('memory-and-env');
  expect((await deliver(h.gh.app.url, 'pull_request', pr)).status).toBe(200);
  expect(previewRuns()).toEqual([]);
  expect(h.aws.calls).toEqual([]);
});

it('the config takes `preview` as a boolean, absent by default', () => {
  const roles = parseRoleAllowList(undefined);
  expect(validateConfig({ preview: true }, roles)).toMatchObject({ ok: true, config: { preview: true } });
  expect(validateConfig({}, roles)).toMatchObject({ ok: true, config: expect.not.objectContaining({ preview: expect.anything() }) });
  expect(validateConfig({ preview: 'yes' }, roles)).toMatchObject({ ok: false, problems: [{ message: '`preview` must be a boolean, not string' }] });
  expect(CONFIG_PATH).toBe('.github/ecs-codepipeline.yml');
});
