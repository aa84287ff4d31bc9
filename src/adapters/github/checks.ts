import type { CheckAnnotation, CheckRunModel } from '../../core/pipeline/check-run.js';
import type { ChecksPort, ExistingCheckRun, StatusesPort } from '../../services/ports.js';
import { annotationBatches, annotationsUpdateBody, createCheckRunBody, statusBody, updateCheckRunBody } from './body.js';
import type { GitHubClient } from './client.js';
import { toGitHubError } from './errors.js';

export interface RepoRef {
  owner: string;
  repo: string;
}

export interface ChecksOptions extends RepoRef {
  /** List only the runs of this app (`github-actions` for GITHUB_TOKEN); filtered on our side. */
  appSlug?: string;
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

export function createChecksPort(client: GitHubClient, o: ChecksOptions): ChecksPort {
  const repo = { owner: o.owner, repo: o.repo };

  // Annotations past the first 50 go by further updates: GitHub appends them.
  async function appendAnnotations(id: number, run: CheckRunModel, batches: CheckAnnotation[][]): Promise<void> {
    for (const batch of batches) {
      await call(UPDATE, true, () => client.request(UPDATE as string, { ...repo, check_run_id: id, ...annotationsUpdateBody(run, batch) }));
    }
  }

  return {
    async list(headSha: string): Promise<ExistingCheckRun[]> {
      const runs = await call(LIST, true, () =>
        client.paginate(LIST as string, {
          ...repo,
          ref: headSha,
          filter: 'latest',
          per_page: 100,
          ...(o.appId !== undefined ? { app_id: o.appId } : {}),
        }),
      ) as CheckRunJson[];
      return runs
        .filter((r) => o.appSlug === undefined || r.app?.slug === o.appSlug)
        .map((r) => ({
          id: r.id,
          name: r.name,
          ...(r.external_id ? { externalId: r.external_id } : {}),
          status: r.status,
          conclusion: r.conclusion ?? null,
        }));
    },

    async create(run: CheckRunModel): Promise<number> {
      const [first, ...rest] = annotationBatches(run.output.annotations);
      const res = await call(CREATE, true, () => client.request(CREATE as string, { ...repo, ...createCheckRunBody(run, first) }));
      const id = (res.data as CheckRunJson).id;
      await appendAnnotations(id, run, rest);
      return id;
    },

    async update(id: number, run: CheckRunModel): Promise<void> {
      const [first, ...rest] = annotationBatches(run.output.annotations);
      await call(UPDATE, true, () => client.request(UPDATE as string, { ...repo, check_run_id: id, ...updateCheckRunBody(run, first) }));
      await appendAnnotations(id, run, rest);
    },
  };
}

export function createStatusesPort(client: GitHubClient, o: RepoRef): StatusesPort {
  return {
    async set(s) {
      await call(STATUS, false, () => client.request(STATUS as string, { owner: o.owner, repo: o.repo, sha: s.sha, ...statusBody(s) }));
    },
  };
}
