import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { cacheFile, FakeGitHub, IMPLEMENTED, loadSpec, runnerEnv } from '../../fakes/github/index.js';
import { simpleUser } from '../../fakes/github/objects.js';
import { slim } from '../../fakes/github/openapi.js';
import { Validator } from '../../fakes/github/validate.js';
import { OTHER_SHA, SHA } from './helpers.js';

/**
 * The fake must refuse what GitHub refuses, or the adapter's tests prove
 * nothing. Each case sends a raw request and expects the answer and a
 * recorded rejection.
 */

let fake: FakeGitHub;

beforeAll(async () => {
  fake = await FakeGitHub.start({ refs: { 'heads/main': SHA } });
});
afterEach(() => {
  expect(fake.responseErrors()).toEqual([]);
  fake.reset();
});
afterAll(async () => {
  await fake.stop();
});

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: { authorization: `token ${fake.token}`, accept: 'application/vnd.github+json', ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

const repo = () => `/repos/${fake.owner}/${fake.repo}`;
const valid = { name: 'ECS pipeline', head_sha: SHA, status: 'in_progress', output: { title: 'Deploying', summary: 'Build ✓' } };

/** The single rejection of the last request, and it must be the only one. */
function onlyRejection() {
  const all = fake.rejections();
  expect(all).toHaveLength(1);
  return all[0];
}

describe('request bodies are checked against the OpenAPI description', () => {
  test('a valid body passes', async () => {
    const r = await send('POST', `${repo()}/check-runs`, valid);
    expect(r.status).toBe(201);
    expect(fake.rejections()).toEqual([]);
  });

  test('conclusion "ok" is refused with the allowed values', async () => {
    const r = await send('POST', `${repo()}/check-runs`, { ...valid, status: 'completed', conclusion: 'ok' });
    expect(r.status).toBe(422);
    const rej = onlyRejection();
    expect(rej).toMatchObject({ reason: 'invalid-request', operation: 'POST /repos/{owner}/{repo}/check-runs' });
    expect(rej.errors).toEqual([expect.objectContaining({ in: 'body', at: '/conclusion', message: expect.stringContaining('"success"') })]);
    expect(fake.checkRuns()).toEqual([]);
  });

  test('a missing head_sha is refused', async () => {
    const { head_sha: _omit, ...rest } = valid;
    expect((await send('POST', `${repo()}/check-runs`, rest)).status).toBe(422);
    expect(onlyRejection().errors[0].message).toMatch(/required property 'head_sha'/);
  });

  test('a misspelt member (headSha) is refused, at the top and inside output', async () => {
    await send('POST', `${repo()}/check-runs`, { ...valid, headSha: SHA });
    await send('POST', `${repo()}/check-runs`, { ...valid, output: { ...valid.output, sumary: 'x' } });
    const created = await send('POST', `${repo()}/check-runs`, valid);
    await send('PATCH', `${repo()}/check-runs/${created.json!.id as number}`, { conclusoin: 'success' });
    expect(fake.rejections().map((r) => r.errors[0].message)).toEqual([
      'must NOT have additional properties ("headSha")',
      'must NOT have additional properties ("sumary")',
      'must NOT have additional properties ("conclusoin")',
    ]);
  });

  test('types are strict: "3" is no integer', async () => {
    const annotation = { path: 'Dockerfile', start_line: '3', end_line: 3, annotation_level: 'failure', message: 'm' };
    await send('POST', `${repo()}/check-runs`, { ...valid, output: { ...valid.output, annotations: [annotation] } });
    expect(onlyRejection().errors).toEqual([{ in: 'body', at: '/output/annotations/0/start_line', message: 'must be integer' }]);
  });

  test('51 annotations in one request are refused', async () => {
    const annotations = Array.from({ length: 51 }, (_, i) => ({ path: 'a', start_line: i + 1, end_line: i + 1, annotation_level: 'notice', message: 'm' }));
    await send('POST', `${repo()}/check-runs`, { ...valid, output: { ...valid.output, annotations } });
    expect(onlyRejection().errors[0]).toMatchObject({ at: '/output/annotations', message: 'must NOT have more than 50 items' });
  });

  test('a fourth button, or a label over 20 characters, is refused', async () => {
    const action = { label: 'Stop', description: 'Stops it', identifier: 'stop' };
    await send('POST', `${repo()}/check-runs`, { ...valid, actions: [action, action, action, action] });
    await send('POST', `${repo()}/check-runs`, { ...valid, actions: [{ ...action, label: 'Stop the pipeline now!' }] });
    expect(fake.rejections().map((r) => r.errors[0].at)).toEqual(['/actions', '/actions/0/label']);
  });

  test('started_at must be a date-time', async () => {
    await send('POST', `${repo()}/check-runs`, { ...valid, started_at: 'yesterday' });
    expect(onlyRejection().errors[0]).toMatchObject({ at: '/started_at', message: 'must match format "date-time"' });
  });

  test('update: completed without a conclusion is refused by the schema', async () => {
    const created = await send('POST', `${repo()}/check-runs`, valid);
    await send('PATCH', `${repo()}/check-runs/${created.json!.id as number}`, { status: 'completed' });
    expect(onlyRejection().errors.map((e) => e.message)).toContain("must have required property 'conclusion'");
  });

  test('create: completed (or completed_at) without a conclusion is refused as GitHub documents', async () => {
    await send('POST', `${repo()}/check-runs`, { ...valid, status: 'completed' });
    await send('POST', `${repo()}/check-runs`, { ...valid, completed_at: '2024-05-01T10:00:00Z' });
    expect(fake.rejections().map((r) => [r.status, r.reason])).toEqual([[422, 'refused'], [422, 'refused']]);
  });

  test('update: output without a title is refused', async () => {
    const created = await send('POST', `${repo()}/check-runs`, valid);
    await send('PATCH', `${repo()}/check-runs/${created.json!.id as number}`, { output: { summary: 's' } });
    expect(onlyRejection().message).toMatch(/"title" wasn't supplied/);
  });

  test('a status description over 140 characters is refused; a nullable target_url may be null', async () => {
    expect((await send('POST', `${repo()}/statuses/${SHA}`, { state: 'success', context: 'c', description: 'd', target_url: null })).status).toBe(201);
    expect((await send('POST', `${repo()}/statuses/${SHA}`, { state: 'success', context: 'c', description: 'd'.repeat(141) })).status).toBe(422);
    expect(onlyRejection().errors).toEqual([]);
    expect(onlyRejection().message).toBe('Validation Failed');
  });

  test('invalid JSON and a non-JSON content type are refused', async () => {
    expect((await send('POST', `${repo()}/check-runs`, '{"name":')).status).toBe(400);
    expect((await send('POST', `${repo()}/check-runs`, 'name=x', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect(fake.rejections().map((r) => r.reason)).toEqual(['bad-json', 'bad-json']);
  });

  test('a body where the operation takes none is refused', async () => {
    // fetch() will not send a GET with a body; node:http will.
    const url = new URL(`${fake.url}${repo()}/commits/${SHA}/status`);
    const body = JSON.stringify({ state: 'success' });
    const status = await new Promise<number>((resolve, reject) => {
      const headers = { authorization: `token ${fake.token}`, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) };
      const req = request(url, { method: 'GET', headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(body);
    });
    expect(status).toBe(422);
    expect(onlyRejection().errors[0].message).toMatch(/takes no body/);
  });
});

describe('paths, methods and queries', () => {
  test('an unknown route is 404 and a rejection', async () => {
    expect((await send('GET', `${repo()}/check_runs`)).status).toBe(404);
    expect(onlyRejection().reason).toBe('unknown-route');
  });

  test('a method GitHub does not describe for the path is 404, naming the ones it does', async () => {
    expect((await send('DELETE', `${repo()}/check-runs/1`)).status).toBe(404);
    expect(onlyRejection().message).toMatch(/GET, PATCH|PATCH, GET/);
  });

  test('a documented route the fake does not implement is 501, and a rejection', async () => {
    expect((await send('GET', `${repo()}/issues`)).status).toBe(501);
    expect(onlyRejection()).toMatchObject({ reason: 'not-implemented', message: expect.stringContaining('issues/list-for-repo') });
  });

  test('path parameters are typed: check_run_id "abc" is refused', async () => {
    expect((await send('GET', `${repo()}/check-runs/abc`)).status).toBe(422);
    expect(onlyRejection().errors).toEqual([{ in: 'path', at: '/check_run_id', message: 'must be integer' }]);
  });

  test('unknown query parameters and bad values are refused', async () => {
    await send('GET', `${repo()}/commits/${SHA}/check-runs?appId=1`);
    await send('GET', `${repo()}/commits/${SHA}/check-runs?filter=newest`);
    await send('GET', `${repo()}/commits/${SHA}/check-runs?per_page=ten`);
    expect(fake.rejections().map((r) => r.errors[0].at)).toEqual(['/appId', '/filter', '/per_page']);
  });

  test('a ref may be a branch, with its slash encoded or not', async () => {
    await send('POST', `${repo()}/statuses/${SHA}`, { state: 'pending', context: 'ECS pipeline' });
    for (const ref of ['heads%2Fmain', 'heads/main', SHA]) {
      const r = await send('GET', `${repo()}/commits/${ref}/status`);
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ state: 'pending', sha: SHA, total_count: 1 });
    }
    expect((await send('GET', `${repo()}/commits/heads%2Fnope/status`)).status).toBe(422);
    expect(onlyRejection().message).toMatch(/No commit found/);
  });

  test('without a token, with a wrong one, or on another repository', async () => {
    expect((await fetch(`${fake.url}${repo()}/commits/${SHA}/status`)).status).toBe(401);
    expect((await send('GET', `${repo()}/commits/${SHA}/status`, undefined, { authorization: 'token nope' })).status).toBe(401);
    expect((await send('GET', `/repos/someone/else/commits/${SHA}/status`)).status).toBe(404);
    expect(fake.rejections().map((r) => r.reason)).toEqual(['unauthorized', 'unauthorized', 'unknown-repository']);
  });
});

describe('behaviour', () => {
  test('pages carry a Link header; annotations append; statuses combine per context', async () => {
    for (let i = 0; i < 3; i++) await send('POST', `${repo()}/statuses/${SHA}`, { state: 'success', context: `c${i}` });
    await send('POST', `${repo()}/statuses/${SHA}`, { state: 'failure', context: 'C1' });
    const first = await send('GET', `${repo()}/commits/${SHA}/statuses?per_page=2`);
    expect(first.headers.get('link')).toMatch(/[?&]page=2[^>]*>; rel="next"/);
    const combined = await send('GET', `${repo()}/commits/${SHA}/status`);
    expect(combined.json).toMatchObject({ state: 'failure', total_count: 3 });
    expect(fake.combinedState(OTHER_SHA)).toBe('pending');
    expect(fake.rejections()).toEqual([]);
  });

  test('a conclusion completes a run; reopening clears it; the latest run per name is listed', async () => {
    const a = await send('POST', `${repo()}/check-runs`, { ...valid, conclusion: 'failure' });
    expect(a.json).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(typeof a.json!.completed_at).toBe('string');
    const b = await send('POST', `${repo()}/check-runs`, valid);
    const list = await send('GET', `${repo()}/commits/${SHA}/check-runs`);
    expect((list.json!.check_runs as Array<{ id: number }>).map((r) => r.id)).toEqual([b.json!.id]);
    const all = await send('GET', `${repo()}/commits/${SHA}/check-runs?filter=all`);
    expect(all.json!.total_count).toBe(2);
    expect(fake.rejections()).toEqual([]);
  });

  test('deployments: created, given statuses, earlier successes made inactive; failing statuses block them', async () => {
    const d1 = await send('POST', `${repo()}/deployments`, { ref: 'heads/main', environment: 'production', required_contexts: [], payload: { image: 'x' } });
    expect(d1.status).toBe(201);
    await send('POST', `${repo()}/deployments/${d1.json!.id as number}/statuses`, { state: 'success', log_url: 'https://example.com/log' });
    const d2 = await send('POST', `${repo()}/deployments`, { ref: SHA, auto_merge: false, required_contexts: [] });
    await send('POST', `${repo()}/deployments/${d2.json!.id as number}/statuses`, { state: 'in_progress' });
    await send('POST', `${repo()}/deployments/${d2.json!.id as number}/statuses`, { state: 'success' });
    expect(fake.deploymentStatuses(d1.json!.id as number).map((s) => s.state)).toEqual(['success', 'inactive']);
    const list = await send('GET', `${repo()}/deployments?environment=production`);
    expect(list.json).toHaveLength(2);
    await send('POST', `${repo()}/statuses/${SHA}`, { state: 'failure', context: 'ECS pipeline' });
    const blocked = await send('POST', `${repo()}/deployments`, { ref: SHA });
    expect(blocked.status).toBe(409);
    expect(fake.rejections()).toEqual([]);
  });

  test('faults apply to the chosen operation, after `skip` requests, `times` times', async () => {
    fake.inject({ operation: 'POST /repos/{owner}/{repo}/statuses/{sha}', fault: '502', skip: 1, times: 2 });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await send('POST', `${repo()}/statuses/${SHA}`, { state: 'pending' })).status);
    expect(codes).toEqual([201, 502, 502, 201]);
    fake.inject({ operation: 'GET', fault: 'secondary-rate-limit', retryAfter: 7 });
    const limited = await send('GET', `${repo()}/commits/${SHA}/status`);
    expect(limited.status).toBe(403);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(limited.json!.message).toMatch(/^You have exceeded a secondary rate limit/);
    expect(fake.pendingFaults()).toEqual([]);
    expect(fake.requests().filter((r) => r.fault).length).toBe(3);
  });

  test('an invalid request is refused even when a fault is armed (validation comes first)', async () => {
    fake.inject({ fault: '502' });
    expect((await send('POST', `${repo()}/check-runs`, { name: 'x' })).status).toBe(422);
    expect(fake.pendingFaults()).toHaveLength(1);
    fake.reset();
  });
});

describe('the OpenAPI description', () => {
  test('is read once, then served from a subset cached under os.tmpdir() and keyed by the package version', () => {
    const { subset, stats } = loadSpec();
    expect(stats.cacheFile.startsWith(tmpdir())).toBe(true);
    expect(stats.cacheFile).toContain(`-${subset.packageVersion}-`);
    expect(stats.cacheFile).toBe(cacheFile());
    expect(existsSync(stats.cacheFile)).toBe(true);
    expect(Object.keys(subset.operations).sort()).toEqual([...IMPLEMENTED].sort());
    expect(subset.routes.length).toBeGreaterThan(900);
    console.info(`GitHub OpenAPI subset from ${stats.source}: ${Math.round(stats.totalMs)} ms` + (stats.readMs ? ` (read ${Math.round(stats.readMs)} ms, parse ${Math.round(stats.parseMs!)} ms, extract ${Math.round(stats.extractMs!)} ms)` : ''));
  });

  test('a `nullable` schema without a type is "this schema, or null": it compiles, takes null and the schema, refuses the rest', () => {
    const schema = slim({ nullable: true, description: 'dropped', oneOf: [{ type: 'object', properties: { login: { type: 'string' } }, required: ['login'] }, { type: 'object', additionalProperties: false }] });
    expect(schema).toEqual({ anyOf: [{ oneOf: [{ type: 'object', properties: { login: { type: 'string' } }, required: ['login'] }, { type: 'object', additionalProperties: false }] }, { type: 'null' }] });
    // Ajv in strict mode, as the fake validates: `nullable` beside no type would not compile.
    const v = new Validator(loadSpec().subset);
    const commits = loadSpec().subset.operations['GET /repos/{owner}/{repo}/commits'];
    const commit = (author: unknown) => [{ url: 'https://api.github.com/repos/o/r/commits/1', sha: SHA, node_id: 'C_1', html_url: 'https://github.com/o/r/commit/1', comments_url: 'https://api.github.com/repos/o/r/commits/1/comments',
      commit: { url: 'https://api.github.com/repos/o/r/git/commits/1', author: null, committer: null, message: 'm', comment_count: 0, tree: { sha: SHA, url: 'https://api.github.com/repos/o/r/git/trees/1' } },
      author, committer: null, parents: [] }];
    expect(v.response(commits, 200, commit(null))).toEqual([]);
    expect(v.response(commits, 200, commit({}))).toEqual([]);
    expect(v.response(commits, 200, commit('mona'))).not.toEqual([]);
    expect(v.response(commits, 200, commit({ login: 5 }))).not.toEqual([]);
  });

  test('the installations list\'s `account` is a user or an organisation (anyOf), as GitHub answers, not both at once', () => {
    const v = new Validator(loadSpec().subset);
    const list = loadSpec().subset.operations['GET /app/installations'];
    const user = simpleUser({ api: 'https://api.github.com', web: 'https://github.com' }, 'octo-org', 5000, 'Organization');
    const installation = (account: unknown) => [{ id: 1, account, repository_selection: 'selected', access_tokens_url: 'https://api.github.com/app/installations/1/access_tokens', repositories_url: 'https://api.github.com/installation/repositories',
      html_url: 'https://github.com/organizations/octo-org/settings/installations/1', app_id: 2, target_id: 5000, target_type: 'Organization', permissions: { checks: 'write' }, events: ['push'], created_at: '2025-01-15T10:00:00Z',
      updated_at: '2025-01-15T10:00:00Z', single_file_name: null, app_slug: 'ecs-codepipeline', suspended_by: null, suspended_at: null }];
    expect(v.response(list, 200, installation(user))).toEqual([]);
    expect(v.response(list, 200, installation(null))).toEqual([]);
    expect(v.response(list, 200, installation({ login: 'octo-org' }))).not.toEqual([]);
  });

  test('runnerEnv points a process at the fake', () => {
    const env = runnerEnv(fake, { sha: SHA });
    expect(env).toMatchObject({ GITHUB_API_URL: fake.url, GITHUB_TOKEN: fake.token, GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`, GITHUB_SHA: SHA, GITHUB_EVENT_NAME: 'push' });
    expect(existsSync(env.GITHUB_EVENT_PATH)).toBe(true);
  });
});
