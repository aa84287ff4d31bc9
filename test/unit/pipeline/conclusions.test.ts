import {
  actionCheckState,
  commitState,
  commitStatusFor,
  executionCheckState,
  stageCheckState,
  stepResult,
  timeoutMessage,
  waitingApproval,
} from '../../../src/core/pipeline/conclusions.js';
import type { ExecutionStatus } from '../../../src/core/pipeline/model.js';
import { approval, build, building, deploy, notStarted, SHA, snapshot, stage } from './fixtures.js';

describe('executionCheckState (issue 3, item 5)', () => {
  it.each<[ExecutionStatus, string, string | undefined]>([
    ['Succeeded', 'completed', 'success'],
    ['Failed', 'completed', 'failure'],
    ['Stopped', 'completed', 'cancelled'],
    ['Cancelled', 'completed', 'cancelled'],
    ['Superseded', 'completed', 'neutral'],
    ['InProgress', 'in_progress', undefined],
    ['Stopping', 'in_progress', undefined],
  ])('%s → %s %s', (status, s, c) => {
    expect(executionCheckState(status)).toEqual(c ? { status: s, conclusion: c } : { status: s });
  });

  it('never calls Superseded a success or a failure', () => {
    expect(executionCheckState('Superseded').conclusion).toBe('neutral');
  });

  it('times out only what is still open', () => {
    expect(executionCheckState('InProgress', { timedOut: true })).toEqual({ status: 'completed', conclusion: 'timed_out' });
    expect(executionCheckState('Succeeded', { timedOut: true })).toEqual({ status: 'completed', conclusion: 'success' });
  });
});

describe('stageCheckState', () => {
  it('maps the stage\'s own status', () => {
    expect(stageCheckState(stage('Build', 'Succeeded', [build()]), { execution: 'InProgress' })).toEqual({ status: 'completed', conclusion: 'success' });
    expect(stageCheckState(stage('Build', 'Failed', [build({ status: 'Failed' })]), { execution: 'Failed' })).toEqual({ status: 'completed', conclusion: 'failure' });
    expect(stageCheckState(stage('Build', 'Stopped', [build({ status: 'Abandoned' })]), { execution: 'Stopped' })).toEqual({ status: 'completed', conclusion: 'cancelled' });
    expect(stageCheckState(stage('Build', 'InProgress', [build({ status: 'InProgress' })]), { execution: 'InProgress' })).toEqual({ status: 'in_progress' });
    expect(stageCheckState(stage('Deploy', 'NotStarted', [notStarted(deploy())]), { execution: 'InProgress' })).toEqual({ status: 'queued' });
  });

  it('keeps a stage waiting on a manual approval in progress', () => {
    const s = stage('Approval', 'InProgress', [approval()]);
    expect(waitingApproval(s)?.name).toBe('Approve');
    expect(stageCheckState(s, { execution: 'InProgress' })).toEqual({ status: 'in_progress' });
    expect(waitingApproval(stage('Build', 'InProgress', [build({ status: 'InProgress' })]))).toBeUndefined();
  });

  it('completes the stages a final execution never reached', () => {
    const deployStage = stage('Deploy', 'NotStarted', [notStarted(deploy())]);
    expect(stageCheckState(deployStage, { execution: 'Failed' })).toEqual({ status: 'completed', conclusion: 'cancelled' });
    expect(stageCheckState(deployStage, { execution: 'Stopped' })).toEqual({ status: 'completed', conclusion: 'cancelled' });
    expect(stageCheckState(deployStage, { execution: 'Superseded' })).toEqual({ status: 'completed', conclusion: 'neutral' });
    expect(stageCheckState(deployStage, { execution: 'Succeeded' })).toEqual({ status: 'completed', conclusion: 'skipped' });
  });

  it('marks open stages timed_out on the tracker\'s timeout, and leaves finished ones alone', () => {
    expect(stageCheckState(stage('Deploy', 'InProgress', [deploy({ status: 'InProgress' })]), { execution: 'InProgress', timedOut: true })).toEqual({ status: 'completed', conclusion: 'timed_out' });
    expect(stageCheckState(stage('Build', 'Succeeded', [build()]), { execution: 'InProgress', timedOut: true })).toEqual({ status: 'completed', conclusion: 'success' });
  });

  it('maps action statuses', () => {
    expect(actionCheckState('Abandoned')).toEqual({ status: 'completed', conclusion: 'cancelled' });
    expect(actionCheckState('NotStarted')).toEqual({ status: 'queued' });
  });
});

describe('stepResult', () => {
  it('fails on failed, stopped, cancelled and timed out; passes on succeeded and superseded', () => {
    expect(stepResult('Succeeded')).toEqual({ outcome: 'succeeded', fails: false });
    expect(stepResult('Superseded')).toEqual({ outcome: 'superseded', fails: false });
    expect(stepResult('Failed').fails).toBe(true);
    expect(stepResult('Stopped')).toEqual({ outcome: 'stopped', fails: true });
    expect(stepResult('Cancelled')).toEqual({ outcome: 'cancelled', fails: true });
    expect(stepResult('InProgress', { timedOut: true })).toEqual({ outcome: 'timed_out', fails: true });
    expect(stepResult('InProgress')).toEqual({ outcome: 'in_progress', fails: false });
  });
});

describe('timeoutMessage', () => {
  it('names the stage and action still running', () => {
    const msg = timeoutMessage(building(), 60);
    expect(msg).toContain('Timed out after 60 minutes');
    expect(msg).toContain('still running: Build / BuildImage');
  });
});

describe('commit statuses', () => {
  const run = (status: 'queued' | 'in_progress' | 'completed', conclusion?: 'success' | 'failure' | 'neutral' | 'cancelled' | 'timed_out' | 'skipped') => ({ status, ...(conclusion ? { conclusion } : {}) });
  it('maps check states to the four commit states', () => {
    expect(commitState(run('queued'))).toBe('pending');
    expect(commitState(run('in_progress'))).toBe('pending');
    expect(commitState(run('completed', 'success'))).toBe('success');
    expect(commitState(run('completed', 'neutral'))).toBe('success');
    expect(commitState(run('completed', 'skipped'))).toBe('success');
    expect(commitState(run('completed', 'failure'))).toBe('failure');
    expect(commitState(run('completed', 'cancelled'))).toBe('error');
    expect(commitState(run('completed', 'timed_out'))).toBe('error');
  });

  it('uses the run name as context and keeps the description within 140 characters', () => {
    const s = commitStatusFor({
      name: 'ECS pipeline / Build',
      headSha: SHA,
      status: 'completed',
      conclusion: 'failure',
      detailsUrl: 'https://console.aws.amazon.com/codebuild/home',
      output: { title: 'Build failed after 1m 6s in BuildImage: ' + 'Docker is not running in the build '.repeat(10), summary: '' },
    });
    expect(s.context).toBe('ECS pipeline / Build');
    expect(s.state).toBe('failure');
    expect(s.description.length).toBeLessThanOrEqual(140);
    expect(s.description.endsWith('…')).toBe(true);
    expect(s.targetUrl).toBe('https://console.aws.amazon.com/codebuild/home');
    expect(snapshot().stages).toHaveLength(3);
  });
});
