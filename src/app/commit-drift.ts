import { errorText } from '../core/error-text.js';
import type { SourceFile } from '../core/model.js';
import type { LiveDeployPort, Logger } from '../services/ports.js';
import { inPaths, readCommit, readFileAt, type RequestClient } from './read-commit.js';

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
 * Where each repository keeps each pipeline's file (or that it keeps none),
 * learnt from a full read of a commit and trusted for a while: every push
 * would otherwise list the whole tree (megabytes in a large monorepo) and read
 * its JSON files, against the installation's hourly request budget.
 */
const located = new Map<string, { at: number; path?: string }>();
const LOCATED_MS = 10 * 60_000;
const LOCATED_MAX = 5_000;

/** JSON files read at most when looking for a pipeline's file; names that say pipeline first. */
const SEARCH_LIMITS = { maxFiles: 20, concurrency: 4 };

/**
 * The sections last shown, by commit and pipeline: the EventBridge path
 * reuses the one the commit's tracker read (a late event after the tracker
 * ended would otherwise read the commit again for the same answer).
 */
const shown = new Map<string, { at: number; section?: string }>();

/** Forgets where the pipeline files are, and the sections shown (tests). */
export function forgetPipelineFiles(): void {
  located.clear();
  shown.clear();
}

/**
 * commitDrift, or with `reuse` the section read for this commit and pipeline
 * within the last 10 minutes. Trackers read afresh (a re-run after fixing
 * the pipeline must show it fixed); the events' updates reuse.
 */
export async function commitDriftOnce(i: CommitDriftInput, o: { reuse?: boolean } = {}): Promise<string | undefined> {
  const key = `${i.owner}/${i.repo}@${i.sha}#${i.pipelineName}`.toLowerCase();
  const hit = shown.get(key);
  if (o.reuse && hit && Date.now() - hit.at < LOCATED_MS) return hit.section;
  const section = await commitDrift(i);
  if (shown.size >= LOCATED_MAX) shown.delete(shown.keys().next().value as string);
  shown.set(key, { at: Date.now(), ...(section ? { section } : {}) });
  return section;
}

/**
 * For the app's tracker, as `mode: track` does: the drift section of the
 * execution's check run, the pipeline JSON of the commit (read through the
 * API) against GetPipeline. Undefined when the commit has no file for this
 * pipeline; anything that goes wrong is a warning in the log, never the end
 * of the tracking.
 *
 * Requests per tracked commit: one (the contents of the file found before)
 * when its place is known; none when the repository is known to have no
 * file for this pipeline; otherwise one tree and at most 20 JSON blobs.
 */
async function commitDrift(i: CommitDriftInput): Promise<string | undefined> {
  const where = `${i.owner}/${i.repo}@${i.sha.slice(0, 7)} ${i.pipelineName}`;
  const key = `${i.owner}/${i.repo}#${i.pipelineName}`.toLowerCase();
  try {
    const { driftOfFiles, mayHoldPipeline, pipelineNameFirst } = await import('../services/drift-section.js');
    const known = located.get(key);
    const fresh = known && Date.now() - known.at < LOCATED_MS && (known.path === undefined || inPaths(known.path, i.paths)) ? known : undefined;
    if (fresh && fresh.path === undefined) return undefined;
    let files: SourceFile[] | undefined;
    let tree: string[] | undefined;
    if (fresh?.path) {
      // The file where it was: if it moved or went, the full read below finds out.
      const one = await readFileAt(i.client, { owner: i.owner, repo: i.repo, sha: i.sha, path: fresh.path });
      if (one) files = [one];
    }
    if (!files) {
      const commit = await readCommit(i.client, { owner: i.owner, repo: i.repo, sha: i.sha, paths: i.paths, only: mayHoldPipeline, prefer: pipelineNameFirst, limits: SEARCH_LIMITS });
      for (const note of commit.notes) i.log.debug(`${where}: pipeline drift: ${note}`);
      files = commit.files;
      tree = commit.tree;
    }
    // No JSON at all: no pipeline file, and no GetPipeline either.
    const found = files.length === 0 ? undefined : await driftOfFiles({ files, ...(tree ? { tree } : {}), pipelineName: i.pipelineName }, i.live, prefixed(i.log, where));
    if (located.size >= LOCATED_MAX) located.delete(located.keys().next().value as string);
    located.set(key, { at: Date.now(), ...(found ? { path: found.file } : {}) });
    return found?.section;
  } catch (e) {
    i.log.warning(`${where}: pipeline drift not compared: ${errorText(e)}`);
    return undefined;
  }
}

/** The app logs for many repositories at once: each line says which. */
function prefixed(log: Logger, where: string): Logger {
  return { info: (m) => log.info(`${where}: ${m}`), warning: (m) => log.warning(`${where}: ${m}`), debug: (m) => log.debug(`${where}: ${m}`) };
}
