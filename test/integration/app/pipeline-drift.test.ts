import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import { trackers } from '../../../src/app/tracking/registry.js';
import { scenarios } from '../../fakes/aws/index.js';
import type { GitFile } from '../../fakes/github/app-routes.js';
import { APP, deliver, example, GOOD_TASKDEF } from './helpers.js';
import { pushExample, startPipelineApp, type PipelineHarness, stopClean } from './push-helpers.js';

/**
 * The app's tracker shows pipeline drift as `mode: track` does: the
 * pipeline JSON of the pushed commit (read through the fake GitHub's git
 * API) against GetPipeline (the fake AWS, whose live pipeline has the
 * namespaces examples/seed/pipeline.json lacks), once, on the execution's run.
 */

const { COMMIT, PIPELINE, REGION } = scenarios;
const CONFIG = `pipelines:\n  - name: ${PIPELINE}\n    region: ${REGION}\n    branches: [master, changes]\n`;
const SEED_PIPELINE = readFileSync(new URL('../../../examples/seed/pipeline.json', import.meta.url), 'utf8');
/** The seed's pipeline.json as the live pipeline is: with the namespaces of its Source and Build actions. */
const LIVE_PIPELINE = SEED_PIPELINE.replace('"outputArtifacts": [{ "name": "SourceOutput" }]', '"outputArtifacts": [{ "name": "SourceOutput" }],\n            "namespace": "SourceVariables"').replace(
  '"outputArtifacts": [{ "name": "BuildOutput" }]',
  '"outputArtifacts": [{ "name": "BuildOutput" }],\n            "namespace": "BuildVariables"',
);
const BUILDSPEC = readFileSync(new URL('../../../examples/seed/buildspec.yml', import.meta.url), 'utf8');

const TREE = 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}';
const BLOB = 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}';
const CONTENTS = 'GET /repos/{owner}/{repo}/contents/{path}';

jest.setTimeout(60_000);

let h: PipelineHarness | undefined;

afterEach(async () => {
  const done = h;
  h = undefined;
  if (done) await stopClean(done);
});

/** Pushes COMMIT with `files` (none: a commit the fake does not know) and tracks its execution to the end. */
async function pushed(files: GitFile[] | undefined, config = CONFIG): Promise<{ exec: { summary: string; conclusion: string | null }; stages: Array<{ summary: string; conclusion: string | null }> }> {
  const e = pushExample(COMMIT);
  h = await startPipelineApp(e, scenarios.success().scenario, config);
  if (files) h.gh.commit(COMMIT, files);
  expect((await deliver(h.gh.app.url, 'push', e)).status).toBe(200);
  await trackers.idle();
  const runs = h.gh.fake.checkRuns(COMMIT).map((r) => ({ name: r.name, summary: r.output.summary ?? '', conclusion: r.conclusion }));
  const exec = runs.find((r) => r.name === 'ECS pipeline');
  if (!exec) throw new Error(`no execution run among ${runs.map((r) => r.name).join(', ')}`);
  return { exec, stages: runs.filter((r) => r !== exec) };
}

type RerunPayload = { check_run: { id: number; name: string; head_sha: string; app: { id: number } }; repository: { name: string; full_name: string; owner: { login: string } }; installation: { id: number } };

/** The app started for the `check_run.rerequested` example's repository, and a push of COMMIT to it. */
async function rerunnable(): Promise<{ run: RerunPayload; push: ReturnType<typeof pushExample> }> {
  const run = example<RerunPayload>('check_run', 'rerequested');
  const push = pushExample(COMMIT);
  push.repository = { ...push.repository, name: run.repository.name, full_name: run.repository.full_name, owner: { ...push.repository.owner, login: run.repository.owner.login, name: run.repository.owner.login } };
  push.installation = { id: run.installation.id };
  h = await startPipelineApp(run, scenarios.success().scenario, CONFIG);
  return { run, push };
}

function blobsRead(): number {
  return h!.gh.fake.requests({ operation: BLOB }).length;
}

test('a pipeline file that differs from the live pipeline: the drift is on the execution\'s run, once, and nowhere else', async () => {
  const { exec, stages } = await pushed([
    { path: 'pipeline.json', content: SEED_PIPELINE },
    { path: 'taskdef.json', content: GOOD_TASKDEF },
    { path: 'buildspec.yml', content: BUILDSPEC },
    { path: 'package.json', content: '{ "name": "myapp", "private": true }\n' },
    { path: 'tsconfig.json', content: '{ "compilerOptions": { "strict": true } }\n' },
  ]);
  expect(exec.conclusion).toBe('success');
  expect(exec.summary).toContain('### Pipeline drift: `pipeline.json` vs the live pipeline `myapp-ecs-pipeline`');
  expect(exec.summary).toContain('- ⚠️ action "GitHub": namespace is "SourceVariables" live, nothing in the repository');
  expect(exec.summary).toContain('- ⚠️ action "BuildImage": namespace is "BuildVariables" live, nothing in the repository');
  expect(exec.summary.match(/Pipeline drift/g)).toHaveLength(1);
  expect(stages.map((s) => s.conclusion)).toEqual(['success', 'success', 'success']);
  for (const s of stages) expect(s.summary).not.toContain('drift');
  // The pipeline file only: the buildspec is not JSON, and the task definition, package.json and tsconfig.json
  // are known by name not to be pipelines. One GetPipeline, for the drift (the execution ran already: no runs
  // queued, no stage names read).
  expect(blobsRead()).toBe(1);
  expect(h!.gh.fake.requests({ operation: TREE }).map((r) => r.path)).toEqual([expect.stringContaining(`/git/trees/${COMMIT}`)]);
  expect(h!.aws.counts().GetPipeline).toBe(1);
});

test('a pipeline file that matches the live pipeline says so in one line', async () => {
  const { exec } = await pushed([{ path: 'infra/pipeline.json', content: LIVE_PIPELINE }], `${CONFIG}paths: [infra]\n`);
  expect(exec.conclusion).toBe('success');
  expect(exec.summary).toContain('No pipeline drift: `infra/pipeline.json` matches the live pipeline `myapp-ecs-pipeline`.');
  expect(exec.summary).not.toContain('### Pipeline drift');
});

test('a pipeline file outside the configured paths is not read', async () => {
  const { exec } = await pushed([{ path: 'pipeline.json', content: SEED_PIPELINE }], `${CONFIG}paths: [infra]\n`);
  expect(exec.conclusion).toBe('success');
  expect(exec.summary).not.toContain('drift');
  expect(blobsRead()).toBe(0);
  expect(h!.aws.counts().GetPipeline).toBeUndefined();
});

test('a repository without this pipeline\'s file: no drift section and no GetPipeline for it', async () => {
  const { exec } = await pushed([
    { path: 'taskdef.json', content: GOOD_TASKDEF },
    { path: 'buildspec.yml', content: BUILDSPEC },
    // Another pipeline's file is not this pipeline's.
    { path: 'other/pipeline.json', content: SEED_PIPELINE.replace(`"name": "${PIPELINE}"`, '"name": "myapp-ecs-pipeline-v2"') },
  ]);
  expect(exec.conclusion).toBe('success');
  expect(exec.summary).not.toContain('drift');
  // The other pipeline's file (the task definition is known by name).
  expect(blobsRead()).toBe(1);
  expect(h!.aws.counts().GetPipeline).toBeUndefined();
});

test('a commit whose files cannot be read is still tracked to the end, without drift', async () => {
  const { exec, stages } = await pushed(undefined);
  expect(h!.gh.fake.requests({ operation: TREE }).map((r) => r.status)).toEqual([404]);
  expect(exec.conclusion).toBe('success');
  expect(exec.summary).not.toContain('drift');
  expect(stages.map((s) => s.conclusion)).toEqual(['success', 'success', 'success']);
});

test('Re-run with GetPipeline denied: one line on the execution\'s run says what to grant, the tracking goes on', async () => {
  const { run, push } = await rerunnable();
  if (!h) throw new Error('the app did not start');
  h.gh.commit(COMMIT, [{ path: 'pipeline.json', content: SEED_PIPELINE }]);
  expect((await deliver(h.gh.app.url, 'push', push)).status).toBe(200);
  await trackers.idle();
  const exec = () => h!.gh.fake.checkRuns(COMMIT).find((r) => r.name === 'ECS pipeline')!;
  expect(exec().output.summary).toContain('### Pipeline drift');

  h.aws.deny(['GetPipeline']);
  run.check_run = { ...run.check_run, id: exec().id, name: exec().name, head_sha: COMMIT, app: { ...run.check_run.app, id: APP.id } };
  expect((await deliver(h.gh.app.url, 'check_run', run)).status).toBe(200);
  await trackers.idle();
  expect(h.aws.calls.filter((c) => c.operation === 'GetPipeline').map((c) => c.error)).toEqual([undefined, 'AccessDeniedException']);
  expect(exec().conclusion).toBe('success');
  expect(exec().output.summary).toContain(
    `⚠️ Pipeline drift not compared: cannot read the pipeline ${PIPELINE}: grant codepipeline:GetPipeline on arn:aws:codepipeline:${REGION}:123456789012:${PIPELINE}.`,
  );
  expect(exec().output.summary).not.toContain('### Pipeline drift');
  // The second look went straight to the file found the first time: one contents request, no second tree.
  expect(h.gh.fake.requests({ operation: TREE })).toHaveLength(1);
  expect(h.gh.fake.requests({ operation: CONTENTS }).filter((r) => r.path.endsWith('/contents/pipeline.json')).map((r) => [r.query.ref, r.status])).toEqual([[COMMIT, 200]]);
});

test('a repository known to have no file for the pipeline is not read again on the next look', async () => {
  const { run, push } = await rerunnable();
  if (!h) throw new Error('the app did not start');
  h.gh.commit(COMMIT, [{ path: 'taskdef.json', content: GOOD_TASKDEF }, { path: 'infra/stack.json', content: '{ "Resources": {} }\n' }]);
  expect((await deliver(h.gh.app.url, 'push', push)).status).toBe(200);
  await trackers.idle();
  const exec = () => h!.gh.fake.checkRuns(COMMIT).find((r) => r.name === 'ECS pipeline')!;
  run.check_run = { ...run.check_run, id: exec().id, name: exec().name, head_sha: COMMIT, app: { ...run.check_run.app, id: APP.id } };
  expect((await deliver(h.gh.app.url, 'check_run', run)).status).toBe(200);
  await trackers.idle();
  expect(exec().conclusion).toBe('success');
  expect(exec().output.summary).not.toContain('drift');
  // One tree and one blob (infra/stack.json) for the push; nothing for the re-run.
  expect(h.gh.fake.requests({ operation: TREE })).toHaveLength(1);
  expect(blobsRead()).toBe(1);
  expect(h.aws.counts().GetPipeline).toBeUndefined();
});
