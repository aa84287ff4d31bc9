import { performance } from 'node:perf_hooks';

/** How busy the event loop was since the last look (0 idle … 1 never idle). */
export type Utilization = () => number;

/** performance.eventLoopUtilization() since the previous call. */
export function loopUtilization(): Utilization {
  let last = performance.eventLoopUtilization();
  return () => {
    const now = performance.eventLoopUtilization();
    const delta = performance.eventLoopUtilization(now, last);
    last = now;
    return delta.utilization;
  };
}

export interface LoopLoadOptions {
  /** The most background tasks ever allowed (the operator's concurrency). */
  max: () => number;
  utilization?: Utilization;
  /** How often the loop is looked at. Default 100 ms. */
  intervalMs?: number;
  /** Above this the loop is saturated: halve the limit. Default 0.9. */
  high?: number;
  /** Below this there is room: one task more. Default 0.7. */
  low?: number;
}

/**
 * How many background tasks may run at once, adapted to the event loop: when
 * the loop is saturated (the trackers' answers are parsed and rendered on the
 * same thread that reads requests) the limit halves, and it grows again by one
 * per look while there is room, up to the operator's concurrency. With GitHub
 * and AWS far away the tasks mostly wait and the limit stays at the top; with
 * them close, the tasks are CPU-bound and a few at a time keep answers fast.
 */
export class LoopLoad {
  private current: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly onRoom = new Set<() => void>();
  private readonly utilization: Utilization;

  constructor(private readonly o: LoopLoadOptions) {
    this.current = Math.max(1, o.max());
    this.utilization = o.utilization ?? loopUtilization();
  }

  /** The current limit (adapted once background work has started: start()). */
  get limit(): number {
    return Math.min(this.current, Math.max(1, this.o.max()));
  }

  /** Calls `f` when the limit grows (each function once). */
  whenRoom(f: () => void): void {
    this.onRoom.add(f);
    this.start();
  }

  /** One look at the loop (the timer's work; tests call it directly). */
  look(): void {
    const max = Math.max(1, this.o.max());
    const u = this.utilization();
    const before = this.current;
    if (u > (this.o.high ?? 0.9)) this.current = Math.max(1, Math.ceil(this.current / 2));
    else if (u < (this.o.low ?? 0.7)) this.current = Math.min(max, this.current + 1);
    this.current = Math.min(this.current, max);
    if (this.current > before) {
      const waiting = [...this.onRoom];
      this.onRoom.clear();
      for (const f of waiting) f();
    }
  }

  /** Looks at the loop from now on; the timer never keeps a stopping process alive. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.look(), this.o.intervalMs ?? 100);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
