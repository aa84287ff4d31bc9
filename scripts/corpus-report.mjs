#!/usr/bin/env node
/**
 * Prints the findings on the real-world corpus (../shared/corpus) file by file,
 * each with the source line it points at, for a person to review before the
 * snapshot (test/corpus/findings.json) is accepted.
 *
 *   npm run build && node scripts/corpus-report.mjs          live, from build/
 *   node scripts/corpus-report.mjs --snapshot                 what the snapshot holds
 *   node scripts/corpus-report.mjs --rule TD-05 --only-findings
 *   node scripts/corpus-report.mjs --build /tmp/other-build    another tsc output folder
 *
 * Groups are checked as the jest test does: the files of one repository
 * together, under their original paths.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
if (flag('--help') || flag('-h')) {
  console.log('usage: node scripts/corpus-report.mjs [--snapshot] [--build DIR] [--rule ID] [--only-findings]');
  process.exit(0);
}

const root = process.cwd();
const corpus = resolve(root, option('--corpus') ?? '../shared/corpus');
const snapshotPath = resolve(root, 'test/corpus/findings.json');
if (!existsSync(join(corpus, 'SOURCES.tsv'))) {
  console.error(`no corpus at ${corpus} (expected ../shared/corpus beside the repository)`);
  process.exit(2);
}

const [header, ...lines] = readFileSync(join(corpus, 'SOURCES.tsv'), 'utf8').split(/\r?\n/).filter((l) => l.trim());
const cols = header.split('\t');
const files = lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i], v])));
const groups = new Map();
for (const f of files) {
  const name = (f.group ?? '').trim() || f.file;
  groups.set(name, [...(groups.get(name) ?? []), f]);
}

/** Findings by corpus file, either from the snapshot or from a live run. */
async function findingsByFile() {
  if (flag('--snapshot')) {
    if (!existsSync(snapshotPath)) throw new Error(`no snapshot at ${snapshotPath}`);
    return { byFile: JSON.parse(readFileSync(snapshotPath, 'utf8')), kinds: undefined, ms: undefined };
  }
  const build = resolve(root, option('--build') ?? 'build');
  const entry = join(build, 'core/analyze.js');
  if (!existsSync(entry)) {
    console.error(`${entry} not found: run \`npm run build\` first (or pass --snapshot)`);
    process.exit(2);
  }
  const { analyze } = await import(pathToFileURL(entry).href);
  const { loadFile } = await import(pathToFileURL(join(build, 'core/config/load.js')).href);
  const byFile = {};
  const kinds = {};
  const start = performance.now();
  for (const [, members] of groups) {
    const sources = members.map((f) => ({ path: f.path, bytes: readFileSync(join(corpus, f.file)) }));
    const fileOf = new Map(members.map((f) => [f.path, f.file]));
    for (const f of members) byFile[f.file] = [];
    for (const x of analyze({ files: sources })) {
      const key = fileOf.get(x.file) ?? `?${x.file}`;
      (byFile[key] ??= []).push({ rule: x.rule, severity: x.severity, line: x.line, column: x.column, message: x.message });
    }
    for (const s of sources) kinds[fileOf.get(s.path)] = loadFile(s).map((d) => d.kind + (d.embedded ? ` (${d.name}, embedded)` : ''));
  }
  return { byFile, kinds, ms: performance.now() - start };
}

const { byFile, kinds, ms } = await findingsByFile();
const ruleFilter = option('--rule');
const onlyFindings = flag('--only-findings');
const colour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
const sev = { error: (s) => paint(31, s), warning: (s) => paint(33, s), notice: (s) => paint(36, s) };

const perRule = new Map();
const filesPerRule = new Map();
for (const [name, members] of groups) {
  const blocks = [];
  for (const f of members) {
    const list = (byFile[f.file] ?? []).filter((x) => !ruleFilter || x.rule === ruleFilter);
    for (const x of list) {
      perRule.set(x.rule, (perRule.get(x.rule) ?? 0) + 1);
      filesPerRule.set(x.rule, (filesPerRule.get(x.rule) ?? new Set()).add(f.file));
    }
    if (onlyFindings && list.length === 0) continue;
    const text = readFileSync(join(corpus, f.file), 'utf8').split(/\r?\n/);
    const detected = kinds ? ` → ${kinds[f.file]?.join(', ') || 'not detected'}` : '';
    const out = [`  ${paint(1, f.path)}  [${f.kind}${detected}]  ${paint(2, f.file)}`];
    for (const x of list) {
      out.push(`    ${String(x.line).padStart(4)}:${String(x.column).padEnd(3)} ${sev[x.severity]?.(x.severity.padEnd(7)) ?? x.severity} ${x.rule.padEnd(7)} ${x.message}`);
      const src = text[x.line - 1];
      if (src !== undefined) out.push(paint(2, `             | ${src.length > 160 ? src.slice(0, 160) + '…' : src}`));
    }
    if (list.length === 0) out.push(paint(2, '    (no findings)'));
    blocks.push(out.join('\n'));
  }
  if (blocks.length === 0) continue;
  const repos = [...new Set(members.map((f) => f.repo))].join(', ');
  console.log(`\n${paint(1, `== ${name}`)}  ${paint(2, repos)}\n${blocks.join('\n')}`);
}

console.log(`\n== summary: ${files.length} files in ${groups.size} groups${ms === undefined ? ' (from the snapshot)' : `, checked in ${ms.toFixed(0)} ms`}`);
for (const [rule, n] of [...perRule].sort((a, b) => b[1] - a[1])) {
  console.log(`  ${rule.padEnd(8)} ${String(n).padStart(4)} findings in ${String(filesPerRule.get(rule).size).padStart(3)} files`);
}
const silent = files.filter((f) => (byFile[f.file] ?? []).length === 0).length;
console.log(`  ${silent} of ${files.length} files have no findings`);
