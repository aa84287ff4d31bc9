/**
 * Restart-safe tracking: when the app starts, it looks for its pipeline runs
 * left open (queued or in progress) on the head commits of the branches each
 * configured pipeline watches, and tracks them again; the execution id is in
 * their external_id, everything else is read from AWS again. Bounded: one page
 * of installations, one page of repositories per installation, one request
 * per branch. Several replicas may resume the same runs: the writes are
 * create-or-update by commit and check name, so no run is duplicated.
 */
import type { Probot } from 'probot';
import type { RequestOnlyClient } from '../adapters/github/octokit-ports.js';
import type { Logger } from '../services/ports.js';
import { CONFIG_PATH, configFrom, type ConfigRead } from './config.js';
import type { AppOptions } from './options.js';
import { pipelineCheckName } from './tracking/names.js';
import { trackingSettings } from './tracking/settings.js';
import { startTrackingFor } from './tracking/start.js';

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

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

async function readConfig(client: Client, owner: string, repo: string): Promise<ConfigRead> {
  try {
    const { config, files } = await client.config.get({ owner, repo, path: CONFIG_PATH });
    return { value: files.some((f) => f.config !== null) ? config : null };
  } catch (e) {
    return { error: e instanceof Error ? e : new Error(String(e)) };
  }
}

/** The open runs of one repository, tracked again; returns how many trackers started. */
async function resumeRepository(client: Client, r: RepoJson, o: AppOptions, log: Logger): Promise<number> {
  const owner = r.owner.login;
  const repo = r.name;
  const result = configFrom(await readConfig(client, owner, repo), o.roles);
  if (!result.ok) return 0;
  const config = result.config;
  let started = 0;
  for (const pipeline of config.pipelines) {
    const checkName = pipelineCheckName(config, pipeline);
    // Patterns name no branch to look at; a pattern's pushes are resumed from their own branches' next push.
    const branches = (pipeline.branches ?? (r.default_branch ? [r.default_branch] : [])).filter((b) => !b.includes('*'));
    for (const branch of branches) {
      let runs: RunJson[];
      try {
        const res = await client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
          owner,
          repo,
          ref: `heads/${branch}`,
          check_name: checkName,
          filter: 'latest',
          per_page: 10,
          ...(o.appId !== undefined ? { app_id: o.appId } : {}),
        });
        runs = (res.data as { check_runs?: RunJson[] }).check_runs ?? [];
      } catch (e) {
        log.debug(`resume: ${owner}/${repo} ${branch}: ${errorText(e)}`);
        continue;
      }
      for (const run of runs) {
        if (run.status === 'completed' || run.name !== checkName || !run.external_id) continue;
        log.info(`resume: ${owner}/${repo}@${run.head_sha.slice(0, 7)} ${checkName} (${run.external_id}) was left ${run.status}; tracking it again`);
        if (startTrackingFor({ client, owner, repo, log }, o, { sha: run.head_sha, pipeline, checkName, kind: 'resume', report: config.report })) started++;
      }
    }
  }
  return started;
}

/** Finds the open pipeline runs of every installation and tracks them again; returns how many trackers started. */
export async function resumeTracking(app: Probot, o: AppOptions): Promise<number> {
  const log: Logger = { info: (m) => app.log.info(m), warning: (m) => app.log.warn(m), debug: (m) => app.log.debug(m) };
  const appClient = (await app.auth()) as unknown as RequestOnlyClient;
  const installations = ((await appClient.request('GET /app/installations', { per_page: trackingSettings.resumeInstallations })).data as Array<{ id: number }>).slice(0, trackingSettings.resumeInstallations);
  let started = 0;
  for (const installation of installations) {
    try {
      const client = (await app.auth(installation.id)) as unknown as Client;
      const res = await client.request('GET /installation/repositories', { per_page: trackingSettings.resumeRepositories });
      const repos = ((res.data as { repositories?: RepoJson[] }).repositories ?? []).filter((r) => !r.archived).slice(0, trackingSettings.resumeRepositories);
      for (const r of repos) started += await resumeRepository(client, r, o, log);
    } catch (e) {
      log.warning(`resume: installation ${installation.id}: ${errorText(e)}`);
    }
  }
  if (started > 0) log.info(`resume: tracking ${started} pipeline run(s) left open by an earlier run of the app`);
  return started;
}

/** Registered with the app: resumes in the background once the app is loaded (off under tests unless asked for). */
export function resumeOnStart(app: Probot, o: AppOptions): void {
  if (!trackingSettings.resumeOnStart) return;
  void resumeTracking(app, o).catch((e: unknown) => app.log.warn(`resume: ${errorText(e)}`));
}
