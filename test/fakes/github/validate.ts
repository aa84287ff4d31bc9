import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { OperationSpec, Route, Schema, SpecSubset } from './openapi.js';

/**
 * Matching a request to an operation of GitHub's OpenAPI description, and
 * checking its path parameters, query and JSON body against the schemas.
 *
 * Types are strict: the body is validated as sent (no coercion: `"5"` is not
 * an integer); path and query strings are converted only where the schema
 * asks for a number or a boolean, and only when they spell one exactly.
 * Unknown members are refused wherever the schema lists `properties` without
 * saying `additionalProperties` (GitHub's description leaves most objects open
 * by omission, and an open object would let a misspelt field such as
 * `headSha` pass silently); they pass where the schema allows them explicitly.
 * Unknown query parameters are refused for the same reason.
 */

// ajv-formats is CommonJS: under ESM its function is the default export's default.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

export interface ValidationError {
  /** `path`, `query` or `body` */
  in: string;
  /** JSON pointer into the part, e.g. `/output/annotations/0/start_line` */
  at: string;
  message: string;
}

export interface Match {
  route: Route;
  /** Raw (decoded) path parameters. */
  params: Record<string, string>;
}

interface CompiledRoute {
  route: Route;
  segments: string[];
  literals: number;
}

export class RouteTable {
  private readonly byMethod = new Map<string, CompiledRoute[]>();

  constructor(routes: Route[]) {
    for (const route of routes) {
      const segments = route.path.split('/').slice(1);
      const compiled = { route, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
      const list = this.byMethod.get(route.method) ?? [];
      list.push(compiled);
      this.byMethod.set(route.method, list);
    }
  }

  /** The best match (most literal segments) for a method and a raw path such as `/repos/o/r/commits/heads%2Fmain/status`. */
  match(method: string, pathname: string): Match | undefined {
    const parts = pathname.split('/').slice(1);
    let best: { c: CompiledRoute; params: Record<string, string> } | undefined;
    for (const c of this.byMethod.get(method) ?? []) {
      const params = matchSegments(c, parts);
      if (params && (!best || c.literals > best.c.literals)) best = { c, params };
    }
    return best && { route: best.c.route, params: best.params };
  }

  /** Methods GitHub describes for this path (for the message when the method is wrong). */
  methodsFor(pathname: string): string[] {
    const out: string[] = [];
    for (const [method, list] of this.byMethod) {
      const parts = pathname.split('/').slice(1);
      if (list.some((c) => matchSegments(c, parts))) out.push(method);
    }
    return out;
  }
}

function matchSegments(c: CompiledRoute, parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  const go = (si: number, pi: number): boolean => {
    if (si === c.segments.length) return pi === parts.length;
    const seg = c.segments[si];
    if (!seg.startsWith('{')) return parts[pi] === seg && go(si + 1, pi + 1);
    const name = seg.slice(1, -1);
    const maxTake = c.route.multiSegment.includes(name) ? parts.length - pi - (c.segments.length - si - 1) : 1;
    for (let take = maxTake; take >= 1; take--) {
      const raw = parts.slice(pi, pi + take);
      if (raw.some((p) => p === '')) continue;
      if (go(si + 1, pi + take)) {
        try {
          params[name] = decodeURIComponent(raw.join('/'));
        } catch {
          params[name] = raw.join('/');
        }
        return true;
      }
    }
    return false;
  };
  return go(0, 0) ? params : undefined;
}

/** additionalProperties: false on every object that lists properties and says nothing; see the module comment. */
export function closeObjects(schema: Schema, partial = false): Schema {
  const s: Schema = { ...schema };
  const props = s.properties as Record<string, Schema> | undefined;
  const branches = (['allOf', 'anyOf', 'oneOf'] as const).flatMap((k) => (Array.isArray(s[k]) ? (s[k] as Schema[]) : []));
  if (props) s.properties = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, closeObjects(v)]));
  for (const k of ['allOf', 'anyOf', 'oneOf'] as const) {
    // A branch next to `properties` only adds constraints: leave it open. A branch alone is a whole alternative.
    if (Array.isArray(s[k])) s[k] = (s[k] as Schema[]).map((b) => closeObjects(b, props !== undefined));
  }
  if (s.items && typeof s.items === 'object') s.items = closeObjects(s.items as Schema);
  if (s.additionalProperties && typeof s.additionalProperties === 'object') s.additionalProperties = closeObjects(s.additionalProperties as Schema);
  if (props && !partial && s.additionalProperties === undefined) {
    const known = new Set(Object.keys(props));
    const extra = branches.some((b) => Object.keys((b.properties as object | undefined) ?? {}).some((k) => !known.has(k)));
    if (!extra) s.additionalProperties = false;
  }
  return s;
}

function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false, coerceTypes: false, useDefaults: false });
  addFormats(ajv);
  // OpenAPI formats without a JSON Schema meaning: accepted as annotations.
  for (const f of ['int32', 'int64', 'double', 'float', 'repo.nwo', 'binary', 'timestamp']) ajv.addFormat(f, true);
  return ajv;
}

function errorsOf(where: string, errors: ErrorObject[] | null | undefined): ValidationError[] {
  return (errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties'
      ? ` (${JSON.stringify((e.params as { additionalProperty: string }).additionalProperty)})`
      : e.keyword === 'enum'
        ? ` (${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)})`
        : '';
    return { in: where, at: e.instancePath || '/', message: `${e.message ?? e.keyword}${extra}` };
  });
}

/** Path and query strings → the JSON types their schemas ask for, when they spell one exactly. */
function convert(value: string, schema: Schema): unknown {
  const type = schema.type;
  if (type === 'integer' && /^-?\d+$/.test(value)) return Number(value);
  if (type === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
  return value;
}

export class Validator {
  readonly routes: RouteTable;
  private readonly ajv = newAjv();
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(readonly spec: SpecSubset) {
    this.routes = new RouteTable(spec.routes);
  }

  private compile(id: string, schema: () => Schema): ValidateFunction {
    let v = this.cache.get(id);
    if (!v) {
      v = this.ajv.compile(schema());
      this.cache.set(id, v);
    }
    return v;
  }

  /** Errors of path parameters, query and body; empty when GitHub would accept the request's shape. */
  request(op: OperationSpec, o: { params: Record<string, string>; query: URLSearchParams; body: unknown; hasBody: boolean }): { errors: ValidationError[]; path: Record<string, unknown>; query: Record<string, unknown> } {
    const errors: ValidationError[] = [];
    const path: Record<string, unknown> = {};
    const query: Record<string, unknown> = {};
    for (const p of op.parameters) {
      if (p.in === 'path' && o.params[p.name] !== undefined) path[p.name] = convert(o.params[p.name], p.schema);
    }
    const known = new Set(op.parameters.filter((p) => p.in === 'query').map((p) => p.name));
    for (const name of new Set(o.query.keys())) {
      if (!known.has(name)) {
        errors.push({ in: 'query', at: `/${name}`, message: `is not a parameter of ${op.operationId}` });
        continue;
      }
      const values = o.query.getAll(name);
      const schema = op.parameters.find((p) => p.name === name)!.schema;
      query[name] = schema.type === 'array' ? values.map((v) => convert(v, (schema.items as Schema) ?? {})) : convert(values[values.length - 1], schema);
    }
    for (const where of ['path', 'query'] as const) {
      const params = op.parameters.filter((p) => p.in === where);
      const v = this.compile(`${op.key} ${where}`, () => ({
        type: 'object',
        properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
        required: params.filter((p) => p.required).map((p) => p.name),
      }));
      if (!v(where === 'path' ? path : query)) errors.push(...errorsOf(where, v.errors));
    }
    if (op.body) {
      if (!o.hasBody) {
        if (op.body.required) errors.push({ in: 'body', at: '/', message: 'a JSON body is required' });
      } else {
        const v = this.compile(`${op.key} body`, () => closeObjects(op.body!.schema));
        if (!v(o.body)) errors.push(...errorsOf('body', v.errors));
      }
    } else if (o.hasBody) {
      errors.push({ in: 'body', at: '/', message: `${op.operationId} takes no body` });
    }
    return { errors, path, query };
  }

  /** Errors of one of the fake's own answers against the documented response schema (a bug in the fake). */
  response(op: OperationSpec, status: number, body: unknown): ValidationError[] {
    const schema = op.responses[String(status)];
    if (!schema) return [{ in: 'response', at: '/', message: `${op.operationId} documents no JSON answer with status ${status}` }];
    const v = this.compile(`${op.key} ${status} response`, () => schema);
    return v(body) ? [] : errorsOf('response', v.errors);
  }
}
