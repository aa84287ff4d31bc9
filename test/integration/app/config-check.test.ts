import { CONFIG_PATH } from '../../../src/app/config.js';
import { deliver, example, startApp, BROKEN_TASKDEF, GOOD_TASKDEF, type AppHarness } from './helpers.js';

/**
 * The `ECS config` check, end to end over HTTP: real webhook payloads from
 * @octokit/webhooks-examples, signed, posted to the app on 127.0.0.1; GitHub
 * is the OpenAPI-validating fake, which also hands out the installation token.
 */

interface PullRequestEvent {
  pull_request: { head: { sha: string } };
  repository: { name: string; owner: { login: string } };
  installation: { id: number };
}

const pr = example<PullRequestEvent>('pull_request', 'opened');
const SHA = pr.pull_request.head.sha;
const OWNER = pr.repository.owner.login;
const REPO = pr.repository.name;

let h: AppHarness;

beforeEach(async () => {
  h = await startApp({ owner: OWNER, repo: REPO, installationId: pr.installation.id, allowedRoles: 'arn:aws:iam::123456789012:role/ecs-codepipeline-*' });
});

afterEach(async () => {
  const rejections = h.fake.rejections();
  const responseErrors = h.fake.responseErrors();
  const jwtErrors = [...h.routes.jwtErrors];
  await h.stop();
  expect(rejections).toEqual([]);
  expect(responseErrors).toEqual([]);
  expect(jwtErrors).toEqual([]);
});

function configRuns() {
  return h.fake.checkRuns(SHA).filter((r) => r.name === 'ECS config');
}

test('a pull request with a broken taskdef.json gets a failed ECS config run with the annotation on the memory line', async () => {
  h.commit(SHA, [
    { path: 'infra/taskdef.json', content: BROKEN_TASKDEF },
    { path: 'README.md', content: '# myapp\n' },
  ]);
  const res = await deliver(h.app.url, 'pull_request', pr);
  expect(res.status).toBe(200);
  const runs = configRuns();
  expect(runs).toHaveLength(1);
  const run = runs[0];
  expect(run.status).toBe('completed');
  expect(run.conclusion).toBe('failure');
  expect(run.app.id).toBe(2);
  expect(run.output.title).toBe('1 error, 0 warnings, 0 notices in 1 file');
  expect(run.output.summary).toContain('[TD-05](https://github.com/ecs-codepipeline/ecs-codepipeline/blob/main/docs/rules.md#td-05)');
  expect(run.output.summary).toContain(`(https://github.com/${OWNER}/${REPO}/blob/${SHA}/infra/taskdef.json#L8)`);
  expect(run.annotations).toEqual([
    expect.objectContaining({ path: 'infra/taskdef.json', start_line: 8, end_line: 8, start_column: 13, end_column: 19, annotation_level: 'failure', title: expect.stringMatching(/^TD-05: /) }),
  ]);
  // Only the named file and the tree were read: README.md is no candidate.
  expect(h.fake.requests({ operation: 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}' })).toHaveLength(1);
  expect(h.routes.tokensIssued).toBe(1);
});

test('a clean commit gets a successful run', async () => {
  h.commit(SHA, [{ path: 'taskdef.json', content: GOOD_TASKDEF }]);
  expect((await deliver(h.app.url, 'pull_request', pr)).status).toBe(200);
  const [run] = configRuns();
  expect(run.conclusion).toBe('success');
  expect(run.output.title).toBe('No problems in 1 file');
  expect(run.annotations).toEqual([]);
});

test('a redelivery, a synchronize for the same head and a parallel delivery make no duplicate run', async () => {
  h.commit(SHA, [{ path: 'infra/taskdef.json', content: BROKEN_TASKDEF }]);
  const id = 'f8b1c0a0-5b4e-11ee-8c99-0242ac120002';
  expect((await deliver(h.app.url, 'pull_request', pr, { id })).status).toBe(200);
  const writes = h.fake.writes().length;
  expect((await deliver(h.app.url, 'pull_request', pr, { id })).status).toBe(200);
  const sync = example<PullRequestEvent>('pull_request', 'synchronize');
  expect(sync.pull_request.head.sha).toBe(SHA);
  await Promise.all([deliver(h.app.url, 'pull_request', sync), deliver(h.app.url, 'pull_request', sync), deliver(h.app.url, 'pull_request', pr)]);
  expect(configRuns()).toHaveLength(1);
  expect(configRuns()[0].annotations).toHaveLength(1);
  expect(h.fake.writes().length).toBe(writes);
});

test('parallel first deliveries for one commit end in one run', async () => {
  h.commit(SHA, [{ path: 'infra/taskdef.json', content: BROKEN_TASKDEF }]);
  const sync = example<PullRequestEvent>('pull_request', 'synchronize');
  const results = await Promise.all([deliver(h.app.url, 'pull_request', pr), deliver(h.app.url, 'pull_request', sync)]);
  expect(results.map((r) => r.status)).toEqual([200, 200]);
  expect(configRuns()).toHaveLength(1);
});

test('a wrong signature gets a 4xx and nothing reaches GitHub', async () => {
  h.commit(SHA, [{ path: 'infra/taskdef.json', content: BROKEN_TASKDEF }]);
  const wrong = await deliver(h.app.url, 'pull_request', pr, { secret: 'not-the-secret' });
  expect(wrong.status).toBeGreaterThanOrEqual(400);
  expect(wrong.status).toBeLessThan(500);
  const missing = await deliver(h.app.url, 'pull_request', pr, { signature: null });
  expect(missing.status).toBeGreaterThanOrEqual(400);
  expect(missing.status).toBeLessThan(500);
  // A signature of another body: the payload was changed on the way.
  const tampered = await deliver(h.app.url, 'pull_request', pr, { signature: `sha256=${'0'.repeat(64)}` });
  expect(tampered.status).toBeGreaterThanOrEqual(400);
  expect(tampered.status).toBeLessThan(500);
  expect(h.fake.requests()).toEqual([]);
  expect(h.routes.tokensIssued).toBe(0);
});

test('more than 50 findings: 50 with the create, the rest by updates, every one on its line', async () => {
  const files = Array.from({ length: 60 }, (_, i) => ({ path: `services/svc${String(i).padStart(2, '0')}/taskdef.json`, content: BROKEN_TASKDEF }));
  h.commit(SHA, files);
  expect((await deliver(h.app.url, 'pull_request', pr)).status).toBe(200);
  const [run] = configRuns();
  const td05 = run.annotations.filter((a) => a.title?.startsWith('TD-05'));
  expect(td05).toHaveLength(60);
  expect(new Set(td05.map((a) => a.path)).size).toBe(60);
  expect(td05.every((a) => a.start_line === 8)).toBe(true);
  const creates = h.fake.requests({ operation: 'POST /repos/{owner}/{repo}/check-runs' });
  const updates = h.fake.requests({ operation: 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}' });
  expect(creates).toHaveLength(1);
  expect(((creates[0].body as { output: { annotations: unknown[] } }).output.annotations)).toHaveLength(50);
  const total = run.annotations.length;
  expect(updates).toHaveLength(Math.ceil((total - 50) / 50));
});

test('configured paths limit what is read', async () => {
  h.commit(SHA, [
    { path: 'infra/taskdef.json', content: BROKEN_TASKDEF },
    { path: 'legacy/taskdef.json', content: BROKEN_TASKDEF },
  ]);
  h.commit('1111111111111111111111111111111111111111', [{ path: CONFIG_PATH, content: 'paths: [infra]\n' }], { branch: 'main' });
  expect((await deliver(h.app.url, 'pull_request', pr)).status).toBe(200);
  const [run] = configRuns();
  expect(run.annotations.map((a) => a.path)).toEqual(['infra/taskdef.json']);
  expect(run.output.summary).toContain('ecs-codepipeline check of `infra`');
});

test('a broken config gives a failed ECS config run that says what is wrong and where, and checks nothing else', async () => {
  const config = [
    'check_name: ECS config',
    'pipelines:',
    '  - name: myapp-pipeline',
    '    region: useast1',
    '    role: arn:aws:iam::999999999999:role/admin',
    'reports: [checks]',
    '',
  ].join('\n');
  h.commit(SHA, [{ path: CONFIG_PATH, content: config }, { path: 'infra/taskdef.json', content: BROKEN_TASKDEF }]);
  h.commit('1111111111111111111111111111111111111111', [{ path: CONFIG_PATH, content: config }], { branch: 'main' });
  expect((await deliver(h.app.url, 'pull_request', pr)).status).toBe(200);
  const [run] = configRuns();
  expect(run.conclusion).toBe('failure');
  expect(run.output.title).toBe(`${CONFIG_PATH}: 2 problems`);
  expect(run.output.summary).toContain('line 4, column 13: `pipelines[0].region` is "useast1"; write an AWS Region code such as us-east-1');
  expect(run.output.summary).toContain('line 6, column 1: unknown key `reports`; did you mean `report`?');
  expect(run.annotations.map((a) => [a.path, a.start_line, a.annotation_level])).toEqual([
    [CONFIG_PATH, 4, 'failure'],
    [CONFIG_PATH, 6, 'failure'],
  ]);
  // The task definition was not checked with a config that cannot be trusted.
  expect(run.annotations.some((a) => a.path === 'infra/taskdef.json')).toBe(false);
});

test('a role outside the operator allow-list is a config error; one inside it is fine', async () => {
  const outside = 'pipelines:\n  - name: myapp-pipeline\n    region: us-east-1\n    role: arn:aws:iam::999999999999:role/admin\n';
  h.commit(SHA, [{ path: 'taskdef.json', content: GOOD_TASKDEF }, { path: CONFIG_PATH, content: outside }]);
  h.commit('1111111111111111111111111111111111111111', [{ path: CONFIG_PATH, content: outside }], { branch: 'main' });
  expect((await deliver(h.app.url, 'pull_request', pr)).status).toBe(200);
  const [bad] = configRuns();
  expect(bad.conclusion).toBe('failure');
  expect(bad.output.summary).toContain('line 4, column 11: `pipelines[0].role` asks the app to assume arn:aws:iam::999999999999:role/admin, which is not among the roles its operator allows (ECS_CODEPIPELINE_ALLOWED_ROLES: arn:aws:iam::123456789012:role/ecs-codepipeline-*)');
  expect(bad.annotations.map((a) => a.start_line)).toEqual([4]);

  const inside = outside.replace('999999999999:role/admin', '123456789012:role/ecs-codepipeline-reader');
  const next = '2222222222222222222222222222222222222222';
  h.commit(next, [{ path: 'taskdef.json', content: GOOD_TASKDEF }, { path: CONFIG_PATH, content: inside }]);
  h.commit('3333333333333333333333333333333333333333', [{ path: CONFIG_PATH, content: inside }], { branch: 'main' });
  const again = example<PullRequestEvent>('pull_request', 'synchronize');
  again.pull_request.head.sha = next;
  expect((await deliver(h.app.url, 'pull_request', again)).status).toBe(200);
  const good = h.fake.checkRuns(next);
  expect(good.map((r) => [r.name, r.conclusion])).toEqual([['ECS config', 'success']]);
});

test('a config that is not YAML gives a failed run at the parser line, not a crash', async () => {
  const text = 'paths:\n  - infra\n pipelines: [\n';
  h.commit(SHA, [{ path: CONFIG_PATH, content: text }]);
  h.commit('1111111111111111111111111111111111111111', [{ path: CONFIG_PATH, content: text }], { branch: 'main' });
  const res = await deliver(h.app.url, 'pull_request', pr);
  expect(res.status).toBe(200);
  const [run] = configRuns();
  expect(run.conclusion).toBe('failure');
  expect(run.output.summary).toMatch(/line 3, column \d+: the file is not valid YAML: /);
  expect(run.annotations).toHaveLength(1);
  expect(run.annotations[0]).toMatchObject({ path: CONFIG_PATH, start_line: 3 });
});

test('organisation defaults in the .github repository apply (context.config)', async () => {
  h.commit(SHA, [{ path: 'infra/taskdef.json', content: BROKEN_TASKDEF }]);
  h.commit('4444444444444444444444444444444444444444', [{ path: CONFIG_PATH, content: 'check_name: ECS files\n' }], { branch: 'main', repo: `${OWNER}/.github` });
  expect((await deliver(h.app.url, 'pull_request', pr)).status).toBe(200);
  expect(h.fake.checkRuns(SHA).map((r) => [r.name, r.conclusion])).toEqual([['ECS files', 'failure']]);
  const contents = h.fake.requests({ operation: 'GET /repos/{owner}/{repo}/contents/{path}' }).map((r) => [r.path, r.status]);
  expect(contents).toEqual([
    // Octokit encodes the slash of `{path}`; GitHub takes either.
    [`/repos/${OWNER}/${REPO}/contents/.github%2Fecs-codepipeline.yml`, 404],
    [`/repos/${OWNER}/.github/contents/.github%2Fecs-codepipeline.yml`, 200],
  ]);
});

test('no config and no pipeline files: a neutral onboarding run, or nothing with onboarding off', async () => {
  h.commit(SHA, [{ path: 'package.json', content: '{"name":"myapp"}\n' }]);
  expect((await deliver(h.app.url, 'pull_request', pr)).status).toBe(200);
  expect(configRuns().map((r) => [r.conclusion, r.output.title])).toEqual([['neutral', 'No ECS pipeline files found']]);

  h.fake.reset();
  h.commit('4444444444444444444444444444444444444444', [{ path: CONFIG_PATH, content: 'onboarding: false\n' }], { branch: 'main', repo: `${OWNER}/.github` });
  expect((await deliver(h.app.url, 'pull_request', pr)).status).toBe(200);
  expect(h.fake.checkRuns(SHA)).toEqual([]);
});
