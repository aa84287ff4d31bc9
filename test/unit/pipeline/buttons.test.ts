import { BUTTONS, MAX_BUTTONS, executionButtons, isButtonId, stageButtons } from '../../../src/core/pipeline/buttons.js';
import { renderExecution, renderRuns, renderStage } from '../../../src/core/pipeline/render.js';
import { NOW, SHA, approval, build, building, buildFailed, deploy, notStarted, snapshot, source, stage } from './fixtures.js';

function waiting() {
  return snapshot({
    status: 'InProgress',
    stages: [
      stage('Source', 'Succeeded', [source()]),
      stage('Build', 'Succeeded', [build()]),
      stage('Approve', 'InProgress', [approval()]),
      stage('Deploy', 'NotStarted', [notStarted(deploy())]),
    ],
  });
}

const ids = (actions: { identifier: string }[] | undefined) => actions?.map((a) => a.identifier);

test('every button keeps within GitHub\'s limits', () => {
  for (const b of Object.values(BUTTONS)) {
    expect(b.label.length).toBeLessThanOrEqual(20);
    expect(b.description.length).toBeLessThanOrEqual(40);
    expect(b.identifier.length).toBeLessThanOrEqual(20);
    expect(isButtonId(b.identifier)).toBe(true);
  }
  expect(isButtonId('lgtm|26764')).toBe(false);
  expect(isButtonId('toString')).toBe(false);
});

test('a stage waiting for a manual approval offers Approve and Reject; its neighbours nothing', () => {
  const s = waiting();
  expect(ids(stageButtons(s, s.stages[2]))).toEqual(['approve', 'reject']);
  expect(stageButtons(s, s.stages[1])).toEqual([]);
  expect(stageButtons(s, s.stages[3])).toEqual([]);
  // An approval already answered, or an execution that ended meanwhile: no buttons.
  const done = snapshot({ stages: [stage('Approve', 'Succeeded', [approval({ status: 'Succeeded' })])] });
  expect(stageButtons(done, done.stages[0])).toEqual([]);
  const stopped = { ...s, status: 'Stopped' as const };
  expect(stageButtons(stopped, stopped.stages[2])).toEqual([]);
});

test('a failed stage offers Retry; the running execution offers Stop', () => {
  const f = buildFailed();
  expect(ids(stageButtons(f, f.stages[1]))).toEqual(['retry']);
  expect(stageButtons(f, f.stages[0])).toEqual([]);
  expect(executionButtons(f)).toEqual([]);
  expect(ids(executionButtons(building()))).toEqual(['stop']);
  expect(executionButtons({ status: 'Stopping' })).toEqual([]);
  expect(executionButtons(snapshot())).toEqual([]);
});

test('render shows buttons only when asked (the app), never more than three', () => {
  const s = waiting();
  for (const run of renderRuns(s, { headSha: SHA, now: NOW })) expect(run.actions).toBeUndefined();
  const runs = renderRuns(s, { headSha: SHA, now: NOW, buttons: true });
  expect(runs.map((r) => [r.name, ids(r.actions)])).toEqual([
    ['ECS pipeline', ['stop']],
    ['ECS pipeline / Source', []],
    ['ECS pipeline / Build', []],
    ['ECS pipeline / Approve', ['approve', 'reject']],
    ['ECS pipeline / Deploy', []],
  ]);
  for (const r of runs) expect((r.actions ?? []).length).toBeLessThanOrEqual(MAX_BUTTONS);
  expect(runs[3].output.summary).toContain('Approve or reject it with the buttons above (people with write access) or in the [CodePipeline console]');
  expect(renderRuns(s, { headSha: SHA, now: NOW })[3].output.summary).toContain('Approve or reject it in the [CodePipeline console]');
  // The approval token is never part of what is rendered, buttons included.
  expect(JSON.stringify(runs)).not.toContain(approval().token);
  const f = buildFailed();
  expect(ids(renderStage(f, f.stages[1], { headSha: SHA, now: NOW, buttons: true }).actions)).toEqual(['retry']);
  // Finished: an update with no buttons takes the old ones away.
  expect(renderExecution(f, { headSha: SHA, now: NOW, buttons: true }).actions).toEqual([]);
});
