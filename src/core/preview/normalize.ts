/**
 * One shape for both sides of the task definition diff: the template the
 * deploy registers and DescribeTaskDefinition output. Lists whose items have
 * an identity (containers, variables, ports …) become objects keyed by it, and
 * the defaults the ECS API fills in are written out, so that equal task
 * definitions normalise to equal values.
 */

export type Plain = unknown;
type Obj = Record<string, unknown>;

/** Set by ECS on registration: never part of what a deploy changes. */
export const READ_ONLY_FIELDS = new Set([
  'taskDefinitionArn',
  'revision',
  'status',
  'requiresAttributes',
  'compatibilities',
  'registeredAt',
  'registeredBy',
  'deregisteredAt',
]);

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The identity of an item of a list, by the list's key (`environment`,
 * `portMappings` …); undefined for lists compared as a whole (`command`).
 */
export function itemKey(list: string, item: unknown): string | undefined {
  if (!isObj(item)) return undefined;
  const s = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
  switch (list) {
    case 'containerDefinitions':
    case 'environment':
    case 'secrets':
    case 'volumes':
    case 'ulimits':
    case 'inferenceAccelerators':
    case 'secretOptions':
      return s(item.name);
    case 'portMappings': {
      const port = s(item.containerPort) ?? (s(item.containerPortRange) ? `range ${s(item.containerPortRange)}` : undefined);
      return port === undefined ? undefined : `${port}/${(s(item.protocol) ?? 'tcp').toLowerCase()}`;
    }
    case 'mountPoints':
      return s(item.containerPath);
    case 'dependsOn':
      return s(item.containerName);
    case 'systemControls':
      return s(item.namespace);
    case 'extraHosts':
      return s(item.hostname);
    default:
      return undefined;
  }
}

/** Lists whose items itemKey identifies: compared item by item even when the whole list appears or goes. */
export const KEYED_LISTS = new Set(['containerDefinitions', 'environment', 'secrets', 'volumes', 'ulimits', 'inferenceAccelerators', 'secretOptions', 'portMappings', 'mountPoints', 'dependsOn', 'systemControls', 'extraHosts']);

/** Lists whose items are name/value pairs: compared as name → value. */
const VALUE_OF: Record<string, string> = { environment: 'value', secrets: 'valueFrom', secretOptions: 'valueFrom' };

/** `"1 vCPU"` → 1024, `"256"` → 256; undefined when it is not a CPU amount. */
export function cpuUnits(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(v);
  if (!m) return undefined;
  return m[2] ? Math.round(Number(m[1]) * 1024) : Number(m[1]);
}

/** `"1 GB"` → 1024, `"512"` → 512 (MiB); undefined when it is not a memory amount. */
export function memoryMiB(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*(\d+(?:\.\d+)?)\s*(gb|gib|mb|mib)?\s*$/i.exec(v);
  if (!m) return undefined;
  return /^g/i.test(m[2] ?? '') ? Math.round(Number(m[1]) * 1024) : Number(m[1]);
}

const HEALTH_DEFAULTS = { interval: 30, timeout: 5, retries: 3 };

/** The normalised task definition; the input is not modified. Accepts DescribeTaskDefinition output as is. */
export function normalizeTaskdef(input: unknown): Obj {
  const raw = isObj(input) && isObj(input.taskDefinition) && !('containerDefinitions' in input) ? input.taskDefinition : input;
  if (!isObj(raw)) return {};
  const td: Obj = { ...raw };
  for (const k of READ_ONLY_FIELDS) delete td[k];
  const awsvpc = td.networkMode === 'awsvpc';
  if (td.cpu !== undefined) td.cpu = cpuUnits(td.cpu) ?? td.cpu;
  if (td.memory !== undefined) td.memory = memoryMiB(td.memory) ?? td.memory;
  if (Array.isArray(td.requiresCompatibilities)) td.requiresCompatibilities = [...td.requiresCompatibilities].map(String).sort();
  if (Array.isArray(td.containerDefinitions)) {
    td.containerDefinitions = td.containerDefinitions.map((c: unknown) => (isObj(c) ? normalizeContainer(c, awsvpc) : c));
  }
  return clean(keyLists(td, '')) as Obj;
}

function normalizeContainer(input: Obj, awsvpc: boolean): Obj {
  const c = { ...input };
  if (c.essential === undefined) c.essential = true;
  // The API reports an unset container cpu as 0.
  if (c.cpu === 0 || c.cpu === '0') delete c.cpu;
  for (const k of ['cpu', 'memory', 'memoryReservation']) {
    if (c[k] !== undefined) c[k] = (k === 'cpu' ? cpuUnits(c[k]) : memoryMiB(c[k])) ?? c[k];
  }
  if (Array.isArray(c.portMappings)) {
    c.portMappings = c.portMappings.map((p) => {
      if (!isObj(p)) return p;
      const q: Obj = { ...p, protocol: typeof p.protocol === 'string' ? p.protocol.toLowerCase() : 'tcp' };
      if (typeof q.containerPort === 'string' && /^\d+$/.test(q.containerPort)) q.containerPort = Number(q.containerPort);
      if (typeof q.hostPort === 'string' && /^\d+$/.test(q.hostPort)) q.hostPort = Number(q.hostPort);
      // With awsvpc the host port is the container port; the API writes it out.
      if (awsvpc && q.hostPort === undefined && q.containerPort !== undefined) q.hostPort = q.containerPort;
      return q;
    });
  }
  if (isObj(c.healthCheck)) c.healthCheck = { ...HEALTH_DEFAULTS, ...c.healthCheck };
  if (Array.isArray(c.environment)) {
    c.environment = c.environment.map((e) => (isObj(e) && e.value !== undefined && e.value !== null ? { ...e, value: String(e.value) } : e));
  }
  return c;
}

/** Turns keyed lists into objects (name → item, or name → value for pairs), recursively. */
function keyLists(v: unknown, name: string): unknown {
  if (Array.isArray(v)) {
    const keys = v.map((item) => itemKey(name, item));
    if (v.length > 0 && keys.every((k) => k !== undefined) && new Set(keys).size === keys.length) {
      const o: Obj = {};
      v.forEach((item, i) => {
        const field = VALUE_OF[name];
        o[keys[i]!] = field ? (item as Obj)[field] : keyLists(item, '');
      });
      return o;
    }
    return v.map((item) => keyLists(item, ''));
  }
  if (isObj(v)) {
    const o: Obj = {};
    for (const [k, x] of Object.entries(v)) o[k] = keyLists(x, k);
    return o;
  }
  return v;
}

/** Drops nulls, empty lists and empty objects: the API returns `[]` where a template says nothing. */
function clean(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clean);
  if (!isObj(v)) return v;
  const o: Obj = {};
  for (const [k, x] of Object.entries(v)) {
    const c = clean(x);
    if (c === null || c === undefined) continue;
    if (Array.isArray(c) && c.length === 0) continue;
    if (isObj(c) && Object.keys(c).length === 0) continue;
    o[k] = c;
  }
  return o;
}

/** Names whose values must not be shown, even in a task definition's plain environment. */
export function secretLooking(name: string): boolean {
  return /pass(word|wd)?|secret|token|api_?key|private|credential|access_?key|auth|dsn|conn(ection)?_?str/i.test(name);
}

/**
 * Values that are credentials whatever the variable is called: a URL with a
 * password (`postgres://app:s3cret@db/…`), access keys, tokens, private keys.
 */
const SECRET_VALUES: RegExp[] = [
  /:\/\/[^/\s:@]+:[^/\s@]+@/,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
  /\bgh[pousr]_[A-Za-z0-9]{20,}\b/,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/,
  /\b[sr]k_(?:live|test)_[A-Za-z0-9]{8,}/,
];

export function secretValue(v: unknown): boolean {
  return typeof v === 'string' && SECRET_VALUES.some((re) => re.test(v));
}

export const MASK = '••••••';

/** Deep equality of plain values (object key order ignored). */
export function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (isObj(a) && isObj(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && same(a[k], b[k]));
  }
  return false;
}
