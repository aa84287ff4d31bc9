import type { Foreground } from '../load/foreground.js';
import type { LoopLoad } from '../load/loop-load.js';
import { Permits } from '../load/permits.js';

interface Job<T> {
  value: T;
  resolve(): void;
  reject(e: unknown): void;
  done: Promise<void>;
}

function job<T>(value: T): Job<T> {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // A background job's failure is the handler's to log; nobody may be waiting for it.
  done.catch(() => undefined);
  return { value, resolve, reject, done };
}

/**
 * Work per key, one at a time and in order, where only the newest waiting
 * item matters: an item submitted while another waits for its key replaces
 * it (both submitters get the one run's outcome). At most `concurrency` keys
 * run at once across the queue.
 */
export class LatestQueue<T> {
  private readonly slots = new Map<string, { next?: Job<T>; running: boolean }>();
  private readonly permits: Permits;
  private readonly drained: Array<() => void> = [];
  /** Items replaced before they ran. */
  replaced = 0;

  /** `foreground`: while it answers requests, only a couple of items run; `load`: fewer while the loop is saturated (load/). */
  constructor(
    private readonly run: (value: T) => Promise<void>,
    concurrency: number,
    foreground?: Foreground,
    load?: LoopLoad,
  ) {
    this.permits = new Permits(() => concurrency, foreground, load);
  }

  /** Resolves when the run that covers `value` has ended (rejects with its error). */
  submit(key: string, value: T): Promise<void> {
    let slot = this.slots.get(key);
    if (!slot) this.slots.set(key, (slot = { running: false }));
    if (slot.next) {
      this.replaced++;
      slot.next.value = value;
      return slot.next.done;
    }
    const j = job(value);
    slot.next = j;
    if (!slot.running) void this.pump(key, slot);
    return j.done;
  }

  /** Resolves when nothing waits or runs. */
  idle(): Promise<void> {
    return this.slots.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => this.drained.push(resolve));
  }

  private async pump(key: string, slot: { next?: Job<T>; running: boolean }): Promise<void> {
    slot.running = true;
    while (slot.next) {
      const j = slot.next;
      slot.next = undefined;
      await this.permits.acquire();
      try {
        await this.run(j.value);
        j.resolve();
      } catch (e) {
        j.reject(e);
      } finally {
        this.permits.release();
      }
    }
    slot.running = false;
    this.slots.delete(key);
    if (this.slots.size === 0) for (const d of this.drained.splice(0)) d();
  }
}
