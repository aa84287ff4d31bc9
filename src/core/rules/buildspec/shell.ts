/**
 * A character-level reading of one buildspec command, just deep enough for
 * the buildspec rules: which characters are shell code, which are quoted
 * text, comments or heredoc bodies. It never executes anything and never
 * fails; text it cannot follow is left as code, so rules err towards silence.
 */

/**
 * code: the shell reads it as words (also inside `$(…)` and backticks);
 * sq: single-quoted, taken literally; dq: double-quoted text, where `$VAR`
 * still expands; esc: a backslash and the character it protects;
 * comment; body: a heredoc body that expands variables; rawbody: one that
 * does not (`<< 'EOF'`), and heredoc terminator lines.
 */
export type CharClass = 'code' | 'sq' | 'dq' | 'esc' | 'comment' | 'body' | 'rawbody';

export interface Lexed {
  text: string;
  cls: CharClass[];
}

type Context = { kind: 'code'; close?: ')' | '`'; depth: number } | { kind: 'dq' };

interface Pending {
  tag: string;
  strip: boolean;
  expand: boolean;
}

const WORD_START = /[\s;&|()]/;
const OPENER = /^<<(-?)[ \t]*(\\?)(['"]?)([A-Za-z_][A-Za-z0-9_]*)\3/;

export function lex(text: string): Lexed {
  const cls: CharClass[] = new Array<CharClass>(text.length).fill('code');
  const stack: Context[] = [{ kind: 'code', depth: 0 }];
  let pending: Pending[] = [];
  let i = 0;
  while (i < text.length) {
    const ctx = stack[stack.length - 1];
    const c = text[i];
    if (ctx.kind === 'dq') {
      if (c === '"') {
        cls[i++] = 'dq';
        stack.pop();
      } else if (c === '\\' && i + 1 < text.length && '$`"\\\n'.includes(text[i + 1])) {
        cls[i++] = 'esc';
        cls[i++] = 'esc';
      } else if (c === '$' && text[i + 1] === '(') {
        i += 2;
        stack.push({ kind: 'code', close: ')', depth: 0 });
      } else if (c === '`') {
        i++;
        stack.push({ kind: 'code', close: '`', depth: 0 });
      } else {
        cls[i++] = 'dq';
      }
      continue;
    }
    if (ctx.close === ')' && (c === '(' || c === ')')) {
      if (c === '(') ctx.depth++;
      else if (ctx.depth === 0) stack.pop();
      else ctx.depth--;
      i++;
      continue;
    }
    if (ctx.close === '`' && c === '`') {
      stack.pop();
      i++;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      const stop = end < 0 ? text.length : end + 1;
      for (; i < stop; i++) cls[i] = 'sq';
    } else if (c === '"') {
      cls[i++] = 'dq';
      stack.push({ kind: 'dq' });
    } else if (c === '\\') {
      cls[i++] = 'esc';
      if (i < text.length && text[i] !== '\n') cls[i++] = 'esc';
    } else if (c === '#' && (i === 0 || WORD_START.test(text[i - 1]))) {
      for (; i < text.length && text[i] !== '\n'; i++) cls[i] = 'comment';
    } else if (c === '$' && text[i + 1] === '(') {
      i += 2;
      stack.push({ kind: 'code', close: ')', depth: 0 });
    } else if (c === '`') {
      i++;
      stack.push({ kind: 'code', close: '`', depth: 0 });
    } else if (c === '<' && text[i + 1] === '<' && text[i + 2] !== '<') {
      const m = OPENER.exec(text.slice(i));
      if (m) {
        pending.push({ tag: m[4], strip: m[1] === '-', expand: m[2] === '' && m[3] === '' });
        i += m[0].length;
      } else {
        i += 2;
      }
    } else if (c === '\n') {
      i++;
      for (const h of pending) i = readBody(text, cls, i, h);
      pending = [];
    } else {
      i++;
    }
  }
  return { text, cls };
}

/** Marks a heredoc body and its terminator line; returns the offset after them. */
function readBody(text: string, cls: CharClass[], from: number, h: Pending): number {
  let i = from;
  while (i < text.length) {
    const nl = text.indexOf('\n', i);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(i, end);
    const last = (h.strip ? line.replace(/^\t+/, '') : line).trim() === h.tag;
    for (let k = i; k < end; k++) cls[k] = last || !h.expand ? 'rawbody' : 'body';
    i = nl < 0 ? text.length : nl + 1;
    if (last) break;
  }
  return i;
}

/**
 * The text with each character replaced as `fill` says for its class
 * (undefined: kept); newlines always stay. Works on runs of one class, as
 * character-by-character building was a hot spot.
 */
function view(l: Lexed, fill: (k: CharClass) => string | undefined): string {
  const { text, cls } = l;
  const parts: string[] = [];
  for (let i = 0; i < text.length; ) {
    const k = cls[i];
    let j = i + 1;
    while (j < text.length && cls[j] === k) j++;
    const f = fill(k);
    const run = text.slice(i, j);
    parts.push(f === undefined ? run : run.replace(/[^\n]/g, f));
    i = j;
  }
  return parts.join('');
}

/** The command with everything but shell code blanked (same length, newlines kept). */
export function codeView(l: Lexed): string {
  return view(l, (k) => (k === 'code' ? undefined : ' '));
}

/** The command without comments and heredoc bodies, quotes kept. */
export function withoutComments(l: Lexed): string {
  return view(l, (k) => (k === 'comment' || k === 'body' || k === 'rawbody' ? ' ' : undefined));
}

export interface VarUse {
  name: string;
  start: number;
  end: number;
  /** `${X:-default}`, `${X-…}`, `${X:+…}` …: an unset X is handled. */
  guarded: boolean;
  /** `[ -z "$X" ]`, `[ -n "$X" ]`: the command asks whether X is set. */
  tested: boolean;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const EXPANDS = new Set<CharClass>(['code', 'dq', 'body']);

/** `$NAME` and `${NAME…}` references that the shell expands. */
export function varUses(l: Lexed): VarUse[] {
  const out: VarUse[] = [];
  const { text, cls } = l;
  for (let i = text.indexOf('$'); i >= 0; i = text.indexOf('$', i + 1)) {
    if (!EXPANDS.has(cls[i])) continue;
    const tested = /(?:^|\s)-[zn]\s+["']?$/.test(text.slice(Math.max(0, i - 8), i));
    if (text[i + 1] === '{') {
      const inner = text.slice(i + 2, i + 2 + 300);
      if (inner.startsWith('!')) continue;
      const lengthOf = inner.startsWith('#');
      const m = NAME.exec(lengthOf ? inner.slice(1) : inner);
      if (!m) continue;
      const after = inner.slice((lengthOf ? 1 : 0) + m[0].length);
      const guarded = !lengthOf && /^:?[-=?+]/.test(after);
      const close = text.indexOf('}', i);
      out.push({ name: m[0], start: i, end: close < 0 ? i + 2 + m[0].length : close + 1, guarded, tested });
    } else {
      const m = NAME.exec(text.slice(i + 1, i + 1 + 300));
      if (m) out.push({ name: m[0], start: i, end: i + 1 + m[0].length, guarded: false, tested });
    }
  }
  return out;
}

export interface Definitions {
  names: Set<string>;
  /** The command loads variables this reader cannot see (`source`, `eval`, `export $(…)`). */
  opaque: boolean;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** `read` options that take a value. */
const READ_ARGS = new Set(['p', 'd', 't', 'n', 'N', 'u', 'i']);

/** Variables a command sets: assignments, `read`, `for`, `declare`, `printf -v` … */
export function definitions(l: Lexed, code: string = codeView(l)): Definitions {
  const names = new Set<string>();
  for (const m of code.matchAll(/(?<![\w$\-./:=@%+])([A-Za-z_][A-Za-z0-9_]*)(?:\[[^\]\n]*\])?\+?=/g)) names.add(m[1]);
  for (const m of code.matchAll(/\b(?:for|select)\s+([A-Za-z_][A-Za-z0-9_]*)\b/g)) names.add(m[1]);
  for (const m of code.matchAll(/\bprintf\s+-v\s+([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]);
  for (const m of code.matchAll(/\b(?:declare|typeset|local|readonly|mapfile|readarray)\b([^;&|()\n]*)/g)) {
    for (const w of m[1].trim().split(/\s+/)) if (IDENT.test(w)) names.add(w);
  }
  // Quoted words (a `-p "prompt"`) stay words here, so that option values are skipped correctly.
  const words = view(l, (k) => (k === 'code' ? undefined : k === 'sq' || k === 'dq' || k === 'esc' ? '%' : ' '));
  for (const m of words.matchAll(/\bread\b([^;&|()<>\n]*)/g)) {
    const words = m[1].trim().split(/\s+/).filter((w) => w !== '');
    let any = false;
    for (let k = 0; k < words.length; k++) {
      const w = words[k];
      if (w.startsWith('-')) {
        if (w.endsWith('a') && IDENT.test(words[k + 1] ?? '')) {
          names.add(words[++k]);
          any = true;
        } else if (READ_ARGS.has(w[w.length - 1])) k++;
      } else if (IDENT.test(w)) {
        names.add(w);
        any = true;
      }
    }
    if (!any) names.add('REPLY');
  }
  const opaque =
    /(?:^|[\s;&|(`])(?:source|eval)\s+\S/.test(code) ||
    /(?:^|[;&|(`\n]|\b(?:then|do|else)\s)\s*\.\s+\S/.test(code) ||
    /\bset\s+(?:-[A-Za-z]*a\b|-o\s+allexport)/.test(code) ||
    /\bexport\s+(?:\$[({`]|`)/.test(code) ||
    /\bexport\s+\$\(/.test(l.text);
  return { names, opaque };
}
