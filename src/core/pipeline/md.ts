/**
 * Markdown and text helpers for check runs: everything that goes to GitHub
 * passes through here, so limits, escaping and redaction live in one place.
 */
import { cell } from '../report/summary.js';

export { cell };

/** GitHub's limits for a check run's output. */
export const TITLE_MAX = 255;
export const OUTPUT_MAX = 65_535;

/** An inline code span that survives backticks and pipes inside the value (for table cells too). */
export function code(s: string): string {
  const flat = s.replace(/\s*[\r\n]+\s*/g, ' ');
  const ticks = '`'.repeat(Math.max(0, ...(flat.match(/`+/g) ?? []).map((t) => t.length)) + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat.replace(/\|/g, '\\|')}${pad}${ticks}`;
}

/** A fenced block whose fence is longer than any backtick run inside, so foreign text cannot close it. */
export function fence(text: string, lang = ''): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((t) => t.length));
  const f = '`'.repeat(longest + 1);
  return `${f}${lang}\n${text.replace(/\n+$/, '')}\n${f}`;
}

/** Only http(s) URLs become links; anything else (javascript:, garbage) is dropped. */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const trimmed = url.trim();
  if (!/^https?:\/\/[^\s<>"]+$/i.test(trimmed)) return undefined;
  return trimmed;
}

export function link(label: string, url: string | undefined): string {
  const u = safeUrl(url);
  if (!u) return cell(label);
  return `[${cell(label)}](${u.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}

/** One line, at most `max` characters, ending with `…` when cut. */
export function oneLine(s: string, max: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : cutAt(flat, max - 1).trimEnd() + '…';
}

/** Cut at `n` UTF-16 units without splitting a surrogate pair. */
function cutAt(s: string, n: number): string {
  if (n <= 0) return '';
  let end = Math.min(n, s.length);
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return s.slice(0, end);
}

function cutFrom(s: string, n: number): string {
  let start = Math.max(0, s.length - n);
  const c = s.charCodeAt(start);
  if (c >= 0xdc00 && c <= 0xdfff) start++;
  return s.slice(start);
}

/** Fence lines that are open at the end of `s` (so a cut can close them). */
function openFence(s: string): string | undefined {
  let open: string | undefined;
  for (const m of s.matchAll(/^(`{3,})[^`\n]*$/gm)) {
    if (open === undefined) open = m[1];
    else if (m[1].length >= open.length) open = undefined;
  }
  return open;
}

/**
 * Keep the head of a Markdown text within `max` characters. A cut inside a
 * code block closes the block, and a note says what was left out.
 */
export function clip(s: string, max: number = OUTPUT_MAX, note = 'the rest is in the CodePipeline console'): string {
  if (s.length <= max) return s;
  const tail = (omitted: number) => `\n\n_… ${omitted.toLocaleString('en-US')} characters cut to fit GitHub's limit; ${note}._`;
  let budget = max - tail(s.length).length - 8;
  for (;;) {
    let head = cutAt(s, budget);
    const nl = head.lastIndexOf('\n');
    if (nl > budget * 0.8) head = head.slice(0, nl);
    const fenceOpen = openFence(head);
    const out = `${head}${fenceOpen ? `\n${fenceOpen}` : ''}${tail(s.length - head.length)}`;
    if (out.length <= max || budget <= 0) return out.slice(0, max);
    budget -= out.length - max;
  }
}

/** Keep the end of a plain text (a log: the last lines matter most) within `max` characters. */
export function clipTail(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = `… ${(s.length - max).toLocaleString('en-US')} characters cut …\n`;
  let kept = cutFrom(s, max - head.length - 12);
  const nl = kept.indexOf('\n');
  if (nl >= 0 && nl < kept.length * 0.2) kept = kept.slice(nl + 1);
  return head + kept;
}

/** Access keys, secret keys and session tokens that a log line or message might echo. */
const SECRET_PATTERNS: RegExp[] = [
  /\b(?:AKIA|ASIA|AROA|AIDA)[0-9A-Z]{16}\b/g,
  /((?:aws_secret_access_key|aws_session_token|secret_access_key|session_token|password|passwd|token)\s*[=:]\s*["']?)[^\s"',;]{8,}/gi,
  /\bgh[pousr]_[A-Za-z0-9]{20,}\b/g,
  /\bBearer\s+[A-Za-z0-9._~+/-]{16,}=*/g,
];

/**
 * Remove known secrets (the approval tokens of this execution) and anything
 * that looks like a credential from text that goes to GitHub.
 */
export function redact(s: string, secrets: readonly string[] = []): string {
  let out = s;
  for (const secret of secrets) if (secret && secret.length >= 6) out = out.split(secret).join('***');
  for (const re of SECRET_PATTERNS) {
    out = out.replace(re, (m, keep?: unknown) => (typeof keep === 'string' && keep.length > 0 && m.startsWith(keep) ? `${keep}***` : '***'));
  }
  return out;
}
