import type { Finding, Severity } from '../types.js';
import { byFile, countFindings, countsText, plural } from './counts.js';

export interface TextOptions {
  /** ANSI colours; the caller decides (a terminal, NO_COLOR, FORCE_COLOR). */
  color?: boolean;
}

const SEVERITY_COLOR: Record<Severity, number> = { error: 31, warning: 33, notice: 36 };

function paint(on: boolean, code: number, s: string): string {
  return on ? `\u001b[${code}m${s}\u001b[0m` : s;
}

/** One line per finding, so that a message never breaks the layout. */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * The terminal format: findings grouped by file, one compact line each
 * (`  line:col  severity  message  rule-id`), then a one-line count.
 */
export function renderText(findings: readonly Finding[], options: TextOptions = {}): string {
  const color = options.color === true;
  const out: string[] = [];
  for (const [file, list] of byFile(findings)) {
    out.push(paint(color, 4, file));
    const where = list.map((f) => `${f.line}:${f.column}`);
    const width = Math.max(...where.map((w) => w.length));
    list.forEach((f, i) => {
      const sev = paint(color, SEVERITY_COLOR[f.severity], f.severity.padEnd(7));
      out.push(`  ${paint(color, 2, where[i].padEnd(width))}  ${sev}  ${oneLine(f.message)}  ${paint(color, 2, f.rule)}`);
    });
    out.push('');
  }
  out.push(summaryLine(findings, color));
  return out.join('\n') + '\n';
}

function summaryLine(findings: readonly Finding[], color: boolean): string {
  if (findings.length === 0) return paint(color, 32, '✔ No problems found');
  const counts = countFindings(findings);
  const files = byFile(findings).size;
  const line = `✖ ${plural(findings.length, 'problem')} (${countsText(counts)}) in ${plural(files, 'file')}`;
  return paint(color, counts.error > 0 ? 31 : counts.warning > 0 ? 33 : 36, line);
}
