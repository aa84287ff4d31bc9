import type { ChecksPort, Logger, StatusesPort } from '../../services/ports.js';
import { createChecksPort, createStatusesPort } from './checks.js';
import { createGitHubClient, type GitHubClientOptions } from './client.js';

export { ChecksForbiddenError, GitHubApiError } from './errors.js';
export {
  ANNOTATIONS_PER_REQUEST,
  annotationBatches,
  annotationsUpdateBody,
  createCheckRunBody,
  statusBody,
  updateCheckRunBody,
} from './body.js';
// For callers with a client of their own (a GitHub App installation token, later).
export { createChecksPort, createStatusesPort, type ChecksOptions } from './checks.js';
export { createGitHubClient, type GitHubClient, type GitHubClientOptions } from './client.js';

export interface GitHubPortsOptions extends GitHubClientOptions {
  owner: string;
  repo: string;
  logger?: Logger;
  /** ChecksPort.list keeps only this app's runs (`github-actions` when the token is GITHUB_TOKEN). */
  appSlug?: string;
  /** ChecksPort.list asks GitHub for this app's runs only (`app_id`). */
  appId?: number;
}

/**
 * Check runs and commit statuses on one repository, through Octokit. The
 * token is handed to Octokit only; errors are GitHubApiError, and a 403 on
 * the check-runs endpoints is ChecksForbiddenError so that the caller can fall
 * back to commit statuses.
 */
export async function createGitHubPorts(options: GitHubPortsOptions): Promise<{ checks: ChecksPort; statuses: StatusesPort }> {
  const client = await createGitHubClient(options);
  const repo = { owner: options.owner, repo: options.repo };
  return {
    checks: createChecksPort(client, { ...repo, appSlug: options.appSlug, appId: options.appId }),
    statuses: createStatusesPort(client, repo),
  };
}
