import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { Node } from '../types.js';
import { excessiveNesting, excessiveYamlIndent, MAX_DEPTH, MAX_YAML_INDENT } from './depth.js';
import { ParsedEntry, ParsedNode, type NodeSource } from './parsed-node.js';
import { rangeOf, type Locator } from './position.js';
import { readSimpleYaml } from './yaml-fast.js';
import type { ParseProblem, ParseResult } from './problems.js';

type YamlNode = unknown;

/** Converted nodes are shared through aliases, so an alias bomb stays linear. */
const MAX_NODES = 200_000;

/** Parses one YAML document into position-carrying nodes; never throws. */
export function parseYaml(text: string, locator: Locator): ParseResult<Node> {
  const problems: ParseProblem[] = [];
  const deep = excessiveNesting(text);
  if (deep !== undefined) {
    problems.push({
      kind: 'syntax',
      range: rangeOf(locator, deep, deep + 1),
      message: `YAML flow nesting is deeper than ${MAX_DEPTH} levels; this is not a configuration file`,
    });
    return { problems };
  }
  const indent = excessiveYamlIndent(text);
  if (indent !== undefined) {
    problems.push({
      kind: 'syntax',
      range: rangeOf(locator, indent, indent + 1),
      message: `YAML nesting is deeper than ${MAX_YAML_INDENT / 2} levels (indentation and "- " indicators); this is not a configuration file`,
    });
    return { problems };
  }
  // Plain YAML (most buildspecs and appspecs) is read without the yaml package, to the same nodes.
  const simple = readSimpleYaml(text, { locator }, problems);
  if (simple) return { root: simple, problems };
  return readWithYamlPackage(text, locator);
}

/** The `yaml` package's reading, converted to nodes (parseYaml's path for what readSimpleYaml leaves). */
export function readWithYamlPackage(text: string, locator: Locator): ParseResult<Node> {
  const problems: ParseProblem[] = [];
  let doc: Document;
  try {
    doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false, keepSourceTokens: false, strict: false });
  } catch (e) {
    problems.push({ kind: 'syntax', range: rangeOf(locator, 0, 0), message: `the YAML could not be read: ${(e as Error).message}` });
    return { problems };
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    problems.push({
      kind: 'syntax',
      range: rangeOf(locator, e.pos[0], Math.max(e.pos[1], e.pos[0] + 1)),
      message: `invalid YAML: ${firstLine(e.message)}`,
    });
    return { problems };
  }
  if (doc.contents === null || doc.contents === undefined) {
    problems.push({ kind: 'syntax', range: rangeOf(locator, 0, 0), message: 'the file is empty; a YAML document is expected' });
    return { problems };
  }
  const state: State = { seen: new Map<YamlNode, ParsedNode>(), count: 0, doc, from: { locator }, problems };
  try {
    return { root: convert(doc.contents, state, FILE_START), problems };
  } catch (e) {
    if (e instanceof TooLarge) {
      problems.push({ kind: 'syntax', range: rangeOf(locator, 0, 0), message: `the YAML expands to more than ${MAX_NODES} values (aliases?); refusing to read it` });
      return { problems };
    }
    throw e;
  }
}

/** Where a value without a place of its own (a missing map value …) is reported: at its key, or at its collection. */
interface Span {
  start: number;
  end: number;
}

const FILE_START: Span = { start: 0, end: 0 };

class TooLarge extends Error {}

interface State {
  seen: Map<YamlNode, ParsedNode>;
  count: number;
  doc: Document;
  from: NodeSource;
  problems: ParseProblem[];
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function nullAt(st: State, at: Span): ParsedNode {
  const node = new ParsedNode('null', st.from, at.start, at.end);
  node.value = null;
  return node;
}

function convert(n: YamlNode, st: State, fallback: Span): ParsedNode {
  if (n === null || n === undefined) return nullAt(st, fallback);
  const cached = st.seen.get(n);
  if (cached) return cached;
  if (++st.count > MAX_NODES) throw new TooLarge();
  if (isAlias(n)) {
    const target = n.resolve(st.doc);
    const node = target ? convert(target, st, fallback) : nullAt(st, fallback);
    st.seen.set(n, node);
    return node;
  }
  const r = (n as { range?: [number, number, number] }).range;
  const span = r ? { start: r[0], end: r[1] } : fallback;
  const tag = (n as { tag?: string }).tag;
  const userTag = tag && tag.startsWith('!') ? tag : undefined;
  if (isScalar(n)) {
    const v = n.value;
    let node: ParsedNode;
    if (v === null || v === undefined) node = nullAt(st, span);
    else if (typeof v === 'boolean') node = valued(st, span, 'boolean', v);
    else if (typeof v === 'number' || typeof v === 'bigint') node = valued(st, span, 'number', Number(v));
    else node = valued(st, span, 'string', v instanceof Date ? v.toISOString() : String(v));
    node.quoted = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE';
    if (userTag) node.tag = userTag;
    if (typeof n.source === 'string') node.raw = n.source;
    st.seen.set(n, node);
    return node;
  }
  if (isMap(n)) {
    const node = new ParsedNode('object', st.from, span.start, span.end);
    node.entries = [];
    if (userTag) node.tag = userTag;
    st.seen.set(n, node);
    const seenKeys = new Set<string>();
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const keyNode = convert(pair.key, st, node);
      const key = keyNode.value === null || keyNode.value === undefined ? '' : String(keyNode.value);
      if (seenKeys.has(key)) {
        st.problems.push({ kind: 'duplicate-key', range: keyNode.range, message: `duplicate key "${key}": only one of them is used` });
      }
      seenKeys.add(key);
      node.entries.push(new ParsedEntry(key, keyNode, convert(pair.value, st, keyNode)));
    }
    return node;
  }
  if (isSeq(n)) {
    const node = new ParsedNode('array', st.from, span.start, span.end);
    node.items = [];
    if (userTag) node.tag = userTag;
    st.seen.set(n, node);
    for (const item of n.items) node.items.push(convert(item, st, node));
    return node;
  }
  return nullAt(st, span);
}

function valued(st: State, at: Span, type: 'boolean' | 'number' | 'string', value: boolean | number | string): ParsedNode {
  const node = new ParsedNode(type, st.from, at.start, at.end);
  node.value = value;
  return node;
}
