import { readFileSync } from 'node:fs';
import * as core from '@actions/core';
import { normalizeSha } from '../core/pipeline/find.js';
import { parseRepository } from '../core/pipeline/image.js';
import { RUNTIMES } from '../core/scaffold/options.js';
import type { ScaffoldValues } from '../services/scaffold-defaults.js';
import { InputError } from './errors.js';

export const MODES = ['check', 'preview', 'scaffold', 'start', 'track'] as const;
export type Mode = (typeof MODES)[number];
export const FAIL_ON = ['error', 'warning', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];
export const REPORTS = ['checks', 'statuses', 'both', 'none'] as const;
export type Report = (typeof REPORTS)[number];

/** The action's inputs, read once and validated; the defaults match action.yml. */
export interface Inputs {
  mode: Mode;
  /** Folders or files to check, relative to the workspace. */
  paths: string[];
  failOn: FailOn;
}

/** What modes track and start read besides `Inputs`. */
export interface TrackInputs {
  /** The commit, lower-case hex. */
  commit: string;
  pipelineName: string;
  awsRegion: string;
  findTimeoutSeconds: number;
  pollIntervalSeconds: number;
  timeoutMinutes: number;
  wait: boolean;
  /** Run the config check first. */
  check: boolean;
  checkName: string;
  report: Report;
  stopOnCancel: boolean;
  ecrRepository?: string;
  /** Empty only with `report: none`. */
  githubToken: string;
}

/** What mode: preview reads besides `Inputs` (whose `path` says which files to read). */
export interface PreviewInputs {
  /** The commit the pipeline would build (a pull request's head): full SHA, lower case. */
  commit: string;
  pipelineName: string;
  awsRegion: string;
  /** `none`: no check run, only the job summary and outputs. */
  report: Report;
  /** Empty only with `report: none`. */
  githubToken: string;
}

/** What mode: scaffold reads besides `Inputs`; the values not given come from the repository. */
export interface ScaffoldInputs {
  /** The inputs that were set, checked for form only; validateOptions checks the rest. */
  given: ScaffoldValues;
  /** From the workflow run: the repository (GITHUB_REPOSITORY) and its default branch (the event). */
  context: ScaffoldValues;
  force: boolean;
}

type Env = Record<string, string | undefined>;

function input(name: string): string {
  return core.getInput(name).trim();
}

function choice<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
  // The runner passes action.yml's defaults; `node dist/index.js` run by hand does not.
  const raw = input(name);
  if (raw === '') return fallback;
  const value = raw.toLowerCase();
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new InputError(`Input '${name}' is '${raw}', which is not allowed; use one of: ${allowed.join(', ')}.`);
}

/** YAML 1.2 core booleans, as core.getBooleanInput takes them, with our own message. */
function bool(name: string, fallback: boolean): boolean {
  const raw = input(name);
  if (raw === '') return fallback;
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new InputError(`Input '${name}' is '${raw}', which is not a boolean; use true or false.`);
}

function number(name: string, fallback: number, o: { min: number; max: number; integer?: boolean; unit: string }): number {
  const raw = input(name);
  if (raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || (o.integer && !Number.isInteger(n))) {
    throw new InputError(`Input '${name}' is '${raw}', which is not ${o.integer ? 'a whole number' : 'a number'} of ${o.unit}; the default is ${fallback}.`);
  }
  if (n < o.min || n > o.max) throw new InputError(`Input '${name}' is ${raw} ${o.unit}; it must be between ${o.min} and ${o.max} (default ${fallback}).`);
  return n;
}

function wholeNumber(name: string, o: { min: number; max: number; what: string; example: string }): number | undefined {
  const raw = input(name);
  if (raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new InputError(`Input '${name}' is '${raw}', which is not a whole number; set it to ${o.what}, e.g. ${o.example}.`);
  const n = Number(raw);
  if (n < o.min || n > o.max) throw new InputError(`Input '${name}' is ${raw}; it must be between ${o.min} and ${o.max} (${o.what}, e.g. ${o.example}).`);
  return n;
}

/** The only place that reads `core.getInput`. */
export function readInputs(): Inputs {
  const mode = choice('mode', MODES, 'track');
  const failOn = choice('fail-on', FAIL_ON, 'error');
  const paths = core
    .getInput('path')
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return { mode, paths: paths.length > 0 ? paths : ['.'], failOn };
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);

/**
 * The default commit: GITHUB_SHA, except on pull_request events, where
 * GITHUB_SHA is GitHub's merge commit and the pipeline builds the head commit.
 */
function defaultCommit(env: Env): { sha: string; from: string } {
  if (PULL_REQUEST_EVENTS.has(env.GITHUB_EVENT_NAME ?? '') && env.GITHUB_EVENT_PATH) {
    let head: unknown;
    try {
      const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { head?: { sha?: unknown } } };
      head = event.pull_request?.head?.sha;
    } catch (e) {
      throw new InputError(`Cannot read the ${env.GITHUB_EVENT_NAME} event at GITHUB_EVENT_PATH (${(e as Error).message}); set the 'commit' input to the pull request's head SHA.`);
    }
    if (typeof head === 'string' && head) return { sha: head, from: `the pull request's head (${env.GITHUB_EVENT_NAME} event)` };
  }
  return { sha: env.GITHUB_SHA ?? '', from: 'GITHUB_SHA' };
}

const PIPELINE_NAME = /^[A-Za-z0-9.@_-]{1,100}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

/** The `commit` input, else the default commit; `full` asks for all 40 characters. */
function commitInput(env: Env, o: { mode: Mode; full: boolean; why: string }): string {
  const given = input('commit');
  const { sha: raw, from } = given ? { sha: given, from: "the 'commit' input" } : defaultCommit(env);
  const commit = normalizeSha(raw);
  if (!raw) throw new InputError("No commit to look for: set the 'commit' input (GITHUB_SHA is not set outside a workflow).");
  if (!commit) throw new InputError(`The commit '${raw}' (from ${from}) is not a commit SHA; give the full 40-character SHA of the commit the pipeline builds.`);
  if (o.full && commit.length < 40) throw new InputError(`Input 'commit' is '${raw}'; mode: ${o.mode} needs the full 40-character SHA ${o.why}.`);
  return commit;
}

function pipelineNameInput(mode: Mode): string {
  const pipelineName = input('pipeline-name');
  if (!pipelineName) throw new InputError(`Input 'pipeline-name' is required for mode: ${mode}; set it to the name of the CodePipeline pipeline (as listed by \`aws codepipeline list-pipelines\`).`);
  if (!PIPELINE_NAME.test(pipelineName)) throw new InputError(`Input 'pipeline-name' is '${pipelineName}', which is not a pipeline name: CodePipeline names have 1 to 100 letters, digits and . @ - _ only.`);
  return pipelineName;
}

function regionInput(env: Env): string {
  const awsRegion = input('aws-region') || env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || '';
  if (!awsRegion) throw new InputError("No AWS region: set the 'aws-region' input, or configure credentials first with aws-actions/configure-aws-credentials, which sets AWS_REGION.");
  if (!REGION.test(awsRegion)) throw new InputError(`The AWS region '${awsRegion}' is not a region name such as us-east-1 or eu-west-2.`);
  return awsRegion;
}

/** Modes track and start; `env` is process.env on a runner. */
export function readTrackInputs(mode: 'track' | 'start', env: Env = process.env): TrackInputs {
  const commit = commitInput(env, { mode, full: mode === 'start', why: 'to give StartPipelineExecution' });
  const pipelineName = pipelineNameInput(mode);
  const awsRegion = regionInput(env);

  const findTimeoutSeconds = number('find-timeout-seconds', 300, { min: 0, max: 3600, integer: true, unit: 'seconds' });
  const pollIntervalSeconds = number('poll-interval-seconds', 10, { min: 1, max: 300, unit: 'seconds' });
  const timeoutMinutes = number('timeout-minutes', 60, { min: 1, max: 4320, unit: 'minutes' });
  const wait = bool('wait', true);
  const check = bool('check', true);
  const stopOnCancel = bool('stop-on-cancel', false);
  const report = choice('report', REPORTS, 'checks');

  const checkName = input('check-name') || 'ECS pipeline';
  if (checkName.length > 100 || /[\r\n]/.test(checkName)) throw new InputError(`Input 'check-name' must be one line of at most 100 characters (default 'ECS pipeline'); stage runs add ' / <stage>' to it.`);

  const ecrRepository = input('ecr-repository') || undefined;
  if (ecrRepository && !parseRepository(ecrRepository)) {
    throw new InputError(`Input 'ecr-repository' is '${ecrRepository}'; give the repository name (myapp) or its URI (123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp), without a tag.`);
  }

  const githubToken = input('github-token');
  if (!githubToken && report !== 'none') {
    throw new InputError("Input 'github-token' is empty; leave it at its default (${{ github.token }}) or set 'report: none' to report nothing to GitHub.");
  }
  if (githubToken) core.setSecret(githubToken);

  return { commit, pipelineName, awsRegion, findTimeoutSeconds, pollIntervalSeconds, timeoutMinutes, wait, check, checkName, report, stopOnCancel, ...(ecrRepository ? { ecrRepository } : {}), githubToken };
}

/** Mode preview; `env` is process.env on a runner. */
export function readPreviewInputs(env: Env = process.env): PreviewInputs {
  const commit = commitInput(env, { mode: 'preview', full: true, why: 'to attach the check run to' });
  const pipelineName = pipelineNameInput('preview');
  const awsRegion = regionInput(env);
  const report = choice('report', REPORTS, 'checks');
  if (report === 'statuses' || report === 'both') throw new InputError(`Input 'report' is '${report}'; mode: preview writes a check run (\`checks\`, the default) or nothing but the job summary (\`none\`).`);
  const githubToken = input('github-token');
  if (!githubToken && report !== 'none') {
    throw new InputError("Input 'github-token' is empty; leave it at its default (${{ github.token }}) or set 'report: none' to post no check run.");
  }
  if (githubToken) core.setSecret(githubToken);
  return { commit, pipelineName, awsRegion, report, githubToken };
}

/** The repository's default branch, from the event payload when it has one. */
function defaultBranch(env: Env): string | undefined {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { repository?: { default_branch?: unknown } };
    const branch = event.repository?.default_branch;
    return typeof branch === 'string' && branch ? branch : undefined;
  } catch {
    // The branch is only a default: scaffold then uses main, as the CLI does.
    return undefined;
  }
}

/** Mode scaffold; `env` is process.env on a runner. */
export function readScaffoldInputs(env: Env = process.env): ScaffoldInputs {
  const given: ScaffoldValues = {};
  const name = input('service-name');
  if (name) given.name = name;
  const port = wholeNumber('container-port', { min: 1, max: 65535, what: 'the port the container listens on', example: '8080' });
  if (port !== undefined) given.port = port;
  const region = input('aws-region');
  if (region) given.region = region;
  const account = input('aws-account-id').replace(/-/g, '');
  if (account) given.account = account;
  const cpu = wholeNumber('cpu', { min: 1, max: 16384, what: 'the Fargate task cpu units', example: '256' });
  if (cpu !== undefined) given.cpu = cpu;
  const memory = wholeNumber('memory', { min: 1, max: 122880, what: 'the Fargate task memory in MiB', example: '512' });
  if (memory !== undefined) given.memory = memory;
  if (input('runtime')) given.runtime = choice('runtime', RUNTIMES, 'node');
  for (const [key, inputName] of [['staging', 'staging'], ['approval', 'approval'], ['embed', 'embed']] as const) {
    if (input(inputName)) given[key] = bool(inputName, false);
  }
  const force = bool('force', false);
  const context: ScaffoldValues = {};
  if (env.GITHUB_REPOSITORY) context.repo = env.GITHUB_REPOSITORY;
  const branch = defaultBranch(env);
  if (branch) context.branch = branch;
  return { given, context, force };
}
