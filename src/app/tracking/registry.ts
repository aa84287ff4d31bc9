import { Foreground } from '../load/foreground.js';
import { LoopLoad } from '../load/loop-load.js';
import { KeyedLock } from './locks.js';
import { trackingSettings } from './settings.js';
import { Gate, Wakeups } from './wake.js';

/**
 * The trackers running in this process, keyed by repository, commit and check
 * name: a redelivered webhook, or `push` and a re-run arriving together, join
 * the tracker already running instead of starting a second one. Across
 * replicas the check runs themselves (create-or-update by name) keep GitHub
 * free of duplicates.
 */
export class Trackers {
  private readonly running = new Map<string, Promise<void>>();

  get size(): number {
    return this.running.size;
  }

  has(key: string): boolean {
    return this.running.has(key.toLowerCase());
  }

  /** Runs `f` in the background unless `key` already runs; false when it did. Errors are `f`'s to handle. */
  start(key: string, f: () => Promise<void>): boolean {
    const k = key.toLowerCase();
    if (this.running.has(k)) return false;
    const p = Promise.resolve()
      .then(f)
      .catch(() => undefined)
      .finally(() => this.running.delete(k));
    this.running.set(k, p);
    return true;
  }

  /** Resolves when nothing runs any more (trackers started meanwhile included). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }
}

export const trackers = new Trackers();

/**
 * The webhooks and EventBridge posts this process is answering: background
 * work steps back while there are any (load/foreground.ts). The servers
 * count them (server.ts); nothing counts in a process without one.
 */
export const foreground = new Foreground();

/** The trackers' sleeps by commit, woken by EventBridge events, and how many work at once (wake.ts). */
export const wakeups = new Wakeups(
  () => trackingSettings.safetyPollSeconds,
  new Gate(() => trackingSettings.concurrency, foreground, new LoopLoad({ max: () => trackingSettings.concurrency })),
);

/** Writes that may create a commit's check runs, one at a time per commit (`owner/repo@sha`). */
export const commitLocks = new KeyedLock();
