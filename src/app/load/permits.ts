import type { Foreground } from './foreground.js';
import type { LoopLoad } from './loop-load.js';

/** Background tasks that may still run while requests are being answered. */
export const WHILE_BUSY = 2;

/**
 * A counting semaphore for background work whose size is read at each
 * admission (the operator's size, lowered by the event loop's load), and
 * which admits no more than WHILE_BUSY tasks while the foreground is busy;
 * waiting tasks get in, in order, as places free up, the foreground quiets
 * down or the loop has room again.
 */
export class Permits {
  private held = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly admitLater = (): void => this.admit();

  /** `load`: the event loop's own limit (loop-load.ts), below `size` when the loop is saturated. */
  constructor(
    private readonly size: () => number,
    private readonly foreground?: Foreground,
    private readonly load?: LoopLoad,
  ) {}

  get running(): number {
    return this.held;
  }

  async acquire(): Promise<void> {
    this.load?.start();
    if (this.waiting.length === 0 && this.held < this.capacity()) {
      this.held++;
      return;
    }
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.retryLater();
    });
  }

  release(): void {
    this.held = Math.max(0, this.held - 1);
    this.admit();
  }

  private capacity(): number {
    const n = Math.min(Math.max(1, this.size()), this.load?.limit ?? Infinity);
    return this.foreground?.busy ? Math.min(n, WHILE_BUSY) : n;
  }

  private admit(): void {
    while (this.waiting.length > 0 && this.held < this.capacity()) {
      this.held++;
      this.waiting.shift()!();
    }
    this.retryLater();
  }

  /** Waiting tasks are let in again when the foreground quiets down or the loop has room. */
  private retryLater(): void {
    if (this.waiting.length === 0) return;
    if (this.foreground?.busy) this.foreground.whenQuiet(this.admitLater);
    if (this.load && this.held >= this.load.limit) this.load.whenRoom(this.admitLater);
  }
}
