import { Probot } from 'probot';
import { createAwsPorts, type AwsPorts } from '../../../src/adapters/aws/index.js';
import { SECRET_HEADER, type ExecutionUpdate } from '../../../src/app/http/eventbridge.js';
import { parseRoleAllowList } from '../../../src/app/roles.js';
import { listen, type Listening } from '../../../src/app/server.js';
import { scenarios, startFakeAws, type FakeAws } from '../../fakes/aws/index.js';
import { AWS_VARS, useEnv } from '../aws/helpers.js';
import { APP, keyPair, SECRET } from './helpers.js';

/** POST /eventbridge on the app's server, against the fake CodePipeline. */

const EB_SECRET = 'eventbridge-shared-secret-for-tests';
const env = useEnv();
let fake: FakeAws;
let ports: AwsPorts | undefined;
let app: Listening;
let updates: ExecutionUpdate[];
let c: ReturnType<typeof scenarios.success>;
/** A slow CodePipeline (ms per read), for bursts that overlap the reads. */
let readDelay = 0;

beforeEach(async () => {
  c = scenarios.success();
  fake = await startFakeAws({ scenario: c.scenario, advance: 'manual' });
  env.set(Object.fromEntries(AWS_VARS.map((k) => [k, undefined])));
  env.set(fake.env());
  updates = [];
  readDelay = 0;
  const probot = new Probot({ appId: APP.id, privateKey: keyPair().privateKey, secret: SECRET, logLevel: 'fatal' });
  app = await listen({
    probot,
    app: { appId: APP.id, roles: parseRoleAllowList(undefined) },
    eventbridge: {
      secret: EB_SECRET,
      pipelines: async (region) => {
        const p = (ports ??= await createAwsPorts({ region, retryDelayScale: 0.01 })).pipeline;
        return { snapshot: async (o) => (await new Promise((r) => setTimeout(r, readDelay)), p.snapshot(o)) };
      },
      onUpdate: async (u) => {
        updates.push(u);
      },
    },
  });
});

afterEach(async () => {
  await app.close();
  ports?.destroy();
  ports = undefined;
  env.restore();
  await fake.close();
});

function event(o: { detailType?: string; state?: string; trigger?: boolean; codestar?: boolean } = {}): Record<string, unknown> {
  const detailType = o.detailType ?? 'CodePipeline Pipeline Execution State Change';
  return {
    version: '0',
    id: 'a1b2c3d4-EXAMPLE',
    [o.codestar ? 'detailType' : 'detail-type']: detailType,
    source: 'aws.codepipeline',
    account: '123456789012',
    time: '2025-05-06T09:00:00Z',
    region: fake.region,
    resources: [`arn:aws:codepipeline:${fake.region}:123456789012:${scenarios.PIPELINE}`],
    detail: {
      pipeline: scenarios.PIPELINE,
      'execution-id': c.executionId,
      state: o.state ?? 'STARTED',
      version: 1,
      ...(o.trigger ? { 'execution-trigger': { 'provider-type': 'GitHub', 'full-repository-name': 'my-org/myapp', 'commit-id': c.commit, 'branch-name': 'main' } } : {}),
    },
  };
}

async function post(body: unknown, headers: Record<string, string> = { [SECRET_HEADER]: EB_SECRET }): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${app.url}/eventbridge`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

test('a missing or wrong secret gets 401 and nothing is read', async () => {
  expect((await post(event(), {})).status).toBe(401);
  expect((await post(event(), { [SECRET_HEADER]: 'wrong' })).status).toBe(401);
  expect((await post(event(), { [SECRET_HEADER]: `${EB_SECRET}x` })).status).toBe(401);
  expect(fake.calls).toEqual([]);
  expect(updates).toEqual([]);
});

test('an event leads to a fresh read of the execution, mapped to its repository and commit', async () => {
  // The event says STARTED; the execution has meanwhile succeeded: the read, not the event, is the truth.
  fake.tick(20);
  const r = await post(event({ state: 'STARTED' }));
  expect(r).toEqual({ status: 202, json: { pipeline: scenarios.PIPELINE, executionId: c.executionId, status: 'Succeeded', repository: 'my-org/myapp', commit: c.commit } });
  expect(fake.counts()).toMatchObject({ GetPipelineExecution: 1, GetPipelineState: 1 });
  expect(updates.map((u) => [u.event.state, u.snapshot.status, u.source?.commit])).toEqual([['STARTED', 'Succeeded', c.commit]]);
});

test('stage and action events, and the CodeStar Notifications shape, reach the same execution', async () => {
  for (const e of [event({ detailType: 'CodePipeline Stage Execution State Change', trigger: true }), event({ detailType: 'CodePipeline Action Execution State Change', codestar: true })]) {
    const r = await post(e);
    expect(r.status).toBe(202);
    expect(r.json).toMatchObject({ executionId: c.executionId, commit: c.commit });
  }
  expect(updates).toHaveLength(2);
});

test('a burst of events for one execution shares reads (the running one and one after it); a redelivery reads again', async () => {
  readDelay = 400;
  const results = await Promise.all(Array.from({ length: 20 }, () => post(event())));
  expect(results.every((r) => r.status === 202)).toBe(true);
  const reads = fake.counts().GetPipelineExecution;
  expect(reads).toBeGreaterThanOrEqual(1);
  expect(reads).toBeLessThanOrEqual(3);
  await post(event());
  expect(fake.counts().GetPipelineExecution).toBe(reads + 1);
});

test('other events are ignored, bad bodies refused, an unknown execution asks for a retry', async () => {
  expect((await post(event({ detailType: 'CodeBuild Build State Change' }))).json).toMatchObject({ ignored: true });
  expect((await post('{not json')).status).toBe(400);
  expect((await post({ 'detail-type': 'CodePipeline Pipeline Execution State Change', detail: {} })).status).toBe(400);
  const unknown = event();
  (unknown.detail as Record<string, unknown>)['execution-id'] = '00000000-0000-0000-0000-000000000000';
  expect((await post(unknown)).status).toBe(503);
  expect(updates).toEqual([]);
  const get = await fetch(`${app.url}/eventbridge`);
  expect(get.status).toBe(405);
});
