import { kindByName } from '../core/config/detect.js';
import { renderDriftSection } from '../core/preview/render.js';
import type { LiveDeployPort, Logger } from './ports.js';
import { pipelineDrift, type RepositoryFiles } from './preview-drift.js';

/** JSON files that tools of their own own: never a pipeline definition, so never read for drift. */
const NOT_PIPELINES = /(^|\/)((package(-lock)?|npm-shrinkwrap|composer|tsconfig[^/]*|jsconfig|deno|bower|lerna|nx|renovate|\.?eslintrc|\.prettierrc|\.babelrc|babel\.config|cdk|cdk\.context|angular|vercel|firebase|turbo)\.json|\.vscode\/[^/]*\.json)$/i;

/**
 * Whether a file may hold a pipeline definition, by its name alone: JSON
 * (the only format `create-pipeline --cli-input-json` reads), other than
 * the files the checker knows by name (task definitions, appspecs,
 * imageDetail.json …) and the well-known files of other tools
 * (package.json, tsconfig.json …). The rest of a repository need not be read
 * for drift.
 */
export function mayHoldPipeline(path: string): boolean {
  return /\.json$/i.test(path) && kindByName(path) === undefined && !NOT_PIPELINES.test(path);
}

/** Files whose name says pipeline come first when only some can be read. */
export function pipelineNameFirst(a: string, b: string): number {
  return Number(/pipeline/i.test(b)) - Number(/pipeline/i.test(a));
}

/**
 * For tracking (the action's `mode: track` and the app's tracker): the drift
 * section of the execution's check run, the repository's pipeline file
 * against one GetPipeline, with a line in the log. Undefined when the
 * repository has no file for this pipeline.
 */
export async function driftSection(r: RepositoryFiles & { pipelineName: string }, port: Pick<LiveDeployPort, 'pipeline'>, logger: Logger): Promise<string | undefined> {
  return (await driftOfFiles(r, port, logger))?.section;
}

/** The same, with the path of the pipeline file it compared (the app remembers where each pipeline's file is). */
export async function driftOfFiles(r: RepositoryFiles & { pipelineName: string }, port: Pick<LiveDeployPort, 'pipeline'>, logger: Logger): Promise<{ section: string; file: string } | undefined> {
  const drift = await pipelineDrift(r, port);
  if (!drift) return undefined;
  if (drift.unavailable) logger.warning(`Pipeline drift not compared: ${drift.unavailable}.`);
  else logger.info(drift.items.length ? `Pipeline drift: ${drift.items.length} difference(s) between ${drift.file} and the live pipeline.` : `No pipeline drift: ${drift.file} matches the live pipeline.`);
  return { section: renderDriftSection(drift), file: drift.file };
}
