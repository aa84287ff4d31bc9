import type { CheckRunModel } from '../../../src/core/pipeline/check-run.js';
import { ChecksForbiddenError, GitHubApiError } from '../../../src/adapters/github/index.js';
import { portsFor, SHA, useFakeGitHub } from './helpers.js';

const CREATE = 'POST /repos/{owner}/{repo}/check-runs';
const UPDATE = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}';
const LIST = 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs';
const STATUS = 'POST /repos/{owner}/{repo}/statuses/{sha}';

const run: CheckRunModel = {
  name: 'ECS pipeline',
  headSha: SHA,
  status: 'in_progress',
  output: { title: 'Deploying', summary: 'Source ✓, Build ✓, Deploy …' },
};

describe('5xx', () => {
  const fake = useFakeGitHub();

  test('a 502 on create is retried once and makes one check run', async () => {
    fake().inject({ operation: CREATE, fault: '502' });
    const { checks } = await portsFor(fake());
    const id = await checks.create(run);
    expect(fake().requests({ operation: CREATE }).map((r) => r.status)).toEqual([502, 201]);
    expect(fake().checkRuns(SHA).map((r) => r.id)).toEqual([id]);
  });

  test('two 502s on list, then the answer', async () => {
    fake().inject({ operation: LIST, fault: '502', times: 2 });
    const { checks } = await portsFor(fake());
    expect(await checks.list(SHA)).toEqual([]);
    expect(fake().requests({ operation: LIST }).map((r) => r.status)).toEqual([502, 502, 200]);
  });

  test('502 on every try: GitHubApiError after the configured retries', async () => {
    fake().inject({ operation: UPDATE, fault: '502', times: 100 });
    const { checks } = await portsFor(fake(), { retries: 2 });
    const id = await checks.create(run);
    const err = await checks.update(id, run).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect(err).not.toBeInstanceOf(ChecksForbiddenError);
    expect(err).toMatchObject({ status: 502, operation: UPDATE });
    expect(fake().requests({ operation: UPDATE })).toHaveLength(3);
  });

  test('the backoff between retries really waits (1 s, then 4 s, scaled by waitUnitMs)', async () => {
    fake().inject({ operation: STATUS, fault: '502', times: 2 });
    const { statuses } = await portsFor(fake(), { waitUnitMs: 50 });
    const t0 = Date.now();
    await statuses.set({ sha: SHA, context: 'ECS pipeline', state: 'pending', description: 'Deploying' });
    // 1² × 50 ms + 2² × 50 ms
    expect(Date.now() - t0).toBeGreaterThanOrEqual(240);
    expect(fake().statuses(SHA)).toHaveLength(1);
  });
});

describe('rate limits', () => {
  const fake = useFakeGitHub();

  test('secondary rate limit (403, retry-after: 1): waits the second and retries', async () => {
    fake().inject({ operation: UPDATE, fault: 'secondary-rate-limit', retryAfter: 1 });
    const { checks, logger } = await portsFor(fake(), { waitUnitMs: 1000 });
    const id = await checks.create(run);
    const t0 = Date.now();
    await checks.update(id, { ...run, status: 'completed', conclusion: 'success' });
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
    expect(fake().requests({ operation: UPDATE }).map((r) => r.status)).toEqual([403, 200]);
    expect(fake().checkRuns(SHA)[0].conclusion).toBe('success');
    expect(logger.lines.join('\n')).toMatch(/secondary rate limit on PATCH \/repos\/\{owner\}\/\{repo\}\/check-runs\/\{check_run_id\}: retrying in 1s/);
  });

  test('secondary rate limit answered with 429', async () => {
    fake().inject({ operation: CREATE, fault: 'secondary-rate-limit', status: 429, times: 2 });
    const { checks } = await portsFor(fake());
    await checks.create(run);
    expect(fake().requests({ operation: CREATE }).map((r) => r.status)).toEqual([429, 429, 201]);
  });

  test('primary rate limit (x-ratelimit-remaining: 0) waits for the reset and retries', async () => {
    fake().inject({ operation: STATUS, fault: 'primary-rate-limit', retryAfter: 1 });
    const { statuses, logger } = await portsFor(fake());
    await statuses.set({ sha: SHA, context: 'ECS pipeline', state: 'success', description: 'Deployed' });
    expect(fake().requests({ operation: STATUS }).map((r) => r.status)).toEqual([403, 201]);
    expect(logger.lines.join('\n')).toMatch(/primary rate limit/);
  });

  test('a retry-after above the cap fails at once, as a rate limit (not as missing permission)', async () => {
    fake().inject({ operation: CREATE, fault: 'secondary-rate-limit', retryAfter: 600 });
    const { checks, logger } = await portsFor(fake(), { waitUnitMs: 1000, maxRetryAfterSeconds: 60 });
    const t0 = Date.now();
    const err = await checks.create(run).catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(err).toBeInstanceOf(GitHubApiError);
    expect(err).not.toBeInstanceOf(ChecksForbiddenError);
    expect(err).toMatchObject({ status: 403, rateLimited: true });
    expect(logger.lines.join('\n')).toMatch(/giving up \(GitHub asks to wait 600s, more than 60s\)/);
  });

  test('rate limits past the retry budget give up', async () => {
    fake().inject({ operation: CREATE, fault: 'secondary-rate-limit', times: 10 });
    const { checks } = await portsFor(fake(), { rateLimitRetries: 2 });
    await expect(checks.create(run)).rejects.toMatchObject({ rateLimited: true });
    expect(fake().requests({ operation: CREATE })).toHaveLength(3);
  });
});

describe('a token without the checks permission', () => {
  const fake = useFakeGitHub({ checks: 'none' });

  test('list, create and update throw ChecksForbiddenError; statuses still work', async () => {
    const { checks, statuses } = await portsFor(fake());
    for (const attempt of [() => checks.list(SHA), () => checks.create(run), () => checks.update(4000000001, run)]) {
      const err = await attempt().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ChecksForbiddenError);
      expect(err).toMatchObject({ status: 403, name: 'ChecksForbiddenError' });
      expect((err as Error).message).toMatch(/Resource not accessible by integration.*checks: write/);
    }
    // Not retried: a permission does not come back by waiting.
    expect(fake().requests().filter((r) => r.status === 403)).toHaveLength(3);
    await statuses.set({ sha: SHA, context: 'ECS pipeline', state: 'pending', description: 'Deploying' });
    expect(fake().statuses(SHA)).toHaveLength(1);
  });

  test('read-only: list works, create is forbidden', async () => {
    fake().setChecksPermission('read');
    const { checks } = await portsFor(fake());
    expect(await checks.list(SHA)).toEqual([]);
    await expect(checks.create(run)).rejects.toBeInstanceOf(ChecksForbiddenError);
  });
});

describe('statuses', () => {
  const fake = useFakeGitHub();

  test('set posts state, context, description (cut to 140) and target_url', async () => {
    const { statuses } = await portsFor(fake());
    const long = `Build failed: ${'x'.repeat(200)}`;
    await statuses.set({ sha: SHA, context: 'ECS pipeline / Build', state: 'failure', description: long, targetUrl: 'https://console.aws.amazon.com/codesuite/codebuild/projects/myapp/build/myapp:1' });
    await statuses.set({ sha: SHA, context: 'ECS pipeline', state: 'pending', description: 'Deploying' });
    const [first, second] = fake().statuses(SHA);
    expect(first).toMatchObject({ context: 'ECS pipeline / Build', state: 'failure', target_url: 'https://console.aws.amazon.com/codesuite/codebuild/projects/myapp/build/myapp:1' });
    expect(first.description).toHaveLength(140);
    expect(first.description!.endsWith('…')).toBe(true);
    expect(fake().requests({ operation: STATUS })[1].body).toEqual({ state: 'pending', context: 'ECS pipeline', description: 'Deploying' });
    expect(second.target_url).toBeNull();
    expect(fake().combinedState(SHA)).toBe('failure');
  });
});

describe('secrets', () => {
  const fake = useFakeGitHub({ checks: 'none' });

  test('the token appears in no log line and no error, whatever fails', async () => {
    fake().inject({ operation: STATUS, fault: 'secondary-rate-limit', times: 10 });
    const { checks, statuses, logger } = await portsFor(fake(), { rateLimitRetries: 1 });
    const errors = [
      await checks.create(run).catch((e: unknown) => e),
      await statuses.set({ sha: SHA, context: 'c', state: 'error', description: 'd' }).catch((e: unknown) => e),
    ];
    const wrong = await portsFor(fake(), { token: `${fake().token}-revoked` });
    errors.push(await wrong.statuses.set({ sha: SHA, context: 'c', state: 'error', description: 'd' }).catch((e: unknown) => e));
    expect(errors[2]).toMatchObject({ status: 401 });
    const rejections = fake().rejections();
    expect(rejections.map((r) => r.reason)).toEqual(['unauthorized']);
    fake().reset();
    const everything = [
      ...logger.lines,
      ...wrong.logger.lines,
      ...errors.flatMap((e) => [String(e), (e as Error).stack ?? '', JSON.stringify(e), JSON.stringify(Object.entries(e as object))]),
    ].join('\n');
    expect(errors.every((e) => e instanceof GitHubApiError)).toBe(true);
    expect(everything).not.toContain(fake().token);
    expect(everything).not.toContain(fake().token.slice(4, 20));
  });
});
