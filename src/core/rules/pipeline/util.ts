import { child, entry, items, str } from '../../config/node.js';
import { pipelineActions, type PipelineAction } from '../../config/pipeline.js';
import { docsOf, type Doc, type Project } from '../../model.js';
import type { Node, Range } from '../../types.js';

/**
 * Readers shared by the pipeline rules. A wrong JSON type is PL-08's finding,
 * so every reader here treats it as "unknown" and never throws.
 */

export interface PipelineDoc {
  doc: Doc;
  root: Node;
  /** The `pipeline` object. */
  pipeline: Node;
  actions: PipelineAction[];
}

export function pipelines(project: Project): PipelineDoc[] {
  const out: PipelineDoc[] = [];
  for (const doc of docsOf(project, 'pipeline')) {
    const root = doc.root;
    const pipeline = child(root, 'pipeline');
    if (!root || pipeline?.type !== 'object') continue;
    out.push({ doc, root, pipeline, actions: pipelineActions(root) });
  }
  return out;
}

/** Where file-level pipeline findings go: the `"pipeline"` key. */
export function pipelineRange(p: PipelineDoc): Range {
  return entry(p.root, 'pipeline')?.keyRange ?? p.root.range;
}

/** The first line of an object rather than all of it: its first key, or its opening brace. */
export function headOf(node: Node): Range {
  const first = node.entries?.[0];
  if (first) return first.keyRange;
  return { start: node.range.start, end: node.range.start };
}

/** Where to point for an action: its name, else its first key. */
export function actionRange(a: PipelineAction): Range {
  return child(a.node, 'name')?.range ?? headOf(a.node);
}

/** How a message names an action. */
export function actionLabel(a: PipelineAction): string {
  return a.name ? `action "${a.name}"` : `an action of stage "${a.stage}"`;
}

export interface ArtifactRef {
  /** The name as written, when it is a string. */
  name?: string;
  /** The `{"name": …}` item. */
  item: Node;
  /** The name value, or the item when it has none. */
  range: Range;
}

/** `inputArtifacts` or `outputArtifacts` items with their positions. */
export function artifactRefs(action: Node, key: 'inputArtifacts' | 'outputArtifacts'): ArtifactRef[] {
  return items(child(action, key)).map((item) => {
    const nameNode = child(item, 'name');
    return { name: str(nameNode), item, range: nameNode?.range ?? headOf(item) };
  });
}

/** A configuration value node of an action. */
export function configValue(a: PipelineAction, key: string): Node | undefined {
  return child(a.configurationNode, key);
}

/** Where to point when a configuration key is missing: the `configuration` key, else the action. */
export function configurationRange(a: PipelineAction): Range {
  return entry(a.node, 'configuration')?.keyRange ?? actionRange(a);
}

/**
 * Values filled in at run time: pipeline variables (`#{SourceVariables.BranchName}`),
 * or template syntax from the tool that renders the file (`${…}`, `{{…}}`, `<…>`).
 */
export function templated(value: string): boolean {
  return /#\{[^}]*\}|\$\{[^}]*\}|\$[A-Za-z_]|\{\{|<[^<>]+>/.test(value);
}

/** A quoted, comma-separated list for messages: `"a", "b" or "c"`. */
export function orList(values: readonly string[]): string {
  const q = values.map((v) => `"${v}"`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

export function andList(values: readonly string[]): string {
  return orList(values).replace(/ or ("[^"]*")$/, ' and $1');
}
