import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { CONFIG_PATH } from '../../../src/app/config.js';
import { closePooledAws } from '../../../src/app/tracking/aws.js';
import { forgetPipelineFiles } from '../../../src/app/commit-drift.js';
import { forgetRecentConfigs } from '../../../src/app/tracking/start.js';
import { trackers } from '../../../src/app/tracking/registry.js';
import { trackingSettings, type TrackingSettings } from '../../../src/app/tracking/settings.js';
import type { Clock } from '../../../src/services/ports.js';
import { startFakeAws, type FakeAws, type FakeAwsOptions, type Scenario } from '../../fakes/aws/index.js';
import { AWS_VARS, useEnv } from '../aws/helpers.js';
import { startApp, type AppHarness } from './helpers.js';

const require = createRequire(import.meta.url);

export interface PushEvent {
  ref: string;
  after: string;
  deleted: boolean;
  repository: { name: string; full_name: string; default_branch: string; owner: { login: string; name?: string } };
  installation: { id: number };
}

/** The real `push` example of @octokit/webhooks-examples (a branch push, sent to an installation), pointed at `sha`. */
export function pushExample(sha: string): PushEvent {
  const defs = JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8')) as Array<{ name: string; examples: Record<string, unknown>[] }>;
  const found = defs.find((d) => d.name === 'push')?.examples.find((e) => e.installation && String(e.ref).startsWith('refs/heads/') && !e.deleted);
  if (!found) throw new Error('no branch push example with an installation');
  const e = structuredClone(found) as unknown as PushEvent;
  e.after = sha;
  return e;
}

/** Virtual time that moves as fast as the tracker sleeps: minutes of polling in milliseconds of test. */
export function fastClock(): Clock {
  let now = Date.parse('2025-05-06T09:00:00Z');
  return {
    now: () => now,
    sleep: async (ms, signal) => {
      if (signal?.aborted) return;
      now += Math.max(0, ms);
      await new Promise((r) => setTimeout(r, 2));
    },
  };
}

export interface PipelineHarness {
  gh: AppHarness;
  aws: FakeAws;
  stop(): Promise<void>;
}

const CONFIG_SHA = '5555555555555555555555555555555555555555';

/**
 * The app on loopback with a fake GitHub (the payload's repository, its
 * config on the default branch) and a fake AWS playing `scenario`; the
 * trackers poll on a fast clock.
 */
export async function startPipelineApp(
  e: { repository: { name: string; owner: { login: string } }; installation: { id: number } },
  scenario: Scenario,
  config: string,
  o: { allowedRoles?: string; aws?: Omit<FakeAwsOptions, 'scenario'>; eventbridge?: string } = {},
): Promise<PipelineHarness> {
  const env = useEnv();
  const aws = await startFakeAws({ scenario, ...o.aws });
  env.set(Object.fromEntries(AWS_VARS.map((k) => [k, undefined])));
  env.set(aws.env());
  const saved: TrackingSettings = { ...trackingSettings };
  Object.assign(trackingSettings, { clock: fastClock(), aws: { endpoints: { default: aws.url }, retryDelayScale: 0.01 }, pollIntervalSeconds: 1, findTimeoutSeconds: 60 });
  const gh = await startApp({ owner: e.repository.owner.login, repo: e.repository.name, installationId: e.installation.id, allowedRoles: o.allowedRoles, eventbridge: o.eventbridge });
  gh.commit(CONFIG_SHA, [{ path: CONFIG_PATH, content: config }], { branch: 'main' });
  return {
    gh,
    aws,
    stop: async () => {
      await trackers.idle();
      await gh.app.events?.idle();
      await gh.stop();
      await closePooledAws();
      forgetRecentConfigs();
      forgetPipelineFiles();
      await aws.close();
      Object.assign(trackingSettings, saved);
      env.restore();
    },
  };
}

/**
 * The end of a test: waits for the events and trackers still at work, stops
 * the harness, and fails the test if the fake GitHub refused a request or
 * sent an answer its own description does not allow.
 */
export async function stopClean(h: PipelineHarness): Promise<void> {
  const { gh } = h;
  await gh.app.events?.idle();
  await trackers.idle();
  const rejections = gh.fake.rejections();
  const responseErrors = gh.fake.responseErrors();
  await h.stop();
  expect(rejections).toEqual([]);
  expect(responseErrors).toEqual([]);
}
