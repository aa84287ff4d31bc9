import { analyze } from '../core/analyze.js';
import type { SourceFile } from '../core/model.js';
import type { Finding, Severity } from '../core/types.js';

export interface CheckInput {
  files: SourceFile[];
  tree?: string[];
}

export interface CheckResult {
  findings: Finding[];
  /** Files that were looked at (read and of a known kind or not). */
  filesRead: number;
  counts: Record<Severity, number>;
}

/** Runs the checker over files an adapter has read (disk, or the GitHub API). */
export function checkFiles(input: CheckInput): CheckResult {
  const findings = analyze({ files: input.files, tree: input.tree });
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return { findings, filesRead: input.files.length, counts };
}

export type FailOn = 'error' | 'warning' | 'never';

/** Whether findings reach the `fail-on` threshold. */
export function failsAt(counts: Record<Severity, number>, failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return counts.error > 0 || (failOn === 'warning' && counts.warning > 0);
}
