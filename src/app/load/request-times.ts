/** What one kind of request took to be handled, over a window of recent requests. */
export interface TimesSummary {
  count: number;
  p50?: number;
  p90?: number;
  p99?: number;
  max?: number;
}

/**
 * How long the app took to answer its webhooks and EventBridge posts: from
 * the request's headers read to its answer written, so without the network,
 * the sender, or GitHub and AWS (the answer never waits on them). The last
 * `max` requests are kept, each with a sequence number, so that a caller can
 * ask for the requests since an earlier look (GET /metrics/requests).
 */
export class RequestTimes {
  private readonly kinds: string[] = [];
  private readonly ms: number[] = [];
  private seq = 0;

  constructor(private readonly max = 50_000) {}

  record(kind: string, ms: number): void {
    this.kinds[this.seq % this.max] = kind;
    this.ms[this.seq % this.max] = ms;
    this.seq++;
  }

  /** The sequence number of the next request. */
  get next(): number {
    return this.seq;
  }

  /** Per kind, the requests from sequence number `since` on (those still kept). */
  since(since = 0): Record<string, TimesSummary> {
    const from = Math.max(since, this.seq - this.max, 0);
    const byKind = new Map<string, number[]>();
    for (let i = from; i < this.seq; i++) {
      const k = this.kinds[i % this.max];
      let list = byKind.get(k);
      if (!list) byKind.set(k, (list = []));
      list.push(this.ms[i % this.max]);
    }
    return Object.fromEntries([...byKind].map(([k, list]) => [k, summary(list)]));
  }
}

function summary(list: number[]): TimesSummary {
  const s = [...list].sort((a, b) => a - b);
  const rank = (p: number) => round(s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]);
  return s.length === 0 ? { count: 0 } : { count: s.length, p50: rank(50), p90: rank(90), p99: rank(99), max: round(s[s.length - 1]) };
}

const round = (x: number): number => Math.round(x * 100) / 100;
