import { errorText } from '../core/error-text.js';
import type { LiveDeployPort, Logger } from '../services/ports.js';
import { readCommit, type RequestClient } from './read-commit.js';

export interface CommitDriftInput {
  client: RequestClient;
  owner: string;
  repo: string;
  sha: string;
  /** The config's `paths`: where the pipeline file may be. */
  paths: readonly string[];
  pipelineName: string;
  /** GetPipeline, on the tracker's own (pooled) clients. */
  live: Pick<LiveDeployPort, 'pipeline'>;
  log: Logger;
}

/**
 * For the app's tracker, as `mode: track` does: the drift section of the
 * execution's check run, the pipeline JSON of the commit (read through the
 * API) against GetPipeline. Undefined when the commit has no file for this
 * pipeline; anything that goes wrong is a warning in the log, never the end
 * of the tracking.
 */
export async function commitDrift(i: CommitDriftInput): Promise<string | undefined> {
  const where = `${i.owner}/${i.repo}@${i.sha.slice(0, 7)} ${i.pipelineName}`;
  try {
    const { driftSection, mayHoldPipeline } = await import('../services/drift-section.js');
    const commit = await readCommit(i.client, { owner: i.owner, repo: i.repo, sha: i.sha, paths: i.paths, only: mayHoldPipeline });
    // No JSON at all: no pipeline file, and no GetPipeline either.
    if (commit.files.length === 0) return undefined;
    for (const note of commit.notes) i.log.debug(`${where}: pipeline drift: ${note}`);
    return await driftSection({ files: commit.files, tree: commit.tree, pipelineName: i.pipelineName }, i.live, prefixed(i.log, where));
  } catch (e) {
    i.log.warning(`${where}: pipeline drift not compared: ${errorText(e)}`);
    return undefined;
  }
}

/** The app logs for many repositories at once: each line says which. */
function prefixed(log: Logger, where: string): Logger {
  return { info: (m) => log.info(`${where}: ${m}`), warning: (m) => log.warning(`${where}: ${m}`), debug: (m) => log.debug(`${where}: ${m}`) };
}
