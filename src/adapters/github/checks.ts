import type { CheckAnnotation, CheckRunModel } from '../../core/pipeline/check-run.js';
import type { ChecksPort, ExistingCheckRun, StatusesPort } from '../../services/ports.js';
import { annotationBatches, annotationsUpdateBody, createCheckRunBody, statusBody, updateCheckRunBody } from './body.js';
import { toGitHubError } from './errors.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface ChecksOptions extends RepoRef {
  /** List only the runs of this app (`github-actions` for GITHUB_TOKEN); filtered on our side. */
  appSlug?: string;
  /** Pages of 100 read by `list`; a commit rarely has more runs. Default 10. */
  maxPages?: number;
  /** List only the runs of this app id; filtered by GitHub (`app_id`). */
  appId?: number;
}

const LIST = 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs';
const CREATE = 'POST /repos/{owner}/{repo}/check-runs';
const UPDATE = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}';
const STATUS = 'POST /repos/{owner}/{repo}/statuses/{sha}';

interface CheckRunJson {
  id: number;
  name: string;
  external_id?: string | null;
  status: string;
  conclusion?: string | null;
  app?: { id?: number; slug?: string } | null;
}

/** One request, with whatever Octokit throws turned into GitHubApiError / ChecksForbiddenError. */
async function call<T>(operation: string, checks: boolean, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw toGitHubError(e, operation, checks);
  }
}

/**
 * Only `request` is used, so any Octokit fits: the action's (@actions/github)
 * and the app's installation client (Probot's `context.octokit`).
 */
export interface RequestOnlyClient {
  request(route: string, params?: Record<string, unknown>): Promise<{ data: unknown }>;
}

export function createChecksPort(client: RequestOnlyClient, o: ChecksOptions): ChecksPort {
  const repo = { owner: o.owner, repo: o.repo };
  const maxPages = Math.max(1, o.maxPages ?? 10);

  // Annotations past the first 50 go by further updates: GitHub appends them.
  async function appendAnnotations(id: number, run: CheckRunModel, batches: CheckAnnotation[][]): Promise<void> {
    for (const batch of batches) {
      await call(UPDATE, true, () => client.request(UPDATE, { ...repo, check_run_id: id, ...annotationsUpdateBody(run, batch) }));
    }
  }

  return {
    async list(headSha: string): Promise<ExistingCheckRun[]> {
      const out: ExistingCheckRun[] = [];
      for (let page = 1; page <= maxPages; page++) {
        const res = await call(LIST, true, () =>
          client.request(LIST, { ...repo, ref: headSha, filter: 'latest', per_page: 100, page, ...(o.appId !== undefined ? { app_id: o.appId } : {}) }),
        );
        const runs = (res.data as { check_runs?: CheckRunJson[] }).check_runs ?? [];
        for (const r of runs) {
          if (o.appSlug !== undefined && r.app?.slug !== o.appSlug) continue;
          out.push({ id: r.id, name: r.name, ...(r.external_id ? { externalId: r.external_id } : {}), status: r.status, conclusion: r.conclusion ?? null });
        }
        if (runs.length < 100) break;
      }
      return out;
    },

    async create(run: CheckRunModel): Promise<number> {
      const [first, ...rest] = annotationBatches(run.output.annotations);
      const res = await call(CREATE, true, () => client.request(CREATE, { ...repo, ...createCheckRunBody(run, first) }));
      const id = (res.data as CheckRunJson).id;
      await appendAnnotations(id, run, rest);
      return id;
    },

    async update(id: number, run: CheckRunModel): Promise<void> {
      const [first, ...rest] = annotationBatches(run.output.annotations);
      await call(UPDATE, true, () => client.request(UPDATE, { ...repo, check_run_id: id, ...updateCheckRunBody(run, first) }));
      await appendAnnotations(id, run, rest);
    },
  };
}

export function createStatusesPort(client: RequestOnlyClient, o: RepoRef): StatusesPort {
  return {
    async set(s) {
      await call(STATUS, false, () => client.request(STATUS, { owner: o.owner, repo: o.repo, sha: s.sha, ...statusBody(s) }));
    },
  };
}
