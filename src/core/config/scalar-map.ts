/**
 * Where each character of a YAML scalar's value stands in the source, for
 * the styles whose value is not a plain copy of the source text: folded (`>`)
 * blocks, quoted and plain scalars over several lines (a line break becomes a
 * space, indentation goes), and escapes or `''` in quotes. The value is built
 * again from the source by YAML's folding rules; when that differs from the
 * parsed value (a case these rules do not cover) there is no map and callers
 * keep their line-by-line estimate. Literal (`|`) blocks are copies line by
 * line and need none.
 *
 * The map has one source offset per character of the value, plus one for the
 * end of the value.
 */
export function scalarSourceMap(text: string, start: number, end: number, value: string): number[] | undefined {
  const c = text[start];
  let out: Built | undefined;
  if (c === '"' || c === "'") {
    if (end - start < 2 || text[end - 1] !== c) return undefined;
    out = flow(text, start + 1, end - 1, c === '"' ? 'double' : 'single');
  } else if (c === '>') out = folded(text, start, end);
  else if (c === '|') return undefined;
  else out = flow(text, start, end, 'plain');
  if (!out || out.chars.join('') !== value) return undefined;
  return [...out.at, out.end];
}

interface Built {
  chars: string[];
  /** Source offset of each char. */
  at: number[];
  /** Source offset just after the last char. */
  end: number;
}

function isBreak(ch: string | undefined): boolean {
  return ch === '\n' || ch === '\r';
}

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

/** Offset after the line break at `i` (`\r\n` is one). */
function afterBreak(text: string, i: number): number {
  return text[i] === '\r' && text[i + 1] === '\n' ? i + 2 : i + 1;
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Quoted and plain scalars: a line break with the blanks around it becomes a
 * space, or n newlines when n empty lines follow; blanks before a break go.
 */
function flow(text: string, from: number, to: number, style: 'double' | 'single' | 'plain'): Built | undefined {
  const b: Built = { chars: [], at: [], end: from };
  const emit = (s: string, at: number, next: number) => {
    for (const ch of s) {
      b.chars.push(ch);
      b.at.push(at);
      // A character outside the BMP is two UTF-16 units in the value.
      if (ch.length === 2) {
        b.chars[b.chars.length - 1] = ch[0];
        b.chars.push(ch[1]);
        b.at.push(at);
      }
    }
    b.end = next;
  };
  let blanks: number[] = [];
  const flush = () => {
    for (const k of blanks) emit(text[k], k, k + 1);
    blanks = [];
  };
  /** Empty lines from `j` on: each gives a newline; returns where the next text starts. */
  const fold = (brk: number, firstEmpty: number, folding: boolean): number => {
    let j = firstEmpty;
    const empties: number[] = [];
    for (;;) {
      let k = j;
      while (k < to && isBlank(text[k])) k++;
      if (k < to && isBreak(text[k])) {
        empties.push(k);
        j = afterBreak(text, k);
        continue;
      }
      j = k;
      break;
    }
    if (empties.length === 0 && folding) emit(' ', brk, brk + 1);
    for (const e of empties) emit('\n', e, e + 1);
    return j;
  };
  let i = from;
  while (i < to) {
    const ch = text[i];
    if (isBreak(ch)) {
      blanks = [];
      i = fold(i, afterBreak(text, i), true);
      continue;
    }
    if (isBlank(ch)) {
      blanks.push(i);
      i++;
      continue;
    }
    flush();
    if (style === 'double' && ch === '\\') {
      const n = text[i + 1];
      if (n === undefined || i + 1 >= to) return undefined;
      if (isBreak(n)) {
        // An escaped line break joins the lines without a space.
        i = fold(i, afterBreak(text, i + 1), false);
        continue;
      }
      if (n in HEX_ESCAPES) {
        const digits = text.slice(i + 2, i + 2 + HEX_ESCAPES[n]);
        if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== HEX_ESCAPES[n]) return undefined;
        const cp = parseInt(digits, 16);
        if (cp > 0x10ffff) return undefined;
        emit(String.fromCodePoint(cp), i, i + 2 + digits.length);
        i += 2 + digits.length;
        continue;
      }
      const e = ESCAPES[n];
      if (e === undefined) return undefined;
      emit(e, i, i + 2);
      i += 2;
      continue;
    }
    if (style === 'single' && ch === "'") {
      if (text[i + 1] !== "'") return undefined;
      emit("'", i, i + 2);
      i += 2;
      continue;
    }
    // A surrogate pair stays together.
    const cp = text.codePointAt(i)!;
    const s = String.fromCodePoint(cp);
    emit(s, i, i + s.length);
    i += s.length;
  }
  // Blanks before a closing quote are content; a plain scalar's range has none.
  flush();
  return b;
}

/**
 * A folded block: the lines of text, indentation removed; a break between
 * two lines of text becomes a space (or n newlines over n empty lines), but
 * breaks around more-indented lines are kept; the last break is chomped.
 */
function folded(text: string, start: number, end: number): Built | undefined {
  let i = start + 1;
  let chomp: 'clip' | 'strip' | 'keep' = 'clip';
  while (i < end && /[0-9+-]/.test(text[i])) {
    // An explicit indentation needs the parent's, which this reader does not track.
    if (/[0-9]/.test(text[i])) return undefined;
    chomp = text[i] === '-' ? 'strip' : 'keep';
    i++;
  }
  while (i < end && !isBreak(text[i])) {
    if (!isBlank(text[i]) && text[i] !== '#') return undefined;
    if (text[i] === '#') while (i < end && !isBreak(text[i])) i++;
    else i++;
  }
  if (i >= end) return undefined;
  const lines: Array<{ start: number; end: number; brk: number }> = [];
  for (let j = afterBreak(text, i); j < end; ) {
    let k = j;
    while (k < end && !isBreak(text[k])) k++;
    lines.push({ start: j, end: k, brk: k });
    j = k < end ? afterBreak(text, k) : end;
  }
  const firstText = lines.find((l) => text.slice(l.start, l.end).trim() !== '');
  if (!firstText) return undefined;
  let indent = 0;
  while (isBlank(text[firstText.start + indent]) && text[firstText.start + indent] === ' ') indent++;
  const b: Built = { chars: [], at: [], end: start };
  const emit = (ch: string, at: number) => {
    b.chars.push(ch);
    b.at.push(at);
    b.end = at + 1;
  };
  let pending: Array<{ brk: number }> = [];
  let prev: { spaced: boolean; brk: number } | undefined;
  for (const l of lines) {
    const raw = text.slice(l.start, l.end);
    if (raw.trim() === '') {
      // An empty line with more blanks than the indentation is content in YAML; not covered here.
      if (raw.length > indent) return undefined;
      pending.push({ brk: l.brk });
      continue;
    }
    if (l.end - l.start < indent || text.slice(l.start, l.start + indent).trim() !== '') return undefined;
    const from = l.start + indent;
    const spaced = isBlank(text[from]);
    if (!prev) for (const p of pending) emit('\n', p.brk);
    else if (!prev.spaced && !spaced) {
      if (pending.length === 0) emit(' ', prev.brk);
      else for (const p of pending) emit('\n', p.brk);
    } else {
      emit('\n', prev.brk);
      for (const p of pending) emit('\n', p.brk);
    }
    pending = [];
    for (let k = from; k < l.end; k++) emit(text[k], k);
    prev = { spaced, brk: l.brk };
  }
  if (prev && chomp !== 'strip' && prev.brk < end) {
    emit('\n', prev.brk);
    if (chomp === 'keep') for (const p of pending) emit('\n', p.brk);
  }
  return b;
}
