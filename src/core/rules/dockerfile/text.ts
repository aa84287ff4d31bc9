import type { Instruction } from '../../config/dockerfile.js';
import type { Doc } from '../../model.js';
import type { Position, Range } from '../../types.js';
import { memoByText } from '../../memo-by-text.js';

/**
 * The arguments of one instruction as the shell sees them (continuations
 * joined, comment lines dropped), with the way back to the file, so that a
 * finding can underline one word of a RUN that spans ten lines.
 */
export interface ArgsText {
  text: string;
  /** Doc offset of the arguments' first character. */
  start: number;
  /** Offsets from `start`, one per character of `text` (plus one past the end); shared by equal instructions. */
  offsets: readonly number[];
}

const lineStarts = new WeakMap<Doc, number[]>();

function startsOf(doc: Doc): number[] {
  let s = lineStarts.get(doc);
  if (!s) {
    s = [0];
    const re = /\r\n|\n|\r/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(doc.text))) s.push(m.index + m[0].length);
    lineStarts.set(doc, s);
  }
  return s;
}

export function offsetOf(doc: Doc, p: Position): number {
  const starts = startsOf(doc);
  return (starts[p.line - 1] ?? doc.text.length) + p.column - 1;
}

const escapes = new WeakMap<Doc, string>();

function escapeOf(doc: Doc): string {
  let escape = escapes.get(doc);
  if (escape === undefined) {
    escape = '\\';
    for (const line of doc.text.split(/\r\n|\n|\r/, 20)) {
      const m = /^\s*#\s*escape\s*=\s*([\\`])\s*$/i.exec(line);
      if (m) {
        escape = m[1];
        break;
      }
      if (!/^\s*#\s*\w+\s*=/.test(line)) break;
    }
    escapes.set(doc, escape);
  }
  return escape;
}

/** Per instruction: several rules read the same RUN (read-only). */
const argsCache = new WeakMap<Instruction, { doc: Doc; args: ArgsText }>();

export function argsText(doc: Doc, ins: Instruction): ArgsText {
  const hit = argsCache.get(ins);
  if (hit && hit.doc === doc) return hit.args;
  const args = readArgs(doc, ins);
  argsCache.set(ins, { doc, args });
  return args;
}

function readArgs(doc: Doc, ins: Instruction): ArgsText {
  const escape = escapeOf(doc);
  const start = offsetOf(doc, ins.argsRange.start);
  const end = offsetOf(doc, ins.range.end);
  return { start, ...joinArgs(`${escape}${doc.text.slice(start, end)}`) };
}

/** The escape character, then the raw arguments: joined as the shell sees them (monorepos repeat the same RUN lines). */
const joinArgs = memoByText((escapeAndRaw: string): { text: string; offsets: readonly number[] } => {
  const escape = escapeAndRaw[0];
  const raw = escapeAndRaw.slice(1);
  const pieces: string[] = [];
  const offsets: number[] = [];
  const lines = raw.split(/(\r\n|\n|\r)/);
  let pos = 0;
  for (let i = 0; i < lines.length; i += 2) {
    const line = lines[i];
    const brk = lines[i + 1] ?? '';
    const lineStart = pos;
    pos += line.length + brk.length;
    if (i > 0 && /^\s*#/.test(line)) continue;
    const trimmed = line.replace(/\s+$/, '');
    const continued = trimmed.endsWith(escape) && i + 2 < lines.length;
    const body = continued ? trimmed.slice(0, -1) : line;
    pieces.push(body);
    for (let k = 0; k < body.length; k++) offsets.push(lineStart + k);
    if (i + 2 < lines.length) {
      // A continuation joins with a space; a heredoc body line ends a command.
      pieces.push(continued ? ' ' : '\n');
      offsets.push(lineStart + body.length);
    }
  }
  offsets.push(raw.length);
  return { text: pieces.join(''), offsets };
});

function positionAt(doc: Doc, o: number): Position {
  const starts = startsOf(doc);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= o) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: o - starts[lo] + 1 };
}

/** The doc range of `text[start, end)`. */
export function rangeIn(doc: Doc, a: ArgsText, span: { start: number; end: number }): Range {
  const { start: from, end: to } = span;
  const last = a.offsets.length - 1;
  const s = a.start + a.offsets[Math.max(0, Math.min(from, last))];
  const e = to > from ? a.start + a.offsets[Math.max(0, Math.min(to - 1, last))] + 1 : s;
  return { start: positionAt(doc, s), end: positionAt(doc, Math.max(s, e)) };
}

export interface Word {
  /** Quotes removed. */
  text: string;
  start: number;
  end: number;
}

/**
 * Splits shell text into simple commands (at `&&`, `||`, `;`, `|`, `&`,
 * newlines and parentheses) made of words. Not a shell: enough to find which
 * program runs with which arguments.
 */
export const shellCommands: (text: string) => readonly (readonly Word[])[] = memoByText(splitCommands);

function splitCommands(text: string): Word[][] {
  const exec = /^\s*\[/.test(text);
  const out: Word[][] = [];
  let cur: Word[] = [];
  let i = 0;
  const flush = () => {
    if (cur.length) out.push(cur);
    cur = [];
  };
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c) && c !== '\n') {
      i++;
      continue;
    }
    if (c === '\n' || c === ';' || c === '|' || c === '&' || c === '(' || c === ')' || c === '`') {
      flush();
      i++;
      continue;
    }
    if (exec && (c === '[' || c === ']' || c === ',')) {
      i++;
      continue;
    }
    const start = i;
    // Plain stretches are sliced, not built a character at a time (a hot spot on large trees).
    let word = '';
    let run = i;
    while (i < text.length) {
      const d = text[i];
      if (/\s/.test(d) || ';|&()`'.includes(d) || (exec && (d === ',' || d === ']'))) break;
      if (d === "'" || d === '"') {
        const close = text.indexOf(d, i + 1);
        const stop = close < 0 ? text.length : close;
        word += text.slice(run, i) + text.slice(i + 1, stop);
        i = stop + 1;
        run = i;
        continue;
      }
      if (d === '\\' && i + 1 < text.length) {
        word += text.slice(run, i) + text[i + 1];
        i += 2;
        run = i;
        continue;
      }
      i++;
    }
    if (run < i) word += text.slice(run, Math.min(i, text.length));
    cur.push({ text: word, start, end: Math.min(i, text.length) });
  }
  flush();
  return out;
}

/** Drops `VAR=value` prefixes and wrappers so that the first word is the program. */
export function program(cmd: readonly Word[]): readonly Word[] {
  let i = 0;
  while (i < cmd.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(cmd[i].text) || ['sudo', 'exec', 'env', 'command', 'time'].includes(cmd[i].text))) i++;
  return cmd.slice(i);
}

/**
 * Leading `--mount=…`, `--network=…` flags (RUN, COPY, HEALTHCHECK), and the
 * text after them blanked to the same length so that offsets stay valid.
 */
export function leadingFlags(text: string): { flags: string[]; rest: string } {
  const flags: string[] = [];
  const re = /\s*(--[A-Za-z-]+(?:=(?:"[^"]*"|'[^']*'|\S)*)?)(?=\s|$)/y;
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    flags.push(m[1]);
    from = re.lastIndex;
  }
  return { flags, rest: ' '.repeat(from) + text.slice(from) };
}
