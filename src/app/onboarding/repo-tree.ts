import { MAX_BYTES } from '../../core/config/decode.js';
import { kindByContent, kindByName, mayHoldConfig } from '../../core/config/detect.js';
import type { RequestClient } from '../read-commit.js';

/** One file of a commit's recursive tree. */
export interface TreeBlob {
  path: string;
  sha: string;
  size?: number;
  mode?: string;
}

export interface RepoTree {
  /** The tree's own sha: the base of the onboarding commit's tree. */
  sha: string;
  blobs: TreeBlob[];
  /** GitHub listed part of the tree only (over 100,000 entries). */
  truncated: boolean;
}

// As read-commit.ts: folders that never hold a pipeline's own files.
const SKIP = /(^|\/)(node_modules|\.git|\.terraform|cdk\.out|\.aws-sam|\.serverless)\//;

/** The commit's files, from one recursive tree. */
export async function readTree(client: RequestClient, o: { owner: string; repo: string; sha: string }): Promise<RepoTree> {
  const res = await client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner: o.owner, repo: o.repo, tree_sha: o.sha, recursive: '1' });
  const data = res.data as { sha?: string; truncated?: boolean; tree?: Array<{ path?: string; type?: string; sha?: string; size?: number; mode?: string }> };
  const blobs = (data.tree ?? [])
    .filter((e) => e.type === 'blob' && typeof e.path === 'string' && typeof e.sha === 'string')
    .map((e) => ({ path: e.path!, sha: e.sha!, size: e.size, mode: e.mode }));
  return { sha: data.sha ?? o.sha, blobs, truncated: data.truncated === true };
}

/** A blob's text (UTF-8). */
export async function readBlob(client: RequestClient, o: { owner: string; repo: string; sha: string }): Promise<string> {
  const res = await client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { owner: o.owner, repo: o.repo, file_sha: o.sha });
  const { content, encoding } = res.data as { content?: string; encoding?: string };
  return encoding === 'base64' ? Buffer.from(content ?? '', 'base64').toString('utf8') : (content ?? '');
}

/**
 * The first pipeline file of the tree, as the checker recognises them
 * (core/config/detect.ts): by name (Dockerfile, buildspec*, taskdef*,
 * appspec*, imageDetail.json …) from the tree alone, else by content, reading
 * JSON and YAML files smallest first and stopping at the first one found.
 * Undefined when there is none among the files read.
 */
export async function findPipelineFile(o: { tree: RepoTree; read: (blob: TreeBlob) => Promise<string>; maxFiles?: number }): Promise<string | undefined> {
  const files = o.tree.blobs.filter((b) => !SKIP.test(b.path));
  const named = files.find((b) => kindByName(b.path) !== undefined);
  if (named) return named.path;
  const candidates = files.filter((b) => mayHoldConfig(b.path) && (b.size ?? 0) <= MAX_BYTES).sort((a, b) => (a.size ?? 0) - (b.size ?? 0));
  for (const b of candidates.slice(0, o.maxFiles ?? 300)) {
    if (kindByContent(b.path, await o.read(b)) !== undefined) return b.path;
  }
  return undefined;
}
