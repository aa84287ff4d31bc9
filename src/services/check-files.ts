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
  return resultOf(input, analyze({ files: input.files, tree: input.tree }));
}

/**
 * Where the checking runs, when not in this thread: the worker-thread adapter
 * (src/adapters/workers) gives the findings of analyze(), in the same order.
 */
export type Analyzer = (input: CheckInput) => Promise<Finding[]>;

/** checkFiles through an analyzer (threads for a large tree). */
export async function checkFilesWith(input: CheckInput, analyzer: Analyzer): Promise<CheckResult> {
  return resultOf(input, await analyzer(input));
}

function resultOf(input: CheckInput, findings: Finding[]): CheckResult {
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
