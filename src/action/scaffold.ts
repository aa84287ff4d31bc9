import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type * as Core from '@actions/core';
import { folderFs, readOptional } from '../adapters/fs/write-files.js';
import { validateOptions, type ScaffoldOptions } from '../core/scaffold/index.js';
import { applyScaffold, planScaffold, type PlannedFile } from '../services/scaffold.js';
import { repoDefaults, toScaffoldOptions, type ScaffoldValues } from '../services/scaffold-defaults.js';
import { InputError } from './errors.js';
import type { Inputs, ScaffoldInputs } from './inputs.js';

type Env = Record<string, string | undefined>;

/** What mode: scaffold needs of @actions/core, passed in by run.ts (one copy of the toolkit). */
export type ScaffoldCore = Pick<typeof Core, 'info' | 'warning' | 'setOutput' | 'summary'>;

/** validateOptions speaks in CLI flags; the action's users set inputs (repo and branch come from the run). */
const INPUT_OF: Record<string, string> = {
  name: 'service-name', port: 'container-port', region: 'aws-region', account: 'aws-account-id', cpu: 'cpu', memory: 'memory', runtime: 'runtime',
};
const CONTEXT_OF: Record<string, string> = { repo: 'GITHUB_REPOSITORY', branch: "the repository's default branch" };

function asInputs(problem: string): string {
  const text = problem.replace(/--([a-z-]+)/g, (_, flag: string) => (INPUT_OF[flag] ? `${INPUT_OF[flag]}:` : `${CONTEXT_OF[flag] ?? flag}:`));
  const first = /^--([a-z-]+)/.exec(problem)?.[1];
  return first && INPUT_OF[first] ? `Input ${text}` : text;
}

const REQUIRED: { key: keyof ScaffoldOptions; missing: string }[] = [
  { key: 'name', missing: "set input 'service-name' (e.g. myapp); package.json has no name to use" },
  { key: 'port', missing: "set input 'container-port' (e.g. 8080); no Dockerfile EXPOSE or taskdef.json containerPort was found" },
  { key: 'region', missing: "set input 'aws-region' (e.g. us-east-1), or configure credentials first with aws-actions/configure-aws-credentials, which sets AWS_REGION" },
  { key: 'account', missing: "set input 'aws-account-id' to the 12-digit AWS account ID (e.g. 123456789012)" },
  { key: 'repo', missing: 'GITHUB_REPOSITORY is not set and .git/config has no GitHub remote; run the action in a workflow, after actions/checkout' },
];

/** The folder to write into: `path` under the workspace, which must exist. */
function targetFolder(inputs: Inputs, workspace: string): { root: string; prefix: string } {
  if (inputs.paths.length > 1) throw new InputError(`Input 'path' names ${inputs.paths.length} folders; mode: scaffold writes into one (default '.', the repository root).`);
  const root = resolve(workspace, inputs.paths[0]);
  const rel = relative(workspace, root);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new InputError(`Input 'path' is '${inputs.paths[0]}', which is outside the workspace (${workspace}); give a folder of the repository.`);
  let folder = false;
  try {
    folder = statSync(root).isDirectory();
  } catch {
    // Reported below, with what to do.
  }
  if (!folder) throw new InputError(`Input 'path': '${inputs.paths[0]}' is not a folder of the workspace (${workspace}); create it first, or check out the repository first (actions/checkout).`);
  return { root, prefix: rel === '' ? '' : `${rel.split(/[\\/]/).join('/')}/` };
}

function resolveOptions(o: { scaffold: ScaffoldInputs; root: string; env: Env; core: ScaffoldCore }): ScaffoldOptions {
  const defaults = repoDefaults((p) => readOptional(o.root, p), o.env);
  const values: ScaffoldValues = { ...defaults.values, ...o.scaffold.context, ...o.scaffold.given };
  for (const [key, from] of Object.entries(defaults.from)) {
    const k = key as keyof ScaffoldOptions;
    if (!(k in o.scaffold.given) && !(k in o.scaffold.context)) o.core.info(`${INPUT_OF[k] ?? k}: ${JSON.stringify(values[k])} (from ${from})`);
  }
  const missing = REQUIRED.filter((r) => values[r.key] === undefined);
  if (missing.length > 0) throw new InputError(`mode: scaffold needs more: ${missing.map((m) => m.missing).join('; ')}.`);
  const options = toScaffoldOptions(values, { lockfile: readOptional(o.root, 'package-lock.json') !== undefined });
  const problems = validateOptions(options);
  if (problems.length > 0) throw new InputError(problems.map((p) => `${asInputs(p)}.`).join(' '));
  return options;
}

const fence = (text: string) => {
  const ticks = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks}diff\n${text}${text.endsWith('\n') ? '' : '\n'}${ticks}\n`;
};

function summary(files: readonly PlannedFile[], prefix: string): string {
  const rows = files.map((f) => {
    const state = { create: 'created', overwrite: 'overwritten (force)', identical: 'unchanged', differs: 'left alone: differs (see the diff below)' }[f.action];
    return `| \`${prefix}${f.path}\` | ${state} |`;
  });
  const written = files.filter((f) => f.action === 'create' || f.action === 'overwrite').length;
  const differ = files.filter((f) => f.action === 'differs');
  let out = `## ecs-codepipeline scaffold\n\n${written} written, ${files.filter((f) => f.action === 'identical').length} unchanged, ${differ.length} left alone.\n\n| file | |\n|---|---|\n${rows.join('\n')}\n`;
  if (differ.length > 0) {
    out += `\n### Files left alone\n\nThese files exist with other content. The diffs show what scaffold would write; set \`force: true\` to overwrite them.\n\n`;
    for (const f of differ) if (f.action === 'differs') out += `<details><summary><code>${prefix}${f.path}</code></summary>\n\n${fence(f.diff)}\n</details>\n\n`;
  }
  if (written > 0) out += `\nNext: commit the files, run \`bash aws/setup.sh\`, create the ECS service and the CodeDeploy deployment group it names (see docs/scaffold.md), then push.\n`;
  return out;
}

/** mode: scaffold — writes the missing files, lists them in `created-files` and the job summary. */
export async function runScaffold(inputs: Inputs, scaffold: ScaffoldInputs, core: ScaffoldCore, env: Env = process.env): Promise<void> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const { root, prefix } = targetFolder(inputs, workspace);
  const options = resolveOptions({ scaffold, root, env, core });
  const fs = folderFs(root);
  const plan = planScaffold({ options, fs, force: scaffold.force });
  const written = applyScaffold(plan, fs);
  for (const f of plan.files) {
    if (f.action === 'differs') core.warning(`${prefix}${f.path} exists with other content and was left alone; the job summary shows the diff to what scaffold would write (force: true overwrites it).`);
  }
  // Paths relative to the workspace, so that a later step (git add, a pull request action) can use them as they are.
  core.setOutput('created-files', written.map((p) => prefix + p).join('\n'));
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary(plan.files, prefix), true).write();
  core.info(`ecs-codepipeline scaffold: ${written.length} file(s) written${written.length > 0 ? `: ${written.map((p) => prefix + p).join(', ')}` : ''}.`);
}
