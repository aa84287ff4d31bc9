/**
 * Restart-safe tracking: when the app starts, it looks for the pipeline runs
 * it left open (queued or in progress) and tracks them again; the execution
 * id is in their external_id, everything else is read from AWS again.
 *
 * Where to look, per configured pipeline: the recent commits of the
 * branches it watches, newest first, back to the first whose runs of ours are
 * all completed (runs queued for a push whose execution had not shown its
 * commit yet), and the commits of the pipeline's executions that are running
 * or moved within the tracker's timeout (ListPipelineExecutions, newest
 * first). A commit with a run of ours still open is tracked again. Bounded:
 * one page of installations, one page of repositories per installation,
 * `resumeCommits` commits per branch, `resumeExecutions` executions per
 * pipeline, one check-runs request per commit.
 *
 * Several replicas may resume the same runs at once: the runs exist, and
 * every write is create-or-update by commit and check name, so a run is
 * updated twice at worst, never duplicated.
 */
import type { Probot } from 'probot';
import type { RequestOnlyClient } from '../adapters/github/octokit-ports.js';
import type { ExecutionSummary } from '../core/pipeline/model.js';
import type { Logger } from '../services/ports.js';
import { CONFIG_PATH, configFrom, type AppConfig, type ConfigRead, type PipelineConfig } from './config.js';
import type { AppOptions } from './options.js';
import { openAws } from './tracking/aws.js';
import { pipelineCheckName } from './tracking/names.js';
import { trackingSettings } from './tracking/settings.js';
import { startTrackingFor } from './tracking/start.js';
import { errorText } from '../core/error-text.js';

type Client = RequestOnlyClient & { config: { get(o: { owner: string; repo: string; path: string }): Promise<{ config: unknown; files: Array<{ config: unknown }> }> } };

interface RepoJson {
  name: string;
  owner: { login: string };
  default_branch?: string;
  archived?: boolean;
}

interface RunJson {
  name: string;
  head_sha: string;
  status: string;
  external_id?: string | null;
}

const SHA = /^[0-9a-f]{40}$/i;

async function readConfig(client: Client, owner: string, repo: string): Promise<ConfigRead> {
  try {
    const { config, files } = await client.config.get({ owner, repo, path: CONFIG_PATH });
    return { value: files.some((f) => f.config !== null) ? config : null };
  } catch (e) {
    return { error: e instanceof Error ? e : new Error(String(e)) };
  }
}

interface Scope {
  client: Client;
  owner: string;
  repo: string;
  o: AppOptions;
  log: Logger;
}

/**
 * Our open runs of the pipeline (the execution's or a stage's) on a ref (a
 * branch or a commit); [] when the ref is not there. Stage runs count too: a
 * process stopped between two writes may have completed the execution's run
 * and left its stages open.
 */
async function openRuns(s: Scope, ref: string, checkName: string): Promise<{ open: RunJson[]; any: boolean }> {
  try {
    const res = await s.client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
      owner: s.owner,
      repo: s.repo,
      ref,
      filter: 'latest',
      per_page: 100,
      ...(s.o.appId !== undefined ? { app_id: s.o.appId } : {}),
    });
    const runs = ((res.data as { check_runs?: RunJson[] }).check_runs ?? []).filter((r) => r.external_id && (r.name === checkName || r.name.startsWith(`${checkName} / `)));
    return { open: runs.filter((r) => r.status !== 'completed'), any: runs.length > 0 };
  } catch (e) {
    s.log.debug(`resume: ${s.owner}/${s.repo} ${ref}: ${errorText(e)}`);
    return { open: [], any: false };
  }
}

/** The branch's commits, newest first (the head alone when they cannot be listed). */
async function branchCommits(s: Scope, branch: string): Promise<string[]> {
  try {
    const res = await s.client.request('GET /repos/{owner}/{repo}/commits', { owner: s.owner, repo: s.repo, sha: branch, per_page: trackingSettings.resumeCommits });
    return (res.data as Array<{ sha: string }>).map((c) => c.sha.toLowerCase());
  } catch (e) {
    s.log.debug(`resume: ${s.owner}/${s.repo} commits of ${branch}: ${errorText(e)}`);
    return [`heads/${branch}`];
  }
}

/** Whether an execution may have a run of ours left open: running, or ended within the tracker's timeout. */
function recent(e: ExecutionSummary, now: number): boolean {
  if (e.status === 'InProgress' || e.status === 'Stopping') return true;
  const t = Date.parse(e.lastUpdateTime ?? e.startTime ?? '');
  return Number.isFinite(t) && now - t <= trackingSettings.timeoutMinutes * 60_000;
}

/** The repository's own commit an execution built, when its revision names one (another repository's source is skipped). */
function commitOf(e: ExecutionSummary, s: Scope): string | undefined {
  for (const r of e.sourceRevisions) {
    if (!SHA.test(r.revisionId)) continue;
    const m = /github\.com\/([^/]+)\/([^/]+)\/commit\//i.exec(r.revisionUrl ?? '') ?? /FullRepositoryId=([^/&]+)(?:\/|%2F)([^&]+)/i.exec(r.revisionUrl ?? '');
    if (m && `${m[1]}/${m[2]}`.toLowerCase() !== `${s.owner}/${s.repo}`.toLowerCase()) continue;
    return r.revisionId.toLowerCase();
  }
  return undefined;
}

/** Commits of the pipeline's recent executions (newest first, distinct). */
async function executionCommits(s: Scope, pipeline: PipelineConfig): Promise<string[]> {
  const commits: string[] = [];
  const aws = await openAws(pipeline, s, s.log);
  try {
    const now = trackingSettings.clock.now();
    let nextToken: string | undefined;
    let read = 0;
    do {
      const page = await aws.pipeline.listExecutions({ pipelineName: pipeline.name, maxResults: 100, ...(nextToken ? { nextToken } : {}) });
      for (const e of page.items) {
        if (read++ >= trackingSettings.resumeExecutions) break;
        const sha = recent(e, now) ? commitOf(e, s) : undefined;
        if (sha && !commits.includes(sha)) commits.push(sha);
      }
      nextToken = page.nextToken;
    } while (nextToken && read < trackingSettings.resumeExecutions);
  } finally {
    aws.destroy();
  }
  return commits;
}

async function resumePipeline(s: Scope, config: AppConfig, pipeline: PipelineConfig, defaultBranch: string | undefined): Promise<number> {
  const checkName = pipelineCheckName(config, pipeline);
  const runs: RunJson[] = [];
  const looked = new Set<string>();
  // Patterns name no branch to look at; their commits are found through the executions below.
  const branches = (pipeline.branches ?? (defaultBranch ? [defaultBranch] : [])).filter((b) => !b.includes('*'));
  for (const branch of branches) {
    for (const ref of await branchCommits(s, branch)) {
      if (looked.has(ref)) continue;
      looked.add(ref);
      const found = await openRuns(s, ref, checkName);
      runs.push(...found.open);
      // Older commits were tracked to the end before this one was pushed.
      if (found.any && found.open.length === 0) break;
    }
  }
  let commits: string[] = [];
  try {
    commits = await executionCommits(s, pipeline);
  } catch (e) {
    s.log.warning(`resume: ${s.owner}/${s.repo}: could not list the executions of ${pipeline.name}: ${errorText(e)}`);
  }
  for (const sha of commits) if (!looked.has(sha)) runs.push(...(await openRuns(s, sha, checkName)).open);
  let started = 0;
  const done = new Set<string>();
  for (const run of runs) {
    const sha = run.head_sha.toLowerCase();
    if (done.has(sha)) continue;
    done.add(sha);
    s.log.info(`resume: ${s.owner}/${s.repo}@${sha.slice(0, 7)} ${checkName} (${run.external_id}) was left ${run.status}; tracking it again`);
    const t = { sha: run.head_sha, pipeline, checkName, kind: 'resume' as const, report: config.report, deployments: config.deployments, paths: config.paths };
    if (startTrackingFor({ client: s.client, owner: s.owner, repo: s.repo, log: s.log }, s.o, t)) started++;
  }
  return started;
}

/** The open runs of one repository, tracked again; returns how many trackers started. */
async function resumeRepository(client: Client, r: RepoJson, o: AppOptions, log: Logger): Promise<number> {
  const s: Scope = { client, owner: r.owner.login, repo: r.name, o, log };
  const result = configFrom(await readConfig(client, s.owner, s.repo), o.roles);
  if (!result.ok) return 0;
  let started = 0;
  for (const pipeline of result.config.pipelines) started += await resumePipeline(s, result.config, pipeline, r.default_branch);
  return started;
}

/** Finds the open pipeline runs of every installation and tracks them again; returns how many trackers started. */
export async function resumeTracking(app: Probot, o: AppOptions): Promise<number> {
  const log: Logger = { info: (m) => app.log.info(m), warning: (m) => app.log.warn(m), debug: (m) => app.log.debug(m) };
  const appClient = (await app.auth()) as unknown as RequestOnlyClient;
  const installations = ((await appClient.request('GET /app/installations', { per_page: trackingSettings.resumeInstallations })).data as Array<{ id: number; suspended_at?: string | null }>)
    .filter((i) => !i.suspended_at)
    .slice(0, trackingSettings.resumeInstallations);
  let started = 0;
  for (const installation of installations) {
    try {
      const client = (await app.auth(installation.id)) as unknown as Client;
      const res = await client.request('GET /installation/repositories', { per_page: trackingSettings.resumeRepositories });
      const repos = ((res.data as { repositories?: RepoJson[] }).repositories ?? []).filter((r) => !r.archived).slice(0, trackingSettings.resumeRepositories);
      for (const r of repos) {
        try {
          started += await resumeRepository(client, r, o, log);
        } catch (e) {
          log.warning(`resume: ${r.owner.login}/${r.name}: ${errorText(e)}`);
        }
      }
    } catch (e) {
      log.warning(`resume: installation ${installation.id}: ${errorText(e)}`);
    }
  }
  log.info(`resume: tracking ${started} pipeline run(s) left open by an earlier run of the app`);
  return started;
}

/** Registered with the app: resumes in the background once the app is loaded (AppOptions.resume; on unless the operator opts out). */
export function resumeOnStart(app: Probot, o: AppOptions): void {
  if (!o.resume) return;
  void resumeTracking(app, o).catch((e: unknown) => app.log.warn(`resume: ${errorText(e)}`));
}
