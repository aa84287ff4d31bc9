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

describe('API economy, 30-minute 3-stage execution', () => {
  it('stays within one create per run + one update per visible change, and ≤ 2 AWS calls per tick + 1 per action change', async () => {
    const clock = new FakeClock();
    const pipeline = new ScriptedPipeline(clock, [{ frames: thirtyMinutes() }]);
    const checks = new MemoryChecks();
    const r = await trackExecution(
      { mode: 'track', pipelineName: 'myapp-ecs-pipeline', region: 'us-east-1', sha: SHA, repository: 'my-org/myapp' },
      { pipeline, checks, statuses: new MemoryStatuses(), images: new MemoryImages(), clock, logger: new MemoryLogger() },
    );
    expect(r.outcome).toBe('succeeded');
    expect(clock.now() - T0).toBeGreaterThanOrEqual(m(30));

    const ours = {
      ticks: r.counts.ticks,
      aws: r.counts.listExecutions + 2 * r.counts.snapshots + r.counts.actionExecutions,
      githubWrites: checks.calls.create + checks.calls.update,
    };
    // A fixed 20 s poll: 90 ticks × (GetPipelineExecution + GetPipelineState + ListActionExecutions), 4 runs rewritten per tick.
    const fixedTicks = (30 * 60) / 20;
    const fixed = { ticks: fixedTicks, aws: 1 + 3 * fixedTicks, githubWrites: 4 * fixedTicks };

    // Visible changes: the execution's run 3 (Build, Deploy, done), Source 1, Build 2, Deploy 2.
    expect(checks.calls).toMatchObject({ create: 4, update: 8 });
    expect(r.counts.actionExecutions).toBe(4);
    // Polling at 10 s (twice as often while it matters), the deploy backoff (up to 30 s once a deployment has run
    // 2 minutes) and ListActionExecutions only on changes still cost fewer AWS calls than the fixed 20 s poll.
    expect(ours.ticks).toBeLessThan(2 * fixed.ticks);
    expect(ours.aws).toBeLessThan(fixed.aws);
    expect(ours.aws).toBe(1 + 2 * ours.ticks + 4);
    expect(ours.githubWrites).toBe(12);
    // Printed for docs/performance.md.
    process.stdout.write(`economy: ours ${JSON.stringify(ours)} vs fixed ${JSON.stringify(fixed)}\n`);
  });
});
