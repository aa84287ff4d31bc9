import type { Finding, Severity } from '../types.js';

export type Counts = Record<Severity, number>;

export function countFindings(findings: readonly Finding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** `1 error`, `2 warnings`, `0 notices`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `3 errors, 1 warning, 0 notices`. */
export function countsText(counts: Counts): string {
  return [plural(counts.error, 'error'), plural(counts.warning, 'warning'), plural(counts.notice, 'notice')].join(', ');
}

/** Findings grouped by file, files in first-seen order (the engine sorts by file). */
export function byFile(findings: readonly Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.file);
    if (list) list.push(f);
    else groups.set(f.file, [f]);
  }
  return groups;
}
