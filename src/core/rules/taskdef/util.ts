import { child, entry, items, num, scalarText, str } from '../../config/node.js';
import { docsOf, type Doc, type Project } from '../../model.js';
import type { Entry, Node, Range } from '../../types.js';

/**
 * Readers shared by the task definition rules. Every reader tolerates any
 * shape: a wrong type is TD-03's finding, so here it only means "unknown".
 */

export interface TaskDef {
  doc: Doc;
  root: Node;
}

/** Task definitions of a project whose root is an object (others are TD-01's business). */
export function taskDefs(project: Project): TaskDef[] {
  return docsOf(project, 'taskdef')
    .filter((doc) => doc.root?.type === 'object')
    .map((doc) => ({ doc, root: doc.root! }));
}

export interface Container {
  node: Node;
  index: number;
  /** The name as written, when it is a string. */
  name?: string;
}

/** Container definitions that are objects, with their position in the list. */
export function containers(root: Node): Container[] {
  const out: Container[] = [];
  items(child(root, 'containerDefinitions')).forEach((node, index) => {
    if (node.type === 'object') out.push({ node, index, name: str(child(node, 'name')) });
  });
  return out;
}

/** How a message names a container: by its name, or by its place in the list. */
export function label(c: Container): string {
  return c.name !== undefined && c.name !== '' ? `"${c.name}"` : `#${c.index + 1}`;
}

/** A value that is there: JSON `null` counts as absent, as in the AWS CLI. */
export function present(node: Node | undefined): node is Node {
  return node !== undefined && node.type !== 'null';
}

/** An array or object with something in it; a scalar that is not null. */
export function nonEmpty(node: Node | undefined): node is Node {
  if (!present(node)) return false;
  if (node.type === 'array') return node.items!.length > 0;
  if (node.type === 'object') return node.entries!.length > 0;
  if (node.type === 'string') return node.value !== '';
  return true;
}

export function isFargate(root: Node): boolean {
  return items(child(root, 'requiresCompatibilities')).some((n) => str(n) === 'FARGATE');
}

/** The FARGATE item of requiresCompatibilities, to point at when Fargate demands something. */
export function fargateRange(root: Node): Range {
  const item = items(child(root, 'requiresCompatibilities')).find((n) => str(n) === 'FARGATE');
  return item?.range ?? entry(root, 'requiresCompatibilities')?.keyRange ?? root.range;
}

/** `networkMode` as written, or undefined when absent, null or not a string. */
export function networkMode(root: Node): string | undefined {
  return str(child(root, 'networkMode'));
}

export function isWindows(root: Node): boolean {
  return /^WINDOWS/.test(str(child(child(root, 'runtimePlatform'), 'operatingSystemFamily')) ?? '');
}

/**
 * Text still to be filled in by some tool before registration: shell or
 * Terraform variables, Jinja/Mustache, `%s`, or a `<PLACEHOLDER>`.
 */
export function templated(text: string): boolean {
  return /\$\{|\$[A-Za-z_]|\{\{|%[sd]|<[^<>"]{1,80}>|#\{/.test(text);
}

/** A scalar's text when it is a literal value, not a template to be filled in. */
export function literal(node: Node | undefined): string | undefined {
  const t = scalarText(node);
  return t === undefined || templated(t) ? undefined : t;
}

/** A number as written (`512` or `"512"`); undefined for anything else or a template. */
export function integer(node: Node | undefined): number | undefined {
  const n = num(node);
  if (n !== undefined) return n;
  const t = literal(node);
  return t !== undefined && /^\s*\d+\s*$/.test(t) ? Number(t) : undefined;
}

/** Task-level cpu in units: `"256"`, `256`, `"1 vCPU"`, `"0.25 vcpu"`. */
export function parseCpu(node: Node | undefined): number | undefined {
  const t = literal(node)?.trim();
  if (t === undefined) return undefined;
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^(\d*\.?\d+)\s*vcpu$/i.exec(t);
  return m ? Math.round(Number(m[1]) * 1024) : undefined;
}

/** Task-level memory in MiB: `"512"`, `512`, `"1GB"`, `"0.5 GB"`. */
export function parseMemory(node: Node | undefined): number | undefined {
  const t = literal(node)?.trim();
  if (t === undefined) return undefined;
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^(\d*\.?\d+)\s*gb$/i.exec(t);
  return m ? Math.round(Number(m[1]) * 1024) : undefined;
}

/** Object entries whose value is present (not null). */
export function presentEntries(node: Node | undefined): Entry[] {
  return node?.type === 'object' ? node.entries!.filter((e) => present(e.value)) : [];
}

/** A list of quoted values joined for a message: `"a", "b" or "c"`. */
export function orList(values: Array<string | number>, quote = true): string {
  const q = values.map((v) => (quote ? `"${v}"` : String(v)));
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** A scalar as a message quotes it: strings in quotes, numbers bare. */
export function scalar(node: Node): string {
  return node.type === 'string' ? `"${node.value as string}"` : String(node.value);
}
