import type { GitHubClient } from '../adapters/github/client.js';
import { createChecksPort } from '../adapters/github/checks.js';
import { kindByContent, kindByName } from '../core/config/detect.js';
import type { SourceFile } from '../core/model.js';
import type { CheckRunModel } from '../core/pipeline/check-run.js';
import { checkFiles } from '../services/check-files.js';
import { configErrorRun, findingsRun, onboardingRun } from './check-run.js';
import { CONFIG_PATH, DEFAULT_CHECK_NAME, configFrom, locateProblems, type ConfigRead } from './config.js';
import { readCommit, type ReadLimits, type RequestClient } from './read-commit.js';
import type { RoleAllowList } from './roles.js';
import { KeyedLock } from './tracking/locks.js';

/** Why the check runs, which decides what an existing run of the same commit means. */
export type Trigger =
  /** pull_request opened/synchronize/reopened, check_suite.requested: once per commit. */
  | { kind: 'commit' }
  /** check_run.rerequested: a new run, unless one newer than the rerequested run exists. */
  | { kind: 'rerun'; checkRunId: number; checkRunName: string }
  /** check_suite.rerequested: a new run, unless one started after the request. */
  | { kind: 'resuite'; requestedAt: string };

export interface ConfigCheckInput {
  client: RequestClient & { paginate?: unknown };
  owner: string;
  repo: string;
  headSha: string;
  /** https://github.com/owner/repo */
  htmlUrl: string;
  trigger: Trigger;
  /** Reads the config (`context.config`); may throw on bad YAML, which becomes a failed run. */
  readConfig: () => Promise<unknown>;
  roles: RoleAllowList;
  appId?: number;
  docsUrl?: string;
  limits?: ReadLimits;
  now?: () => Date;
  log?: { info(msg: string): void };
}

export interface ConfigCheckOutcome {
  action: 'created' | 'updated' | 'skipped';
  checkRunId?: number;
  reason?: string;
  conclusion?: string;
}

interface RunJson {
  id: number;
  name: string;
  status: string;
  started_at?: string | null;
}

/**
 * Within one process, one check per commit and check name at a time: a pull
 * request push sends `pull_request.synchronize` and `check_suite.requested` at
 * once, and both must end in one run.
 */
const checks = new KeyedLock();

async function latestRun(i: ConfigCheckInput, name: string): Promise<RunJson | undefined> {
  const res = await i.client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
    owner: i.owner,
    repo: i.repo,
    ref: i.headSha,
    check_name: name,
    filter: 'latest',
    per_page: 100,
    ...(i.appId !== undefined ? { app_id: i.appId } : {}),
  });
  const runs = ((res.data as { check_runs?: RunJson[] }).check_runs ?? []).filter((r) => r.name === name);
  return runs.sort((a, b) => b.id - a.id)[0];
}

/** Whether an existing run already answers this trigger (a redelivery, another replica, the twin event). */
function alreadyDone(existing: RunJson | undefined, t: Trigger): string | undefined {
  if (!existing) return undefined;
  if (t.kind === 'commit') return existing.status === 'completed' ? `check run ${existing.id} already reports this commit` : undefined;
  if (t.kind === 'rerun') return existing.id > t.checkRunId ? `check run ${existing.id} already answers the re-run of ${t.checkRunId}` : undefined;
  return existing.started_at && Date.parse(existing.started_at) >= Date.parse(t.requestedAt) ? `check run ${existing.id} started after the re-run request` : undefined;
}

/**
 * The `ECS config` check of one commit: read the repository config, read the
 * commit's candidate files through the API, run the checker and write the
 * check run — creating it, or completing a run of ours left unfinished, so
 * that redeliveries and replicas make no duplicates.
 */
export async function runConfigCheck(i: ConfigCheckInput): Promise<ConfigCheckOutcome> {
  const now = () => (i.now ? i.now() : new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  let read: ConfigRead;
  try {
    read = { value: await i.readConfig() };
  } catch (e) {
    // The config plugin throws for a file it cannot use (not YAML, a folder, an `_extends` loop); API failures propagate.
    if (!(e instanceof Error) || !/^\[@probot\/octokit-plugin-config\]/.test(e.message)) throw e;
    read = { error: e };
  }
  const result = configFrom(read, i.roles);
  const name = result.ok ? result.config.checkName : result.checkName;
  // check_run.rerequested comes for every run of ours; the others are not this check's business.
  if (i.trigger.kind === 'rerun' && i.trigger.checkRunName !== name) return { action: 'skipped', reason: `check run "${i.trigger.checkRunName}" is not "${name}"` };
  return checks.run(`${i.owner}/${i.repo}@${i.headSha}#${name}`.toLowerCase(), async () => {
    const existing = await latestRun(i, name);
    const done = alreadyDone(existing, i.trigger);
    if (done) {
      i.log?.info(`${i.owner}/${i.repo}@${i.headSha.slice(0, 7)}: ${done}; nothing to do`);
      return { action: 'skipped', checkRunId: existing!.id, reason: done };
    }
    let run: CheckRunModel;
    if (!result.ok) {
      const commit = await readCommit(i.client, { owner: i.owner, repo: i.repo, sha: i.headSha, paths: [CONFIG_PATH], limits: i.limits });
      const text = textOf(commit.files.find((f) => f.path === CONFIG_PATH));
      // A YAML error's line is that of the file that was read; trust it only if the commit holds that file.
      const problems = text !== undefined ? ('error' in read ? result.problems : locateProblems(result.problems, text, result.raw)) : result.problems.map((p) => ({ ...p, line: undefined, column: undefined }));
      run = configErrorRun({ name, headSha: i.headSha, problems, annotatedPath: text !== undefined ? CONFIG_PATH : undefined, now: now() });
    } else {
      const c = result.config;
      const commit = await readCommit(i.client, { owner: i.owner, repo: i.repo, sha: i.headSha, paths: c.paths, limits: i.limits });
      const checked = checkFiles({ files: commit.files, tree: commit.tree });
      const nothing = checked.findings.length === 0 && !commit.files.some(isPipelineFile);
      if (nothing) {
        if (!c.onboarding) return { action: 'skipped', reason: 'no pipeline files found; onboarding is off' };
        run = onboardingRun({ name, headSha: i.headSha, now: now() });
      } else {
        run = findingsRun({
          name,
          headSha: i.headSha,
          findings: checked.findings,
          filesRead: checked.filesRead,
          paths: c.paths,
          notes: commit.notes,
          blobUrl: `${i.htmlUrl}/blob/${i.headSha}`,
          docsUrl: i.docsUrl,
          now: now(),
        });
      }
    }
    const checks = createChecksPort(i.client as unknown as GitHubClient, { owner: i.owner, repo: i.repo, appId: i.appId });
    if (existing && existing.status !== 'completed' && i.trigger.kind === 'commit') {
      await checks.update(existing.id, run);
      return { action: 'updated', checkRunId: existing.id, conclusion: run.conclusion };
    }
    const id = await checks.create(run);
    return { action: 'created', checkRunId: id, conclusion: run.conclusion };
  });
}

function textOf(f: SourceFile | undefined): string | undefined {
  return f?.bytes ? Buffer.from(f.bytes).toString('utf8') : f?.text;
}

/** Whether a file is of one of the checked kinds, by name or content. */
function isPipelineFile(f: SourceFile): boolean {
  if (kindByName(f.path) !== undefined) return true;
  const text = textOf(f);
  return text !== undefined && kindByContent(f.path, text) !== undefined;
}

export { DEFAULT_CHECK_NAME };
