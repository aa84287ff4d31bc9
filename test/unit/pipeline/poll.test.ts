import {
  APPROVAL_POLL_SECONDS,
  DEPLOY_POLL_SECONDS,
  findBackoffSeconds,
  findSchedule,
  nextPollSeconds,
  pollIntervalSeconds,
  slowWait,
} from '../../../src/core/pipeline/poll.js';
import { approval, build, building, deploy, notStarted, snapshot, source, stage } from './fixtures.js';

const waitingForApproval = () =>
  snapshot({
    status: 'InProgress',
    stages: [stage('Source', 'Succeeded', [source()]), stage('Build', 'Succeeded', [build()]), stage('Approval', 'InProgress', [approval()]), stage('Deploy', 'NotStarted', [notStarted(deploy())])],
  });

const deploying = () =>
  snapshot({
    status: 'InProgress',
    stages: [
      stage('Source', 'Succeeded', [source()]),
      stage('Build', 'Succeeded', [build()]),
      stage('Deploy', 'InProgress', [deploy({ status: 'InProgress', startTime: '2024-05-08T18:03:20.000Z', lastStatusChange: '2024-05-08T18:03:20.000Z' })]),
    ],
  });

describe('pollIntervalSeconds', () => {
  it('defaults to 10 and never goes below 1', () => {
    expect(pollIntervalSeconds()).toBe(10);
    expect(pollIntervalSeconds('')).toBe(10);
    expect(pollIntervalSeconds('abc')).toBe(10);
    expect(pollIntervalSeconds('15')).toBe(15);
    expect(pollIntervalSeconds(0)).toBe(1);
    expect(pollIntervalSeconds('-5')).toBe(1);
    expect(pollIntervalSeconds(2.5)).toBe(2.5);
  });
});

describe('slowWait', () => {
  it('recognises a manual approval and a long CodeDeploy deployment', () => {
    expect(slowWait(waitingForApproval(), '2024-05-08T18:20:00Z')).toEqual({ reason: 'approval', ceilingSeconds: APPROVAL_POLL_SECONDS });
    expect(slowWait(deploying(), '2024-05-08T18:10:00Z')).toEqual({ reason: 'deploy', ceilingSeconds: DEPLOY_POLL_SECONDS });
  });
  it('is not slow at the start of a deployment, during a build, or when nothing runs', () => {
    expect(slowWait(deploying(), '2024-05-08T18:04:00Z')).toBeUndefined();
    expect(slowWait(building(), '2024-05-08T18:20:00Z')).toBeUndefined();
    expect(slowWait(snapshot(), '2024-05-08T18:20:00Z')).toBeUndefined();
  });
});

describe('nextPollSeconds', () => {
  const now = '2024-05-08T18:20:00Z';
  it('doubles up to 60 s while an approval waits, and returns to the base on a change', () => {
    const seq: number[] = [];
    let prev: number | undefined;
    for (let i = 0; i < 6; i++) {
      prev = nextPollSeconds({ baseSeconds: 10, snapshot: waitingForApproval(), changed: false, previousSeconds: prev, now }).seconds;
      seq.push(prev);
    }
    expect(seq).toEqual([10, 20, 40, 60, 60, 60]);
    expect(nextPollSeconds({ baseSeconds: 10, snapshot: waitingForApproval(), changed: true, previousSeconds: 60, now })).toEqual({ seconds: 10, reason: 'something changed' });
  });

  it('caps at 30 s during a long deployment, and stays at the base otherwise', () => {
    expect(nextPollSeconds({ baseSeconds: 10, snapshot: deploying(), changed: false, previousSeconds: 20, now }).seconds).toBe(30);
    expect(nextPollSeconds({ baseSeconds: 10, snapshot: building(), changed: false, previousSeconds: 10, now })).toEqual({ seconds: 10, reason: 'poll-interval-seconds' });
  });

  it('never waits less than a long base, nor past the timeout', () => {
    expect(nextPollSeconds({ baseSeconds: 90, snapshot: waitingForApproval(), changed: false, previousSeconds: 90, now }).seconds).toBe(90);
    expect(nextPollSeconds({ baseSeconds: 10, snapshot: waitingForApproval(), changed: false, previousSeconds: 60, now, remainingSeconds: 7 })).toEqual({ seconds: 7, reason: 'timeout-minutes is near' });
  });
});

describe('find backoff', () => {
  it('waits 1, 2, 4 … seconds, capped', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 100].map((n) => findBackoffSeconds(n))).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
    expect(findBackoffSeconds(3, { maxSeconds: 5 })).toBe(5);
  });
  it('fits the whole schedule in find-timeout-seconds', () => {
    const s = findSchedule(300);
    expect(s.slice(0, 6)).toEqual([1, 2, 4, 8, 16, 30]);
    expect(s.reduce((a, b) => a + b, 0)).toBe(300);
    expect(findSchedule(0)).toEqual([]);
    expect(findSchedule(5)).toEqual([1, 2, 2]);
  });
});
