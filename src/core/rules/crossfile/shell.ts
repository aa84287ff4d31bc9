/**
 * Just enough of the shell to follow what a buildspec does with files and
 * images: words with their quoting, `$VAR` references, assignments, `cd` and
 * redirections. Anything it cannot follow (command substitution, loops) is
 * marked as such, so that rules stay silent instead of guessing.
 */

/** A piece of a word: literal text, a variable to expand, or something opaque (`$(…)`, `$1`). */
export type Part = { t: 'lit'; s: string } | { t: 'var'; name: string } | { t: 'opaque' };

export interface Word {
  parts: Part[];
  /** Offsets in the command text. */
  start: number;
  end: number;
}

export interface Redirect {
  op: string;
  target: Word;
}

export interface SimpleCommand {
  words: Word[];
  assigns: Array<{ name: string; value: Word }>;
  redirects: Redirect[];
  /** Inside `( … )`: a `cd` there does not last. */
  subshell: boolean;
  /** Inside a `for`/`while`/`until` loop: its variables take several values. */
  loop: boolean;
}

import { memoByText } from '../../memo-by-text.js';

const KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'do', 'done', '!', '{', '}', 'time']);
const LOOPS = new Set(['for', 'while', 'until', 'select']);

/** Heredoc bodies are data: blanked (same length) so that offsets stay valid. */
export function blankHeredocBodies(text: string): string {
  const lines = text.split('\n');
  let tags: string[] = [];
  return lines
    .map((line) => {
      if (tags.length > 0) {
        if (line.replace(/^\t+/, '').trim() === tags[0]) tags = tags.slice(1);
        return ' '.repeat(line.length);
      }
      for (const m of line.matchAll(/<<-?\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\1/g)) tags.push(m[2]);
      return line;
    })
    .join('\n');
}

/** Splits one buildspec command into simple commands, in order (read-only: shared by equal commands). */
export const parseShell: (input: string) => readonly SimpleCommand[] = memoByText(splitShell);

function splitShell(input: string): SimpleCommand[] {
  const text = input.includes('<<') ? blankHeredocBodies(input) : input;
  const out: SimpleCommand[] = [];
  let words: Word[] = [];
  let redirects: Redirect[] = [];
  let pendingRedirect: string | undefined;
  let depth = 0;
  let loopDepth = 0;
  let i = 0;

  const finish = () => {
    pendingRedirect = undefined;
    if (words.length === 0 && redirects.length === 0) return;
    // Leading `then`, `do` … belong to the compound command around this one.
    while (words.length > 0 && KEYWORDS.has(litOf(words[0]) ?? '')) words.shift();
    const first = words.length > 0 ? litOf(words[0]) : undefined;
    if (first !== undefined && LOOPS.has(first)) loopDepth++;
    const assigns: SimpleCommand['assigns'] = [];
    while (words.length > 0) {
      const a = assignmentOf(words[0]);
      if (!a) break;
      assigns.push(a);
      words.shift();
    }
    out.push({ words, assigns, redirects, subshell: depth > 0, loop: loopDepth > 0 });
    words = [];
    redirects = [];
  };

  while (i < text.length) {
    const c = text[i];
    if (isBlank(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '\n' || c === ';' || c === '|' || c === '&') {
      const two = text.slice(i, i + 2);
      if (c === '&' && text[i + 1] === '>') {
        pendingRedirect = '>';
        i += text[i + 2] === '>' ? 3 : 2;
        continue;
      }
      i += two === '&&' || two === '||' || two === ';;' ? 2 : 1;
      finish();
      continue;
    }
    if (c === '(' || c === ')') {
      finish();
      depth = Math.max(0, depth + (c === '(' ? 1 : -1));
      i++;
      continue;
    }
    if (c === '<' || c === '>' || (/[0-9]/.test(c) && /^[0-9]+>/.test(text.slice(i, i + 3)))) {
      const m = /^([0-9]*)(<<<|<<-?|>>|>\||>&|<&|<>|<|>)/.exec(text.slice(i))!;
      i += m[0].length;
      if (m[2] === '>&' || m[2] === '<&') {
        // `2>&1`: the target is a descriptor, not a file.
        const d = /^\s*[0-9-]+/.exec(text.slice(i));
        if (d) i += d[0].length;
        continue;
      }
      pendingRedirect = m[1] === '' || m[1] === '1' ? m[2] : `${m[1]}${m[2]}`;
      continue;
    }
    const [word, next] = readWord(text, i);
    i = next;
    if (pendingRedirect !== undefined) {
      redirects.push({ op: pendingRedirect, target: word });
      pendingRedirect = undefined;
    } else {
      const lit = litOf(word);
      words.push(word);
      if (lit === 'done' && words.length === 1) {
        words = [];
        loopDepth = Math.max(0, loopDepth - 1);
      }
    }
  }
  finish();
  return out;
}

/** Whitespace that separates words (a newline separates commands). */
function isBlank(c: string): boolean {
  if (c === ' ' || c === '\t' || c === '\r') return true;
  return c !== '\n' && /\s/.test(c);
}

function assignmentOf(w: Word): { name: string; value: Word } | undefined {
  const first = w.parts[0];
  if (!first || first.t !== 'lit') return undefined;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.s);
  if (!m) return undefined;
  const rest = first.s.slice(m[0].length);
  const parts: Part[] = rest ? [{ t: 'lit', s: rest }, ...w.parts.slice(1)] : w.parts.slice(1);
  return { name: m[1], value: { parts, start: w.start + m[0].length, end: w.end } };
}

/** The word as plain text when it has no expansions. */
export function litOf(w: Word | undefined): string | undefined {
  if (!w) return undefined;
  let s = '';
  for (const p of w.parts) {
    if (p.t !== 'lit') return undefined;
    s += p.s;
  }
  return s;
}

function pushLit(parts: Part[], s: string): void {
  const last = parts[parts.length - 1];
  if (last && last.t === 'lit') last.s += s;
  else parts.push({ t: 'lit', s });
}

const PLAIN = /[^\s;&|()<>\\'"$`]+/y;
const WORD_END = /[\s;&|()<>]/;

function readWord(text: string, start: number): [Word, number] {
  const parts: Part[] = [];
  let i = start;
  while (i < text.length) {
    PLAIN.lastIndex = i;
    const run = PLAIN.exec(text);
    if (run) {
      pushLit(parts, run[0]);
      i += run[0].length;
      continue;
    }
    const c = text[i];
    if (WORD_END.test(c)) break;
    if (c === '\\') {
      if (text[i + 1] !== '\n' && i + 1 < text.length) pushLit(parts, text[i + 1]);
      i += 2;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      const close = end < 0 ? text.length : end;
      pushLit(parts, text.slice(i + 1, close));
      if (close === i + 1) pushLit(parts, '');
      i = close + 1;
    } else if (c === '"') {
      i = readDoubleQuoted(text, i + 1, parts);
    } else if (c === '$') {
      i = readDollar(text, i, parts);
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      parts.push({ t: 'opaque' });
      i = end < 0 ? text.length : end + 1;
    } else {
      pushLit(parts, c);
      i++;
    }
  }
  return [{ parts, start, end: i }, i];
}

function readDoubleQuoted(text: string, from: number, parts: Part[]): number {
  let i = from;
  pushLit(parts, '');
  while (i < text.length && text[i] !== '"') {
    const c = text[i];
    if (c === '\\' && /["\\$`\n]/.test(text[i + 1] ?? '')) {
      if (text[i + 1] !== '\n') pushLit(parts, text[i + 1]);
      i += 2;
    } else if (c === '$') {
      i = readDollar(text, i, parts);
    } else if (c === '`') {
      const end = text.indexOf('`', i + 1);
      parts.push({ t: 'opaque' });
      i = end < 0 ? text.length : end + 1;
    } else {
      pushLit(parts, c);
      i++;
    }
  }
  return i + 1;
}

function readDollar(text: string, i: number, parts: Part[]): number {
  const rest = text.slice(i + 1);
  let m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
  if (m) {
    parts.push({ t: 'var', name: m[0] });
    return i + 1 + m[0].length;
  }
  m = /^\{([A-Za-z_][A-Za-z0-9_]*)\}/.exec(rest);
  if (m) {
    parts.push({ t: 'var', name: m[1] });
    return i + 1 + m[0].length;
  }
  if (rest.startsWith('(') || rest.startsWith('{')) {
    const open = rest[0];
    const close = open === '(' ? ')' : '}';
    let level = 0;
    let j = i + 1;
    for (; j < text.length; j++) {
      if (text[j] === open) level++;
      else if (text[j] === close && --level === 0) break;
    }
    parts.push({ t: 'opaque' });
    return j + 1;
  }
  if (/^[0-9@*#?$!-]/.test(rest)) {
    parts.push({ t: 'opaque' });
    return i + 2;
  }
  pushLit(parts, '$');
  return i + 1;
}

/** Markers that cannot occur in a buildspec, so that expanded text can be compared as strings. */
const VAR_OPEN = '\u0001';
const VAR_CLOSE = '\u0002';
const OPAQUE = '\u0003';

/**
 * Variables as the shell would see them at one point of the build: a known
 * value (itself made of parts), or absent when nothing in the buildspec sets it.
 */
export class ShellEnv {
  private readonly values = new Map<string, Part[]>();
  private serial = 0;

  constructor(initial: ReadonlyMap<string, string>) {
    for (const [k, v] of initial) this.values.set(k, [{ t: 'lit', s: v }]);
  }

  /** Expands a word; unknown variables stay as symbols, so `$REPO:$TAG` equals `$REPO:$TAG`. */
  expand(w: Word): Part[] {
    const out: Part[] = [];
    for (const p of w.parts) {
      if (p.t === 'lit') pushLit(out, p.s);
      else if (p.t === 'opaque') out.push(p);
      else {
        const v = this.values.get(p.name);
        if (v) for (const q of v) q.t === 'lit' ? pushLit(out, q.s) : out.push(q);
        else out.push(p);
      }
    }
    return out;
  }

  text(w: Word): string {
    return partsText(this.expand(w));
  }

  /** Expands `$NAME` references of some names in a text that the core already half-substituted. */
  expandText(s: string, names: ReadonlySet<string>): string {
    return s.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a?: string, b?: string) => {
      const name = (a ?? b)!;
      if (!names.has(name)) return m;
      return partsText(this.values.get(name) ?? [{ t: 'var', name }]);
    });
  }

  clone(): ShellEnv {
    const c = new ShellEnv(new Map());
    for (const [k, v] of this.values) c.values.set(k, v);
    c.serial = this.serial;
    return c;
  }

  /** Runs a command's assignments (plain or after `export`/`declare`/`readonly`). */
  apply(cmd: SimpleCommand): void {
    const assigns = [...cmd.assigns];
    const head = litOf(cmd.words[0]);
    if (cmd.words.length === 0 || head === 'export' || head === 'declare' || head === 'readonly' || head === 'local') {
      for (const w of cmd.words.slice(1)) {
        const a = assignmentOf(w);
        if (a) assigns.push(a);
      }
    }
    // `read X`, `for X in …` and the like give values this reader cannot know.
    if (head === 'read' || cmd.loop) {
      for (const w of cmd.words.slice(1)) {
        const name = litOf(w);
        if (name && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) this.values.set(name, [{ t: 'var', name: `${name}#${++this.serial}` }]);
      }
    }
    if (head === 'unset') for (const w of cmd.words.slice(1)) this.values.delete(litOf(w) ?? '');
    for (const a of assigns) {
      const v = this.expand(a.value);
      // A value computed at run time is a fresh unknown: equal only to itself.
      this.values.set(a.name, v.some((p) => p.t === 'opaque') || cmd.loop ? [{ t: 'var', name: `${a.name}#${++this.serial}` }] : v);
    }
  }
}

export function partsText(parts: Part[]): string {
  return parts.map((p) => (p.t === 'lit' ? p.s : p.t === 'var' ? `${VAR_OPEN}${p.name}${VAR_CLOSE}` : OPAQUE)).join('');
}

/** Whether expanded text holds a value only known at run time. */
export function hasSymbols(s: string): boolean {
  return s.includes(VAR_OPEN) || s.includes(OPAQUE);
}

export function hasOpaque(s: string): boolean {
  return s.includes(OPAQUE);
}

/** Expanded text for a message: variables back as `$NAME`. */
export function display(s: string): string {
  return s
    .replace(new RegExp(`${VAR_OPEN}([^${VAR_CLOSE}#]*)(?:#\\d+)?${VAR_CLOSE}`, 'g'), (_m, n: string) => '$' + n)
    .replace(new RegExp(OPAQUE, 'g'), '$(…)');
}

/** The root of the build (`$CODEBUILD_SRC_DIR`) as it appears in expanded text. */
export const SRC_DIR = `${VAR_OPEN}CODEBUILD_SRC_DIR${VAR_CLOSE}`;
