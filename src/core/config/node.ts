import type { Entry, Node, Range } from '../types.js';

/** Small readers over parsed nodes, so that rules stay declarative. */

export function entry(node: Node | undefined, key: string): Entry | undefined {
  if (!node || node.type !== 'object') return undefined;
  // The last duplicate wins, as in JSON.parse and the AWS parsers.
  for (let i = node.entries!.length - 1; i >= 0; i--) if (node.entries![i].key === key) return node.entries![i];
  return undefined;
}

export function child(node: Node | undefined, key: string): Node | undefined {
  return entry(node, key)?.value;
}

/** Follows a dotted path of object keys (no array steps). */
export function at(node: Node | undefined, path: string): Node | undefined {
  let cur = node;
  for (const k of path.split('.')) cur = child(cur, k);
  return cur;
}

export function entries(node: Node | undefined): Entry[] {
  return node?.type === 'object' ? node.entries! : [];
}

export function items(node: Node | undefined): Node[] {
  return node?.type === 'array' ? node.items! : [];
}

export function str(node: Node | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

export function num(node: Node | undefined): number | undefined {
  return node?.type === 'number' ? (node.value as number) : undefined;
}

export function bool(node: Node | undefined): boolean | undefined {
  return node?.type === 'boolean' ? (node.value as boolean) : undefined;
}

/** A scalar as text, whatever its type: `"256"` and `256` both give "256". */
export function scalarText(node: Node | undefined): string | undefined {
  if (!node || node.type === 'object' || node.type === 'array' || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

/** The range to underline for a key: the key itself. */
export function keyRange(parent: Node | undefined, key: string): Range | undefined {
  return entry(parent, key)?.keyRange;
}

/** Converts a node to a plain value (for rules that compare whole structures). */
export function toPlain(node: Node | undefined, budget = { left: 100_000 }): unknown {
  if (!node || --budget.left < 0) return undefined;
  switch (node.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const e of node.entries!) o[e.key] = toPlain(e.value, budget);
      return o;
    }
    case 'array':
      return node.items!.map((i) => toPlain(i, budget));
    default:
      return node.value;
  }
}

export function typeName(node: Node): string {
  return node.type === 'object' ? 'an object' : node.type === 'array' ? 'a list' : `a ${node.type}`;
}
