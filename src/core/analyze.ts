import { CheckedFile } from './checked-file.js';
import { makeProject, planProjects, type DocSummary } from './group.js';
import type { Project, SourceFile } from './model.js';
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
  const tree = new Set<string>(options.tree ?? options.files.map((f) => f.path));
  const files = options.files.map((f) => new CheckedFile(f));
  const ids: DocId[] = [];
  const summaries: DocSummary[] = [];
  files.forEach((f, i) =>
    f.summaries.forEach((s, k) => {
      ids.push([i, k]);
      summaries.push(s);
    }),
  );
  const projects = planProjects(summaries, tree).map((p) => ({ root: p.root, members: p.members.map((d) => ids[d]) }));
  return mergeFindings(checkProjects({ projects, file: (i) => files[i], tree, rules: options.rules, now: options.now ?? new Date() }));
}

/** A doc of a check: the index of its file, and its index among that file's docs (loadFile's order). */
export type DocId = [number, number];

export interface ProjectPlan {
  root: string;
  members: DocId[];
}

export interface CheckProjectsOptions {
  projects: readonly ProjectPlan[];
  file(index: number): CheckedFile;
  tree: ReadonlySet<string>;
  rules?: readonly Rule[];
  now: Date;
}

/**
 * Checks projects in the order given, each file parsed when a project first
 * needs it and released after the last one; the findings of each project, in
 * that order.
 */
export function checkProjects(o: CheckProjectsOptions): Finding[][] {
  const last = new Map<number, number>();
  o.projects.forEach((p, i) => {
    for (const [file] of p.members) last.set(file, i);
  });
  return o.projects.map((p, i) => {
    const docs = p.members.map(([file, doc]) => o.file(file).docs()[doc]);
    const found = checkProject(makeProject(p.root, docs, o.tree), { rules: o.rules, now: o.now });
    for (const [file] of p.members) if (last.get(file) === i) o.file(file).release();
    return found;
  });
}

export interface CheckProjectOptions {
  rules?: readonly Rule[];
  now: Date;
}

/**
 * Runs the rules over one project; the findings come in the order they were
 * reported. Projects are independent of each other, so they may be checked
 * anywhere (another thread) and merged with mergeFindings in project order.
 */
export function checkProject(project: Project, options: CheckProjectOptions): Finding[] {
  const out: Finding[] = [];
  const now = options.now;
  // One report function per project (not one per rule and project: thousands of projects × 80 rules).
  let rule: Rule | undefined;
  const report = (r: Report) => {
    out.push({
      rule: rule!.id,
      severity: r.severity ?? rule!.severity,
      file: r.doc.path,
      line: r.range.start.line,
      column: r.range.start.column,
      endLine: r.range.end.line,
      endColumn: r.range.end.column,
      message: r.message,
    });
  };
  for (rule of options.rules ?? allRules) {
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
  return out;
}

/**
 * The findings of all projects, given in project order: one per rule, file,
 * position and message (the last one reported wins), sorted.
 */
export function mergeFindings(perProject: Iterable<readonly Finding[]>): Finding[] {
  const findings = new Map<string, Finding>();
  for (const list of perProject) {
    for (const f of list) findings.set(`${f.rule}|${f.file}|${f.line}|${f.column}|${f.message}`, f);
  }
  return [...findings.values()].sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column || ORDER[a.severity] - ORDER[b.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}
