import type { Example, Rule } from '../rules/rule.js';
import { ruleAnchor } from './links.js';
import { cell } from './summary.js';

/** Families in the order of the registry, named for the reader. */
const FAMILIES: [prefix: string, name: string][] = [
  ['CFG', 'Any file'],
  ['DF', 'Dockerfile'],
  ['BS', 'buildspec.yml'],
  ['TD', 'Task definition (taskdef.json)'],
  ['AS', 'AppSpec (appspec.yaml)'],
  ['ID', 'imageDetail.json'],
  ['PL', 'Pipeline definition (JSON)'],
  ['XF', 'Across files'],
];

const SEVERITY_TEXT = {
  error: 'error — the build, the registration or the deployment fails',
  warning: 'warning — it runs, but not as intended',
  notice: 'notice — hygiene and best practice',
} as const;

function familyOf(id: string): string {
  return id.split('-')[0];
}

function fenceLanguage(file: string): string {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.ya?ml$/i.test(file)) return 'yaml';
  if (/(^|\/)(Dockerfile|Containerfile)|\.dockerfile$/i.test(file)) return 'dockerfile';
  return '';
}

/** A fence longer than any run of backticks in the text, so that examples may hold any. */
function fenced(example: Example): string {
  const longest = Math.max(0, ...(example.text.match(/`+/g) ?? []).map((t) => t.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = example.text.endsWith('\n') ? example.text : example.text + '\n';
  return `${fence}${fenceLanguage(example.file)}\n${body}${fence}`;
}

function examples(label: string, list: readonly Example[]): string[] {
  const out: string[] = [];
  for (const e of list) out.push(`${label} — \`${e.file}\`:`, '', fenced(e), '');
  return out;
}

/** Titles in headings and tables: one line, Markdown punctuation escaped outside code spans. */
function inline(s: string): string {
  return cell(s);
}

/**
 * Prose is the rule author's Markdown (code spans, emphasis); only a `<`
 * outside code spans is escaped, so that `<IMAGE1_NAME>` is not taken for HTML.
 */
function prose(s: string): string {
  return s
    .trim()
    .split(/(`+[^`]*?`+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;')))
    .join('');
}

/**
 * docs/rules.md, generated from the registry: an index, then per family each
 * rule with its anchor (the one SARIF helpUri and the job summary link to),
 * severity, what, why, and bad and good examples.
 */
export function renderRulesDoc(rules: readonly Rule[]): string {
  const out: string[] = [
    '# Rules',
    '',
    '<!-- Generated from src/core/rules by scripts/gen-rules-doc.mjs; edit the rules\' `docs`, not this file. -->',
    '',
    `\`ecs-codepipeline check\` knows ${rules.length} rules. Each finding names its rule id; this page says what the rule checks, why it matters, and shows a file that triggers it and one that does not.`,
    '',
    'Severities:',
    '',
    ...(['error', 'warning', 'notice'] as const).map((s) => `- **${SEVERITY_TEXT[s]}**`),
    '',
    '| Rule | Title | Severity | Files |',
    '| --- | --- | --- | --- |',
    ...rules.map((r) => `| [${r.id}](#${ruleAnchor(r.id)}) | ${inline(r.title)} | ${r.severity} | ${r.files.join(', ')} |`),
    '',
  ];
  const known = new Set(FAMILIES.map(([p]) => p));
  const families: [string, string][] = [...FAMILIES];
  for (const r of rules) {
    const p = familyOf(r.id);
    if (!known.has(p)) {
      known.add(p);
      families.push([p, p]);
    }
  }
  for (const [prefix, name] of families) {
    const members = rules.filter((r) => familyOf(r.id) === prefix);
    if (members.length === 0) continue;
    out.push(`## ${name}`, '');
    for (const r of members) {
      out.push(
        `<a id="${ruleAnchor(r.id)}"></a>`,
        '',
        `### ${r.id}: ${inline(r.title)}`,
        '',
        `**Severity:** ${r.severity} · **Files:** ${r.files.join(', ')}`,
        '',
        prose(r.docs.what),
        '',
        `**Why:** ${prose(r.docs.why)}`,
        '',
        ...examples('Bad', r.docs.bad),
        ...examples('Good', r.docs.good),
      );
    }
  }
  return out.join('\n').trimEnd() + '\n';
}
