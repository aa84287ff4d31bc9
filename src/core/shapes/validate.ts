import type { Entry, Node } from '../types.js';
import { didYouMean } from './did-you-mean.js';
import { shapeName, type ServiceModel, type TypeRef } from './model.js';

/** One step of a path into a document: a key or a list index. */
export type Segment = string | number;

export interface UnknownKey {
  kind: 'unknown-key';
  path: Segment[];
  entry: Entry;
  /** The structure the key was looked up in. */
  shape: string;
  suggestion?: string;
}

export interface WrongType {
  kind: 'type';
  path: Segment[];
  node: Node;
  expected: TypeRef;
}

export interface BadEnum {
  kind: 'enum';
  path: Segment[];
  node: Node;
  enumName: string;
  values: string[];
  suggestion?: string;
}

export type ShapeProblem = UnknownKey | WrongType | BadEnum;

export interface ValidateOptions {
  model: ServiceModel;
  type: TypeRef;
  node: Node;
  /** Where `node` stands in the document, for paths in messages. */
  path?: Segment[];
}

// A runaway document (thousands of containers) must not make thousands of findings.
const MAX_PROBLEMS = 300;
const MAX_VISITS = 200_000;

/**
 * Shell, envsubst, CloudFormation, Jinja and pipeline variables, and the
 * CodeDeployToECS `<IMAGE1_NAME>` placeholders: values that are filled in
 * later, so an enum check on them would judge the template, not the result.
 */
export function isTemplated(value: string): boolean {
  return /\$\{[^}]*\}|\$[A-Za-z_]|\{\{|\{%|#\{[^}]*\}|^<[^<>]+>$/.test(value);
}

/**
 * Checks a parsed document against a shape of the AWS model, as the SDK's
 * parameter validation and the service would: unknown keys, wrong JSON types
 * and enum values. Map keys are free; required members are other rules' job.
 */
export function validate(o: ValidateOptions): ShapeProblem[] {
  const problems: ShapeProblem[] = [];
  let visits = 0;

  const walk = (t: TypeRef, node: Node, path: Segment[]): void => {
    if (problems.length >= MAX_PROBLEMS || ++visits > MAX_VISITS) return;
    if (typeof t === 'object') {
      if ('list' in t) {
        if (node.type !== 'array') return void problems.push({ kind: 'type', path, node, expected: t });
        node.items!.forEach((item, i) => walk(t.list, item, [...path, i]));
        return;
      }
      if ('map' in t) {
        if (node.type !== 'object') return void problems.push({ kind: 'type', path, node, expected: t });
        for (const e of node.entries!) walk(t.map, e.value, [...path, e.key]);
        return;
      }
      if (node.type !== 'string') return void problems.push({ kind: 'type', path, node, expected: t });
      const values = o.model.enums[t.enum] ?? [];
      const value = node.value as string;
      if (values.length > 0 && !values.includes(value) && !isTemplated(value)) {
        problems.push({ kind: 'enum', path, node, enumName: t.enum, values, suggestion: didYouMean(value, values) });
      }
      return;
    }
    const name = shapeName(t);
    if (name === undefined) {
      if (!primitiveMatches(t, node)) problems.push({ kind: 'type', path, node, expected: t });
      return;
    }
    const shape = o.model.shapes[name];
    if (!shape) return;
    if (node.type !== 'object') return void problems.push({ kind: 'type', path, node, expected: t });
    const known = Object.keys(shape.members);
    for (const e of node.entries!) {
      const member = Object.prototype.hasOwnProperty.call(shape.members, e.key) ? shape.members[e.key] : undefined;
      if (member === undefined) {
        const suggestion = didYouMean(e.key, known);
        problems.push({ kind: 'unknown-key', path: [...path, e.key], entry: e, shape: name, suggestion });
        // `PortMappings` for `portMappings`: check what is inside too, so one pass finds every fix.
        if (suggestion !== undefined && suggestion.toLowerCase() === e.key.toLowerCase()) walk(shape.members[suggestion], e.value, [...path, e.key]);
        continue;
      }
      walk(member, e.value, [...path, e.key]);
    }
  };

  walk(o.type, o.node, o.path ?? []);
  return problems;
}

function primitiveMatches(t: string, node: Node): boolean {
  switch (t) {
    case 'string':
    case 'blob':
      return node.type === 'string';
    case 'number':
      return node.type === 'number';
    case 'boolean':
      return node.type === 'boolean';
    case 'timestamp':
      return node.type === 'string' || node.type === 'number';
    default:
      return true;
  }
}

/** `containerDefinitions[0].portMappings[0].containerPort`. */
export function formatPath(path: readonly Segment[]): string {
  let out = '';
  for (const s of path) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out === '' ? s : /^[A-Za-z_][\w-]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`;
  }
  return out;
}
