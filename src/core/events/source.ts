import type { SourceRevision } from '../pipeline/model.js';
import type { CodePipelineEvent } from './codepipeline.js';

/** The GitHub repository and commit an execution built. */
export interface ExecutionSource {
  owner: string;
  repo: string;
  commit: string;
  /** Where the answer came from, for logs. */
  from: 'execution-trigger' | 'revision-url';
}

const SHA = /^[0-9a-f]{40}$/i;
const NAME = /^[A-Za-z0-9_.-]+$/;

function split(full: string | undefined): { owner: string; repo: string } | undefined {
  const parts = full?.replace(/\.git$/, '').split('/');
  if (!parts || parts.length !== 2 || !NAME.test(parts[0]) || !NAME.test(parts[1])) return undefined;
  return { owner: parts[0], repo: parts[1] };
}

/**
 * `owner/repo` from a source revision's URL: a github.com commit URL (GitHub
 * version 1 and webhook sources), or the console redirect of a CodeStar
 * connection (`…/connections/redirect?…&FullRepositoryId=owner/repo&Commit=…`).
 */
export function repositoryOfRevisionUrl(url: string | undefined): { owner: string; repo: string; commit?: string } | undefined {
  if (!url) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  const full = u.searchParams.get('FullRepositoryId');
  if (full) {
    const r = split(full);
    const commit = u.searchParams.get('Commit') ?? undefined;
    return r && { ...r, ...(commit && SHA.test(commit) ? { commit } : {}) };
  }
  const m = /^\/([^/]+)\/([^/]+)\/commit\/([0-9a-f]{40})\/?$/i.exec(u.pathname);
  if (m && /(^|\.)github\.com$/i.test(u.hostname)) {
    const r = split(`${m[1]}/${m[2]}`);
    return r && { ...r, commit: m[3] };
  }
  return undefined;
}

/**
 * The repository and commit of an execution: the event's Git trigger when it
 * names both, else the execution's own source revisions (from a fresh
 * GetPipelineExecution), whose commit is authoritative.
 */
export function sourceOfExecution(event: Pick<CodePipelineEvent, 'git'>, revisions: readonly SourceRevision[]): ExecutionSource | undefined {
  const fromTrigger = split(event.git?.fullRepositoryName);
  const triggerCommit = event.git?.commitId && SHA.test(event.git.commitId) ? event.git.commitId : undefined;
  for (const r of revisions) {
    const fromUrl = repositoryOfRevisionUrl(r.revisionUrl);
    const commit = SHA.test(r.revisionId) ? r.revisionId : fromUrl?.commit;
    if (!commit) continue;
    const where = fromUrl ?? fromTrigger;
    if (where) return { owner: where.owner, repo: where.repo, commit, from: fromUrl ? 'revision-url' : 'execution-trigger' };
  }
  if (fromTrigger && triggerCommit) return { ...fromTrigger, commit: triggerCommit, from: 'execution-trigger' };
  return undefined;
}
