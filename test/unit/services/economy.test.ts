/**
 * The API-economy figures of docs/performance.md ("Tracking: API economy"):
 * the tracker at its defaults against a 20-second fixed poll that reads
 * everything and rewrites every check run on every tick, for a 30-minute,
 * 3-stage execution.
 */
import { describe, expect, it } from '@jest/globals';
import { trackExecution } from '../../../src/services/track/index.js';
import { FakeClock, MemoryChecks, MemoryImages, MemoryLogger, MemoryStatuses, ScriptedPipeline, T0, m } from './fakes.js';
import { SHA, thirtyMinutes } from './timelines.js';

async function track(pollIntervalSeconds?: number) {
  const clock = new FakeClock();
  const pipeline = new ScriptedPipeline(clock, [{ frames: thirtyMinutes() }]);
  const checks = new MemoryChecks();
  const r = await trackExecution(
    { mode: 'track', pipelineName: 'myapp-ecs-pipeline', region: 'us-east-1', sha: SHA, repository: 'my-org/myapp', ...(pollIntervalSeconds ? { pollIntervalSeconds } : {}) },
    { pipeline, checks, statuses: new MemoryStatuses(), images: new MemoryImages(), clock, logger: new MemoryLogger() },
  );
  expect(r.outcome).toBe('succeeded');
  expect(clock.now() - T0).toBeGreaterThanOrEqual(m(30));
  // Every AWS call the tracker made goes through the port; snapshot() is two (GetPipelineExecution + GetPipelineState).
  const c = pipeline.calls;
  const aws = c.listExecutions + c.sourceActions + c.start + 2 * c.snapshot + c.actionExecutions + c.stop;
  expect(aws).toBe(r.counts.listExecutions + 2 * r.counts.snapshots + r.counts.actionExecutions);
  return { r, ticks: r.counts.ticks, aws, listActions: r.counts.actionExecutions, githubWrites: checks.calls.create + checks.calls.update, checks };
}

describe('API economy, 30-minute 3-stage execution (docs/performance.md)', () => {
  it('one create per run + one update per visible change, ≤ 2 AWS calls per tick + 1 per action change, against a fixed 20 s poll', async () => {
    // A fixed 20 s poll: 90 ticks × (GetPipelineExecution + GetPipelineState + ListActionExecutions) after one
    // ListPipelineExecutions, and the 4 check runs rewritten on every tick (4 creates, then 4 × 89 updates).
    const fixed = { ticks: 90, aws: 1 + 3 * 90, githubWrites: 4 * 90 };

    const ours = await track();
    // Visible changes: the execution's run 3 (Build, Deploy, done), Source 1, Build 2, Deploy 2.
    expect(ours.checks.calls).toMatchObject({ create: 4, update: 8 });
    expect(ours.listActions).toBe(4);
    // 10 s while things move, up to 30 s once the deployment has run 2 minutes (bake time).
    expect(ours).toMatchObject({ ticks: 102, aws: 209, githubWrites: 12 });

    const at20 = await track(20);
    expect(at20).toMatchObject({ ticks: 72, aws: 149, githubWrites: 12 });

    expect(ours.aws).toBeLessThan(fixed.aws);
    expect(ours.githubWrites * 30).toBe(fixed.githubWrites);
  });
});
