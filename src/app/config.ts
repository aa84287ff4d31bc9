import { Ajv, type ErrorObject } from 'ajv';
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { CONFIG_SCHEMA } from './config-schema.js';
import type { RoleAllowList } from './roles.js';

/** `.github/ecs-codepipeline.yml`, read by `context.config` (this repository's default branch, else the organisation's `.github` repository). */
export const CONFIG_FILE = 'ecs-codepipeline.yml';
export const CONFIG_PATH = `.github/${CONFIG_FILE}`;
export const DEFAULT_CHECK_NAME = 'ECS config';

export type ReportTarget = 'checks' | 'statuses' | 'deployments';

export interface PipelineConfig {
  name: string;
  region: string;
  branches?: string[];
  role?: string;
}

export interface AppConfig {
  checkName: string;
  paths: string[];
  pipelines: PipelineConfig[];
  report: ReportTarget[];
  deployments: Record<string, { environment: string; environment_url?: string }>;
  onboarding: boolean;
  /** The `ECS deploy preview` check run on pull requests (issue 6); absent means false. */
  preview?: boolean;
}

export interface ConfigProblem {
  /** Where in the file: `pipelines[0].role`, or `` for the whole file. */
  at: string;
  /** The same place as YAML keys, for finding the line. */
  keys: (string | number)[];
  message: string;
  /** Set when the line is known (YAML syntax errors; positions found in the head commit's copy). */
  line?: number;
  column?: number;
  /** Point at the key rather than the value (unknown keys). */
  onKey?: boolean;
}

export type ConfigResult =
  | { ok: true; config: AppConfig; /** Whether a file was found (else defaults). */ found: boolean; raw: unknown }
  | { ok: false; checkName: string; problems: ConfigProblem[]; raw?: unknown };

/** The file as read, or why it could not be read (`context.config` throws on bad YAML). */
export type ConfigRead = { value: unknown } | { error: Error };

// verbose: the parent schema tells which keys an object takes, for "did you mean".
const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const validate = ajv.compile(CONFIG_SCHEMA);

function keysOf(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer.slice(1).split('/').map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~')).map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

export function keysText(keys: readonly (string | number)[]): string {
  let s = '';
  for (const k of keys) s += typeof k === 'number' ? `[${k}]` : s ? `.${k}` : k;
  return s;
}

function valueAt(root: unknown, keys: readonly (string | number)[]): unknown {
  let v = root;
  for (const k of keys) v = v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

const KNOWN_KEYS = Object.keys(CONFIG_SCHEMA.properties);

function closest(word: string, list: readonly string[]): string | undefined {
  const d = (a: string, b: string) => {
    const m = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
    for (let j = 1; j <= b.length; j++) m[0][j] = j;
    for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) m[i][j] = Math.min(m[i - 1][j] + 1, m[i][j - 1] + 1, m[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    return m[a.length][b.length];
  };
  const best = list.map((w) => ({ w, n: d(word.toLowerCase(), w) })).sort((a, b) => a.n - b.n)[0];
  return best && best.n <= 3 ? best.w : undefined;
}

const PATTERN_HINT: Record<string, string> = {
  role: 'an IAM role ARN such as arn:aws:iam::123456789012:role/ecs-codepipeline-app',
  region: 'an AWS Region code such as us-east-1',
  name: 'a pipeline name (letters, digits, . @ _ -, at most 100 characters)',
  environment_url: 'an http:// or https:// URL',
  paths: 'a path relative to the repository root, without .. (e.g. infra/ecs)',
};

function problemOf(e: ErrorObject, raw: unknown): ConfigProblem {
  const keys = keysOf(e.instancePath);
  const at = keysText(keys);
  const here = at ? `\`${at}\`` : 'the file';
  const value = valueAt(raw, keys);
  const last = [...keys].reverse().find((k) => typeof k === 'string') as string | undefined;
  switch (e.keyword) {
    case 'additionalProperties': {
      const extra = (e.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const hint = closest(extra, allowed.length ? allowed : KNOWN_KEYS);
      const full = keysText([...keys, extra]);
      return { at: full, keys: [...keys, extra], onKey: true, message: `unknown key \`${full}\`${hint ? `; did you mean \`${hint}\`?` : `; the keys here are ${allowed.map((k) => `\`${k}\``).join(', ')}`}` };
    }
    case 'required': {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      return { at, keys, message: `${here} needs \`${missing}\`` };
    }
    case 'type':
      return { at, keys, message: `${here} must be ${/^[aeiou]/.test(String(e.params.type)) ? 'an' : 'a'} ${e.params.type as string}, not ${Array.isArray(value) ? 'a list' : value === null ? 'empty' : typeof value}` };
    case 'enum':
      return { at, keys, message: `${here} is ${JSON.stringify(value)}; use one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => `\`${String(v)}\``).join(', ')}` };
    case 'pattern': {
      const parentKey = typeof keys[keys.length - 1] === 'number' ? (keys[keys.length - 2] as string) : last;
      return { at, keys, message: `${here} is ${JSON.stringify(value)}; write ${PATTERN_HINT[parentKey ?? ''] ?? `a value matching ${e.params.pattern as string}`}` };
    }
    default:
      return { at, keys, message: `${here} ${e.message ?? 'is not valid'}` };
  }
}

/** The schema's verdict, then what the schema cannot say (roles outside the operator's allow-list). */
export function validateConfig(raw: unknown, roles: RoleAllowList): ConfigResult {
  const value = raw ?? {};
  if (!validate(value)) {
    // Ajv reports `type`/`enum` alternatives for one place; one message per place is enough.
    const seen = new Set<string>();
    const problems: ConfigProblem[] = [];
    for (const e of validate.errors ?? []) {
      const p = problemOf(e, value);
      const key = `${p.at}|${e.keyword === 'additionalProperties' ? p.message : ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push(p);
    }
    return { ok: false, checkName: checkNameOf(value), problems, raw: value };
  }
  const c = value as { check_name?: string; paths?: string[]; pipelines?: PipelineConfig[]; report?: ReportTarget[]; deployments?: AppConfig['deployments']; onboarding?: boolean; preview?: boolean };
  const problems: ConfigProblem[] = [];
  (c.pipelines ?? []).forEach((p, i) => {
    if (p.role !== undefined && !roles.allows(p.role)) {
      const keys = ['pipelines', i, 'role'];
      problems.push({
        at: keysText(keys),
        keys,
        message: roles.patterns.length === 0
          ? `\`${keysText(keys)}\` asks the app to assume ${p.role}, but this installation allows no roles (its operator has not set ECS_CODEPIPELINE_ALLOWED_ROLES); remove \`role\` or ask the operator to allow it`
          : `\`${keysText(keys)}\` asks the app to assume ${p.role}, which is not among the roles its operator allows (ECS_CODEPIPELINE_ALLOWED_ROLES: ${roles.patterns.join(', ')}); use one of those or ask the operator to add it`,
      });
    }
  });
  if (problems.length > 0) return { ok: false, checkName: checkNameOf(value), problems, raw: value };
  return {
    ok: true,
    found: raw !== null && raw !== undefined,
    raw: value,
    config: {
      checkName: c.check_name ?? DEFAULT_CHECK_NAME,
      paths: c.paths ?? ['.'],
      pipelines: c.pipelines ?? [],
      report: c.report ?? ['checks'],
      deployments: c.deployments ?? {},
      onboarding: c.onboarding ?? true,
      ...(c.preview !== undefined ? { preview: c.preview } : {}),
    },
  };
}

/**
 * `onboarding` as the file sets it: `default` when unset (AppConfig.onboarding reads it as true),
 * `on` when set to true, which also asks for the onboarding pull request where pipeline files exist.
 */
export function onboardingSetting(raw: unknown): 'default' | 'on' | 'off' {
  const v = raw && typeof raw === 'object' ? (raw as { onboarding?: unknown }).onboarding : undefined;
  return v === true ? 'on' : v === false ? 'off' : 'default';
}

function checkNameOf(value: unknown): string {
  const n = value && typeof value === 'object' ? (value as { check_name?: unknown }).check_name : undefined;
  return typeof n === 'string' && n.length > 0 && n.length <= 100 ? n : DEFAULT_CHECK_NAME;
}

/** A config that could not even be parsed: one problem, at the line the YAML parser names. */
export function unreadableConfig(error: Error): ConfigResult {
  const cause = (error as { cause?: { message?: string; linePos?: { line: number; col: number }[] } }).cause;
  const pos = cause?.linePos?.[0];
  const message = pos
    ? `the file is not valid YAML: ${(cause?.message ?? '').split('\n')[0]}`
    : error.message.replace(/^\[@probot\/octokit-plugin-config\]\s*/, '').replace(/https?:\/\/\S+/g, CONFIG_PATH);
  return {
    ok: false,
    checkName: DEFAULT_CHECK_NAME,
    problems: [{ at: '', keys: [], message, ...(pos ? { line: pos.line, column: pos.col } : {}) }],
  };
}

export function configFrom(read: ConfigRead, roles: RoleAllowList): ConfigResult {
  return 'error' in read ? unreadableConfig(read.error) : validateConfig(read.value, roles);
}

/**
 * Lines for the problems, from the head commit's copy of the file, when that
 * copy says the same as the file that was read (the config comes from the
 * default branch; a pull request may change it).
 */
export function locateProblems(problems: ConfigProblem[], text: string, raw: unknown): ConfigProblem[] {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc });
  if (doc.errors.length > 0 || raw === undefined || JSON.stringify(doc.toJS() ?? {}) !== JSON.stringify(raw)) return problems;
  return problems.map((p) => {
    if (p.line !== undefined) return p;
    let node: unknown = doc.contents;
    let keyNode: YamlNode | undefined;
    for (const k of p.keys) {
      if (isMap(node)) {
        const pair = node.items.find((it) => isScalar(it.key) && it.key.value === k);
        if (!pair) break;
        keyNode = pair.key as YamlNode;
        node = pair.value;
      } else if (node && typeof node === 'object' && 'items' in node && typeof k === 'number') {
        node = (node as { items: unknown[] }).items[k];
        keyNode = undefined;
      } else break;
    }
    const target = (p.onKey ? keyNode : (node as YamlNode | undefined)) ?? keyNode;
    const offset = target?.range?.[0];
    if (offset === undefined) return p;
    const pos = lc.linePos(offset);
    return { ...p, line: pos.line, column: pos.col };
  });
}
