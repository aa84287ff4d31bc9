import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Foreground, watchRequests } from '../../../src/app/load/foreground.js';
import { Permits, WHILE_BUSY } from '../../../src/app/load/permits.js';
import { RequestTimes } from '../../../src/app/load/request-times.js';
import { LoopLoad } from '../../../src/app/load/loop-load.js';
import { metricsHandler } from '../../../src/app/http/metrics.js';

/**
 * Background work steps back while webhooks and EventBridge posts are being
 * answered: the foreground is counted through Node's HTTP diagnostics
 * channel, and the permits admit only WHILE_BUSY tasks meanwhile.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Acquires `n` permits; returns the order in which they were granted. */
function contenders(p: Permits, n: number): { granted: number[]; all: Promise<void[]> } {
  const granted: number[] = [];
  const all = Promise.all(Array.from({ length: n }, (_, i) => p.acquire().then(() => void granted.push(i))));
  return { granted, all };
}

test('without a foreground the permits are a plain semaphore, first come first served', async () => {
  const p = new Permits(() => 3);
  const c = contenders(p, 5);
  await sleep(5);
  expect(c.granted).toEqual([0, 1, 2]);
  p.release();
  await sleep(1);
  expect(c.granted).toEqual([0, 1, 2, 3]);
  p.release();
  await c.all;
  expect(c.granted).toEqual([0, 1, 2, 3, 4]);
  expect(p.running).toBe(3);
});

test('while the foreground is busy only a couple of tasks run; the others start once it is quiet', async () => {
  const fg = new Foreground(10);
  const p = new Permits(() => 16, fg);
  fg.enter();
  const c = contenders(p, 6);
  await sleep(30);
  expect(c.granted).toHaveLength(WHILE_BUSY);
  fg.leave();
  // Still busy for the grace period: the next request of a burst is close.
  expect(fg.busy).toBe(true);
  await c.all;
  expect(c.granted).toEqual([0, 1, 2, 3, 4, 5]);
  expect(fg.busy).toBe(false);
});

test('a task released while the foreground is busy lets in only up to the busy share', async () => {
  const fg = new Foreground(10);
  const p = new Permits(() => 4, fg);
  const first = contenders(p, 4);
  await first.all;
  fg.enter();
  const later = contenders(p, 3);
  for (let i = 0; i < 4; i++) p.release();
  await sleep(5);
  expect(later.granted).toHaveLength(WHILE_BUSY);
  fg.leave();
  await later.all;
  expect(later.granted).toHaveLength(3);
});

test('POSTs to the watched paths count as foreground until answered; other requests do not', async () => {
  const fg = new Foreground(5);
  const unwatch = watchRequests(fg, ['/api/github/webhooks', '/eventbridge']);
  let release!: () => void;
  const answered = new Promise<void>((r) => (release = r));
  const seen: boolean[] = [];
  let arrived!: () => void;
  const inHandler = new Promise<void>((r) => (arrived = r));
  const server = createServer(async (req, res) => {
    seen.push(fg.busy);
    if (req.url?.startsWith('/api/github/webhooks')) {
      arrived();
      await answered;
    }
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await (await fetch(`${url}/ping`)).text();
    await (await fetch(`${url}/other`, { method: 'POST', body: '{}' })).text();
    expect(seen).toEqual([false, false]);
    const webhook = fetch(`${url}/api/github/webhooks?x=1`, { method: 'POST', body: '{}' });
    await inHandler;
    await sleep(20);
    expect(fg.busy).toBe(true);
    release();
    await (await webhook).text();
    await sleep(20);
    expect(fg.busy).toBe(false);
    unwatch();
    // No longer counted once unwatched.
    await (await fetch(`${url}/eventbridge`, { method: 'POST', body: '{}' })).text();
    expect(seen[seen.length - 1]).toBe(false);
  } finally {
    unwatch();
    server.close();
  }
});

test('GET /metrics/requests: how long the webhooks and EventBridge posts took, per path, since an earlier look', async () => {
  const fg = new Foreground(5);
  const times = new RequestTimes();
  const unwatch = watchRequests(fg, ['/api/github/webhooks', '/eventbridge'], times);
  const metrics = metricsHandler(times);
  const server = createServer(async (req, res) => {
    if (await metrics(req, res)) return;
    if (req.url === '/api/github/webhooks') await sleep(30);
    res.end('ok');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = async (q = '') => {
    const res = await fetch(`${url}/metrics/requests${q}`);
    return { status: res.status, body: res.status === 200 ? ((await res.json()) as { next: number; requests: Record<string, { count: number; p50?: number; max?: number }> }) : await res.text() };
  };
  try {
    for (const path of ['/api/github/webhooks', '/api/github/webhooks', '/eventbridge']) await (await fetch(`${url}${path}`, { method: 'POST', body: '{}' })).text();
    const first = await get();
    expect(first.status).toBe(200);
    const body = first.body as { next: number; requests: Record<string, { count: number; p50?: number; max?: number }> };
    expect(body.next).toBe(3);
    expect(body.requests['/api/github/webhooks'].count).toBe(2);
    expect(body.requests['/api/github/webhooks'].p50).toBeGreaterThanOrEqual(25);
    expect(body.requests['/eventbridge'].count).toBe(1);
    expect(body.requests['/eventbridge'].max).toBeLessThan(25);
    // The metrics route itself is not counted, and a later look sees only what came after.
    expect((await get(`?since=${body.next}`)).body).toEqual({ next: 3, requests: {} });
    expect((await get('?since=-1')).status).toBe(400);
    expect((await fetch(`${url}/metrics/requests`, { method: 'POST' })).status).toBe(405);
  } finally {
    unwatch();
    server.close();
  }
});

test('the window keeps the last requests only', () => {
  const t = new RequestTimes(3);
  for (const ms of [100, 1, 2, 3]) t.record('/eventbridge', ms);
  expect(t.since(0)).toEqual({ '/eventbridge': { count: 3, p50: 2, p90: 3, p99: 3, max: 3 } });
  expect(t.next).toBe(4);
});

test('the loop load halves the limit while the loop is saturated and gives it back one by one', () => {
  const readings = [0.95, 0.95, 0.5, 0.8, 0.5, 0.5, 0.1];
  const load = new LoopLoad({ max: () => 8, utilization: () => readings.shift() ?? 0 });
  const limits: number[] = [];
  for (let i = 0; i < 7; i++) {
    load.look();
    limits.push(load.limit);
  }
  // Saturated twice (8 → 4 → 2), room (3), in between (3), room (4, 5), room but …
  expect(limits).toEqual([4, 2, 3, 3, 4, 5, 6]);
  // … never above the operator's concurrency, even when it is lowered meanwhile.
  const capped = new LoopLoad({ max: () => 2, utilization: () => 0 });
  capped.look();
  expect(capped.limit).toBe(2);
  load.stop();
});

test('permits under a saturated loop admit up to its limit, and the waiting tasks as it grows', async () => {
  const readings = [0.99, 0.99, 0.99, 0, 0, 0];
  const load = new LoopLoad({ max: () => 8, utilization: () => readings.shift() ?? 0 });
  for (let i = 0; i < 3; i++) load.look();
  expect(load.limit).toBe(1);
  const p = new Permits(() => 8, undefined, load);
  const c = contenders(p, 3);
  await sleep(1);
  expect(c.granted).toEqual([0]);
  load.look();
  await sleep(1);
  expect(c.granted).toEqual([0, 1]);
  load.look();
  await c.all;
  expect(c.granted).toEqual([0, 1, 2]);
  load.stop();
});
