import {
  findExecution,
  matchesCommit,
  normalizeSha,
  notFoundMessage,
  revisionMatches,
  startRequestToken,
  startSourceRevisions,
  supersedingExecution,
} from '../../../src/core/pipeline/find.js';
import { OTHER_SHA, SHA, summaryOf } from './fixtures.js';

describe('revisionMatches', () => {
  it('matches the same SHA in any case, and short SHAs of 7 or more either way', () => {
    expect(revisionMatches(SHA, SHA)).toBe(true);
    expect(revisionMatches(SHA.toUpperCase(), SHA)).toBe(true);
    expect(revisionMatches(SHA, SHA.slice(0, 7))).toBe(true);
    expect(revisionMatches(SHA.slice(0, 10), SHA)).toBe(true);
  });
  it('refuses prefixes shorter than 7, other commits and non-SHAs', () => {
    expect(revisionMatches(SHA, SHA.slice(0, 6))).toBe(false);
    expect(revisionMatches(OTHER_SHA, SHA)).toBe(false);
    expect(revisionMatches('myapp-source.zip', SHA)).toBe(false);
    expect(revisionMatches(undefined, SHA)).toBe(false);
    expect(normalizeSha('  ABCDEF1 ')).toBe('abcdef1');
    expect(normalizeSha('xyz1234')).toBeUndefined();
  });
});

describe('findExecution', () => {
  // ListPipelineExecutions returns newest first.
  const page = [
    summaryOf({ executionId: 'e-newest-other', startTime: '2024-05-08T18:20:00Z', sourceRevisions: [{ actionName: 'GitHub', revisionId: OTHER_SHA }], status: 'InProgress' }),
    summaryOf({ executionId: 'e-retry', startTime: '2024-05-08T18:10:00Z', status: 'Failed' }),
    summaryOf({ executionId: 'e-first', startTime: '2024-05-08T18:00:00Z', status: 'Failed' }),
  ];

  it('chooses the newest execution of the commit', () => {
    expect(findExecution(page, SHA)?.executionId).toBe('e-retry');
    expect(findExecution(page, SHA.slice(0, 7))?.executionId).toBe('e-retry');
    expect(findExecution([...page].reverse(), SHA)?.executionId).toBe('e-retry');
  });

  it('returns undefined when the commit is not there', () => {
    expect(findExecution(page, 'a'.repeat(40))).toBeUndefined();
    expect(findExecution([], SHA)).toBeUndefined();
  });

  it('prefers the commit\'s own execution to a newer rollback that redeploys it', () => {
    const rollback = summaryOf({ executionId: 'e-rollback', startTime: '2024-05-08T18:30:00Z', executionType: 'ROLLBACK', rollbackTargetExecutionId: 'e-first' });
    expect(findExecution([rollback, ...page], SHA)?.executionId).toBe('e-retry');
    expect(findExecution([rollback, ...page], SHA, { preferStandard: false })?.executionId).toBe('e-rollback');
    expect(findExecution([rollback], SHA)?.executionId).toBe('e-rollback');
  });

  it('can require the revision on a named source action', () => {
    const multi = summaryOf({
      executionId: 'e-multi',
      sourceRevisions: [
        { actionName: 'Infra', revisionId: SHA },
        { actionName: 'App', revisionId: OTHER_SHA },
      ],
    });
    expect(matchesCommit(multi, SHA)).toBe(true);
    expect(matchesCommit(multi, SHA, { sourceAction: 'App' })).toBe(false);
    expect(matchesCommit(multi, OTHER_SHA, { sourceAction: 'App' })).toBe(true);
  });

  it('keeps page order when start times are missing', () => {
    const noTimes = [summaryOf({ executionId: 'a' }), summaryOf({ executionId: 'b' })];
    expect(findExecution(noTimes, SHA)?.executionId).toBe('a');
  });
});

describe('supersedingExecution', () => {
  it('names the oldest newer execution that was not superseded itself', () => {
    const items = [
      summaryOf({ executionId: 'c', startTime: '2024-05-08T18:20:00Z', status: 'InProgress', sourceRevisions: [{ actionName: 'GitHub', revisionId: OTHER_SHA }] }),
      summaryOf({ executionId: 'b', startTime: '2024-05-08T18:10:00Z', status: 'Superseded' }),
      summaryOf({ executionId: 'a', startTime: '2024-05-08T18:00:00Z', status: 'Superseded' }),
      summaryOf({ executionId: 'old', startTime: '2024-05-08T17:00:00Z', status: 'Succeeded' }),
    ];
    expect(supersedingExecution(items, items[2])?.executionId).toBe('c');
    expect(supersedingExecution(items, items[0])).toBeUndefined();
  });
});

describe('notFoundMessage', () => {
  it('says what was searched, where, for how long and what was there', () => {
    const msg = notFoundMessage({
      pipelineName: 'myapp-ecs-pipeline',
      region: 'us-east-1',
      sha: SHA,
      pages: 2,
      executions: 150,
      waitedSeconds: 301.4,
      timeoutSeconds: 300,
      newest: summaryOf({ executionId: 'e-newest', status: 'Succeeded', startTime: '2024-05-08T17:00:00Z', sourceRevisions: [{ actionName: 'GitHub', revisionId: OTHER_SHA }] }),
    });
    expect(msg).toContain('pipeline myapp-ecs-pipeline in us-east-1');
    expect(msg).toContain(`source revision ${SHA}`);
    expect(msg).toContain('after waiting 301s (find-timeout-seconds: 300)');
    expect(msg).toContain('150 executions on 2 pages');
    expect(msg).toContain(`GitHub@${OTHER_SHA.slice(0, 12)}`);
    expect(msg).toContain('mode: start');
  });
  it('handles a pipeline without executions', () => {
    expect(notFoundMessage({ pipelineName: 'p', sha: SHA, pages: 1, executions: 0, waitedSeconds: 5 })).toContain('has no executions');
  });
});

describe('start helpers', () => {
  it('derives a valid, stable clientRequestToken that differs by repository, commit and attempt', () => {
    const t = startRequestToken({ repository: 'my-org/myapp', sha: SHA, runAttempt: 1 });
    expect(t).toMatch(/^[a-zA-Z0-9-]{1,128}$/);
    expect(startRequestToken({ repository: 'my-org/myapp', sha: SHA, runAttempt: '1' })).toBe(t);
    expect(startRequestToken({ repository: 'my-org/myapp', sha: SHA, runAttempt: 2 })).not.toBe(t);
    expect(startRequestToken({ repository: 'my-org/my-app', sha: SHA, runAttempt: 1 })).not.toBe(t);
    expect(startRequestToken({ repository: 'my-org-myapp', sha: SHA, runAttempt: 1 })).not.toBe(t);
    expect(startRequestToken({ repository: 'x'.repeat(300) + '/ünï', sha: SHA, runAttempt: 12 })).toMatch(/^[a-zA-Z0-9-]{1,128}$/);
  });

  it('gives the commit to the one Git source action', () => {
    const r = startSourceRevisions([{ name: 'GitHub', provider: 'CodeStarSourceConnection' }], SHA);
    expect(r).toEqual({ ok: true, sourceRevisions: [{ actionName: 'GitHub', revisionType: 'COMMIT_ID', revisionValue: SHA }] });
  });

  it('refuses when it cannot tell which source the commit belongs to', () => {
    const two = [
      { name: 'App', provider: 'CodeStarSourceConnection' },
      { name: 'Infra', provider: 'CodeCommit' },
    ];
    const r = startSourceRevisions(two, SHA);
    expect(r.ok).toBe(false);
    expect(startSourceRevisions(two, SHA, 'Infra')).toMatchObject({ ok: true, sourceRevisions: [{ actionName: 'Infra' }] });
    expect(startSourceRevisions([{ name: 'Image', provider: 'ECR' }], SHA)).toMatchObject({ ok: false });
    expect(startSourceRevisions(two, SHA, 'Nope')).toMatchObject({ ok: false });
  });
});
