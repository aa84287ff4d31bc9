import type { Finding, Severity } from '../types.js';
import { byFile, countFindings, plural } from './counts.js';
import { DEFAULT_DOCS_URL, ruleUrl } from './links.js';

export interface SummaryOptions {
  /** Base URL of docs/rules.md. */
  docsUrl?: string;
  /** `https://github.com/o/r/blob/<sha>`: when given, locations link to the file's line. */
  blobUrl?: string;
  /** What was checked, for the heading (`examples/seed`). */
  checked?: string;
}

/** A job summary may be at most 1 MiB; past this many rows the rest is counted, not listed. */
export const MAX_ROWS = 1000;

const ICON: Record<Severity, string> = { error: '❌', warning: '⚠️', notice: 'ℹ️' };

/**
 * A table cell: one line, pipes escaped, and outside code spans the Markdown
 * punctuation escaped too, so that `<IMAGE1_NAME>` or `buildspec*.yml` show as written.
 */
export function cell(s: string): string {
  const flat = s.replace(/\s*[\r\n]+\s*/g, ' ');
  let out = '';
  let last = 0;
  for (const m of flat.matchAll(/(`+)[^`]+?\1(?!`)/g)) {
    out += escapeText(flat.slice(last, m.index)) + m[0].replace(/\|/g, '\\|');
    last = m.index + m[0].length;
  }
  return out + escapeText(flat.slice(last));
}

function escapeText(s: string): string {
  return s.replace(/[\\`*_[\]<>|~]/g, (c) => '\\' + c);
}

function codeSpan(s: string): string {
  const ticks = '`'.repeat(Math.max(0, ...(s.match(/`+/g) ?? []).map((t) => t.length)) + 1);
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${s.replace(/\|/g, '\\|')}${pad}${ticks}`;
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * The job summary (GitHub-flavoured Markdown): counts, then one table per
 * file with each finding's place, severity, rule (linked to docs/rules.md)
 * and message.
 */
export function renderSummary(findings: readonly Finding[], options: SummaryOptions = {}): string {
  const docsUrl = options.docsUrl ?? DEFAULT_DOCS_URL;
  const counts = countFindings(findings);
  const files = byFile(findings);
  const out: string[] = [];
  out.push(`## ecs-codepipeline check${options.checked ? ` of ${codeSpan(options.checked)}` : ''}`, '');
  out.push(`${ICON.error} ${plural(counts.error, 'error')} · ${ICON.warning} ${plural(counts.warning, 'warning')} · ${ICON.notice} ${plural(counts.notice, 'notice')}${files.size ? ` in ${plural(files.size, 'file')}` : ''}`, '');
  if (findings.length === 0) {
    out.push('No problems found.', '');
    return out.join('\n');
  }
  let rows = 0;
  for (const [file, list] of files) {
    if (rows >= MAX_ROWS) break;
    out.push(`### ${codeSpan(file)}`, '', '| Line | Severity | Rule | Message |', '| ---: | --- | --- | --- |');
    for (const f of list) {
      if (rows >= MAX_ROWS) break;
      rows++;
      const where = `${f.line}:${f.column}`;
      const place = options.blobUrl ? `[${where}](${options.blobUrl}/${encodePath(f.file)}#L${f.line})` : where;
      out.push(`| ${place} | ${ICON[f.severity]} ${f.severity} | [${cell(f.rule)}](${ruleUrl(f.rule, docsUrl)}) | ${cell(f.message)} |`);
    }
    out.push('');
  }
  if (rows < findings.length) {
    out.push(`…and ${plural(findings.length - rows, 'more finding')}, not listed here: see the annotations or run \`npx ecs-codepipeline check\`.`, '');
  }
  out.push(`Rules and fixes: [docs/rules.md](${docsUrl})`, '');
  return out.join('\n');
}
