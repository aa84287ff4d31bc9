import { loadFile } from './config/load.js';
import { groupDocs } from './group.js';
import type { Doc, SourceFile } from './model.js';
import { rules as allRules } from './rules/index.js';
import type { Report, Rule } from './rules/rule.js';
import type { Finding, Severity } from './types.js';

export interface AnalyzeOptions {
  files: SourceFile[];
  /** Every path in the checked tree (relative, `/`), for rules that ask whether a file exists. */
  tree?: Iterable<string>;
  rules?: readonly Rule[];
  /** The day of the check; the caller's clock (defaults to the current time). */
  now?: Date;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/**
 * The checker: parses the files, groups them into pipelines and runs every
 * rule. Pure: what to read is the caller's business.
 */
export function analyze(options: AnalyzeOptions): Finding[] {
  const docs: Doc[] = options.files.flatMap(loadFile);
  const tree = new Set<string>(options.tree ?? options.files.map((f) => f.path));
  const projects = groupDocs(docs, tree);
  const findings = new Map<string, Finding>();
  const now = options.now ?? new Date();
  for (const project of projects) {
    for (const rule of options.rules ?? allRules) {
      const report = (r: Report) => {
        const f: Finding = {
          rule: rule.id,
          severity: r.severity ?? rule.severity,
          file: r.doc.path,
          line: r.range.start.line,
          column: r.range.start.column,
          endLine: r.range.end.line,
          endColumn: r.range.end.column,
          message: r.message,
        };
        findings.set(`${f.rule}|${f.file}|${f.line}|${f.column}|${f.message}`, f);
      };
      try {
        rule.check({ project, report, now });
      } catch (e) {
        // A rule bug must not hide the other findings; it is reported where the user sees it.
        const doc = project.docs[0];
        if (doc) {
          report({
            doc,
            range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
            message: `internal error in rule ${rule.id} (${(e as Error).message}); please report it with this file`,
            severity: 'notice',
          });
        }
      }
    }
  }
  return [...findings.values()].sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || ORDER[a.severity] - ORDER[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
