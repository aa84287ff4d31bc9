import { ParsedEntry, ParsedNode, type NodeSource } from './parsed-node.js';
import { rangeOf } from './position.js';
import type { ParseProblem } from './problems.js';

/**
 * A reader for valid JSON without escapes in its strings (what task
 * definitions and pipeline files are), giving exactly the nodes the
 * jsonc-parser path gives, faster and with less garbage. Anything else (a
 * syntax error, an escape, a control character, a comment) gives undefined
 * and the caller parses with jsonc-parser, which reports the error.
 */
export function readSimpleJson(text: string, from: NodeSource, problems: ParseProblem[]): ParsedNode | undefined {
  const r = new JsonReader(text, from);
  const root = r.document();
  if (!root) return undefined;
  problems.push(...r.duplicates);
  return root;
}

const FEW_KEYS = 16;

class JsonReader {
  readonly duplicates: ParseProblem[] = [];
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly from: NodeSource,
  ) {}

  document(): ParsedNode | undefined {
    this.space();
    const root = this.value();
    if (!root) return undefined;
    this.space();
    return this.pos === this.text.length ? root : undefined;
  }

  private space(): void {
    const t = this.text;
    for (;;) {
      const c = t.charCodeAt(this.pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) this.pos++;
      else return;
    }
  }

  private value(): ParsedNode | undefined {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === 123) return this.object();
    if (c === 91) return this.array();
    if (c === 34) {
      const start = this.pos;
      const s = this.string();
      if (s === undefined) return undefined;
      return this.scalar('string', start, s);
    }
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (t.startsWith(word, this.pos) && !isWordChar(t.charCodeAt(this.pos + word.length))) {
        const start = this.pos;
        this.pos += word.length;
        return this.scalar(v === null ? 'null' : 'boolean', start, v);
      }
    }
    return undefined;
  }

  private scalar(type: ParsedNode['type'], start: number, value: string | number | boolean | null): ParsedNode {
    const node = new ParsedNode(type, this.from, start, this.pos);
    node.value = value;
    return node;
  }

  /** A string without escapes or control characters (the others are jsonc-parser's); the position moves past it. */
  private string(): string | undefined {
    const t = this.text;
    const start = this.pos + 1;
    for (let i = start; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c === 34) {
        this.pos = i + 1;
        return t.slice(start, i);
      }
      if (c === 92 || c < 32) return undefined;
    }
    return undefined;
  }

  private number(): ParsedNode | undefined {
    const m = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
    m.lastIndex = this.pos;
    const found = m.exec(this.text);
    if (!found) return undefined;
    const start = this.pos;
    this.pos += found[0].length;
    // `01`, `1.`, `1e`: jsonc-parser's errors.
    const next = this.text.charCodeAt(this.pos);
    if ((next >= 48 && next <= 57) || next === 46 || next === 101 || next === 69 || isWordChar(next)) return undefined;
    return this.scalar('number', start, Number(found[0]));
  }

  private object(): ParsedNode | undefined {
    const node = new ParsedNode('object', this.from, this.pos, this.pos);
    const entries: ParsedEntry[] = [];
    node.entries = entries;
    let keys: Set<string> | undefined;
    this.pos++;
    this.space();
    if (this.text.charCodeAt(this.pos) === 125) {
      this.pos++;
      node.end = this.pos;
      return node;
    }
    for (;;) {
      if (this.text.charCodeAt(this.pos) !== 34) return undefined;
      const keyStart = this.pos;
      const key = this.string();
      if (key === undefined) return undefined;
      const keyAt = { from: this.from, start: keyStart, end: this.pos };
      // The same test as the jsonc-parser path, in the same order.
      let duplicate: boolean;
      if (!keys && entries.length < FEW_KEYS) duplicate = entries.some((e) => e.key === key);
      else {
        keys ??= new Set(entries.map((e) => e.key));
        duplicate = keys.has(key);
        keys.add(key);
      }
      if (duplicate) this.duplicates.push({ kind: 'duplicate-key', range: rangeOf(this.from.locator, keyStart, keyAt.end), message: `duplicate key "${key}": only the last one counts` });
      this.space();
      if (this.text.charCodeAt(this.pos) !== 58) return undefined;
      this.pos++;
      this.space();
      const value = this.value();
      if (!value) return undefined;
      entries.push(new ParsedEntry(key, keyAt, value));
      this.space();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 125) {
        node.end = this.pos;
        return node;
      }
      if (c !== 44) return undefined;
      this.space();
    }
  }

  private array(): ParsedNode | undefined {
    const node = new ParsedNode('array', this.from, this.pos, this.pos);
    const items: ParsedNode[] = [];
    node.items = items;
    this.pos++;
    this.space();
    if (this.text.charCodeAt(this.pos) === 93) {
      this.pos++;
      node.end = this.pos;
      return node;
    }
    for (;;) {
      const value = this.value();
      if (!value) return undefined;
      items.push(value);
      this.space();
      const c = this.text.charCodeAt(this.pos);
      this.pos++;
      if (c === 93) {
        node.end = this.pos;
        return node;
      }
      if (c !== 44) return undefined;
      this.space();
    }
  }
}

/** Characters jsonc-parser reads as part of a word (`truex` is not `true`). */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
}
