import { CONFIG_PATH } from '../../../src/app/config.js';
import { deliver, example, startApp, BROKEN_TASKDEF, type AppHarness } from './helpers.js';

/** check_suite and check_run events, with the real example payloads, over signed HTTP. */

interface SuiteEvent {
  check_suite: { head_sha: string; updated_at: string };
  repository: { name: string; owner: { login: string } };
  installation: { id: number };
}

interface RunEvent {
  check_run: { id: number; name: string; head_sha: string };
  repository: { name: string; owner: { login: string } };
  installation: { id: number };
}

let h: AppHarness | undefined;

afterEach(async () => {
  if (!h) return;
  const { fake, routes } = h;
  const rejections = fake.rejections();
  const responseErrors = fake.responseErrors();
  await h.stop();
  h = undefined;
  expect(rejections).toEqual([]);
  expect(responseErrors).toEqual([]);
  expect(routes.jwtErrors).toEqual([]);
});

async function harnessFor(e: SuiteEvent | RunEvent, now?: () => Date): Promise<AppHarness> {
  h = await startApp({ owner: e.repository.owner.login, repo: e.repository.name, installationId: e.installation.id, now });
  return h;
}

test('check_suite.requested checks the pushed commit; a redelivery adds nothing', async () => {
  const e = example<SuiteEvent>('check_suite', 'requested');
  const a = await harnessFor(e);
  a.commit(e.check_suite.head_sha, [{ path: 'ecs/taskdef.json', content: BROKEN_TASKDEF }]);
  expect((await deliver(a.app.url, 'check_suite', e, { id: 'd1' })).status).toBe(200);
  expect((await deliver(a.app.url, 'check_suite', e, { id: 'd1' })).status).toBe(200);
  const runs = a.fake.checkRuns(e.check_suite.head_sha);
  expect(runs.map((r) => [r.name, r.conclusion, r.annotations.map((x) => `${x.path}:${x.start_line}`)])).toEqual([['ECS config', 'failure', ['ecs/taskdef.json:8']]]);
});

test('check_suite.rerequested makes a new run when the last one is older than the request, once', async () => {
  const e = example<SuiteEvent>('check_suite', 'rerequested');
  // GitHub's clock: the earlier run was made before "Re-run all checks" was clicked.
  const before = new Date(Date.parse(e.check_suite.updated_at) - 60_000);
  const a = await harnessFor(e, () => before);
  a.commit(e.check_suite.head_sha, [{ path: 'taskdef.json', content: BROKEN_TASKDEF }]);
  const old = a.fake.seedCheckRun({ name: 'ECS config', head_sha: e.check_suite.head_sha, status: 'completed', conclusion: 'failure' });
  expect((await deliver(a.app.url, 'check_suite', e)).status).toBe(200);
  expect((await deliver(a.app.url, 'check_suite', e)).status).toBe(200);
  const runs = a.fake.checkRuns(e.check_suite.head_sha);
  expect(runs.map((r) => r.id)).toEqual([old.id, expect.any(Number)]);
  expect(runs[1].annotations.map((x) => `${x.path}:${x.start_line}`)).toEqual(['taskdef.json:8']);
});

test('check_run.rerequested of the config run re-checks once; other runs are left alone', async () => {
  const e = example<RunEvent>('check_run', 'rerequested');
  const a = await harnessFor(e);
  const owner = e.repository.owner.login;
  // The example's run is called `randscape`: name the config check so, as a repository may.
  a.commit('5555555555555555555555555555555555555555', [{ path: CONFIG_PATH, content: `check_name: ${e.check_run.name}\n` }], { branch: 'main' });
  a.commit(e.check_run.head_sha, [{ path: 'taskdef.json', content: BROKEN_TASKDEF }]);
  expect((await deliver(a.app.url, 'check_run', e)).status).toBe(200);
  expect((await deliver(a.app.url, 'check_run', e)).status).toBe(200);
  const runs = a.fake.checkRuns(e.check_run.head_sha);
  expect(runs.map((r) => [r.name, r.conclusion])).toEqual([[e.check_run.name, 'failure']]);
  expect(runs[0].id).toBeGreaterThan(e.check_run.id);

  // A run of ours with another name (a pipeline stage, later): not this handler's.
  const other = structuredClone(e);
  other.check_run.name = 'ECS pipeline / Build';
  const writes = a.fake.writes().length;
  expect((await deliver(a.app.url, 'check_run', other)).status).toBe(200);
  expect(a.fake.writes().length).toBe(writes);
  expect(owner).toBe('github');
});
