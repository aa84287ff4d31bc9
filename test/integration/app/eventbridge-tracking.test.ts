import { readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import { trackers } from '../../../src/app/tracking/registry.js';
import { trackingSettings } from '../../../src/app/tracking/settings.js';
import type { Clock } from '../../../src/services/ports.js';
import { scenarios } from '../../fakes/aws/index.js';
import { deliver } from './helpers.js';
import { executionEvents, postAll, postEvent, shuffled, type EventTarget } from './event-helpers.js';
import { pushExample, startPipelineApp, type PipelineHarness, stopClean } from './push-helpers.js';

type ScenarioCase = ReturnType<typeof scenarios.success>;

/**
 * POST /eventbridge connected to tracking: an event's fresh read becomes the
 * same check runs the poller writes, on the repository the execution built
 * (my-org/myapp, from its source revision), through the app's installation.
 */

jest.setTimeout(60_000);

const { COMMIT, PIPELINE, REGION } = scenarios;
const EB_SECRET = 'eventbridge-shared-secret-for-tests';
const CONFIG = `pipelines:\n  - name: ${PIPELINE}\n    region: ${REGION}\n    branches: [main, master]\n`;
const SEED_PIPELINE = readFileSync(new URL('../../../examples/seed/pipeline.json', import.meta.url), 'utf8');
const NAMES = ['ECS pipeline', 'ECS pipeline / Source', 'ECS pipeline / Build', 'ECS pipeline / Deploy'];
/** The repository the scenarios' revisions name. */
const MYAPP = { repository: { name: 'myapp', owner: { login: 'my-org' } }, installation: { id: 4242 } };

let h: PipelineHarness | undefined;

afterEach(async () => {
  const done = h;
  h = undefined;
  if (done) await stopClean(done);
});

function target(c: ScenarioCase): EventTarget {
  return {
    region: REGION,
    pipeline: PIPELINE,
    executionId: c.executionId!,
    stages: [
      { name: 'Source', actions: ['GitHub'] },
      { name: 'Build', actions: ['BuildImage'] },
      { name: 'Deploy', actions: ['ECS-BlueGreen'] },
    ],
  };
}

function runs(harness = h!) {
  return harness.gh.fake.checkRuns(COMMIT).map((r) => ({ id: r.id, name: r.name, status: r.status, conclusion: r.conclusion, externalId: r.external_id, title: r.output.title, summary: r.output.summary }));
}

function ids(c: ScenarioCase): string[] {
  return NAMES.map((n, i) => (i === 0 ? c.executionId! : `${c.executionId}/${n.slice('ECS pipeline / '.length)}`));
}

test('events alone create the runs and follow the execution; 100 events replayed in random order leave the same runs, none duplicated', async () => {
  const c = scenarios.success();
  h = await startPipelineApp(MYAPP, c.scenario, CONFIG, { eventbridge: EB_SECRET, aws: { advance: 'manual' } });
  const events = executionEvents(target(c));

  // As it happens: the Build runs; an event arrives (its state is read again, not taken from the event).
  h.aws.tick(2);
  const first = await postEvent(h.gh.app.url, EB_SECRET, events[5]);
  // Answered once queued: the read and the writes follow in the background.
  expect(first).toEqual({ status: 202, json: { pipeline: PIPELINE, executionId: c.executionId, accepted: true } });
  await h.gh.app.events!.idle();
  expect(runs().map((r) => [r.name, r.status, r.externalId])).toEqual([
    ['ECS pipeline', 'in_progress', c.executionId],
    ['ECS pipeline / Source', 'completed', `${c.executionId}/Source`],
    ['ECS pipeline / Build', 'in_progress', `${c.executionId}/Build`],
    ['ECS pipeline / Deploy', 'queued', `${c.executionId}/Deploy`],
  ]);

  // The execution ends; 100 events (every one, then redeliveries) come in any order, 10 at a time.
  h.aws.tick(10);
  const replay = shuffled(events, 100, 11);
  expect(new Set(await postAll(h.gh.app.url, EB_SECRET, replay, 10))).toEqual(new Set([202]));
  await h.gh.app.events!.idle();
  const end = runs();
  expect(end.map((r) => [r.name, r.status, r.conclusion, r.externalId])).toEqual(NAMES.map((n, i) => [n, 'completed', 'success', ids(c)[i]]));
  expect(end[0].title).toContain('succeeded');
  const counts = h.gh.app.events!.counts;
  // A burst shares reads and writes: far fewer updates applied than events.
  expect(counts.received).toBeLessThanOrEqual(101);
  expect(counts.applied).toBeLessThan(counts.received);

  // Again, in another order: nothing changes, nothing is written.
  const writes = h.gh.fake.writes().length;
  await postAll(h.gh.app.url, EB_SECRET, shuffled(events, 100, 97), 10);
  await h.gh.app.events!.idle();
  expect(runs()).toEqual(end);
  expect(h.gh.fake.writes().length).toBe(writes);
  // The installation was looked up once per cache period, not once per event.
  expect(h.gh.installations.served['GET /repos/{owner}/{repo}/installation']).toBe(1);
});

test('the runs events write are the runs the poller writes, pipeline drift included', async () => {
  const c = scenarios.success();
  // The commit has the seed's pipeline.json, which lacks the namespaces of the live pipeline.
  const files = [{ path: 'pipeline.json', content: SEED_PIPELINE }];
  // The poller's: a push tracked to the end.
  const push = { ...pushExample(COMMIT), repository: { ...pushExample(COMMIT).repository, name: 'myapp', full_name: 'my-org/myapp', owner: { login: 'my-org', name: 'my-org' } }, installation: { id: 4242 } };
  h = await startPipelineApp(MYAPP, c.scenario, CONFIG);
  h.gh.commit(COMMIT, files);
  expect((await deliver(h.gh.app.url, 'push', push)).status).toBe(200);
  await trackers.idle();
  const polled = runs();
  expect(polled[0].summary).toContain('### Pipeline drift');
  await h.stop();
  h = undefined;

  // The events': the same execution, finished, then its events.
  h = await startPipelineApp(MYAPP, scenarios.success().scenario, CONFIG, { eventbridge: EB_SECRET, aws: { advance: 'manual' } });
  h.gh.commit(COMMIT, files);
  h.aws.tick(20);
  await postAll(h.gh.app.url, EB_SECRET, executionEvents(target(c)), 4);
  await h.gh.app.events!.idle();
  const evented = runs();
  const view = (rs: typeof polled) => rs.map((r) => [r.name, r.status, r.conclusion, r.externalId, r.title, r.summary]);
  expect(view(evented)).toEqual(view(polled));
});

test('an event for a commit whose push is tracked here wakes that tracker, which then polls only as a safety net', async () => {
  const c = scenarios.success();
  const push = { ...pushExample(COMMIT), repository: { ...pushExample(COMMIT).repository, name: 'myapp', full_name: 'my-org/myapp', owner: { login: 'my-org', name: 'my-org' } }, installation: { id: 4242 } };
  h = await startPipelineApp(MYAPP, c.scenario, CONFIG, { eventbridge: EB_SECRET, aws: { advance: 'manual' } });
  // A virtual clock that records each sleep and lets real time pass between polls.
  const sleeps: number[] = [];
  let now = Date.parse('2025-05-06T09:00:00Z');
  const clock: Clock = {
    now: () => now,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      if (signal?.aborted) return;
      now += ms;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 10);
        signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
      });
    },
  };
  Object.assign(trackingSettings, { clock, timeoutMinutes: 24 * 60 });
  h.aws.tick(2);
  expect((await deliver(h.gh.app.url, 'push', push)).status).toBe(200);
  for (let i = 0; i < 100 && sleeps.length < 3; i++) await new Promise((r) => setTimeout(r, 10));
  expect(sleeps.slice(0, 3).every((ms) => ms < 60_000)).toBe(true);

  expect((await postEvent(h.gh.app.url, EB_SECRET, executionEvents(target(c))[5])).status).toBe(202);
  const woken = sleeps.length;
  for (let i = 0; i < 100 && sleeps.length < woken + 3; i++) await new Promise((r) => setTimeout(r, 10));
  expect(h.gh.app.events!.counts).toMatchObject({ woke: 1, applied: 0 });
  // Events flow: the tracker's waits stretch to the safety interval (the base interval is 1 s here).
  expect(trackingSettings.safetyPollSeconds).toBe(120);
  expect(sleeps.slice(woken + 1)[0]).toBeGreaterThanOrEqual(120_000);

  h.aws.tick(20);
  expect((await postEvent(h.gh.app.url, EB_SECRET, executionEvents(target(c)).at(-1))).status).toBe(202);
  await trackers.idle();
  expect(runs().map((r) => [r.name, r.status, r.conclusion, r.externalId])).toEqual(NAMES.map((n, i) => [n, 'completed', 'success', ids(c)[i]]));
});

test('events of a repository without the app, or of a pipeline its config does not name, change nothing', async () => {
  const c = scenarios.success();
  // The app is installed on my-org/other only; the execution built my-org/myapp.
  h = await startPipelineApp({ ...MYAPP, repository: { name: 'other', owner: { login: 'my-org' } } }, c.scenario, CONFIG, { eventbridge: EB_SECRET, aws: { advance: 'manual' } });
  h.aws.tick(20);
  expect((await postEvent(h.gh.app.url, EB_SECRET, executionEvents(target(c))[0])).status).toBe(202);
  await h.gh.app.events!.idle();
  expect(h.gh.app.events!.counts).toMatchObject({ applied: 0, ignored: 1 });
  expect(h.gh.fake.writes()).toEqual([]);
  await h.stop();

  h = await startPipelineApp(MYAPP, c.scenario, `pipelines:\n  - name: another-pipeline\n    region: ${REGION}\n`, { eventbridge: EB_SECRET, aws: { advance: 'manual' } });
  h.aws.tick(20);
  expect((await postEvent(h.gh.app.url, EB_SECRET, executionEvents(target(c))[0])).status).toBe(202);
  await h.gh.app.events!.idle();
  expect(h.gh.app.events!.counts).toMatchObject({ applied: 0, ignored: 1 });
  // Only the installation token the config was read with.
  expect(h.gh.fake.writes().map((w) => w.operation)).toEqual(['POST /app/installations/{installation_id}/access_tokens']);
});
