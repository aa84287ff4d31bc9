import { renderDriftSection } from '../core/preview/render.js';
import type { LiveDeployPort, Logger } from './ports.js';
import { pipelineDrift, type RepositoryFiles } from './preview-drift.js';

/** Only JSON can hold a pipeline definition: the rest of the repository need not be read for drift. */
export function mayHoldPipeline(path: string): boolean {
  return /\.json$/i.test(path);
}

/**
 * For tracking (the action's `mode: track` and the app's tracker): the drift
 * section of the execution's check run, the repository's pipeline file
 * against one GetPipeline, with a line in the log. Undefined when the
 * repository has no file for this pipeline.
 */
export async function driftSection(r: RepositoryFiles & { pipelineName: string }, port: Pick<LiveDeployPort, 'pipeline'>, logger: Logger): Promise<string | undefined> {
  const drift = await pipelineDrift(r, port);
  if (!drift) return undefined;
  if (drift.unavailable) logger.warning(`Pipeline drift not compared: ${drift.unavailable}.`);
  else logger.info(drift.items.length ? `Pipeline drift: ${drift.items.length} difference(s) between ${drift.file} and the live pipeline.` : `No pipeline drift: ${drift.file} matches the live pipeline.`);
  return renderDriftSection(drift);
}
