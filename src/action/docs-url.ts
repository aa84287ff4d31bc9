import { DEFAULT_DOCS_URL } from '../core/report/links.js';

type Env = Record<string, string | undefined>;

/**
 * docs/rules.md of the release that runs: `owner/repo@ref` for a published
 * action, the repository's own commit for `uses: ./`.
 */
export function docsUrl(env: Env): string {
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  if (env.GITHUB_ACTION_REPOSITORY && env.GITHUB_ACTION_REF) return `${server}/${env.GITHUB_ACTION_REPOSITORY}/blob/${env.GITHUB_ACTION_REF}/docs/rules.md`;
  if (env.GITHUB_REPOSITORY && env.GITHUB_SHA && !env.GITHUB_ACTION_REPOSITORY) return `${server}/${env.GITHUB_REPOSITORY}/blob/${env.GITHUB_SHA}/docs/rules.md`;
  return DEFAULT_DOCS_URL;
}
