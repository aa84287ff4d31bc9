/**
 * Errors the GitHub adapter throws. They carry what GitHub said and which
 * operation failed, never the request's headers: Octokit's own errors hold the
 * request options, and a careless `String(error)` upstream must not be able to
 * print the token.
 */

export class GitHubApiError extends Error {
  override readonly name: string = 'GitHubApiError';
  constructor(
    message: string,
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
    /** e.g. `POST /repos/{owner}/{repo}/check-runs` */
    readonly operation: string,
    /** True when GitHub refused because of a primary or secondary rate limit and the retries gave up. */
    readonly rateLimited = false,
  ) {
    super(message);
  }
}

/**
 * The token may not read or write check runs: GITHUB_TOKEN without
 * `checks: write`, a fork's read-only token, or a personal access token (only
 * GitHub Apps write check runs). The service falls back to commit statuses.
 */
export class ChecksForbiddenError extends GitHubApiError {
  override readonly name = 'ChecksForbiddenError';
  constructor(message: string, operation: string) {
    super(message, 403, operation);
  }
}

interface OctokitLikeError {
  status?: unknown;
  message?: unknown;
  response?: { data?: unknown; headers?: Record<string, unknown> };
}

function githubMessage(e: OctokitLikeError): string {
  const data = e.response?.data;
  if (data && typeof data === 'object' && typeof (data as { message?: unknown }).message === 'string') {
    const d = data as { message: string; errors?: unknown };
    const details = Array.isArray(d.errors) && d.errors.length > 0 ? ` (${JSON.stringify(d.errors).slice(0, 500)})` : '';
    return d.message + details;
  }
  return typeof e.message === 'string' ? e.message : String(e);
}

export function isRateLimit(e: OctokitLikeError): boolean {
  const status = typeof e.status === 'number' ? e.status : 0;
  if (status !== 403 && status !== 429) return false;
  return /rate limit/i.test(githubMessage(e)) || String(e.response?.headers?.['x-ratelimit-remaining'] ?? '') === '0';
}

/** Turns whatever Octokit threw into one of ours; `checks` marks the check-runs endpoints, where a 403 means "no permission". */
export function toGitHubError(e: unknown, operation: string, checks = false): GitHubApiError {
  if (e instanceof GitHubApiError) return e;
  const err = (e && typeof e === 'object' ? e : { message: String(e) }) as OctokitLikeError;
  const status = typeof err.status === 'number' ? err.status : 0;
  const message = githubMessage(err);
  const limited = isRateLimit(err);
  if (checks && status === 403 && !limited) {
    return new ChecksForbiddenError(`GitHub refused ${operation}: ${message}. The token needs \`checks: write\` (and only GitHub Apps, including GITHUB_TOKEN, may write check runs)`, operation);
  }
  return new GitHubApiError(`GitHub ${operation} failed${status ? ` with HTTP ${status}` : ''}: ${message}`, status, operation, limited);
}
