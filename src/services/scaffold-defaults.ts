import { FARGATE_MEMORY } from '../core/rules/taskdef/fargate-sizes.js';
import { DEFAULTS, NAME, type Runtime, type ScaffoldOptions } from '../core/scaffold/index.js';
import { NODE_VERSIONS } from '../core/scaffold/dockerfile.js';

/**
 * What the CLI and the action share before scaffolding: defaults read from
 * the repository's files, and the step from chosen values to ScaffoldOptions.
 * `read` gives a file's text relative to the target folder (undefined when absent),
 * so that this stays free of the file system.
 */
export type ScaffoldValue = string | number | boolean;
export type ScaffoldValues = Partial<Record<keyof ScaffoldOptions, ScaffoldValue>>;

export interface Defaults {
  values: ScaffoldValues;
  /** Where each default came from, to tell the user. */
  from: Partial<Record<keyof ScaffoldOptions, string>>;
}

/** Defaults read from the repository's files (`read` gives a file's text, relative to the folder). */
export function repoDefaults(read: (path: string) => string | undefined, env: Record<string, string | undefined>): Defaults {
  const d: Defaults = { values: {}, from: {} };
  const set = (key: keyof ScaffoldOptions, value: ScaffoldValue | undefined, from: string) => {
    if (value === undefined || key in d.values) return;
    d.values[key] = value;
    d.from[key] = from;
  };
  const pkg = parseJson(read('package.json'));
  if (pkg) {
    const raw = typeof pkg.name === 'string' ? pkg.name.replace(/^@[^/]+\//, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^[^a-z]+|-+$/g, '').slice(0, 32) : '';
    if (NAME.test(raw)) set('name', raw, 'package.json');
    const engines = pkg.engines as Record<string, unknown> | undefined;
    const major = typeof engines?.node === 'string' ? /(\d+)/.exec(engines.node)?.[1] : undefined;
    if (major && NODE_VERSIONS.includes(major)) set('nodeVersion', major, 'package.json engines');
    if (typeof pkg.main === 'string' && /^[\w./-]+\.[cm]?js$/.test(pkg.main)) set('entry', pkg.main.replace(/^\.\//, ''), 'package.json main');
  }
  const expose = /^\s*EXPOSE\s+(\d+)/im.exec(read('Dockerfile') ?? '');
  if (expose) set('port', Number(expose[1]), 'Dockerfile EXPOSE');
  const td = parseJson(read('taskdef.json'));
  const container = Array.isArray(td?.containerDefinitions) ? (td.containerDefinitions[0] as Record<string, unknown> | undefined) : undefined;
  const mapping = Array.isArray(container?.portMappings) ? (container.portMappings[0] as Record<string, unknown> | undefined) : undefined;
  if (typeof mapping?.containerPort === 'number') set('port', mapping.containerPort, 'taskdef.json');
  const cpu = Number(td?.cpu);
  const memory = Number(td?.memory);
  if (FARGATE_MEMORY.get(cpu)?.includes(memory)) {
    set('cpu', cpu, 'taskdef.json');
    set('memory', memory, 'taskdef.json');
  }
  const runtime = detectRuntime(read);
  if (runtime) set('runtime', runtime.runtime, runtime.from);
  const repo = githubRepo(read('.git/config'));
  if (repo) set('repo', repo, 'the git remote');
  const region = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  if (region) set('region', region, env.AWS_REGION ? 'AWS_REGION' : 'AWS_DEFAULT_REGION');
  return d;
}

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function detectRuntime(read: (path: string) => string | undefined): { runtime: Runtime; from: string } | undefined {
  const markers: [string, Runtime][] = [['package.json', 'node'], ['requirements.txt', 'python'], ['pyproject.toml', 'python'], ['pom.xml', 'java'], ['go.mod', 'go'], ['public/index.html', 'static'], ['index.html', 'static']];
  for (const [file, runtime] of markers) if (read(file) !== undefined) return { runtime, from: file };
  return undefined;
}

/** "owner/repo" of the GitHub remote "origin" (or the first remote) in .git/config. */
export function githubRepo(config: string | undefined): string | undefined {
  if (!config) return undefined;
  const remotes = [...config.matchAll(/\[remote "([^"]+)"\]([^[]*)/g)].map((m) => ({ name: m[1], url: /^\s*url\s*=\s*(\S+)/m.exec(m[2])?.[1] }));
  remotes.sort((a, b) => Number(b.name === 'origin') - Number(a.name === 'origin'));
  for (const r of remotes) {
    const m = /github\.com[:/]([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+?)(?:\.git)?\/?$/.exec(r.url ?? '');
    if (m) return `${m[1]}/${m[2]}`;
  }
  return undefined;
}

/**
 * The options from the chosen values (given over defaults), filling in what
 * has a fixed default; validate the result with validateOptions. `cpu` alone
 * picks the smallest memory Fargate accepts for it.
 */
export function toScaffoldOptions(v: ScaffoldValues, o: { lockfile: boolean }): ScaffoldOptions {
  const runtime = (v.runtime as Runtime | undefined) ?? DEFAULTS.runtime;
  return {
    name: String(v.name),
    port: typeof v.port === 'number' ? v.port : NaN,
    region: String(v.region),
    account: String(v.account),
    repo: String(v.repo),
    branch: String(v.branch ?? DEFAULTS.branch),
    cpu: Number(v.cpu ?? DEFAULTS.cpu),
    memory: Number(v.memory ?? (v.cpu === undefined ? DEFAULTS.memory : FARGATE_MEMORY.get(Number(v.cpu))?.[0] ?? NaN)),
    runtime,
    staging: v.staging === true,
    approval: v.approval === true,
    embed: v.embed === true,
    healthPath: String(v.healthPath ?? (runtime === 'static' ? '/' : DEFAULTS.healthPath)),
    ...(v.connectionArn !== undefined ? { connectionArn: String(v.connectionArn) } : {}),
    ...(v.entry !== undefined ? { entry: String(v.entry) } : {}),
    ...(v.nodeVersion !== undefined ? { nodeVersion: String(v.nodeVersion) } : {}),
    lockfile: o.lockfile,
  };
}
