import type { Command } from '../../config/buildspec.js';
import { commandLocator } from '../../config/heredoc.js';
import { child, entries, entry, scalarText } from '../../config/node.js';
import { LineIndex } from '../../config/position.js';
import { docsOf, type Doc, type Project } from '../../model.js';
import { didYouMean } from '../../shapes/did-you-mean.js';
import type { Entry, Node, Range } from '../../types.js';

/**
 * Readers shared by the buildspec rules. A buildspec that does not parse is
 * CFG-01's finding and a root that is not a map is BS-01's, so the rules only
 * see object roots here and never have to guard against them again.
 */

export interface Buildspec {
  doc: Doc;
  root: Node;
}

export function buildspecs(project: Project): Buildspec[] {
  const out: Buildspec[] = [];
  for (const doc of docsOf(project, 'buildspec')) {
    if (doc.root?.type === 'object') out.push({ doc, root: doc.root });
  }
  return out;
}

export const TOP_LEVEL_KEYS = ['version', 'run-as', 'env', 'proxy', 'batch', 'phases', 'reports', 'artifacts', 'cache'];

/** Unknown keys of a map, each with a "did you mean" when one is close. */
export function unknownKeys(node: Node | undefined, known: readonly string[]): Array<{ entry: Entry; hint?: string }> {
  return entries(node)
    .filter((e) => !known.includes(e.key))
    .map((e) => ({ entry: e, hint: didYouMean(e.key, known) }));
}

export function suggestion(hint: string | undefined, fallback: string): string {
  return hint ? `did you mean "${hint}"?` : fallback;
}

/** A scalar as the user wrote it (`3.10`, not the number 3.1). */
export function written(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  if (node.type === 'number' && node.source !== undefined) return node.source;
  return scalarText(node);
}

/** The range of a part of a command (offsets in the command's value) in the buildspec. */
export function commandRange(doc: Doc, command: Command, start: number, end: number): Range {
  if (!(doc.locator instanceof LineIndex)) return command.node.range;
  const at = commandLocator(command, doc.locator);
  return { start: at(start), end: at(Math.max(start, end)) };
}

/** A phase's map, when `phases.<name>` is one. */
export function phase(root: Node, name: string): Node | undefined {
  const p = child(child(root, 'phases'), name);
  return p?.type === 'object' ? p : undefined;
}

/** The `phases.<name>` entry, for pointing at the phase key. */
export function phaseEntry(root: Node, name: string): Entry | undefined {
  return entry(child(root, 'phases'), name);
}

export function orList(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`;
}
