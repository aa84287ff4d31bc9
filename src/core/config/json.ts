import { printParseErrorCode, visit, type ParseError } from 'jsonc-parser';
import type { Node } from '../types.js';
import { excessiveNesting, MAX_DEPTH } from './depth.js';
import { readSimpleJson } from './json-fast.js';
import { ParsedEntry, ParsedNode, type NodeSource } from './parsed-node.js';
import { rangeOf, type Locator } from './position.js';
import type { ParseProblem, ParseResult } from './problems.js';

const MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing brace `}` is expected',
  CloseBracketExpected: 'a closing bracket `]` is expected',
  EndOfFileExpected: 'the document should end here',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is not complete',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string (control characters must be escaped)',
};

/** Parses strict JSON into position-carrying nodes; never throws. */
export function parseJson(text: string, locator: Locator): ParseResult<Node> {
  const problems: ParseProblem[] = [];
  const deep = excessiveNesting(text);
  if (deep !== undefined) {
    problems.push({
      kind: 'syntax',
      range: rangeOf(locator, deep, deep + 1),
      message: `JSON nesting is deeper than ${MAX_DEPTH} levels; this is not a configuration file`,
    });
    return { problems };
  }
  if (text.trim() === '') {
    problems.push({ kind: 'syntax', range: rangeOf(locator, 0, 0), message: 'the file is empty; a JSON document is expected' });
    return { problems };
  }
  // Valid JSON without escapes (most task definitions and pipelines) is read without jsonc-parser, to the same nodes.
  const simple = readSimpleJson(text, { locator, text }, problems);
  if (simple) return { root: simple, problems };
  return readWithJsonc(text, locator);
}

/** jsonc-parser's reading, built into nodes (parseJson's path for what readSimpleJson leaves). */
export function readWithJsonc(text: string, locator: Locator): ParseResult<Node> {
  const problems: ParseProblem[] = [];
  const errors: ParseError[] = [];
  const duplicates: ParseProblem[] = [];
  const root = build(text, locator, { errors, duplicates });
  if (errors.length > 0) {
    const e = errors[0];
    const code = printParseErrorCode(e.error);
    problems.push({
      kind: 'syntax',
      range: rangeOf(locator, e.offset, e.offset + Math.max(1, e.length)),
      message: `invalid JSON: ${MESSAGES[code] ?? code}`,
    });
    return { problems };
  }
  if (!root) return { problems };
  problems.push(...duplicates);
  return { root, problems };
}

interface Found {
  errors: ParseError[];
  duplicates: ParseProblem[];
}

/** A container being built; for objects, also where the key of the member whose value comes next stands. */
interface Open {
  node: ParsedNode;
  from: NodeSource;
  key: string | undefined;
  start: number;
  end: number;
  /** Objects with many members: their keys, for finding duplicates without a quadratic search. */
  keys?: Set<string>;
}

/** Up to this many members, a duplicate key is looked for among the entries themselves. */
const FEW_KEYS = 16;

function isDuplicate(open: Open, name: string): boolean {
  const entries = open.node.entries!;
  if (!open.keys) {
    if (entries.length < FEW_KEYS) return entries.some((e) => e.key === name);
    open.keys = new Set(entries.map((e) => e.key));
  }
  if (open.keys.has(name)) return true;
  open.keys.add(name);
  return false;
}

/**
 * Builds the nodes straight from the parser's events (what jsonc-parser's
 * parseTree does, without its intermediate tree). The result only counts when
 * no error was found; duplicate keys are collected in document order.
 */
function build(text: string, locator: Locator, found: Found): ParsedNode | undefined {
  const from: NodeSource = { locator, text };
  const stack: Open[] = [];
  let root: ParsedNode | undefined;
  const add = (node: ParsedNode) => {
    const top = stack[stack.length - 1];
    if (!top) root ??= node;
    else if (top.node.entries) {
      if (top.key !== undefined) top.node.entries.push(new ParsedEntry(top.key, top, node));
      top.key = undefined;
    } else top.node.items!.push(node);
  };
  const close = (offset: number, length: number) => {
    const top = stack.pop();
    if (top) top.node.end = offset + length;
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => {
        const node = new ParsedNode('object', from, offset, offset);
        node.entries = [];
        add(node);
        stack.push({ node, from, key: undefined, start: 0, end: 0 });
      },
      onObjectProperty: (name, offset, length) => {
        const top = stack[stack.length - 1];
        if (isDuplicate(top, name)) found.duplicates.push({ kind: 'duplicate-key', range: rangeOf(locator, offset, offset + length), message: `duplicate key "${name}": only the last one counts` });
        top.key = name;
        top.start = offset;
        top.end = offset + length;
      },
      onObjectEnd: close,
      onArrayBegin: (offset) => {
        const node = new ParsedNode('array', from, offset, offset);
        node.items = [];
        add(node);
        stack.push({ node, from, key: undefined, start: 0, end: 0 });
      },
      onArrayEnd: close,
      onLiteralValue: (value: unknown, offset, length) => {
        const type = typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'null';
        const node = new ParsedNode(type, from, offset, offset + length);
        node.value = type === 'null' ? null : (value as string | number | boolean);
        add(node);
      },
      onError: (error, offset, length) => {
        found.errors.push({ error, offset, length });
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  return root;
}
