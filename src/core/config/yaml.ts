import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { Entry, Node, Range } from '../types.js';
import { excessiveNesting, excessiveYamlIndent, MAX_DEPTH, MAX_YAML_INDENT } from './depth.js';
import { rangeOf, type Locator } from './position.js';
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
  const state = { seen: new Map<YamlNode, Node>(), count: 0, doc, locator, problems };
  try {
    return { root: convert(doc.contents, state, rangeOf(locator, 0, 0)), problems };
  } catch (e) {
    if (e instanceof TooLarge) {
      problems.push({ kind: 'syntax', range: rangeOf(locator, 0, 0), message: `the YAML expands to more than ${MAX_NODES} values (aliases?); refusing to read it` });
      return { problems };
    }
    throw e;
  }
}

class TooLarge extends Error {}

interface State {
  seen: Map<YamlNode, Node>;
  count: number;
  doc: Document;
  locator: Locator;
  problems: ParseProblem[];
}

function firstLine(s: string): string {
  return s.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function convert(n: YamlNode, st: State, fallback: Range): Node {
  if (n === null || n === undefined) return { type: 'null', value: null, range: fallback };
  const cached = st.seen.get(n);
  if (cached) return cached;
  if (++st.count > MAX_NODES) throw new TooLarge();
  if (isAlias(n)) {
    const target = n.resolve(st.doc);
    const node = target ? convert(target, st, fallback) : { type: 'null' as const, value: null, range: fallback };
    st.seen.set(n, node);
    return node;
  }
  const r = (n as { range?: [number, number, number] }).range;
  const range = r ? rangeOf(st.locator, r[0], r[1]) : fallback;
  const tag = (n as { tag?: string }).tag;
  const userTag = tag && tag.startsWith('!') ? tag : undefined;
  if (isScalar(n)) {
    const v = n.value;
    const quoted = n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE';
    const source = typeof n.source === 'string' ? n.source : undefined;
    let node: Node;
    if (v === null || v === undefined) node = { type: 'null', value: null, range };
    else if (typeof v === 'boolean') node = { type: 'boolean', value: v, range };
    else if (typeof v === 'number' || typeof v === 'bigint') node = { type: 'number', value: Number(v), range };
    else node = { type: 'string', value: v instanceof Date ? v.toISOString() : String(v), range };
    node.quoted = quoted;
    if (userTag) node.tag = userTag;
    if (source !== undefined) node.source = source;
    else if (r) node.source = undefined;
    st.seen.set(n, node);
    return node;
  }
  if (isMap(n)) {
    const node: Node = { type: 'object', range, entries: [] };
    if (userTag) node.tag = userTag;
    st.seen.set(n, node);
    const seenKeys = new Set<string>();
    for (const pair of n.items) {
      if (!isPair(pair)) continue;
      const keyNode = convert(pair.key, st, range);
      const key = keyNode.value === null || keyNode.value === undefined ? '' : String(keyNode.value);
      if (seenKeys.has(key)) {
        st.problems.push({ kind: 'duplicate-key', range: keyNode.range, message: `duplicate key "${key}": only one of them is used` });
      }
      seenKeys.add(key);
      const entry: Entry = { key, keyRange: keyNode.range, value: convert(pair.value, st, keyNode.range) };
      node.entries!.push(entry);
    }
    return node;
  }
  if (isSeq(n)) {
    const node: Node = { type: 'array', range, items: [] };
    if (userTag) node.tag = userTag;
    st.seen.set(n, node);
    for (const item of n.items) node.items!.push(convert(item, st, range));
    return node;
  }
  return { type: 'null', value: null, range };
}
