import { analyze } from '../../src/core/analyze.js';
import type { SourceFile } from '../../src/core/model.js';
import type { Rule } from '../../src/core/rules/rule.js';
import type { Finding } from '../../src/core/types.js';

const SEVERITIES = new Set(['error', 'warning', 'notice']);

/** What is wrong with a list of findings, whatever the input: empty when all is well. */
export function insaneFindings(files: readonly SourceFile[], findings: readonly Finding[]): string[] {
  const paths = new Set(files.map((f) => f.path));
  const out: string[] = [];
  for (const f of findings) {
    const where = `${f.rule} at ${f.file}:${f.line}:${f.column}-${f.endLine}:${f.endColumn}`;
    if (/^internal error in rule/.test(f.message)) out.push(`${where}: ${f.message}`);
    if (!paths.has(f.file)) out.push(`${where}: not one of the files given`);
    if (!SEVERITIES.has(f.severity)) out.push(`${where}: severity ${String(f.severity)}`);
    if (typeof f.message !== 'string' || f.message.trim() === '') out.push(`${where}: empty message`);
    for (const n of [f.line, f.column, f.endLine, f.endColumn]) {
      if (!Number.isInteger(n) || n < 1) out.push(`${where}: position ${n} is not an integer ≥ 1`);
    }
    if (f.endLine < f.line || (f.endLine === f.line && f.endColumn < f.column)) out.push(`${where}: ends before it starts`);
  }
  return out;
}

export interface Outcome {
  findings: Finding[];
  /** An exception analyze() let through, or insane findings. */
  problems: string[];
  ms: number;
}

/** Runs analyze() and says what went wrong, never throwing itself. */
export function checkSafely(files: SourceFile[], rules?: readonly Rule[]): Outcome {
  const start = performance.now();
  try {
    const findings = analyze({ files, rules });
    return { findings, problems: insaneFindings(files, findings), ms: performance.now() - start };
  } catch (e) {
    const err = e as Error;
    return { findings: [], problems: [`analyze() threw ${err?.name}: ${err?.message}\n${err?.stack?.split('\n').slice(1, 6).join('\n')}`], ms: performance.now() - start };
  }
}
