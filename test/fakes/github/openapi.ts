import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APP_OPERATIONS } from './app-routes.js';
import { COLLABORATOR_OPERATIONS } from './collaborators.js';
import { GIT_OPERATIONS } from './git-routes.js';
import { INSTALLATION_OPERATIONS } from './installation-routes.js';

/**
 * GitHub's REST description, from the installed @octokit/openapi package
 * (generated/api.github.com.deref.json: every $ref already inlined).
 *
 * That file is ~70 MB and takes seconds to read and parse, so the first test
 * process that needs it extracts a compact subset (every route's template and
 * method, plus the parameter, request and response schemas of the operations
 * the fake implements) into os.tmpdir(), keyed by the package version and by
 * the list of operations; later processes read only that. Nothing is committed.
 */

/** Operations the fake implements: `METHOD /template` exactly as in the description. */
export const IMPLEMENTED = [
  'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
  'POST /repos/{owner}/{repo}/check-runs',
  'GET /repos/{owner}/{repo}/check-runs/{check_run_id}',
  'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}',
  'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations',
  'POST /repos/{owner}/{repo}/statuses/{sha}',
  'GET /repos/{owner}/{repo}/commits/{ref}/status',
  'GET /repos/{owner}/{repo}/commits/{ref}/statuses',
  'POST /repos/{owner}/{repo}/deployments',
  'GET /repos/{owner}/{repo}/deployments',
  'GET /repos/{owner}/{repo}/deployments/{deployment_id}',
  'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
  'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
  // The GitHub App's (app-routes.ts): installation tokens, git trees and blobs, contents.
  ...APP_OPERATIONS,
  // A collaborator's role (collaborators.ts), which the app checks before acting on a button.
  ...COLLABORATOR_OPERATIONS,
  // Writing a branch and a pull request (git-routes.ts), for the app's onboarding pull request.
  ...GIT_OPERATIONS,
  // Where the app is installed (installation-routes.ts): resume on start, EventBridge updates, badges.
  ...INSTALLATION_OPERATIONS,
] as const;

export type OperationKey = (typeof IMPLEMENTED)[number];

/** Bump when the shape of the cached subset changes. */
const CACHE_FORMAT = 2;

export type Schema = Record<string, unknown>;

export interface ParameterSpec {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: Schema;
}

export interface OperationSpec {
  key: string;
  method: string;
  path: string;
  operationId: string;
  documentationUrl?: string;
  parameters: ParameterSpec[];
  body?: { required: boolean; schema: Schema };
  /** Status code → JSON schema of the answer (success codes only). */
  responses: Record<string, Schema>;
}

export interface Route {
  method: string;
  path: string;
  operationId: string;
  /** Path parameters that may span several segments (`x-multi-segment`, e.g. a ref like `heads/main`). */
  multiSegment: string[];
}

export interface SpecSubset {
  format: number;
  packageVersion: string;
  routes: Route[];
  operations: Record<string, OperationSpec>;
}

export interface LoadStats {
  /** `cache`: the subset was on disk; `spec`: it was extracted from the full description now. */
  source: 'cache' | 'spec';
  cacheFile: string;
  totalMs: number;
  /** Only when extracted: reading and JSON.parse of the full description. */
  readMs?: number;
  parseMs?: number;
  extractMs?: number;
  specBytes?: number;
  cacheBytes: number;
}

const VALIDATION_KEYWORDS = new Set([
  'type', 'nullable', 'enum', 'const', 'format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'required',
  'minProperties', 'maxProperties',
]);

/** Keeps the validation keywords only: descriptions and examples are most of the file's weight. */
export function slim(schema: unknown): Schema {
  if (!schema || typeof schema !== 'object') return {};
  const s = schema as Record<string, unknown>;
  const out: Schema = {};
  for (const [k, v] of Object.entries(s)) {
    if (VALIDATION_KEYWORDS.has(k)) out[k] = v;
    else if (k === 'properties' && v && typeof v === 'object') {
      out.properties = Object.fromEntries(Object.entries(v).map(([name, p]) => [name, slim(p)]));
    } else if ((k === 'items' || k === 'not') && v && typeof v === 'object') out[k] = slim(v);
    else if (k === 'additionalProperties') out[k] = typeof v === 'boolean' ? v : slim(v);
    else if ((k === 'allOf' || k === 'anyOf' || k === 'oneOf') && Array.isArray(v)) out[k] = v.map(slim);
  }
  // A `uri` whose documented default is "" (deployment statuses' target_url, log_url …): GitHub answers "" when unset.
  if (s.default === '' && typeof out.format === 'string') delete out.format;
  // OpenAPI 3.0: `nullable` admits null even past an enum; JSON Schema (and Ajv) need null in the enum itself.
  if (out.nullable === true && Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  // `nullable` without a `type` (beside anyOf/oneOf/allOf: a commit's `author`, an installation's `account`) means
  // "this schema, or null"; Ajv accepts `nullable` only next to a type, so the null becomes an alternative of its own.
  if (out.nullable === true && out.type === undefined) {
    const { nullable: _nullable, ...rest } = out;
    return { anyOf: [rest, { type: 'null' }] };
  }
  return out;
}

/**
 * Places where the description contradicts GitHub's answers, and its own
 * examples: operation, the JSON pointer of a response schema, and the repair.
 * A repair that no longer finds what it repairs does nothing.
 */
const ERRATA: Array<{ key: string; status: string; pointer: string[]; repair: (s: Schema) => Schema | undefined }> = [
  {
    // The installations list gives `account` as allOf [Simple User, Enterprise] (an account with both sets of
    // required fields); the example beside it, GET /repos/{owner}/{repo}/installation and GitHub's answers have
    // a user or an organisation there, i.e. anyOf, as the other installation routes say.
    key: 'GET /app/installations',
    status: '200',
    pointer: ['items', 'properties', 'account'],
    repair: allOfAsAnyOf,
  },
];

function allOfAsAnyOf(s: Schema): Schema | undefined {
  if (!Array.isArray(s.allOf)) return undefined;
  const { allOf, ...rest } = s;
  return { ...rest, anyOf: allOf };
}

/** The response schema with the errata of its operation repaired (before slim(): the description's own shape). */
function repaired(key: string, status: string, schema: unknown): unknown {
  let out = schema;
  for (const e of ERRATA) {
    if (e.key !== key || e.status !== status) continue;
    const path: Schema[] = [];
    let node = out as Schema | undefined;
    for (const step of e.pointer) {
      if (!node || typeof node !== 'object') break;
      path.push(node);
      node = node[step] as Schema | undefined;
    }
    const fixed = node && path.length === e.pointer.length ? e.repair(node) : undefined;
    if (!fixed) continue;
    // Copy along the pointer: the description object itself stays as read.
    let rebuilt: Schema = fixed;
    for (let i = e.pointer.length - 1; i >= 0; i--) rebuilt = { ...path[i], [e.pointer[i]]: rebuilt };
    out = rebuilt;
  }
  return out;
}

const require = createRequire(import.meta.url);

function packageDir(): string {
  return dirname(require.resolve('@octokit/openapi/package.json'));
}

export function specPath(): string {
  return join(packageDir(), 'generated', 'api.github.com.deref.json');
}

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8')) as { version: string }).version;
}

/** This module's own text, so that a change to the extraction invalidates the cache even if CACHE_FORMAT is not bumped. */
function ownSource(): string {
  try {
    return readFileSync(fileURLToPath(import.meta.url), 'utf8');
  } catch {
    return '';
  }
}

export function cacheFile(version = packageVersion()): string {
  const key = createHash('sha256').update(JSON.stringify({ CACHE_FORMAT, IMPLEMENTED, source: ownSource() })).digest('hex').slice(0, 12);
  return join(tmpdir(), 'ecs-codepipeline-github-openapi', `api.github.com-${version}-${key}.json`);
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options'];

interface RawOperation {
  operationId?: string;
  externalDocs?: { url?: string };
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: unknown; 'x-multi-segment'?: boolean }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

export function extract(spec: { paths: Record<string, Record<string, RawOperation>> }, version: string): SpecSubset {
  const routes: Route[] = [];
  const operations: Record<string, OperationSpec> = {};
  const wanted = new Set<string>(IMPLEMENTED);
  for (const [path, item] of Object.entries(spec.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = op.parameters ?? [];
      const key = `${method.toUpperCase()} ${path}`;
      routes.push({
        method: method.toUpperCase(),
        path,
        operationId: op.operationId ?? key,
        multiSegment: params.filter((p) => p.in === 'path' && p['x-multi-segment']).map((p) => p.name),
      });
      if (!wanted.has(key)) continue;
      const json = op.requestBody?.content?.['application/json'];
      const responses: Record<string, Schema> = {};
      for (const [code, r] of Object.entries(op.responses ?? {})) {
        const schema = r.content?.['application/json']?.schema;
        if (code.startsWith('2') && schema) responses[code] = slim(repaired(key, code, schema));
      }
      operations[key] = {
        key,
        method: method.toUpperCase(),
        path,
        operationId: op.operationId ?? key,
        documentationUrl: op.externalDocs?.url,
        parameters: params
          .filter((p) => p.in === 'path' || p.in === 'query')
          .map((p) => ({ name: p.name, in: p.in as 'path' | 'query', required: p.required === true, schema: slim(p.schema) })),
        ...(json ? { body: { required: op.requestBody?.required === true, schema: slim(json.schema) } } : {}),
        responses,
      };
    }
  }
  const missing = IMPLEMENTED.filter((k) => !operations[k]);
  if (missing.length > 0) throw new Error(`@octokit/openapi ${version} has no ${missing.join(', ')}`);
  return { format: CACHE_FORMAT, packageVersion: version, routes, operations };
}

let loaded: { subset: SpecSubset; stats: LoadStats } | undefined;

/** The subset, from the tmpdir cache or (once per machine and package version) from the full description. */
export function loadSpec(): { subset: SpecSubset; stats: LoadStats } {
  if (loaded) return loaded;
  const t0 = performance.now();
  const version = packageVersion();
  const file = cacheFile(version);
  if (existsSync(file)) {
    try {
      const text = readFileSync(file, 'utf8');
      const subset = JSON.parse(text) as SpecSubset;
      if (subset.format === CACHE_FORMAT && subset.packageVersion === version) {
        loaded = { subset, stats: { source: 'cache', cacheFile: file, totalMs: performance.now() - t0, cacheBytes: text.length } };
        return loaded;
      }
    } catch {
      // A torn or foreign file: extract again below.
    }
  }
  const t1 = performance.now();
  const raw = readFileSync(specPath(), 'utf8');
  const t2 = performance.now();
  const spec = JSON.parse(raw) as { paths: Record<string, Record<string, RawOperation>> };
  const t3 = performance.now();
  const subset = extract(spec, version);
  const text = JSON.stringify(subset);
  const t4 = performance.now();
  mkdirSync(dirname(file), { recursive: true });
  // Several jest workers may extract at once: write aside, then rename (atomic on one file system).
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, file);
  loaded = {
    subset,
    stats: {
      source: 'spec',
      cacheFile: file,
      totalMs: performance.now() - t0,
      readMs: t2 - t1,
      parseMs: t3 - t2,
      extractMs: t4 - t3,
      specBytes: raw.length,
      cacheBytes: text.length,
    },
  };
  return loaded;
}
