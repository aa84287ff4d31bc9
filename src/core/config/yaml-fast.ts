import type { Node } from '../types.js';
import { ParsedEntry, ParsedNode, type NodeSource } from './parsed-node.js';
import type { ParseProblem } from './problems.js';

/**
 * A reader for the plain YAML most buildspecs and appspecs are written in:
 * block mappings and sequences, one-line plain and quoted scalars, comments.
 * It gives exactly the nodes the `yaml` package gives (values by the YAML 1.2
 * core schema, the same ranges, duplicate keys in the same order) in a small
 * part of the time and memory: on a large tree the `yaml` package's lexer and
 * parser were over half of all allocation. Anything else (anchors, tags, flow
 * collections, block scalars, multi-line scalars, escapes, tabs, non-ASCII,
 * unusual comments) gives undefined, and the caller uses the `yaml` package:
 * this reader never decides a question the full parser would answer
 * differently, and a test compares both on every YAML file of the corpus and
 * on mutations of them.
 */
export function readSimpleYaml(text: string, from: NodeSource, problems: ParseProblem[]): Node | undefined {
  try {
    const r = new Reader(text, from);
    const root = r.document();
    if (!root) return undefined;
    problems.push(...r.duplicates);
    return root;
  } catch (e) {
    if (e instanceof NotSimple) return undefined;
    throw e;
  }
}

class NotSimple extends Error {}

function notSimple(): never {
  throw new NotSimple();
}

const BLANK = 0;
const COMMENT = 1;
const CONTENT = 2;

interface Line {
  start: number;
  /** Offset of the line break (or the end of the text). */
  end: number;
  indent: number;
  kind: number;
}

/** Beyond this, the full parser's limit on values applies: it says so. */
const MAX_NODES = 200_000;

/** Characters a plain scalar may not start with (YAML indicators). */
const INDICATORS = new Set(['-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', "'", '"', '%', '@', '`']);

class Reader {
  readonly duplicates: ParseProblem[] = [];
  private readonly lines: Line[] = [];
  private count = 0;

  constructor(
    private readonly text: string,
    private readonly from: NodeSource,
  ) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Tabs, CR, other control characters and non-ASCII text have rules of their own: the full parser's.
      if ((c < 32 && c !== 10) || c > 126) notSimple();
    }
    for (let start = 0; start <= text.length; ) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      let indent = 0;
      while (start + indent < end && text.charCodeAt(start + indent) === 32) indent++;
      const kind = start + indent === end ? BLANK : text[start + indent] === '#' ? COMMENT : CONTENT;
      if (kind === CONTENT && indent === 0 && /^(?:---|\.\.\.)(?:\s|$)|^%/.test(text.slice(start, start + 4))) notSimple();
      this.lines.push({ start, end, indent, kind });
      if (end === text.length) break;
      start = end + 1;
    }
  }

  document(): Node | undefined {
    const first = this.nextContent(0);
    if (first.line < 0 || this.lines[first.line].indent !== 0) return undefined;
    const { node, next } = this.map(first.line, 0);
    if (next >= 0) notSimple();
    return node;
  }

  /** The next content line from `i` on, and whether comment lines came before it. */
  private nextContent(i: number): { line: number; comments: boolean; indentedComments: boolean } {
    let comments = false;
    let indentedComments = false;
    for (; i < this.lines.length; i++) {
      const l = this.lines[i];
      if (l.kind === CONTENT) return { line: i, comments, indentedComments };
      if (l.kind === COMMENT) {
        comments = true;
        if (l.indent > 0) indentedComments = true;
      }
    }
    return { line: -1, comments, indentedComments };
  }

  private node(type: ParsedNode['type'], start: number, end: number): ParsedNode {
    if (++this.count > MAX_NODES) notSimple();
    return new ParsedNode(type, this.from, start, end);
  }

  /** Where the key of a mapping entry starting at `pos` ends (its `:`), or -1 when the text there is not an entry. */
  private entryColon(pos: number, end: number): number {
    const c = this.text[pos];
    if (c === '"' || c === "'") {
      // A quoted key, or a quoted scalar followed by `:`: the full parser's.
      const close = this.text.indexOf(c, pos + 1);
      if (close >= 0 && close < end && /^\s*:/.test(this.text.slice(close + 1, end))) notSimple();
      return -1;
    }
    for (let i = pos; i < end; i++) {
      const ch = this.text[i];
      if (ch === '#' && i > pos && this.text[i - 1] === ' ') return -1;
      if (ch === ':' && (i + 1 === end || this.text[i + 1] === ' ')) return i;
    }
    return -1;
  }

  private isSeqItem(pos: number, end: number): boolean {
    return this.text[pos] === '-' && (pos + 1 === end || this.text[pos + 1] === ' ');
  }

  /** A block mapping whose first key is at column `col` of line `li` (mid-line after `- `, for a compact one). */
  private map(li: number, col: number): { node: ParsedNode; next: number } {
    const t = this.text;
    const first = this.lines[li];
    const node = this.node('object', first.start + col, first.start + col);
    node.entries = [];
    const seen = new Set<string>();
    let line = li;
    let at = first.start + col;
    for (;;) {
      const l = this.lines[line];
      const colon = this.entryColon(at, l.end);
      if (colon < 0) notSimple();
      // `key :` and keys that begin with an indicator are left to the full parser.
      if (colon === at || t[colon - 1] === ' ' || INDICATORS.has(t[at])) notSimple();
      const keyText = t.slice(at, colon);
      const keyNode = this.plain(at, colon, keyText);
      const key = keyNode.value === null || keyNode.value === undefined ? '' : String(keyNode.value);
      if (seen.has(key)) this.duplicates.push({ kind: 'duplicate-key', range: keyNode.range, message: `duplicate key "${key}": only one of them is used` });
      seen.add(key);
      const v = this.value({ line, from: colon + 1, col, allowSameIndentSeq: true });
      node.entries.push(new ParsedEntry(key, keyNode, v.node));
      node.end = v.end;
      const n = v.next;
      // A collection's range ends where its last value's does; after an empty last value, or indented comments
      // after the last item, that depends on the surrounding lines in ways left to the full parser.
      if ((n.line < 0 || this.lines[n.line].indent < col) && (n.indentedComments || v.empty)) notSimple();
      if (n.line < 0) return { node, next: -1 };
      const nl = this.lines[n.line];
      if (nl.indent === col && !this.isSeqItem(nl.start + col, nl.end)) {
        line = n.line;
        at = nl.start + col;
        continue;
      }
      if (nl.indent < col) return { node, next: n.line };
      notSimple();
    }
  }

  /** A block sequence whose dashes are at column `col`, the first on line `li`. */
  private seq(li: number, col: number, parentCol: number): { node: ParsedNode; next: number } {
    const first = this.lines[li];
    const node = this.node('array', first.start + col, first.start + col);
    node.items = [];
    let line = li;
    for (;;) {
      const l = this.lines[line];
      const dash = l.start + col;
      const v = this.value({ line, from: dash + 1, col, allowSameIndentSeq: false, item: true });
      node.items.push(v.node);
      node.end = v.end;
      const n = v.next;
      if ((n.line < 0 || this.lines[n.line].indent <= col) && (n.indentedComments || v.empty)) notSimple();
      if (n.line < 0) return { node, next: -1 };
      const nl = this.lines[n.line];
      if (nl.indent === col && this.isSeqItem(nl.start + col, nl.end)) {
        line = n.line;
        continue;
      }
      // Back to the parent: a less indented line, or the parent map's next key at the same column.
      if (nl.indent < col || (nl.indent === col && col === parentCol)) return { node, next: n.line };
      notSimple();
    }
  }

  /**
   * What follows an indicator (`key:` or `-`) that ends at `from` on `line`:
   * an inline scalar, a compact mapping (sequence items), a nested block on
   * the next lines, or nothing (null). Returns the node, where its range ends
   * (what the parent's range ends with), and the next content line.
   */
  private value(o: { line: number; from: number; col: number; allowSameIndentSeq: boolean; item?: boolean }): { node: Node; end: number; next: ReturnType<Reader['nextContent']>; empty?: boolean } {
    const t = this.text;
    const l = this.lines[o.line];
    let p = o.from;
    while (p < l.end && t[p] === ' ') p++;
    if (p < l.end) {
      if (p === o.from) notSimple();
      if (t[p] === '#') notSimple();
      if (o.item) {
        if (this.isSeqItem(p, l.end)) notSimple();
        if (this.entryColon(p, l.end) >= 0) {
          const m = this.map(o.line, p - l.start);
          return { node: m.node, end: m.node.end, next: m.next < 0 ? { line: -1, comments: false, indentedComments: false } : this.nextContent(m.next) };
        }
      }
      const scalar = this.inline(p, l.end);
      const next = this.nextContent(o.line + 1);
      // A scalar's range ends after its line break; the next line may not continue it.
      if (next.line >= 0 && this.lines[next.line].indent > o.col) notSimple();
      return { node: scalar, end: l.end < t.length ? l.end + 1 : l.end, next };
    }
    const next = this.nextContent(o.line + 1);
    if (next.line >= 0) {
      const nl = this.lines[next.line];
      const nested = nl.indent > o.col || (o.allowSameIndentSeq && nl.indent === o.col && this.isSeqItem(nl.start + nl.indent, nl.end));
      if (nested) {
        if (next.comments) notSimple();
        const b = this.isSeqItem(nl.start + nl.indent, nl.end) ? this.seq(next.line, nl.indent, o.col) : this.map(next.line, nl.indent);
        return { node: b.node, end: b.node.end, next: b.next < 0 ? { line: -1, comments: false, indentedComments: false } : this.nextContent(b.next) };
      }
    }
    // An empty value, placed after the blanks that follow its indicator; a comment after it would extend its range.
    if (next.comments) notSimple();
    const empty = this.node('null', p, p);
    empty.value = null;
    empty.quoted = false;
    empty.raw = '';
    return { node: empty, end: p, next, empty: true };
  }

  /** A scalar on one line from `p`: quoted, or plain up to a comment. */
  private inline(p: number, end: number): ParsedNode {
    const t = this.text;
    const q = t[p];
    if (q === '"' || q === "'") {
      let i = p + 1;
      let value = '';
      for (;;) {
        const close = t.indexOf(q, i);
        if (close < 0 || close >= end) notSimple();
        const part = t.slice(i, close);
        // Escapes are the full parser's.
        if (q === '"' && part.includes('\\')) notSimple();
        value += part;
        if (q === "'" && t[close + 1] === "'") {
          value += "'";
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      // After the closing quote: blanks, then a comment or the end of the line.
      let k = i;
      while (k < end && t[k] === ' ') k++;
      if (k < end && (t[k] !== '#' || k === i)) notSimple();
      const node = this.node('string', p, i);
      node.value = value;
      node.quoted = true;
      node.raw = value;
      return node;
    }
    if (INDICATORS.has(q)) notSimple();
    let stop = end;
    for (let i = p; i < end; i++) {
      if (t[i] === '#' && t[i - 1] === ' ') {
        stop = i;
        break;
      }
      // `a: b: c` and a value ending in `:` are mappings the full parser rejects or reads otherwise.
      if (t[i] === ':' && (i + 1 === end || t[i + 1] === ' ')) notSimple();
    }
    while (stop > p && t[stop - 1] === ' ') stop--;
    return this.plain(p, stop, t.slice(p, stop));
  }

  /** A plain scalar, typed by the YAML 1.2 core schema as the `yaml` package types it. */
  private plain(start: number, end: number, s: string): ParsedNode {
    const resolved = coreValue(s);
    const node = this.node(resolved === null ? 'null' : typeof resolved === 'number' ? 'number' : typeof resolved === 'boolean' ? 'boolean' : 'string', start, end);
    node.value = resolved;
    node.quoted = false;
    node.raw = s;
    return node;
  }
}

/** The `yaml` package's core schema tests and conversions, in its order. */
function coreValue(s: string): string | number | boolean | null {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(s)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(s)) return s[0] === 't' || s[0] === 'T';
  if (/^0o[0-7]+$/.test(s)) return parseInt(s.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(s)) return parseInt(s, 10);
  if (/^0x[0-9a-fA-F]+$/.test(s)) return parseInt(s.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(s)) return parseFloat(s);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(s)) return parseFloat(s);
  return s;
}
