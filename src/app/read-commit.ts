import { MAX_BYTES } from '../core/config/decode.js';
import { kindByName, mayHoldConfig } from '../core/config/detect.js';
import type { SourceFile } from '../core/model.js';

/** What the app needs of Probot's Octokit; the tests' fake GitHub answers it over HTTP. */
export interface RequestClient {
  request(route: string, params?: Record<string, unknown>): Promise<{ data: unknown; headers?: Record<string, unknown> }>;
}

export interface ReadLimits {
  /** Files read at most per commit; named files (Dockerfile, buildspec*.yml …) go first. */
  maxFiles: number;
  /** Blobs fetched at once. */
  concurrency: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxFiles: 300, concurrency: 8 };

/** Folders that never hold a pipeline's own files (as on disk). */
const SKIP = /(^|\/)(node_modules|\.git|\.terraform|cdk\.out|\.aws-sam|\.serverless)\//;

export interface CommitRead {
  files: SourceFile[];
  /** Every blob path of the commit, for rules that ask whether a file exists. */
  tree: string[];
  /** Things the user should know: a truncated tree, files left unread. */
  notes: string[];
}

interface TreeEntry {
  path?: string;
  type?: string;
  sha?: string;
  size?: number;
}

/** Whether a path lies in one of the configured paths (`.` is the whole repository). */
export function inPaths(path: string, paths: readonly string[]): boolean {
  return paths.some((p) => {
    // `.` and `./x` are relative to the root; `.github` is a folder name.
    const q = p.replace(/^\.(\/+|$)/, '').replace(/\/+$/, '');
    return q === '' || path === q || path.startsWith(q + '/');
  });
}

async function pool<T>(items: T[], n: number, f: (t: T) => Promise<void>): Promise<void> {
  let i = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (i < items.length) await f(items[i++]);
  }));
}

export interface CommitReadOptions {
  owner: string;
  repo: string;
  sha: string;
  paths: readonly string[];
  limits?: ReadLimits;
  /** Of the candidates, reads only these (the tracker's pipeline drift needs JSON only). */
  only?: (path: string) => boolean;
  /** The order in which candidates are read when not all can be (default: files known by name first). */
  prefer?: (a: string, b: string) => number;
}

/**
 * Reads a commit's candidate files through the API: one recursive tree, then
 * a blob per file worth checking (as the disk reader would pick them), within
 * the configured paths and the size and count limits.
 */
export async function readCommit(client: RequestClient, o: CommitReadOptions): Promise<CommitRead> {
  const limits = o.limits ?? DEFAULT_LIMITS;
  const res = await client.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', { owner: o.owner, repo: o.repo, tree_sha: o.sha, recursive: '1' });
  const data = res.data as { tree?: TreeEntry[]; truncated?: boolean };
  const blobs = (data.tree ?? []).filter((e): e is Required<Pick<TreeEntry, 'path' | 'sha'>> & TreeEntry => e.type === 'blob' && typeof e.path === 'string' && typeof e.sha === 'string');
  const notes: string[] = [];
  if (data.truncated) notes.push('The repository tree is larger than GitHub lists in one request; files past that were not checked. Narrow `paths` in .github/ecs-codepipeline.yml.');
  const tree = blobs.map((b) => b.path);
  const candidates = blobs.filter((b) => inPaths(b.path, o.paths) && !SKIP.test(b.path) && mayHoldConfig(b.path) && (!o.only || o.only(b.path)));
  // Named files first: they are the pipeline's own; other JSON/YAML is read only to detect its kind.
  candidates.sort(o.prefer ? (a, b) => o.prefer!(a.path, b.path) : (a, b) => Number(kindByName(b.path) !== undefined) - Number(kindByName(a.path) !== undefined));
  const chosen = candidates.slice(0, limits.maxFiles);
  if (candidates.length > chosen.length) notes.push(`${candidates.length - chosen.length} of ${candidates.length} JSON/YAML files were not read (at most ${limits.maxFiles} per commit); narrow \`paths\` in .github/ecs-codepipeline.yml.`);
  const byPath = new Map<string, SourceFile>();
  await pool(chosen, limits.concurrency, async (b) => {
    if ((b.size ?? 0) > MAX_BYTES) {
      // Sized, not read: the checker reports it as too large.
      byPath.set(b.path, { path: b.path, size: b.size });
      return;
    }
    const blob = await client.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', { owner: o.owner, repo: o.repo, file_sha: b.sha });
    const { content, encoding } = blob.data as { content?: string; encoding?: string };
    const bytes = encoding === 'base64' ? Buffer.from(content ?? '', 'base64') : Buffer.from(content ?? '', 'utf8');
    byPath.set(b.path, { path: b.path, bytes: new Uint8Array(bytes) });
  });
  // Tree order, whatever order the blobs arrived in.
  const files = chosen.map((b) => byPath.get(b.path)).filter((f): f is SourceFile => f !== undefined);
  return { files, tree, notes };
}

/**
 * One file of a commit through the contents API (one request, its bytes
 * inline), or undefined when the commit has no file there. Files over the
 * API's inline limit come back sized, not read.
 */
export async function readFileAt(client: RequestClient, o: { owner: string; repo: string; sha: string; path: string }): Promise<SourceFile | undefined> {
  let data: { type?: string; size?: number; content?: string; encoding?: string };
  try {
    data = (await client.request('GET /repos/{owner}/{repo}/contents/{path}', { owner: o.owner, repo: o.repo, path: o.path, ref: o.sha })).data as typeof data;
  } catch (e) {
    if ((e as { status?: number }).status === 404) return undefined;
    throw e;
  }
  if (data.type !== 'file') return undefined;
  if (data.encoding !== 'base64' || (data.size ?? 0) > MAX_BYTES) return { path: o.path, size: data.size ?? 0 };
  return { path: o.path, bytes: new Uint8Array(Buffer.from(data.content ?? '', 'base64')) };
}
