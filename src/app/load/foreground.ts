import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestTimes } from './request-times.js';

/**
 * The requests the app has in hand (webhooks, EventBridge posts), so that the
 * work they cause in the background (trackers' reads and writes, event
 * reads) steps back while they are answered: GitHub gives a webhook ten
 * seconds, and a burst of pushes must not wait behind the trackers of the
 * pushes before it. The background catches up once the burst is answered.
 */
export class Foreground {
  private inFlight = 0;
  private quietSince = 0;
  private readonly onQuiet = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `graceMs`: how long after the last answer the foreground still counts as busy (the next request of a burst is close). */
  constructor(private readonly graceMs = 20) {}

  enter(): void {
    this.inFlight++;
  }

  leave(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight === 0) {
      this.quietSince = Date.now();
      this.schedule();
    }
  }

  get busy(): boolean {
    return this.inFlight > 0 || Date.now() - this.quietSince < this.graceMs;
  }

  /** Calls `f` once the foreground is quiet (each function once, however often it asks). */
  whenQuiet(f: () => void): void {
    this.onQuiet.add(f);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.onQuiet.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.busy) return this.schedule();
      const waiting = [...this.onQuiet];
      this.onQuiet.clear();
      for (const f of waiting) f();
    }, this.graceMs);
    // Waiting background work never keeps a stopping process alive on its own.
    this.timer.unref?.();
  }
}

interface RequestStart {
  request: IncomingMessage;
  response: ServerResponse;
}

const REQUEST_START = 'http.server.request.start';

/**
 * Counts the POSTs to `paths` that any HTTP server of this process receives,
 * through Node's diagnostics channel: it works the same under Probot's own
 * server and a host's; `times` gets how long each took. Returns the function
 * that stops counting.
 */
export function watchRequests(foreground: Foreground, paths: readonly string[], times?: RequestTimes): () => void {
  const listener = (message: unknown): void => {
    const { request, response } = message as RequestStart;
    if (request.method !== 'POST') return;
    const path = (request.url ?? '').split('?')[0];
    if (!paths.includes(path)) return;
    const start = performance.now();
    foreground.enter();
    response.once('close', () => {
      foreground.leave();
      times?.record(path, performance.now() - start);
    });
  };
  subscribe(REQUEST_START, listener);
  return () => unsubscribe(REQUEST_START, listener);
}
