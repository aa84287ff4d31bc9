import type { Foreground } from './foreground.js';

/** Background tasks that may still run while requests are being answered. */
export const WHILE_BUSY = 2;

/**
 * A counting semaphore for background work whose size is read at each
 * admission, and which admits no more than WHILE_BUSY tasks while the
 * foreground is busy; waiting tasks get in, in order, as places free up or
 * the foreground quiets down.
 */
export class Permits {
  private held = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly admitLater = (): void => this.admit();

  constructor(
    private readonly size: () => number,
    private readonly foreground?: Foreground,
  ) {}

  get running(): number {
    return this.held;
  }

  async acquire(): Promise<void> {
    if (this.waiting.length === 0 && this.held < this.capacity()) {
      this.held++;
      return;
    }
    await new Promise<void>((resolve) => {
      this.waiting.push(resolve);
      this.retryWhenQuiet();
    });
  }

  release(): void {
    this.held = Math.max(0, this.held - 1);
    this.admit();
  }

  private capacity(): number {
    const n = Math.max(1, this.size());
    return this.foreground?.busy ? Math.min(n, WHILE_BUSY) : n;
  }

  private admit(): void {
    while (this.waiting.length > 0 && this.held < this.capacity()) {
      this.held++;
      this.waiting.shift()!();
    }
    this.retryWhenQuiet();
  }

  private retryWhenQuiet(): void {
    if (this.waiting.length > 0 && this.foreground?.busy) this.foreground.whenQuiet(this.admitLater);
  }
}
