import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Node } from '../types.js';
import { excessiveNesting, MAX_DEPTH } from './depth.js';
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
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
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
  if (!tree) return { problems };
  return { root: convert(tree, text, locator, problems), problems };
}

function convert(n: JsonNode, text: string, locator: Locator, problems: ParseProblem[]): Node {
  const range = rangeOf(locator, n.offset, n.offset + n.length);
  switch (n.type) {
    case 'object': {
      const entries = [];
      const seen = new Set<string>();
      for (const prop of n.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k) continue;
        const key = String(k.value);
        const keyRange = rangeOf(locator, k.offset, k.offset + k.length);
        if (seen.has(key)) {
          problems.push({ kind: 'duplicate-key', range: keyRange, message: `duplicate key "${key}": only the last one counts` });
        }
        seen.add(key);
        const value: Node = v ? convert(v, text, locator, problems) : { type: 'null', value: null, range: keyRange };
        entries.push({ key, keyRange, value });
      }
      return { type: 'object', range, entries };
    }
    case 'array':
      return { type: 'array', range, items: (n.children ?? []).map((c) => convert(c, text, locator, problems)) };
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return { type: n.type, value: n.value, range, source: text.slice(n.offset, n.offset + n.length) };
    default:
      return { type: 'null', value: null, range };
  }
}
