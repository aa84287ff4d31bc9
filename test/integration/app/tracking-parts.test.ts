import { roleSessionName } from '../../../src/adapters/aws/sts.js';
import { readerIdentity, EVENTS_SESSION } from '../../../src/app/http/eventbridge.js';
import { parseRoleAllowList } from '../../../src/app/roles.js';
import { LatestQueue } from '../../../src/app/tracking/latest-queue.js';
import { Gate, Wakeups } from '../../../src/app/tracking/wake.js';
import type { Clock } from '../../../src/services/ports.js';

/** The small parts the app's tracking stands on: the per-execution queue, wake-ups and the gate, role sessions. */

const tick = () => new Promise((r) => setImmediate(r));

test('the queue runs one item per key at a time; a waiting item is replaced by a newer one; keys run side by side up to the limit', async () => {
  const ran: string[] = [];
  let active = 0;
  let most = 0;
  const gates = new Map<string, () => void>();
  const q = new LatestQueue<string>(async (v) => {
    active++;
    most = Math.max(most, active);
    ran.push(v);
    await new Promise<void>((resolve) => gates.set(v, resolve));
    active--;
  }, 2);
  const a1 = q.submit('a', 'a1');
  const a2 = q.submit('a', 'a2');
  const a3 = q.submit('a', 'a3');
  void q.submit('b', 'b1');
  void q.submit('c', 'c1');
  await tick();
  // a1 and b1 run; c1 waits for a place; a2 was replaced by a3 while it waited.
  expect(ran).toEqual(['a1', 'b1']);
  expect(q.replaced).toBe(1);
  expect(a2).toBe(a3);
  const release = async (v: string) => {
    for (let i = 0; i < 20 && !gates.has(v); i++) await tick();
    gates.get(v)!();
  };
  await release('a1');
  await a1;
  await release('b1');
  // Then the newest of `a`, and `c` in the place `b` left.
  await release('a3');
  await release('c1');
  await a3;
  await q.idle();
  expect(ran.sort()).toEqual(['a1', 'a3', 'b1', 'c1']);
  expect(most).toBe(2);
});

test('a failed run rejects its submitters and the queue goes on', async () => {
  const q = new LatestQueue<number>(async (n) => {
    if (n === 1) throw new Error('boom');
  }, 1);
  await expect(q.submit('k', 1)).rejects.toThrow('boom');
  await expect(q.submit('k', 2)).resolves.toBeUndefined();
  await q.idle();
});

function recordingClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => 0,
    sleep: (ms, signal) =>
      new Promise<void>((resolve) => {
        sleeps.push(ms);
        if (signal?.aborted) return resolve();
        const t = setTimeout(resolve, 5);
        signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
      }),
  };
}

test('a wake-up ends a sleep at once, one that comes during a read ends the next sleep, and events stretch later sleeps to the safety interval', async () => {
  const w = new Wakeups(() => 120);
  const base = recordingClock();
  const key = Wakeups.key('My-Org', 'myapp', 'ABC');
  const t = w.register(key, base);
  expect(w.has('my-org/myapp@abc')).toBe(true);
  expect(w.wake('my-org/other@abc')).toBe(false);
  // During a read: no sleeper yet, so the next sleep returns at once without sleeping.
  expect(w.wake(key)).toBe(true);
  await t.clock.sleep(10_000);
  expect(base.sleeps).toEqual([]);
  // Events flowed: a 10 s poll becomes a 120 s one, and a wake-up ends it.
  const sleeping = t.clock.sleep(10_000);
  await tick();
  t.follow(Wakeups.executionKey('us-east-1', 'p', 'e1'));
  expect(w.wakeExecution(Wakeups.executionKey('us-east-1', 'p', 'e1'))).toBe(true);
  await sleeping;
  expect(base.sleeps).toEqual([120_000]);
  t.close();
  expect(w.has(key)).toBe(false);
  expect(w.wakeExecution(Wakeups.executionKey('us-east-1', 'p', 'e1'))).toBe(false);
});

test('the gate lets a set number of trackers work at once; the others wait until one sleeps or ends', async () => {
  const gate = new Gate(() => 1);
  const w = new Wakeups(() => 120, gate);
  const a = w.register('a', recordingClock());
  const b = w.register('b', recordingClock());
  await a.enter();
  let bIn = false;
  const entering = b.enter().then(() => (bIn = true));
  await tick();
  expect(bIn).toBe(false);
  // a sleeps: its place goes to b; after its sleep a waits for b to sleep or end.
  const aSleeps = a.clock.sleep(1);
  await entering;
  expect(bIn).toBe(true);
  let aBack = false;
  void aSleeps.then(() => (aBack = true));
  await new Promise((r) => setTimeout(r, 20));
  expect(aBack).toBe(false);
  b.close();
  await aSleeps;
  a.close();
});

test('role sessions name the repository within STS limits; event reads use a whole allowed ARN of the event account', () => {
  expect(roleSessionName('my-org', 'myapp')).toBe('ecs-codepipeline-my-org-myapp');
  const long = roleSessionName('an-organisation-with-a-long-name', 'a-repository-with-an-even-longer-name');
  expect(long).toHaveLength(64);
  expect(long).toMatch(/^[\w+=,.@-]+$/);
  const roles = parseRoleAllowList('arn:aws:iam::123456789012:role/ecs-codepipeline-*,arn:aws:iam::210987654321:role/reader');
  expect(readerIdentity('us-east-1', '210987654321', roles)).toEqual({ region: 'us-east-1', role: 'arn:aws:iam::210987654321:role/reader', sessionName: EVENTS_SESSION });
  // A pattern names no role to assume; another account, or none, reads as the app itself.
  expect(readerIdentity('us-east-1', '123456789012', roles)).toEqual({ region: 'us-east-1' });
  expect(readerIdentity('us-east-1', undefined, roles)).toEqual({ region: 'us-east-1' });
});
