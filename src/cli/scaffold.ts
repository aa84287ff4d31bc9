import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { folderFs, readOptional } from '../adapters/fs/write-files.js';
import { RUNTIMES, validateOptions, type ScaffoldOptions } from '../core/scaffold/index.js';
import { applyScaffold, planScaffold } from '../services/scaffold.js';
import { repoDefaults, toScaffoldOptions, type ScaffoldValue as Value } from '../services/scaffold-defaults.js';
import type { CliIO } from './main.js';

// Moved to the service, shared with the action's mode: scaffold; re-exported for existing callers.
export { githubRepo, repoDefaults } from '../services/scaffold-defaults.js';

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
  const options = toScaffoldOptions(o.values, { lockfile: readOptional(o.root, 'package-lock.json') !== undefined });
  const runtime = options.runtime;
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
