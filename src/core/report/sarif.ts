import type { Rule } from '../rules/rule.js';
import type { Finding, Severity } from '../types.js';
import { DEFAULT_DOCS_URL, ruleUrl } from './links.js';

export interface SarifOptions {
  /** Every rule the checker knows, so that code scanning can describe each result. */
  rules: readonly Rule[];
  /** The tool's version (package.json). */
  version: string;
  /** Base URL of docs/rules.md; rule anchors are appended. */
  docsUrl?: string;
}

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' };
/** GitHub code scanning reads `problem.severity` for the severity it shows. */
const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', notice: 'recommendation' };

/** `Fargate cpu/memory pair` → `FargateCpuMemoryPair`: SARIF wants an identifier-like name. */
export function ruleName(rule: Rule): string {
  const name = rule.title
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
  return name || rule.id.replace(/[^A-Za-z0-9]/g, '');
}

/** A path relative to the repository as a URI reference: `/` kept, everything else that needs it encoded. */
export function pathToUri(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

function sarifRule(rule: Rule, docsUrl: string) {
  const helpUri = ruleUrl(rule.id, docsUrl);
  return {
    id: rule.id,
    name: ruleName(rule),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.docs.what },
    help: {
      text: `${rule.docs.what}\n\n${rule.docs.why}\n\n${helpUri}`,
      markdown: `${rule.docs.what}\n\n**Why:** ${rule.docs.why}\n\n[${rule.id} in docs/rules.md](${helpUri})`,
    },
    helpUri,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['ecs', 'codepipeline', ...rule.files], 'problem.severity': PROBLEM_SEVERITY[rule.severity] },
  };
}

function region(f: Finding) {
  const r: Record<string, number> = { startLine: f.line, startColumn: f.column };
  // An empty range says nothing about the end: SARIF then takes the rest of the line.
  if (f.endLine > f.line || (f.endLine === f.line && f.endColumn > f.column)) {
    r.endLine = f.endLine;
    r.endColumn = f.endColumn;
  }
  return r;
}

/** `--format sarif`: a SARIF 2.1.0 log with one run, as GitHub code scanning takes it. */
export function renderSarif(findings: readonly Finding[], options: SarifOptions): string {
  const docsUrl = options.docsUrl ?? DEFAULT_DOCS_URL;
  // SARIF requires unique rules; a rule registered twice is described once.
  const unique = options.rules.filter((r, i) => options.rules.findIndex((o) => o.id === r.id) === i);
  const index = new Map(unique.map((r, i) => [r.id, i]));
  const results = findings.map((f) => {
    const ruleIndex = index.get(f.rule);
    return {
      ruleId: f.rule,
      ...(ruleIndex === undefined ? {} : { ruleIndex }),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: pathToUri(f.file), uriBaseId: '%SRCROOT%' },
            region: region(f),
          },
        },
      ],
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ecs-codepipeline',
            version: options.version,
            ...(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(options.version) ? { semanticVersion: options.version } : {}),
            informationUri: docsUrl,
            rules: unique.map((r) => sarifRule(r, docsUrl)),
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
