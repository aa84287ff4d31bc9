import { child, items, str } from '../config/node.js';
import type { Node } from '../types.js';
import { isPrimitive, shapeName, type ServiceModel, type TypeRef } from './model.js';
import { formatPath, isTemplated, type BadEnum, type Segment, type WrongType } from './validate.js';

/** Wording shared by the shape rules: what a type is, and how to fix a wrong one. */

export function describeType(model: ServiceModel, t: TypeRef): string {
  if (typeof t === 'object') {
    if ('list' in t) return `a list of ${plural(t.list)}`;
    if ('map' in t) return `an object of ${plural(t.map)}`;
    const values = model.enums[t.enum] ?? [];
    return values.length > 0 && values.length <= 10 ? `one of ${values.map((v) => JSON.stringify(v)).join(', ')}` : 'a string';
  }
  switch (t) {
    case 'string':
    case 'blob':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'timestamp':
      return 'a timestamp';
    default:
      return 'an object';
  }
}

function plural(t: TypeRef): string {
  if (typeof t === 'object') return 'enum' in t ? 'strings' : 'list' in t ? 'lists' : 'objects';
  if (t === 'number') return 'numbers';
  if (t === 'boolean') return 'booleans';
  return isPrimitive(t) ? 'strings' : 'objects';
}

export function actualType(node: Node): string {
  switch (node.type) {
    case 'null':
      return 'null';
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    default:
      return `a ${node.type}`;
  }
}

/** The scalar as it should be written as a JSON string (`false` → `"false"`). */
function asString(node: Node): string {
  return JSON.stringify(String(node.source && node.type === 'number' ? node.source : node.value));
}

const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;

/** A concrete edit that fixes a wrong type, when one is clear. */
export function typeFix(model: ServiceModel, p: WrongType): string | undefined {
  const { node, expected: t } = p;
  const last = p.path[p.path.length - 1];
  if (node.type === 'null') return `remove the key or give ${describeType(model, t)}`;
  if (t === 'string' || (typeof t === 'object' && 'enum' in t)) {
    if (node.type === 'number' || node.type === 'boolean') return `write it as a string: ${asString(node)}`;
    return undefined;
  }
  if (t === 'number') {
    if (node.type === 'string' && NUMERIC.test(node.value as string)) return `write it without quotes: ${(node.value as string).trim()}`;
    return undefined;
  }
  if (t === 'boolean') {
    if (node.type === 'string' && /^(true|false)$/i.test((node.value as string).trim())) return `write it without quotes: ${(node.value as string).trim().toLowerCase()}`;
    return undefined;
  }
  if (typeof t === 'object' && 'list' in t) return listFix(model, { item: t.list, node, key: last, parent: p.path[p.path.length - 2] });
  if (typeof t === 'object' && 'map' in t) return node.type === 'array' ? 'write it as an object of keys and values, not a list' : undefined;
  const name = shapeName(t);
  if (name && node.type !== 'object') {
    const members = Object.keys(model.shapes[name]?.members ?? {});
    return members.length > 0 && members.length <= 6 ? `its keys are ${members.join(', ')}` : undefined;
  }
  return undefined;
}

interface ListFixOptions {
  item: TypeRef;
  node: Node;
  key: Segment | undefined;
  parent: Segment | undefined;
}

function listFix(model: ServiceModel, o: ListFixOptions): string | undefined {
  const { item, node, key, parent } = o;
  if (node.type === 'string' && (item === 'string' || (typeof item === 'object' && 'enum' in item))) {
    const text = node.value as string;
    if (key === 'command' && parent === 'healthCheck') return `write it as a list: ${JSON.stringify(['CMD-SHELL', text])}`;
    // A command line given as one string would run as one executable name.
    if ((key === 'command' || key === 'entryPoint') && !/["'\\$|&;<>()]/.test(text) && text.trim().includes(' ')) {
      return `write it as a list of arguments: ${JSON.stringify(text.trim().split(/\s+/))}`;
    }
    return `wrap it in a list: ${JSON.stringify([text])}`;
  }
  const itemShape = shapeName(item);
  const shape = itemShape ? model.shapes[itemShape] : undefined;
  if (!shape || node.type !== 'object') return undefined;
  const members = Object.keys(shape.members);
  const entries = node.entries!;
  if (entries.length > 0 && entries.every((e) => members.includes(e.key))) return 'wrap the object in a list: [{ … }]';
  // `{"NODE_ENV": "production"}` where ECS wants `[{"name": "NODE_ENV", "value": "production"}]`.
  const valueKey = ['value', 'valueFrom'].find((k) => members.includes(k));
  const nameKey = ['name', 'key'].find((k) => members.includes(k));
  if (valueKey && nameKey && entries.length > 0) {
    const first = entries[0];
    const example = { [nameKey]: first.key, [valueKey]: first.value.type === 'string' ? first.value.value : String(first.value.value) };
    return `write each entry as an object: [${JSON.stringify(example)}, …]`;
  }
  return undefined;
}

/**
 * A path for a message, with names where the document has them:
 * `container "web": portMappings[0].containerPort`, `action "Deploy": runOrder`.
 */
export function where(root: Node | undefined, path: readonly Segment[]): string {
  const { owner, rest } = whereParts(root, path);
  return owner ? (rest ? `${owner}: ${rest}` : owner) : rest;
}

/** Where a key stands, for "unknown key" messages: `in container "web" at portMappings[0]`. */
export function placeOf(root: Node | undefined, parent: readonly Segment[]): string {
  const { owner, rest } = whereParts(root, parent);
  if (owner) return rest ? `in ${owner} at ${rest}` : `in ${owner}`;
  return rest ? `in ${rest}` : 'at the top level';
}

function whereParts(root: Node | undefined, path: readonly Segment[]): { owner?: string; rest: string } {
  const named = (list: Node | undefined, i: Segment) => (typeof i === 'number' ? str(child(items(list)[i], 'name')) : undefined);
  for (const [key, label] of [['containerDefinitions', 'container'], ['actions', 'action']] as const) {
    const at = path.indexOf(key);
    if (at < 0 || typeof path[at + 1] !== 'number') continue;
    const name = named(follow(root, path.slice(0, at + 1)), path[at + 1]);
    if (name !== undefined) return { owner: `${label} "${name}"`, rest: formatPath(path.slice(at + 2)) };
  }
  return { rest: formatPath(path) };
}

function follow(node: Node | undefined, path: readonly Segment[]): Node | undefined {
  let cur = node;
  for (const s of path) cur = typeof s === 'number' ? items(cur)[s] : child(cur, s);
  return cur;
}

/** `<where> must be <type>, not <type>; <fix>`. */
export function typeMessage(root: Node | undefined, p: WrongType, model: ServiceModel): string {
  const head = `${where(root, p.path)} must be ${describeType(model, p.expected)}, not ${actualType(p.node)}`;
  if (p.node.type === 'string' && isTemplated(p.node.value as string) && (p.expected === 'number' || p.expected === 'boolean')) {
    return `${head}; the quotes stay after the variable is filled in, so write the value without quotes`;
  }
  const fix = typeFix(model, p);
  return fix ? `${head}; ${fix}` : head;
}

export function enumMessage(root: Node | undefined, p: BadEnum): string {
  const value = JSON.stringify(p.node.value);
  const list = p.values.length <= 12 ? p.values.map((v) => JSON.stringify(v)).join(', ') : '';
  if (p.suggestion && p.suggestion.toLowerCase() === String(p.node.value).toLowerCase()) {
    return `${where(root, p.path)} is ${value}, but values are case-sensitive: write "${p.suggestion}"`;
  }
  if (p.suggestion) return `${where(root, p.path)} is ${value}; did you mean "${p.suggestion}"?${list ? ` Valid values: ${list}` : ''}`;
  return `${where(root, p.path)} is ${value}, which is not a valid value${list ? `; use one of ${list}` : ''}`;
}

/** Null values, which the AWS CLI rejects (`Invalid type for parameter …, value: None`). */
export function nullMessage(root: Node | undefined, nulls: WrongType[], model: ServiceModel): string {
  const first = where(root, nulls[0].path);
  if (nulls.length === 1) return `${first} is null, which the AWS CLI rejects as an invalid type; remove the key or give ${describeType(model, nulls[0].expected)}`;
  const names = nulls.slice(1, 5).map((p) => String(p.path[p.path.length - 1]));
  const more = nulls.length > 5 ? ` and ${nulls.length - 5} more` : '';
  return `${first} is null, and so are ${names.join(', ')}${more}; the AWS CLI rejects null values as an invalid type: remove these keys`;
}
