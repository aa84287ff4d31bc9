/** Times arrive as ISO strings (or epoch milliseconds for `now`); the core never reads a clock. */
export type TimeInput = string | number | undefined;

export function toMillis(t: TimeInput): number | undefined {
  if (typeof t === 'number') return Number.isFinite(t) ? t : undefined;
  if (typeof t !== 'string' || t === '') return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

export function toIso(t: TimeInput): string | undefined {
  const ms = toMillis(t);
  return ms === undefined ? undefined : new Date(ms).toISOString();
}

/** Milliseconds from `start` to `end`, or undefined when either is unknown or the order is wrong. */
export function between(start: TimeInput, end: TimeInput): number | undefined {
  const a = toMillis(start);
  const b = toMillis(end);
  if (a === undefined || b === undefined || b < a) return undefined;
  return b - a;
}

/** `45s`, `3m 12s`, `1h 4m`: what a person reads in a title. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${s % 60}s`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

/**
 * A running duration at minute precision (`under 1m`, `4m`, `1h 4m`), so that
 * it changes rarely; the check run only shows it as of its last update.
 */
export function formatElapsed(ms: number): string {
  const m = Math.floor(Math.max(0, ms) / 60_000);
  if (m < 1) return 'under 1m';
  if (m < 60) return `${m}m`;
  return `${Math.floor(m / 60)}h ${m % 60}m`;
}

/** `14:03 UTC` for a time of day that a summary can show without ticking. */
export function clockUtc(t: TimeInput): string | undefined {
  const iso = toIso(t);
  return iso ? `${iso.slice(11, 16)} UTC` : undefined;
}
