import type { Rule } from '../rules/rule.js';
import type { Finding } from '../types.js';

/**
 * Workflow-command escaping, as the runner unescapes it: the message may hold
 * anything but line breaks and `%`; property values also not `:` and `,`.
 */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** The annotation title: `TD-05: Fargate cpu/memory pair`, or the bare id for an unknown rule. */
export function annotationTitle(finding: Finding, lookup: (id: string) => Rule | undefined): string {
  const rule = lookup(finding.rule);
  return rule ? `${rule.id}: ${rule.title}` : finding.rule;
}

/**
 * `--format github`: one `::error` / `::warning` / `::notice` workflow
 * command per finding, which the Actions runner turns into annotations.
 */
export function renderGithub(findings: readonly Finding[], lookup: (id: string) => Rule | undefined): string {
  return findings
    .map((f) => {
      const props: [string, string | number][] = [
        ['file', f.file],
        ['line', f.line],
        ['col', f.column],
        ['endLine', f.endLine],
        ['endColumn', f.endColumn],
        ['title', annotationTitle(f, lookup)],
      ];
      const p = props.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
      return `::${f.severity} ${p}::${escapeData(f.message)}\n`;
    })
    .join('');
}
