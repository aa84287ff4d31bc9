import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestTimes } from '../load/request-times.js';

export const METRICS_PATH = '/metrics/requests';
export const METRICS_ENV = 'ECS_CODEPIPELINE_METRICS';

/** Whether the operator asked for the metrics route (`on`, `true`, `1`, `yes`); off by default. */
export function metricsOn(env: Record<string, string | undefined> = process.env): boolean {
  return /^(on|true|1|yes)$/i.test(env[METRICS_ENV]?.trim() ?? '');
}

/**
 * `GET /metrics/requests[?since=N]`: how long the app took to answer its
 * webhooks and EventBridge posts (count, p50, p90, p99, max in ms, per path),
 * over the requests from sequence number N on, and the next sequence number
 * (`next`) for a later look. Numbers only: no payload, repository or secret.
 */
export function metricsHandler(times: RequestTimes): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://app');
    if (url.pathname !== METRICS_PATH) return false;
    if (req.method !== 'GET') {
      res.writeHead(405, { allow: 'GET', 'content-type': 'text/plain' }).end('Method Not Allowed\n');
      return true;
    }
    const raw = url.searchParams.get('since');
    const since = raw === null ? 0 : Number(raw);
    if (!Number.isInteger(since) || since < 0) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('since: a whole number from an earlier answer\'s `next`\n');
      return true;
    }
    const next = times.next;
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(`${JSON.stringify({ next, requests: times.since(since) })}\n`);
    return true;
  };
}
