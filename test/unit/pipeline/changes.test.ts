import { actionChanges, fingerprint, knownFromExisting, type KnownRun, mergeActionDetails, planWrites, statusFingerprint } from '../../../src/core/pipeline/changes.js';
import type { CheckRunModel } from '../../../src/core/pipeline/check-run.js';
import type { ExecutionSnapshot } from '../../../src/core/pipeline/model.js';
import { renderRuns } from '../../../src/core/pipeline/render.js';
import { build, building, deploy, notStarted, SHA, snapshot, source, stage } from './fixtures.js';

const at = (minute: number) => new Date(Date.parse('2024-05-08T18:00:00Z') + minute * 60_000).toISOString();

/** A 30-minute, 3-stage execution, sampled every 10 s: Source 0–1 min, Build 1–8, Deploy 8–30. */
function timeline(t: number): ExecutionSnapshot {
  const min = t / 60;
  const src = source({ startTime: at(0), lastStatusChange: at(1), status: min < 1 ? 'InProgress' : 'Succeeded' });
  const b =
    min < 1
      ? notStarted(build())
      : build({ startTime: at(1), lastStatusChange: min < 8 ? at(1) : at(8), status: min < 8 ? 'InProgress' : 'Succeeded' });
  const d =
    min < 8
      ? notStarted(deploy())
      : deploy({ startTime: at(8), lastStatusChange: min < 30 ? at(8) : at(30), status: min < 30 ? 'InProgress' : 'Succeeded' });
  const st = (a: typeof src) => (a.status === 'NotStarted' ? 'NotStarted' : a.status === 'InProgress' ? 'InProgress' : 'Succeeded');
  return snapshot({
    status: min < 30 ? 'InProgress' : 'Succeeded',
    lastUpdateTime: at(Math.min(min, 30)),
    stages: [stage('Source', st(src), [src]), stage('Build', st(b), [b]), stage('Deploy', st(d), [d])],
  });
}

describe('fingerprint', () => {
  it('ignores running durations, so a tick without news is not a write', () => {
    const a = renderRuns(building(), { headSha: SHA, now: '2024-05-08T18:02:00Z' });
    const b = renderRuns(building(), { headSha: SHA, now: '2024-05-08T18:09:30Z' });
    expect(a[2].output.summary).not.toBe(b[2].output.summary);
    expect(a.map(fingerprint)).toEqual(b.map(fingerprint));
  });

  it('changes with anything a user sees', () => {
    const base: CheckRunModel = { name: 'ECS pipeline / Build', headSha: SHA, status: 'in_progress', detailsUrl: 'https://a.test', output: { title: 'Build in progress', summary: 's' } };
    const fp = fingerprint(base);
    expect(fingerprint({ ...base })).toBe(fp);
    expect(fingerprint({ ...base, status: 'completed', conclusion: 'success' })).not.toBe(fp);
    expect(fingerprint({ ...base, output: { ...base.output, title: 'Build in progress: X' } })).not.toBe(fp);
    expect(fingerprint({ ...base, output: { ...base.output, summary: 's2' } })).not.toBe(fp);
    expect(fingerprint({ ...base, output: { ...base.output, text: 'log' } })).not.toBe(fp);
    expect(fingerprint({ ...base, detailsUrl: 'https://b.test' })).not.toBe(fp);
    expect(fingerprint({ ...base, startedAt: '2024-05-08T18:00:00Z' })).toBe(fp);
  });
});

describe('planWrites', () => {
  it('creates unknown runs, updates changed ones, skips the rest', () => {
    const runs = renderRuns(building(), { headSha: SHA, now: at(3) });
    const first = planWrites(runs, new Map());
    expect(first.map((w) => w.kind)).toEqual(['create', 'create', 'create', 'create']);
    const known = new Map<string, KnownRun>(first.map((w, i) => [w.run.name, { id: 100 + i, fingerprint: w.fingerprint }]));
    expect(planWrites(renderRuns(building(), { headSha: SHA, now: at(6) }), known)).toEqual([]);
    const done = planWrites(renderRuns(snapshot(), { headSha: SHA, now: at(12) }), known);
    expect(done.map((w) => [w.kind, w.id, w.run.name])).toEqual([
      ['update', 100, 'ECS pipeline'],
      ['update', 102, 'ECS pipeline / Build'],
      ['update', 103, 'ECS pipeline / Deploy'],
    ]);
  });

  it('updates check runs found on the commit instead of creating duplicates', () => {
    const existing = [
      { id: 7, name: 'ECS pipeline' },
      { id: 9, name: 'ECS pipeline' },
      { id: 8, name: 'ECS pipeline / Build' },
      { id: 3, name: 'someone else' },
    ];
    const known = knownFromExisting(existing, new Set(['ECS pipeline', 'ECS pipeline / Build', 'ECS pipeline / Deploy', 'ECS pipeline / Source']));
    expect([...known.entries()]).toEqual([
      ['ECS pipeline', { id: 9 }],
      ['ECS pipeline / Build', { id: 8 }],
    ]);
    const writes = planWrites(renderRuns(snapshot(), { headSha: SHA, now: at(12) }), known);
    expect(writes.map((w) => [w.kind, w.id ?? null, w.run.name])).toEqual([
      ['update', 9, 'ECS pipeline'],
      ['create', null, 'ECS pipeline / Source'],
      ['update', 8, 'ECS pipeline / Build'],
      ['create', null, 'ECS pipeline / Deploy'],
    ]);
  });

  it('writes one create per run plus one update per visible change over a 30-minute execution (item 10)', () => {
    const known = new Map<string, KnownRun>();
    let creates = 0;
    let updates = 0;
    let detailCalls = 0;
    let prev: ExecutionSnapshot | undefined;
    for (let t = 0; t <= 30 * 60; t += 10) {
      const snap = timeline(t);
      if (actionChanges(prev, snap).length) detailCalls++;
      prev = snap;
      for (const w of planWrites(renderRuns(snap, { headSha: SHA, now: at(t / 60) }), known)) {
        if (w.kind === 'create') creates++;
        else updates++;
        known.set(w.run.name, { id: w.id ?? creates, fingerprint: w.fingerprint });
      }
    }
    expect(creates).toBe(4);
    // Visible changes: Source done (+ Build starts) at 1 min, Build done (+ Deploy starts) at 8, Deploy done at 30.
    // Execution run: 3 updates; Source: 1; Build: 2; Deploy: 2.
    expect(updates).toBe(8);
    // Actions: Source started (first tick), then 1, 8 and 30 minutes.
    expect(detailCalls).toBe(4);
    // A fixed 20-second poll that rewrites everything would make 4 runs × 91 ticks = 364 writes.
    expect(creates + updates).toBe(12);
  });
});

describe('actionChanges', () => {
  it('reports the started actions on the first tick, then only real changes', () => {
    expect(actionChanges(undefined, building()).map((c) => `${c.stage}/${c.action}:${c.to}`)).toEqual(['Source/GitHub:Succeeded', 'Build/BuildImage:InProgress']);
    expect(actionChanges(building(), building())).toEqual([]);
    expect(actionChanges(building(), snapshot())).toEqual([
      { stage: 'Build', action: 'BuildImage', from: 'InProgress', to: 'Succeeded' },
      { stage: 'Deploy', action: 'ECS-BlueGreen', from: 'NotStarted', to: 'Succeeded' },
    ]);
  });

  it('sees a retried action with a new external run', () => {
    const retried = building();
    retried.stages[1].actions[0].externalExecutionId = 'myapp-build:0000aaaa-1111-2222-3333-444455556666';
    expect(actionChanges(building(), retried)).toHaveLength(1);
  });

  it('starts over for another execution', () => {
    const other = { ...building(), executionId: 'another' };
    expect(actionChanges(building(), other)).toHaveLength(2);
  });
});

describe('mergeActionDetails', () => {
  it('adds output variables, configuration and start times, keeping the snapshot\'s status', () => {
    const snap = building();
    const bare = snap.stages[1].actions[0];
    delete bare.startTime;
    delete bare.configuration;
    const merged = mergeActionDetails(snap, [
      { ...build({ status: 'Succeeded', startTime: '2024-05-08T18:00:05.000Z', logTail: ['line'] }), stage: 'Build' },
      { ...build({ startTime: '2024-05-07T10:00:00.000Z', outputVariables: { IMAGE_TAG: 'old' } }), stage: 'Build' },
    ]);
    const a = merged.stages[1].actions[0];
    expect(a.status).toBe('InProgress');
    expect(a.startTime).toBe('2024-05-08T18:00:05.000Z');
    expect(a.configuration).toEqual({ ProjectName: 'myapp-build' });
    expect(a.outputVariables?.IMAGE_TAG).toBe(SHA.slice(0, 7));
    expect(a.logTail).toEqual(['line']);
    expect(snap.stages[1].actions[0].configuration).toBeUndefined();
  });

  it('does not carry an earlier attempt\'s error into a retry, nor copy tokens', () => {
    const snap = building();
    snap.stages[1].actions[0].externalExecutionId = 'myapp-build:new';
    const merged = mergeActionDetails(snap, [{ ...build({ externalExecutionId: 'myapp-build:old', errorMessage: 'old failure', token: 'secret-token-1' }), stage: 'Build' }]);
    const a = merged.stages[1].actions[0];
    expect(a.errorMessage).toBeUndefined();
    expect(a.token).toBeUndefined();
    expect(a.configuration).toEqual({ ProjectName: 'myapp-build' });
  });
});

describe('statusFingerprint', () => {
  it('changes with state, description and URL', () => {
    const s = { context: 'ECS pipeline', state: 'pending', description: 'Build in progress', targetUrl: 'https://a.test' };
    expect(statusFingerprint(s)).toBe(statusFingerprint({ ...s }));
    expect(statusFingerprint({ ...s, state: 'success' })).not.toBe(statusFingerprint(s));
  });
});
