import { createHmac, createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Probot } from 'probot';
import { badgeOf, type Badge, type BadgeRun } from '../../core/badges/badge.js';
import { parseBadgePath, signedPart } from '../../core/badges/sign.js';

export const BADGE_SECRET_ENV = 'ECS_CODEPIPELINE_BADGE_SECRET';
const TTL_MS = 60_000;
const MAX_CACHED = 5_000;

/** Just what the badge reads from GitHub (an installation's Octokit fits). */
export interface BadgeClient {
  request(route: string, params?: Record<string, unknown>): Promise<{ data: unknown }>;
}

/** A repository the app is installed on: its visibility and a client acting as the installation. */
export interface BadgeRepository {
  private: boolean;
  client: BadgeClient;
}

export interface BadgeOptions {
  /** undefined when the app is not installed on the repository (or it does not exist). */
  repository(owner: string, repo: string): Promise<BadgeRepository | undefined>;
  /** Signs private repositories' badge URLs (ECS_CODEPIPELINE_BADGE_SECRET); without it they have no badge. */
  secret?: string;
  /** Only this app's check runs count (APP_ID). */
  appId?: number;
  now?: () => number;
  log?: { warn(m: string): void };
}

/** `?sig=` for a badge path: HMAC-SHA256 of the path (owner and repo lower-cased), base64url. */
export function badgeSignature(path: string, secret: string): string {
  return createHmac('sha256', secret).update(signedPart(path)).digest('base64url');
}

function validSignature(path: string, given: string | null, secret: string | undefined): boolean {
  if (!secret || !given) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(badgeSignature(path, secret)).digest();
  return timingSafeEqual(a, b);
}

function isStatus(e: unknown, status: number): boolean {
  return (e as { status?: unknown } | null)?.status === status;
}

/** The flat SVG of badge-maker (shields.io's renderer), loaded on first use. */
let makeBadge: ((f: { label: string; message: string; color: string }) => string) | undefined;
async function svgOf(b: Badge): Promise<string> {
  makeBadge ??= (await import('badge-maker')).makeBadge;
  return makeBadge({ label: b.label, message: b.message, color: b.color });
}

interface Cached {
  at: number;
  /** undefined: a 404 (not installed, no such branch), cached as briefly. */
  badge?: Badge;
  private: boolean;
}

/**
 * `GET /badges/:owner/:repo/:branch.svg` and `….json` (shields.io endpoint):
 * the branch's last execution result and deployed image tag, from the newest
 * pipeline check run of this app on the branch's head. Answers are cached for
 * 60 s per repository and branch; a private repository's badge needs `?sig=`.
 */
export function badgeHandler(o: BadgeOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const cache = new Map<string, Cached>();
  const now = o.now ?? Date.now;

  const inFlight = new Map<string, Promise<Cached>>();

  async function read(owner: string, repo: string, branch: string): Promise<Cached> {
    const found = await o.repository(owner, repo);
    if (!found) return { at: now(), private: true };
    try {
      const { data } = await found.client.request('GET /repos/{owner}/{repo}/commits/{ref}/check-runs', {
        owner,
        repo,
        ref: `heads/${branch}`,
        filter: 'latest',
        per_page: 100,
        ...(o.appId ? { app_id: o.appId } : {}),
      });
      const runs = (data as { check_runs?: BadgeRun[] }).check_runs ?? [];
      return { at: now(), private: found.private, badge: badgeOf(runs) };
    } catch (e) {
      // No such branch.
      if (isStatus(e, 404) || isStatus(e, 422)) return { at: now(), private: found.private };
      throw e;
    }
  }

  /** From the cache while fresh; requests that miss together share one read. */
  function load(owner: string, repo: string, branch: string): Promise<Cached> {
    const key = `${owner.toLowerCase()}/${repo.toLowerCase()}\n${branch}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at < TTL_MS) return Promise.resolve(hit);
    const running = inFlight.get(key);
    if (running) return running;
    const p = read(owner, repo, branch)
      .then((entry) => {
        if (cache.size >= MAX_CACHED) for (const [k, v] of cache) if (now() - v.at >= TTL_MS) cache.delete(k);
        // Still full of fresh entries: drop the oldest (Map keeps insertion order).
        if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value as string);
        cache.set(key, entry);
        return entry;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, p);
    return p;
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith('/badges/')) return false;
    const notFound = () => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return true;
    }
    const p = parseBadgePath(url.pathname);
    if (!p) return notFound(), true;
    let entry: Cached;
    try {
      entry = await load(p.owner, p.repo, p.branch);
    } catch (e) {
      o.log?.warn(`badge ${p.owner}/${p.repo}@${p.branch}: ${(e as Error).message}`);
      res.writeHead(502, { 'content-type': 'text/plain' }).end('GitHub could not be read\n');
      return true;
    }
    // A private repository without a valid signature looks like one the app does not know.
    if (!entry.badge || (entry.private && !validSignature(url.pathname, url.searchParams.get('sig'), o.secret))) return notFound(), true;
    const { runId: _runId, ...badge } = entry.badge;
    const headers = { 'cache-control': `${entry.private ? 'private' : 'public'}, max-age=60` };
    if (p.format === 'json') res.writeHead(200, { ...headers, 'content-type': 'application/json' }).end(`${JSON.stringify(badge)}\n`);
    else res.writeHead(200, { ...headers, 'content-type': 'image/svg+xml; charset=utf-8' }).end(await svgOf(entry.badge));
    return true;
  };
}

/** The repository through the app's installation: GET /repos/{owner}/{repo}/installation, then the repository as that installation sees it. */
export function probotBadgeRepository(probot: Probot): BadgeOptions['repository'] {
  return async (owner, repo) => {
    const app = await probot.auth();
    let installationId: number;
    try {
      const { data } = await app.request('GET /repos/{owner}/{repo}/installation', { owner, repo });
      installationId = data.id;
    } catch (e) {
      if (isStatus(e, 404)) return undefined;
      throw e;
    }
    const client = await probot.auth(installationId);
    try {
      const { data } = await client.request('GET /repos/{owner}/{repo}', { owner, repo });
      return { private: data.private, client };
    } catch (e) {
      if (isStatus(e, 404)) return undefined;
      throw e;
    }
  };
}
