import type * as Core from '@actions/core';
import { threadsSetting } from '../adapters/workers/parallel-check.js';
import { readForCheck } from '../adapters/workers/read-for-check.js';
import { decode } from '../core/config/decode.js';
import { kindByName } from '../core/config/detect.js';
import type { SourceFile } from '../core/model.js';
import { ecrRepositoriesIn } from '../core/pipeline/image.js';
import { renderSummary } from '../core/report/summary.js';
import { countsText } from '../core/report/counts.js';
import { annotationTitle } from '../core/report/github.js';
import { ruleById } from '../core/rules/index.js';
import type { Finding } from '../core/types.js';
import { checkFilesWith, failsAt } from '../services/check-files.js';
import { docsUrl } from './docs-url.js';
import { InputError } from './errors.js';
import type { Inputs } from './inputs.js';

export { docsUrl };

type Env = Record<string, string | undefined>;

/**
 * What mode: check needs of @actions/core, passed in by run.ts: the check
 * bundle then does not carry a second copy of the toolkit.
 */
export type ActionsCore = Pick<typeof Core, 'error' | 'warning' | 'notice' | 'info' | 'setOutput' | 'setFailed' | 'summary'>;

function blobUrl(env: Env): string | undefined {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  return env.GITHUB_REPOSITORY && env.GITHUB_SHA ? `${server}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}` : undefined;
}

function annotate(core: ActionsCore, f: Finding): void {
  const props: Core.AnnotationProperties = {
    title: annotationTitle(f, ruleById),
    file: f.file,
    startLine: f.line,
    endLine: f.endLine,
    startColumn: f.column,
    endColumn: f.endColumn,
  };
  if (f.severity === 'error') core.error(f.message, props);
  else if (f.severity === 'warning') core.warning(f.message, props);
  else core.notice(f.message, props);
}

/** What modes track and start learn from the check that runs first. */
export interface CheckOutcome {
  /** The step failed at `fail-on`: the tracker stops before touching AWS. */
  failed: boolean;
  /** ECR repository URIs written literally in the buildspecs (for the short-SHA image fallback). */
  ecrRepositories: string[];
}

function buildspecRepositories(files: readonly SourceFile[]): string[] {
  const texts: string[] = [];
  for (const f of files) {
    if (kindByName(f.path) !== 'buildspec') continue;
    const d = decode(f);
    if ('text' in d) texts.push(d.text);
  }
  return ecrRepositoriesIn(texts).map((r) => `${r.registry}/${r.repository}`);
}

/** mode: check — annotations, outputs, job summary, and a failed step at `fail-on`. */
export async function runCheck(inputs: Inputs, core: ActionsCore, env: Env = process.env): Promise<CheckOutcome> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const setting = threadsSetting(env);
  if (setting.error) throw new InputError(`${setting.error}.`);
  const { read, checker } = await readForCheck(inputs.paths, workspace, { threads: setting.threads });
  if (read.missing.length > 0) {
    const list = read.missing.map((m) => `'${m}'`).join(', ');
    throw new InputError(`Input 'path': ${list} not found in the workspace (${workspace}). Set path to a folder or file of the repository (default '.'), and check out the repository first (actions/checkout).`);
  }
  for (const u of read.unreadable) core.warning(`${u.path} could not be read (${u.reason}); it was not checked.`);
  // A large tree is checked in worker threads (dist/check-worker.js); the findings are the same.
  const result = await checkFilesWith({ files: read.files, tree: read.tree }, async (input) => (await checker.check(input)).findings);
  // Paths are relative to the workspace, the repository root, as annotations need them.
  const findings = result.findings;
  for (const f of findings) annotate(core, f);
  core.setOutput('errors', result.counts.error);
  core.setOutput('warnings', result.counts.warning);
  if (env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderSummary(findings, { docsUrl: docsUrl(env), blobUrl: blobUrl(env), checked: inputs.paths.join(', ') }), true).write();
  }
  const found = `${countsText(result.counts)} in ${inputs.paths.join(', ')}`;
  if (read.files.length === 0) core.warning(`No Dockerfile, buildspec, task definition, appspec, pipeline or imageDetail.json file found in ${inputs.paths.join(', ')}; check the 'path' input.`);
  const failed = failsAt(result.counts, inputs.failOn);
  if (failed) core.setFailed(`ecs-codepipeline found ${found} (fail-on: ${inputs.failOn}); see the annotations and the job summary.`);
  else core.info(`ecs-codepipeline found ${found}.`);
  return { failed, ecrRepositories: buildspecRepositories(read.files) };
}
