import type { Entry, Node, NodeType, Range } from '../types.js';
import { rangeOf, type Locator } from './position.js';

/** What the nodes of one parsed text share: where their offsets are located, and (JSON) the text itself. */
export interface NodeSource {
  locator: Locator;
  /** JSON only: scalars give their source as the slice of this text they span. */
  text?: string;
}

/**
 * A parsed value that keeps its offsets and turns them into a Range only when
 * asked. Most values are never reported: an eager Range (three objects and
 * two line look-ups per value) was a large share of parsing and of garbage
 * collection on big trees. Every node of both parsers is of this one class, so
 * that property reads in the rules see one shape. The Range, once built, is
 * kept: a node answers the same object every time, as a plain one did.
 */
export class ParsedNode implements Node {
  type: NodeType;
  value: string | number | boolean | null | undefined = undefined;
  entries: Entry[] | undefined = undefined;
  items: Node[] | undefined = undefined;
  quoted: boolean | undefined = undefined;
  tag: string | undefined = undefined;
  /** YAML: the scalar as written, from the yaml package. */
  raw: string | undefined = undefined;
  readonly start: number;
  end: number;
  readonly from: NodeSource;
  private cached: Range | undefined = undefined;

  constructor(type: NodeType, from: NodeSource, start: number, end: number) {
    this.type = type;
    this.from = from;
    this.start = start;
    this.end = end;
  }

  get range(): Range {
    return (this.cached ??= rangeOf(this.from.locator, this.start, this.end));
  }

  get source(): string | undefined {
    if (this.raw !== undefined || this.from.text === undefined || this.type === 'object' || this.type === 'array') return this.raw;
    return this.from.text.slice(this.start, this.end);
  }
}

/** An object member; its key's range is computed from offsets when asked, like a node's. */
export class ParsedEntry implements Entry {
  key: string;
  value: Node;
  private readonly from: NodeSource;
  private readonly start: number;
  private readonly end: number;

  constructor(key: string, at: { from: NodeSource; start: number; end: number }, value: Node) {
    this.key = key;
    this.value = value;
    this.from = at.from;
    this.start = at.start;
    this.end = at.end;
  }

  get keyRange(): Range {
    return rangeOf(this.from.locator, this.start, this.end);
  }
}
