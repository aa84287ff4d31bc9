import type { Logger } from '../../services/ports.js';

/**
 * The Octokit client: @actions/github's getOctokit (proxy-aware fetch, the
 * runner's user agent) with the retry and throttling plugins. Loaded with
 * dynamic import() so that `mode: check` never pays for Octokit.
 */

export interface GitHubClientOptions {
  token: string;
  /** GITHUB_API_URL; `https://HOST/api/v3` on GitHub Enterprise Server. Default: GITHUB_API_URL or https://api.github.com. */
  baseUrl?: string;
  /**
   * Replaces @actions/github's proxy-aware undici fetch (tests; anything with
   * its own proxy handling). When omitted the proxy settings of the runner apply.
   */
  fetch?: typeof fetch;
  logger?: Logger;
  userAgent?: string;
  /** Retries of 5xx answers and network failures (plugin-retry; 1 s, 4 s, 9 s … apart). Default 3. */
  retries?: number;
  /** Retries after a primary or secondary rate limit. Default 3. */
  rateLimitRetries?: number;
  /** A rate limit that asks for a longer wait than this fails instead of stalling the job. Default 60. */
  maxRetryAfterSeconds?: number;
  /** The length of one second of waiting (retry backoff and retry-after); tests set 1 or 0. Default 1000. */
  waitUnitMs?: number;
  /**
   * Minimum gap between two writes. plugin-throttling spaces writes 1 s
   * apart, as GitHub advises for content-creating requests; tests set 0.
   */
  writeIntervalMs?: number;
}

const NO_LOGGER: Logger = { info: () => {}, warning: () => {}, debug: () => {} };

function text(args: unknown[]): string {
  return args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
}

export async function createGitHubClient(o: GitHubClientOptions) {
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
    import('@actions/github'),
    import('@octokit/plugin-retry'),
    import('@octokit/plugin-throttling'),
  ]);
  const logger = o.logger ?? NO_LOGGER;
  const unit = o.waitUnitMs ?? 1000;
  const maxRetries = o.rateLimitRetries ?? 3;
  const maxWait = o.maxRetryAfterSeconds ?? 60;

  const onLimit = (kind: string) => (retryAfter: number, options: { method?: string; url?: string }, _octokit: unknown, retryCount: number): boolean => {
    // options.url is the route template here (`/repos/{owner}/{repo}/check-runs`): no token, no query.
    const what = `${options.method ?? ''} ${options.url ?? ''}`.trim();
    if (retryCount < maxRetries && retryAfter <= maxWait) {
      logger.warning(`GitHub ${kind} rate limit on ${what}: retrying in ${retryAfter}s (retry ${retryCount + 1} of ${maxRetries})`);
      return true;
    }
    const why = retryAfter > maxWait ? `GitHub asks to wait ${retryAfter}s, more than ${maxWait}s` : `${maxRetries} retries spent`;
    logger.warning(`GitHub ${kind} rate limit on ${what}: giving up (${why})`);
    return false;
  };

  let write: import('bottleneck').default.Group | undefined;
  if (o.writeIntervalMs !== undefined) {
    // Same shape as the plugin's own write group, with our interval.
    const { default: Bottleneck } = await import('bottleneck');
    write = new Bottleneck.Group({ id: 'ecs-codepipeline-write', maxConcurrent: 1, minTime: o.writeIntervalMs });
  }

  return getOctokit(
    o.token,
    {
      ...(o.baseUrl ? { baseUrl: o.baseUrl.replace(/\/+$/, '') } : {}),
      ...(o.userAgent ? { userAgent: o.userAgent } : {}),
      ...(o.fetch ? { request: { fetch: o.fetch } } : {}),
      log: {
        debug: (...a: unknown[]) => logger.debug(text(a)),
        info: (...a: unknown[]) => logger.debug(text(a)),
        warn: (...a: unknown[]) => logger.warning(text(a)),
        error: (...a: unknown[]) => logger.warning(text(a)),
      },
      retry: {
        retries: o.retries ?? 3,
        retryAfterBaseValue: unit,
        // 403 and 429 belong to the throttling plugin (rate limits) or are final (permissions).
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      },
      throttle: {
        retryAfterBaseValue: unit,
        fallbackSecondaryRateRetryAfter: 60,
        onRateLimit: onLimit('primary'),
        onSecondaryRateLimit: onLimit('secondary'),
        ...(write ? { write } : {}),
      },
    },
    retry,
    throttling,
  );
}

export type GitHubClient = Awaited<ReturnType<typeof createGitHubClient>>;
