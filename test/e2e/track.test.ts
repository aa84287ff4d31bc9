/**
 * dist/index.js in modes track and start, run as the runner runs it, against
 * the fake AWS server (real SDK clients through AWS_ENDPOINT_URL) and the fake
 * GitHub server (OpenAPI-validated). Every scenario runs in its own process
 * with its own fakes, all at once, so that the file takes tens of seconds.
 *
 * Asserted everywhere: each check run's final conclusion is the execution's
 * truth, no duplicate runs, GitHub writes = one create per run + one update
 * per visible change, AWS calls ≤ 2 per tick + 1 ListActionExecutions per
 * action change, nothing GitHub would refuse.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { stripElapsed } from '../../src/core/pipeline/changes.js';
import { type FakeAws, type FaultOptions, type Frame, scenarios, startFakeAws } from '../fakes/aws/index.js';
import type { ScenarioCase } from '../fakes/aws/scenario-kit.js';
import { FakeGitHub, type RecordedRequest, runnerEnv } from '../fakes/github/index.js';
import { baseEnv, node, parseCommands, parseOutputs, removeTempDirs, ROOT, seedWithErrors, STACK, tempDir } from './helpers.js';

const ACTION = join(ROOT, 'dist/index.js');
const EXEC = 'ECS pipeline';
const stageRun = (stage: string): string => `${EXEC} / ${stage}`;

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

interface World {
  c: ScenarioCase;
  aws: FakeAws;
  gh: FakeGitHub;
  runs: Run[];
}

/** Fake times follow the wall clock (one tick a second, the poll interval), so durations and backoffs stay real. */
function realTime(c: ScenarioCase): ScenarioCase {
  c.scenario.epoch = new Date(Date.now() - 1000).toISOString();
  c.scenario.tickMs = 1000;
  return c;
}

async function world(c: ScenarioCase, o: { faults?: FaultOptions; checks?: 'write' | 'read' | 'none' } = {}): Promise<World> {
  const aws = await startFakeAws({ scenario: realTime(c).scenario, ...(o.faults ? { faults: o.faults } : {}) });
  const gh = await FakeGitHub.start({ owner: 'my-org', repo: 'myapp', ...(o.checks ? { checks: o.checks } : {}) });
  return { c, aws, gh, runs: [] };
}

interface RunOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  runAttempt?: string;
  event?: { name: string; payload: Record<string, unknown>; sha: string };
  /** Called every 100 ms while the action runs, e.g. to send it SIGTERM. */
  watch?: (child: ChildProcess) => void;
}

/** Runs dist/index.js as the runner does: INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, the runner's GITHUB_* variables. */
function runAction(w: World, o: RunOptions = {}): Promise<Run> {
  const files = tempDir('track');
  const output = join(files, 'output');
  const summary = join(files, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const inputs: Record<string, string> = {
    mode: 'track',
    path: '.',
    'fail-on': 'error',
    'pipeline-name': scenarios.PIPELINE,
    'poll-interval-seconds': '1',
    'find-timeout-seconds': '60',
    'timeout-minutes': '5',
    wait: 'true',
    check: 'false',
    'check-name': EXEC,
    report: 'checks',
    'stop-on-cancel': 'false',
    'github-token': w.gh.token,
    ...o.inputs,
  };
  const env: Record<string, string> = {
    ...baseEnv(),
    ...runnerEnv(w.gh, { sha: o.event?.sha ?? w.c.commit, runAttempt: o.runAttempt ?? '1', ...(o.event ? { eventName: o.event.name, event: o.event.payload } : {}) }),
    ...w.aws.env(),
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_WORKSPACE: ROOT,
    ...o.env,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ACTION], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const watcher = o.watch ? setInterval(() => o.watch!(child), 100) : undefined;
    const killer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      if (watcher) clearInterval(watcher);
      clearTimeout(killer);
      const run = { status, signal, stdout, stderr, outputs: parseOutputs(readFileSync(output, 'utf8')), summary: readFileSync(summary, 'utf8') };
      w.runs.push(run);
      resolve(run);
    });
  });
}

async function close(w: World | undefined): Promise<void> {
  if (!w) return;
  await w.aws.close();
  await w.gh.stop();
}

// ---- what every scenario must show -------------------------------------------

/** Check-run conclusions by name: `success`, or the status of a run not completed. */
function conclusions(w: World): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of w.gh.checkRuns(w.c.commit)) out[r.name] = r.status === 'completed' ? String(r.conclusion) : r.status;
  return out;
}

/** The conclusion each stage's run must end with, from the scenario's truth. */
function truthConclusions(w: World, o: { notStarted: string; stoppedStage?: string } = { notStarted: 'cancelled' }): Record<string, string> {
  const t = w.c.truth;
  const exec: Record<string, string> = { Succeeded: 'success', Failed: 'failure', Stopped: 'cancelled', Cancelled: 'cancelled', Superseded: 'neutral' };
  const stage: Record<string, string> = { Succeeded: 'success', Failed: 'failure', Stopped: 'cancelled', Cancelled: 'cancelled', NotStarted: o.notStarted };
  const out: Record<string, string> = { [EXEC]: exec[t.status] };
  for (const [name, s] of Object.entries(t.stages)) out[stageRun(name)] = stage[s];
  return out;
}

type Body = Record<string, unknown> & { output?: Record<string, unknown> };

function visible(b: Body): string {
  const out = b.output ?? {};
  return JSON.stringify([b.name, b.status, b.conclusion ?? null, out.title, stripElapsed(String(out.summary ?? '')), stripElapsed(String(out.text ?? '')), b.details_url ?? null, b.external_id ?? null]);
}

/** Each check run: created once (POST), then updated (PATCH) only when something a user sees changed. */
function expectGitHubEconomy(w: World): { creates: number; updates: number } {
  expect(w.gh.rejections()).toEqual([]);
  expect(w.gh.responseErrors()).toEqual([]);
  const runs = w.gh.checkRuns(w.c.commit);
  const names = runs.map((r) => r.name);
  expect(new Set(names).size).toBe(names.length);
  const ok = (r: RecordedRequest): boolean => r.status >= 200 && r.status < 300;
  const posts = w.gh.requests({ method: 'POST' }).filter((r) => ok(r) && r.path.endsWith('/check-runs'));
  const patches = w.gh.requests({ method: 'PATCH' }).filter(ok);
  expect(posts).toHaveLength(runs.length);
  for (const run of runs) {
    const create = posts.find((p) => (p.body as Body).name === run.name)!;
    let state = create.body as Body;
    for (const p of patches.filter((x) => x.path.endsWith(`/check-runs/${run.id}`))) {
      const next = { ...state, ...(p.body as Body) };
      // A re-run updates runs it did not write once, even when nothing changed: the only allowed repeat.
      if (w.runs.length === 1) expect(visible(next)).not.toBe(visible(state));
      state = next;
    }
  }
  const statusWrites = w.gh.requests({ method: 'POST' }).filter((r) => ok(r) && r.path.includes('/statuses/'));
  expect(w.gh.writes()).toHaveLength(posts.length + patches.length + statusWrites.length);
  return { creates: posts.length, updates: patches.length };
}

/** Frames that change an action of this execution: the most ListActionExecutions calls it can justify. */
function actionChanges(w: World, executionId: string | undefined, started: Frame[] = []): number {
  const exec = w.c.scenario.executions.find((e) => e.id === executionId);
  const frames = exec ? exec.frames : started;
  return frames.filter((f) => f.actions && Object.keys(f.actions).length > 0).length;
}

/** ≤ 2 CodePipeline calls per tick + 1 ListActionExecutions per action change, counted without the faulted (retried) requests. */
function expectAwsEconomy(w: World, o: { executionId?: string; started?: Frame[]; extraLists?: number } = {}): Record<string, number> {
  const n = w.aws.counts({ includeFaults: false });
  const ticks = n.GetPipelineState ?? 0;
  expect(ticks).toBeGreaterThan(0);
  expect(n.GetPipelineExecution).toBe(ticks);
  expect(n.ListActionExecutions ?? 0).toBeLessThanOrEqual(actionChanges(w, o.executionId ?? w.c.executionId, o.started));
  // ListPipelineExecutions only to find the execution (and, superseded, once to learn by whom).
  expect(n.ListPipelineExecutions ?? 0).toBeLessThanOrEqual(1 + (o.extraLists ?? 0));
  return n;
}

/** execution-id, execution-url and the image outputs, against the scenario's truth. */
function expectOutputs(w: World, run: Run, status: string): void {
  const image = w.c.truth.image;
  expect(run.outputs).toMatchObject({
    'execution-id': w.c.executionId,
    status,
    'image-uri': image?.uri ?? '',
    'image-tag': image?.tag ?? '',
    'image-digest': image?.digest ?? '',
  });
  expect(run.outputs['execution-url']).toContain(`/executions/${w.c.executionId}/`);
}

function expectClean(run: Run): void {
  expect(run.stderr).not.toMatch(STACK);
  expect(run.stdout).not.toMatch(STACK);
  // The token goes to the runner once, to be masked; never anywhere else.
  expect(run.stdout.split('\n').filter((l) => l.includes('ghs_fake'))).toEqual([expect.stringMatching(/^::add-mask::/)]);
  expect(run.stderr).not.toContain('ghs_fake');
}

// ---- the scenarios, all at once ------------------------------------------------

const S: Record<string, World> = {};

beforeAll(async () => {
  if (!existsSync(ACTION)) throw new Error('dist/index.js is missing: run `npm run package`');
  const jobs: Record<string, () => Promise<void>> = {
    success: async () => {
      const w = (S.success = await world(scenarios.success()));
      await runAction(w, { inputs: { check: 'true', path: 'examples/seed' } });
    },
    buildFailure: async () => {
      const w = (S.buildFailure = await world(scenarios.buildFailureDockerDaemon()));
      await runAction(w);
    },
    deployFailure: async () => {
      const w = (S.deployFailure = await world(scenarios.deployFailureWithRollback()));
      await runAction(w);
    },
    superseded: async () => {
      const w = (S.superseded = await world(scenarios.superseded()));
      await runAction(w);
    },
    stopped: async () => {
      const w = (S.stopped = await world(scenarios.stopped()));
      await runAction(w);
    },
    approval: async () => {
      const w = (S.approval = await world(scenarios.approvalThenApproved({ waitTicks: 3 })));
      await runAction(w);
    },
    late: async () => {
      const w = (S.late = await world(scenarios.lateExecution({ listCalls: 3 })));
      // A pull_request event: GITHUB_SHA is the merge commit, the pipeline builds the head.
      const merge = 'f00dfeedf00dfeedf00dfeedf00dfeedf00dfeed';
      await runAction(w, { event: { name: 'pull_request', sha: merge, payload: { pull_request: { number: 7, head: { sha: w.c.commit, ref: 'fix' }, base: { ref: 'main' } } } } });
    },
    awsFaults: async () => {
      const w = (S.awsFaults = await world(scenarios.success({ exportVariables: false }), { faults: scenarios.FAULTS_30 }));
      await runAction(w);
    },
    githubFaults: async () => {
      const w = (S.githubFaults = await world(scenarios.success()));
      w.gh.inject({ operation: 'POST /repos/{owner}/{repo}/check-runs', fault: '502', times: 2 });
      w.gh.inject({ operation: 'PATCH', fault: 'secondary-rate-limit', retryAfter: 1, times: 1, skip: 1 });
      w.gh.inject({ operation: 'PATCH', fault: '502', times: 1, skip: 3 });
      await runAction(w);
    },
    cancel: async () => {
      const w = (S.cancel = await world(scenarios.approvalThenApproved({ waitTicks: 1000 })));
      let sent = false;
      await runAction(w, {
        inputs: { 'stop-on-cancel': 'true' },
        watch: (child) => {
          const waiting = w.gh.checkRuns(w.c.commit).find((r) => r.name === stageRun('Approve'))?.output.title === 'Waiting for approval';
          if (!sent && waiting) {
            sent = true;
            child.kill('SIGTERM');
          }
        },
      });
    },
    rerun: async () => {
      const w = (S.rerun = await world(scenarios.startable()));
      await runAction(w, { inputs: { mode: 'start' }, runAttempt: '1' });
      await runAction(w, { inputs: { mode: 'start' }, runAttempt: '2' });
    },
    statuses: async () => {
      const w = (S.statuses = await world(scenarios.buildFailureDockerDaemon(), { checks: 'none' }));
      await runAction(w);
    },
    waitFalse: async () => {
      const w = (S.waitFalse = await world(scenarios.success()));
      await runAction(w, { inputs: { wait: 'false' } });
    },
    checkErrors: async () => {
      const w = (S.checkErrors = await world(scenarios.success()));
      const { workspace } = seedWithErrors();
      await runAction(w, { inputs: { check: 'true', path: 'app' }, env: { GITHUB_WORKSPACE: workspace } });
    },
  };
  await Promise.all(Object.values(jobs).map((job) => job()));
}, 120_000);

afterAll(async () => {
  for (const w of Object.values(S)) await close(w);
  removeTempDirs();
});

describe('dist/index.js, mode: track', () => {
  it('success: all green, the outputs hold the execution and the image, the config check ran first', () => {
    const w = S.success;
    const run = w.runs[0];
    expectClean(run);
    expect(run.status).toBe(0);
    expect(conclusions(w)).toEqual(truthConclusions(w));
    expect(run.outputs).toMatchObject({
      'execution-id': w.c.executionId,
      status: 'succeeded',
      'image-uri': w.c.truth.image!.uri,
      'image-tag': w.c.truth.image!.tag,
      'image-digest': w.c.truth.image!.digest,
      errors: '0',
    });
    expect(run.outputs['execution-url']).toBe(
      `https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/${scenarios.PIPELINE}/executions/${w.c.executionId}/timeline?region=us-east-1`,
    );
    expect(run.summary).toContain('| Stage | Status | Duration |');
    expect(run.summary).toContain(w.c.truth.image!.digest);
    const { creates, updates } = expectGitHubEconomy(w);
    expect(creates).toBe(4);
    // Execution: Build, Deploy (with the image), done; Source: done; Build: started, done; Deploy: started, done.
    expect(updates).toBe(8);
    expect(expectAwsEconomy(w)).toMatchObject({ ListPipelineExecutions: 1, GetPipelineExecution: 8, GetPipelineState: 8, ListActionExecutions: 4, DescribeImages: 1 });
    const exec = w.gh.checkRuns(w.c.commit).find((r) => r.name === EXEC)!;
    expect(exec.details_url).toBe(run.outputs['execution-url']);
    expect(exec.output.summary).toContain(w.c.truth.image!.digest);
    expect(exec.output.summary).toContain('output variable `IMAGE_URI`');
  });

  it('build failure (Docker daemon): failure, the explanation and the end of the build log', () => {
    const w = S.buildFailure;
    const run = w.runs[0];
    expectClean(run);
    expectOutputs(w, run, 'failed');
    expect(run.status).toBe(1);
    expect(conclusions(w)).toEqual(truthConclusions(w));
    expect(run.outputs).toMatchObject({ 'execution-id': w.c.executionId, status: 'failed', 'image-uri': '', 'image-digest': '' });
    const build = w.gh.checkRuns(w.c.commit).find((r) => r.name === stageRun('Build'))!;
    expect(build.output.text).toContain(w.c.truth.failure!.logLine);
    expect(build.output.summary).toMatch(/privileged/i);
    expect(build.details_url).toContain('codebuild');
    expect(run.stdout).toMatch(/::error::.*failed in Build/);
    expectGitHubEconomy(w);
    expectAwsEconomy(w);
  });

  it('deploy failure with a rollback execution: the commit’s execution fails, the rollback is not mistaken for it', () => {
    const w = S.deployFailure;
    const run = w.runs[0];
    expectClean(run);
    expectOutputs(w, run, 'failed');
    expect(run.status).toBe(1);
    expect(run.outputs['execution-id']).toBe(w.c.executionId);
    expect(run.outputs['execution-id']).not.toBe(w.c.truth.rollbackExecutionId);
    expect(conclusions(w)).toEqual(truthConclusions(w));
    expect(run.outputs['image-digest']).toBe(w.c.truth.image!.digest);
    const deploy = w.gh.checkRuns(w.c.commit).find((r) => r.name === stageRun('Deploy'))!;
    expect(deploy.output.summary).toMatch(/health check/i);
    expectGitHubEconomy(w);
    expectAwsEconomy(w);
  });

  it('superseded: neutral, titled with the newer execution, and the step passes', () => {
    const w = S.superseded;
    const run = w.runs[0];
    expectClean(run);
    expectOutputs(w, run, 'superseded');
    expect(run.status).toBe(0);
    expect(run.outputs.status).toBe('superseded');
    expect(conclusions(w)).toEqual(truthConclusions(w, { notStarted: 'neutral' }));
    const exec = w.gh.checkRuns(w.c.commit).find((r) => r.name === EXEC)!;
    expect(exec.output.title).toContain(w.c.truth.supersededBy);
    expectGitHubEconomy(w);
    expectAwsEconomy(w, { extraLists: 1 });
  });

  it('stopped in the console: cancelled runs and a failed step', () => {
    const w = S.stopped;
    const run = w.runs[0];
    expectClean(run);
    expectOutputs(w, run, 'stopped');
    expect(run.status).toBe(1);
    expect(run.outputs.status).toBe('stopped');
    expect(conclusions(w)).toEqual(truthConclusions(w));
    expectGitHubEconomy(w);
    expectAwsEconomy(w);
  });

  it('manual approval: in progress and "Waiting for approval" while it waits, then success', () => {
    const w = S.approval;
    const run = w.runs[0];
    expectClean(run);
    expectOutputs(w, run, 'succeeded');
    expect(run.status).toBe(0);
    expect(conclusions(w)).toEqual(truthConclusions(w));
    const approve = w.gh.checkRuns(w.c.commit).find((r) => r.name === stageRun('Approve'))!;
    const bodies = w.gh.requests().filter((r) => r.method !== 'GET' && ((r.path.endsWith('/check-runs') && (r.body as Body).name === approve.name) || r.path.endsWith(`/check-runs/${approve.id}`)));
    const waiting = bodies.map((r) => r.body as Body).find((b) => b.output?.title === 'Waiting for approval');
    expect(waiting).toMatchObject({ status: 'in_progress' });
    expect(String(waiting?.details_url)).toContain('/executions/');
    expectGitHubEconomy(w);
    expectAwsEconomy(w);
  });

  it('an execution that appears late, for a pull request’s head commit, is found with backoff', () => {
    const w = S.late;
    const run = w.runs[0];
    expectClean(run);
    expectOutputs(w, run, 'succeeded');
    expect(run.status).toBe(0);
    expect(run.outputs['execution-id']).toBe(w.c.executionId);
    expect(conclusions(w)).toEqual(truthConclusions(w));
    expectGitHubEconomy(w);
    // Three searches find nothing, the fourth finds it.
    expect(w.aws.counts({ includeFaults: false }).ListPipelineExecutions).toBe(4);
    expectAwsEconomy(w, { extraLists: 3 });
  });

  it('AWS throttling and 5xx on 30% of calls: the SDK retries, the result is the same', () => {
    const w = S.awsFaults;
    const run = w.runs[0];
    expectClean(run);
    expectOutputs(w, run, 'succeeded');
    expect(run.status).toBe(0);
    expect(Object.values(w.aws.faultCounts()).reduce((a, b) => a + b, 0)).toBeGreaterThan(3);
    expect(conclusions(w)).toEqual(truthConclusions(w));
    // No exported variables: the image comes from imageDetail.json in the deploy action's input artifact (S3), then ECR.
    expect(run.outputs).toMatchObject({ 'image-uri': w.c.truth.image!.uri, 'image-tag': w.c.truth.image!.tag, 'image-digest': w.c.truth.image!.digest });
    expect(w.gh.checkRuns(w.c.commit).find((r) => r.name === EXEC)!.output.summary).toContain('imageDetail.json in artifact `BuildOutput`');
    expect(w.aws.counts({ includeFaults: false }).GetObject).toBe(1);
    expectGitHubEconomy(w);
    expectAwsEconomy(w);
  });

  it('GitHub 502s and a secondary rate limit: retried, no duplicates, the same conclusions', () => {
    const w = S.githubFaults;
    const run = w.runs[0];
    expectClean(run);
    expectOutputs(w, run, 'succeeded');
    expect(run.status).toBe(0);
    expect(w.gh.pendingFaults()).toEqual([]);
    expect(w.gh.requests().filter((r) => r.fault).length).toBe(4);
    expect(conclusions(w)).toEqual(truthConclusions(w));
    expectGitHubEconomy(w);
    expectAwsEconomy(w);
  });

  it('cancelled with stop-on-cancel (SIGTERM): the execution is stopped and every open run is cancelled', () => {
    const w = S.cancel;
    const run = w.runs[0];
    expectClean(run);
    expectOutputs(w, run, 'stopped');
    expect(run.signal).toBeNull();
    expect(run.status).toBe(1);
    expect(w.aws.stops).toEqual([expect.objectContaining({ executionId: w.c.executionId, abandon: false })]);
    expect(conclusions(w)).toEqual({
      [EXEC]: 'cancelled',
      [stageRun('Source')]: 'success',
      [stageRun('Build')]: 'success',
      [stageRun('Approve')]: 'cancelled',
      [stageRun('Deploy')]: 'cancelled',
    });
    expect(run.outputs.status).toBe('stopped');
    expectGitHubEconomy(w);
    // One more GetPipelineExecution + GetPipelineState after the stop.
    expectAwsEconomy(w);
  });

  it('a token without checks permission: commit statuses with the same names, said once', () => {
    const w = S.statuses;
    const run = w.runs[0];
    expectClean(run);
    expectOutputs(w, run, 'failed');
    expect(run.status).toBe(1);
    expect(w.gh.checkRuns()).toEqual([]);
    const latest = new Map(w.gh.statuses(w.c.commit).map((s) => [s.context, s]));
    expect(Object.fromEntries([...latest].map(([k, s]) => [k, s.state]))).toEqual({
      [EXEC]: 'failure',
      [stageRun('Source')]: 'success',
      [stageRun('Build')]: 'failure',
      [stageRun('Deploy')]: 'error',
    });
    expect(run.stdout.split('\n').filter((l) => /commit statuses with the same names/.test(l))).toHaveLength(1);
    // One status per context per visible change.
    const seen = new Set<string>();
    for (const s of w.gh.statuses(w.c.commit)) {
      const key = JSON.stringify([s.context, s.state, s.description, s.target_url]);
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    expect(w.gh.rejections()).toEqual([]);
    expectAwsEconomy(w);
  });

  it('wait: false reports the current state once and passes', () => {
    const w = S.waitFalse;
    const run = w.runs[0];
    expectClean(run);
    expect(run.status).toBe(0);
    expect(run.outputs).toMatchObject({ 'execution-id': w.c.executionId, status: 'in_progress', 'image-uri': '' });
    expect(conclusions(w)).toEqual({ [EXEC]: 'in_progress', [stageRun('Source')]: 'in_progress', [stageRun('Build')]: 'queued', [stageRun('Deploy')]: 'queued' });
    const { creates, updates } = expectGitHubEconomy(w);
    expect([creates, updates]).toEqual([4, 0]);
    expect(expectAwsEconomy(w).GetPipelineState).toBe(1);
  });

  it('config errors stop the step before any AWS call', () => {
    const w = S.checkErrors;
    const run = w.runs[0];
    expectClean(run);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^::error title=TD-05.*,file=app\/buildspec.yml,/m);
    expect(run.stdout).toContain('did not track the pipeline');
    expect(w.aws.calls).toEqual([]);
    expect(w.gh.requests()).toEqual([]);
  });
});

describe('dist/index.js, mode: start', () => {
  it('the same workflow run twice: one execution, no duplicate check runs, the second run updates the first one’s', () => {
    const w = S.rerun;
    const [first, second] = w.runs;
    expectClean(first);
    expectClean(second);
    expect(first.status).toBe(0);
    expect(second.status).toBe(0);
    const fresh = w.aws.starts.filter((s) => !s.duplicate);
    expect(fresh).toHaveLength(1);
    expect(w.aws.starts).toHaveLength(1);
    expect(fresh[0].sourceRevisions).toEqual([{ actionName: 'GitHub', revisionType: 'COMMIT_ID', revisionValue: w.c.commit }]);
    expect(fresh[0].clientRequestToken).toMatch(/^ecp-my-org-myapp-[0-9a-f]{8}-[0-9a-f]{40}-1$/);
    expect(first.outputs['execution-id']).toBe(fresh[0].executionId);
    expect(second.outputs['execution-id']).toBe(fresh[0].executionId);
    expect(second.outputs['image-digest']).toBe(w.c.truth.image!.digest);
    const runs = w.gh.checkRuns(w.c.commit);
    expect(runs.map((r) => r.name).sort()).toEqual([EXEC, stageRun('Build'), stageRun('Deploy'), stageRun('Source')]);
    expect(conclusions(w)).toEqual(truthConclusions(w));
    const { creates } = expectGitHubEconomy(w);
    expect(creates).toBe(4);
    expect(w.aws.counts({ includeFaults: false }).GetPipeline).toBe(1);
  });
});

describe('dist/index.js, modes track and start: inputs', () => {
  const SHA = '0123456789abcdef0123456789abcdef01234567';
  /** Fails before any network call, so no fake is needed. */
  function failure(inputs: Record<string, string>, env: Record<string, string> = {}): string {
    const e: Record<string, string> = baseEnv({ GITHUB_ACTIONS: 'true', GITHUB_REPOSITORY: 'my-org/myapp', GITHUB_SHA: SHA, GITHUB_WORKSPACE: ROOT, AWS_REGION: 'us-east-1', ...env });
    const all = { 'pipeline-name': 'myapp-ecs-pipeline', check: 'false', 'github-token': 'ghs_fakeTokenForTests0123456789abcdefABCD', ...inputs };
    for (const [name, value] of Object.entries(all)) e[`INPUT_${name.toUpperCase()}`] = value;
    const run = node([ACTION], { env: e });
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(STACK);
    const errors = parseCommands(run.stdout).filter((c) => c.command === 'error');
    expect(errors).toHaveLength(1);
    return errors[0].message;
  }

  it('mode track is the default and needs pipeline-name', () => {
    expect(failure({ 'pipeline-name': '' })).toMatch(/^Input 'pipeline-name' is required for mode: track; set it to the name of the CodePipeline pipeline/);
  });

  it('names the input, the value and what it takes', () => {
    expect(failure({ 'poll-interval-seconds': '0' })).toBe("Input 'poll-interval-seconds' is 0 seconds; it must be between 1 and 300 (default 10).");
    expect(failure({ wait: 'maybe' })).toBe("Input 'wait' is 'maybe', which is not a boolean; use true or false.");
    expect(failure({ report: 'check-runs' })).toBe("Input 'report' is 'check-runs', which is not allowed; use one of: checks, statuses, both, none.");
    expect(failure({ commit: 'main' })).toMatch(/^The commit 'main' \(from the 'commit' input\) is not a commit SHA/);
    expect(failure({ mode: 'start', commit: '0123456' })).toMatch(/mode: start needs the full 40-character SHA/);
    expect(failure({ 'ecr-repository': 'myapp:latest' })).toMatch(/^Input 'ecr-repository' is 'myapp:latest'; give the repository name/);
    expect(failure({ 'github-token': '' })).toMatch(/^Input 'github-token' is empty/);
  });

  it('needs a region from the input or the environment', () => {
    expect(failure({}, { AWS_REGION: '' })).toMatch(/^No AWS region: set the 'aws-region' input, or configure credentials first with aws-actions\/configure-aws-credentials/);
    expect(failure({ 'aws-region': 'us-east' })).toMatch(/^The AWS region 'us-east' is not a region name/);
  });
});
