import type { Clock } from '../../services/ports.js';
import type { Foreground } from '../load/foreground.js';
import type { LoopLoad } from '../load/loop-load.js';
import { Permits } from '../load/permits.js';

/**
 * At most `size()` trackers work at once (a tick: reads, rendering, writes);
 * the others wait their turn. A burst of pushes or events then cannot flood
 * the event loop, which keeps answering webhooks and events in time, and the
 * sockets and memory in use stay bounded.
 */
export class Gate {
  private readonly permits: Permits;

  /** `foreground`: while it answers requests, only a couple of trackers work; `load`: fewer while the loop is saturated (load/). */
  constructor(size: () => number, foreground?: Foreground, load?: LoopLoad) {
    this.permits = new Permits(size, foreground, load);
  }

  enter(): Promise<void> {
    return this.permits.acquire();
  }

  leave(): void {
    this.permits.release();
  }
}

interface Sleeper {
  /** Events for the commit (or the execution) since the tracker started. */
  events: number;
  /** The executions the tracker has read (`region/pipeline/execution`). */
  executions: Set<string>;
  /** A wake-up came while the tracker was reading: its next sleep ends at once. */
  pending: boolean;
  /** Holds a place in the gate (between its sleeps). */
  inside: boolean;
  wakeNow?: () => void;
}

/**
 * The polling trackers of this process by commit, so that an EventBridge
 * event wakes the commit's tracker instead of writing beside it (one writer
 * per commit in a process: no two reads racing to GitHub).
 *
 * The poll policy with EventBridge: a tracker polls at the usual interval
 * until the first event for its commit arrives; from then on events drive it
 * (each one ends its sleep at once) and it polls only every
 * `safetySeconds()` as a safety net for a lost event. The tracker still ends
 * with its execution, or at timeout-minutes.
 */
export class Wakeups {
  private readonly sleepers = new Map<string, Set<Sleeper>>();
  private readonly byExecution = new Map<string, Set<Sleeper>>();

  constructor(
    private readonly safetySeconds: () => number,
    private readonly gate?: Gate,
  ) {}

  static key(owner: string, repo: string, sha: string): string {
    return `${owner}/${repo}@${sha}`.toLowerCase();
  }

  static executionKey(region: string, pipeline: string, executionId: string): string {
    return `${region}/${pipeline}/${executionId}`;
  }

  /** Whether a tracker of this commit runs here. */
  has(key: string): boolean {
    return (this.sleepers.get(key)?.size ?? 0) > 0;
  }

  /** Wakes the commit's trackers; false when none runs here. */
  wake(key: string): boolean {
    return this.wakeAll(this.sleepers.get(key));
  }

  /** Wakes the trackers that follow this execution (`executionKey`); false when none does here. */
  wakeExecution(key: string): boolean {
    return this.wakeAll(this.byExecution.get(key));
  }

  private wakeAll(set: Set<Sleeper> | undefined): boolean {
    if (!set || set.size === 0) return false;
    for (const s of set) {
      s.events++;
      if (s.wakeNow) s.wakeNow();
      else s.pending = true;
    }
    return true;
  }

  /**
   * A clock for one tracker of the commit, over `base`; `follow(executionKey)`
   * when it reads an execution (an event for it then wakes the tracker without
   * a read of its own); close() when the tracker ends.
   */
  register(key: string, base: Clock): { clock: Clock; enter(): Promise<void>; follow(executionKey: string): void; close(): void } {
    const s: Sleeper = { events: 0, pending: false, inside: false, executions: new Set() };
    const enter = async (): Promise<void> => {
      if (s.inside || !this.gate) return;
      await this.gate.enter();
      s.inside = true;
    };
    const leave = (): void => {
      if (!s.inside) return;
      s.inside = false;
      this.gate!.leave();
    };
    let set = this.sleepers.get(key);
    if (!set) this.sleepers.set(key, (set = new Set()));
    set.add(s);
    const clock: Clock = {
      now: () => base.now(),
      sleep: async (ms, signal) => {
        if (s.pending || signal?.aborted) {
          s.pending = false;
          return;
        }
        // The place in the gate is for working, not for waiting.
        leave();
        const wait = s.events > 0 ? Math.max(ms, this.safetySeconds() * 1000) : ms;
        const ac = new AbortController();
        const stop = (): void => ac.abort();
        signal?.addEventListener('abort', stop, { once: true });
        s.wakeNow = stop;
        try {
          await base.sleep(wait, ac.signal);
        } finally {
          s.wakeNow = undefined;
          s.pending = false;
          signal?.removeEventListener('abort', stop);
        }
        await enter();
      },
    };
    return {
      clock,
      enter,
      follow: (executionKey) => {
        if (s.executions.has(executionKey)) return;
        s.executions.add(executionKey);
        let followers = this.byExecution.get(executionKey);
        if (!followers) this.byExecution.set(executionKey, (followers = new Set()));
        followers.add(s);
      },
      close: () => {
        leave();
        set.delete(s);
        if (set.size === 0 && this.sleepers.get(key) === set) this.sleepers.delete(key);
        for (const e of s.executions) {
          const followers = this.byExecution.get(e);
          followers?.delete(s);
          if (followers?.size === 0) this.byExecution.delete(e);
        }
      },
    };
  }
}
