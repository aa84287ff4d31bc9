import type { Finding } from '../types.js';

/**
 * `--format json`: exactly one object `{"findings": [...]}` whose entries
 * have the documented keys in a fixed order, whatever else a Finding carries.
 */
export function renderJson(findings: readonly Finding[]): string {
  const out = findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    message: f.message,
  }));
  return JSON.stringify({ findings: out }, null, 2) + '\n';
}
