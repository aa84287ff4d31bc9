import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { folderFs, readOptional } from '../adapters/fs/write-files.js';
import { FARGATE_MEMORY } from '../core/rules/taskdef/fargate-sizes.js';
import { DEFAULTS, NAME, RUNTIMES, validateOptions, type Runtime, type ScaffoldOptions } from '../core/scaffold/index.js';
import { NODE_VERSIONS } from '../core/scaffold/dockerfile.js';
import { applyScaffold, planScaffold } from '../services/scaffold.js';
import type { CliIO } from './main.js';

const EXIT = { ok: 0, usage: 2 } as const;

export const SCAFFOLD_HELP = `Usage: ecs-codepipeline scaffold [dir] [options]

Writes the files of an ECS blue/green pipeline into dir (default: the current
folder): Dockerfile, buildspec.yml, taskdef.json, appspec.yaml, pipeline.json,
aws/ (CodeBuild project, IAM policies, setup.sh) and .github/ (workflow, app
config). Existing files are never changed: their diff is shown instead, unless
--force. Defaults come from package.json, an existing Dockerfile or
taskdef.json and the git remote; on a terminal it asks for what is missing.

Options:
  --name <name>            Service name: container, ECR repository, task family (e.g. myapp)
  --port <port>            Port the container listens on (e.g. 8080)
  --region <region>        AWS Region (e.g. us-east-1; default: AWS_REGION)
  --account <id>           12-digit AWS account ID
  --repo <owner/repo>      GitHub repository (default: the git remote "origin")
  --branch <branch>        Branch the pipeline builds (default: main)
  --cpu <units>            Fargate task cpu (default: 256)
  --memory <MiB>           Fargate task memory (default: 512)
  --runtime <runtime>      node, python, java, go or static (default: from the files found)
  --health-path <path>     Path the health check requests (default: /health, / for static)
  --connection-arn <arn>   CodeStar connection to GitHub (default: aws/setup.sh creates one)
  --staging                Add a Deploy-Staging stage before Deploy
  --approval               Add a manual approval before Deploy
  --embed                  Write taskdef.json and appspec.yaml from the buildspec (the seed's style)
  --force                  Overwrite existing files that differ
  --dry-run                Show what would be written, write nothing
`;

type Value = string | number | boolean;
interface Flags {
  dir: string;
  force: boolean;
  dryRun: boolean;
  values: Partial<Record<keyof ScaffoldOptions, Value>>;
}

const STRING_FLAGS: Record<string, keyof ScaffoldOptions> = {
  '--name': 'name', '--port': 'port', '--region': 'region', '--account': 'account', '--repo': 'repo', '--branch': 'branch',
  '--cpu': 'cpu', '--memory': 'memory', '--runtime': 'runtime', '--health-path': 'healthPath', '--connection-arn': 'connectionArn',
};
const BOOLEAN_FLAGS: Record<string, keyof ScaffoldOptions> = { '--staging': 'staging', '--approval': 'approval', '--embed': 'embed' };
const NUMERIC = new Set<keyof ScaffoldOptions>(['port', 'cpu', 'memory']);

/** The command line after `scaffold`; a string is a usage error. */
export function parseScaffoldArgs(argv: readonly string[]): Flags | 'help' | string {
  const out: Flags = { dir: '.', force: false, dryRun: false, values: {} };
  let dirSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return 'help';
    if (!arg.startsWith('-')) {
      if (dirSeen) return `scaffold takes one folder, got '${out.dir}' and '${arg}'`;
      out.dir = arg;
      dirSeen = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name in BOOLEAN_FLAGS && eq < 0) out.values[BOOLEAN_FLAGS[name]] = true;
    else if (name === '--force' && eq < 0) out.force = true;
    else if (name === '--dry-run' && eq < 0) out.dryRun = true;
    else if (name in STRING_FLAGS) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '') return `option ${name} needs a value (see \`ecs-codepipeline scaffold --help\`)`;
      const key = STRING_FLAGS[name];
      if (NUMERIC.has(key)) {
        if (!/^\d+$/.test(value)) return `option ${name} takes a whole number, not '${value}'`;
        out.values[key] = Number(value);
      } else out.values[key] = value;
    } else return `unknown option '${arg}' for scaffold (see \`ecs-codepipeline scaffold --help\`)`;
  }
  return out;
}

interface Defaults {
  values: Partial<Record<keyof ScaffoldOptions, Value>>;
  /** Where each default came from, to tell the user. */
  from: Partial<Record<keyof ScaffoldOptions, string>>;
}

/** Defaults read from the repository's files (`read` gives a file's text, relative to the folder). */
export function repoDefaults(read: (path: string) => string | undefined, env: Record<string, string | undefined>): Defaults {
  const d: Defaults = { values: {}, from: {} };
  const set = (key: keyof ScaffoldOptions, value: Value | undefined, from: string) => {
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

const REQUIRED: { key: keyof ScaffoldOptions; flag: string; question: string }[] = [
  { key: 'name', flag: '--name', question: 'Service name (lower case, e.g. myapp)' },
  { key: 'port', flag: '--port', question: 'Port the container listens on (e.g. 8080)' },
  { key: 'region', flag: '--region', question: 'AWS Region (e.g. us-east-1)' },
  { key: 'account', flag: '--account', question: 'AWS account ID (12 digits)' },
  { key: 'repo', flag: '--repo', question: 'GitHub repository (owner/repo)' },
];

export type Ask = (question: string) => Promise<string>;

export interface ScaffoldDeps {
  /** Given on a terminal: asks for a missing value. Without it, a missing value is a usage error. */
  ask?: Ask;
}

/**
 * The scaffold command. Returns a number when it needs no answers (so that
 * main() stays synchronous for scripts) and a promise when it asks.
 */
export function scaffoldCommand(argv: readonly string[], io: CliIO, deps: ScaffoldDeps = {}): number | Promise<number> {
  const flags = parseScaffoldArgs(argv);
  if (flags === 'help') {
    io.stdout(SCAFFOLD_HELP);
    return EXIT.ok;
  }
  if (typeof flags === 'string') return usage(io, flags);
  const root = resolve(io.cwd, flags.dir);
  if (!existsSync(root)) return usage(io, `folder '${flags.dir}' not found (relative to ${io.cwd}); create it first or give an existing one`);
  const defaults = repoDefaults((p) => readOptional(root, p), io.env);
  const values: Partial<Record<keyof ScaffoldOptions, Value>> = { ...defaults.values, ...flags.values };
  for (const [key, from] of Object.entries(defaults.from)) {
    if (!(key in flags.values)) io.stderr(`ecs-codepipeline: ${key} ${JSON.stringify(values[key as keyof ScaffoldOptions])} (from ${from})\n`);
  }
  const missing = REQUIRED.filter((r) => values[r.key] === undefined);
  if (missing.length === 0) return finish({ flags, values, root, io });
  if (!deps.ask) return usage(io, `scaffold needs ${missing.map((m) => m.flag).join(', ')} (not found in the repository), e.g. \`ecs-codepipeline scaffold --name myapp --port 8080 --region us-east-1 --account 123456789012 --repo my-org/myapp\``);
  const ask = deps.ask;
  return (async () => {
    for (const m of missing) {
      const answer = (await ask(`${m.question}: `)).trim();
      if (answer === '') return usage(io, `no ${m.flag.slice(2)} given; scaffold needs it`);
      values[m.key] = NUMERIC.has(m.key) && /^\d+$/.test(answer) ? Number(answer) : answer;
    }
    return finish({ flags, values, root, io });
  })();
}

function finish(o: { flags: Flags; values: Partial<Record<keyof ScaffoldOptions, Value>>; root: string; io: CliIO }): number {
  const v = o.values;
  const runtime = (v.runtime as Runtime | undefined) ?? DEFAULTS.runtime;
  const options: ScaffoldOptions = {
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
    lockfile: readOptional(o.root, 'package-lock.json') !== undefined,
  };
  if (!RUNTIMES.includes(runtime)) return usage(o.io, `--runtime '${runtime}' is not supported; use one of ${RUNTIMES.join(', ')}`);
  const problems = validateOptions(options);
  if (problems.length > 0) return usage(o.io, problems.join('\necs-codepipeline: '));
  const fs = folderFs(o.root);
  const plan = planScaffold({ options, fs, force: o.flags.force });
  const written = o.flags.dryRun ? [] : applyScaffold(plan, fs);
  const verb = o.flags.dryRun ? { create: 'would create', overwrite: 'would overwrite' } : { create: 'created', overwrite: 'overwrote' };
  let out = '';
  for (const f of plan.files) {
    if (f.action === 'identical') out += `  unchanged   ${f.path}\n`;
    else if (f.action === 'create') out += `  ${verb.create.padEnd(11)} ${f.path}\n`;
    else if (f.action === 'overwrite') out += `  ${verb.overwrite.padEnd(11)} ${f.path}\n`;
    else out += `  differs     ${f.path} (left alone; the diff below shows what scaffold would write; --force overwrites)\n`;
  }
  for (const f of plan.files) if (f.action === 'differs') out += '\n' + f.diff;
  const differ = plan.files.filter((f) => f.action === 'differs').length;
  out += `\n${written.length} written, ${plan.files.filter((f) => f.action === 'identical').length} unchanged, ${differ} left alone.\n`;
  if (written.length > 0) out += `Next: read docs/scaffold.md, run \`bash aws/setup.sh\`, create the ECS service and the CodeDeploy deployment group it names, then commit and push.\n`;
  o.io.stdout(out);
  return EXIT.ok;
}

function usage(io: CliIO, message: string): number {
  io.stderr(`ecs-codepipeline: ${message}\nRun \`ecs-codepipeline scaffold --help\` for the usage.\n`);
  return EXIT.usage;
}

/** A question on the terminal, with node:readline. */
export function terminalAsk(): Ask {
  return (question) =>
    new Promise((done) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr });
      rl.question(question, (answer) => {
        rl.close();
        done(answer);
      });
      rl.on('close', () => done(''));
    });
}

/**
 * The entry main() dispatches to. main() is synchronous; when scaffold has to
 * ask on a terminal, the exit code is set once the answers are in.
 */
export function scaffoldMain(argv: readonly string[], io: CliIO): number | Promise<number> {
  const interactive = io.isTTY && process.stdin.isTTY === true;
  return scaffoldCommand(argv, io, interactive ? { ask: terminalAsk() } : {});
}
