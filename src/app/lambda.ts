import { Probot, type ApplicationFunction } from 'probot';
import { createApp, type AppOptions } from './index.js';
import { appOptionsFromEnv } from './options.js';
import { createEventTracking } from './tracking/events.js';
import { EVENTBRIDGE_PATH, eventBridgeOptionsFromEnv, eventBridgeService, type EventBridgeOptions, type PlainResponse } from './http/eventbridge.js';

/**
 * AWS Lambda hosting (function URL, API Gateway HTTP API or REST API) on
 * Probot 14's own webhook verification: the body, exactly as GitHub sent it,
 * goes through `probot.webhooks.verifyAndReceive`, which checks the
 * HMAC-SHA256 signature before any handler sees the payload. No community
 * adapter: those still target Probot 13.
 *
 * Routes: `POST /api/github/webhooks` (or any path with an `x-github-event`
 * header, as GitHub is often pointed at the bare function URL) and
 * `POST /eventbridge` when ECS_CODEPIPELINE_EVENTBRIDGE_SECRET is set.
 * Handlers run to completion before the answer: Lambda freezes the process
 * after it, so nothing may be left running in the background.
 */

/** The fields of API Gateway v1/v2 and function URL events that we read. */
export interface LambdaHttpEvent {
  version?: string;
  rawPath?: string;
  path?: string;
  httpMethod?: string;
  requestContext?: { http?: { method?: string; path?: string } };
  headers?: Record<string, string | undefined> | null;
  body?: string | null;
  isBase64Encoded?: boolean;
}

export interface LambdaHttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

export interface LambdaOptions {
  probot: Probot;
  app?: AppOptions;
  /** Overrides the environment's ECS_CODEPIPELINE_EVENTBRIDGE_SECRET route (tests). */
  eventbridge?: EventBridgeOptions;
  webhooksPath?: string;
}

function json(statusCode: number, body: unknown): LambdaHttpResult {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: `${JSON.stringify(body)}\n` };
}

function lowerCased(h: LambdaHttpEvent['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(h ?? {})) out[k.toLowerCase()] = v;
  return out;
}

/**
 * Why a delivery failed: the verification's own refusals (signature, JSON) are
 * the sender's (4xx); anything a handler threw is ours (500), even when it
 * carries the status of a GitHub answer.
 */
function statusOf(e: unknown): number {
  const errors = (e as { errors?: unknown[] } | null)?.errors;
  const first = (Array.isArray(errors) && errors.length === 1 ? errors[0] : e) as { message?: unknown; status?: unknown } | null;
  const message = String(first?.message ?? '');
  if (/^\[@octokit\/webhooks\] signature does not match/.test(message)) return 401;
  if (message === 'Invalid JSON' && first?.status === 400) return 400;
  return 500;
}

export function createLambdaHandler(o: LambdaOptions): (event: LambdaHttpEvent) => Promise<LambdaHttpResult> {
  const webhooksPath = o.webhooksPath ?? '/api/github/webhooks';
  // No resume on start: a function is frozen between invocations, and every cold start would search again.
  const appOptions = { ...(o.app ?? appOptionsFromEnv()), resume: false };
  const loaded = o.probot.load(createApp(appOptions) as ApplicationFunction);
  const eventbridge = o.eventbridge ?? eventBridgeOptionsFromEnv(process.env, { roles: appOptions.roles });
  // The update is written before the answer: nothing may run on after it.
  const tracked = eventbridge && !eventbridge.onUpdate ? { ...eventbridge, onUpdate: createEventTracking({ probot: o.probot, app: appOptions, inline: true }).onUpdate } : eventbridge;
  const eb = tracked && eventBridgeService(tracked);

  return async (event) => {
    await loaded;
    const method = (event.requestContext?.http?.method ?? event.httpMethod ?? 'GET').toUpperCase();
    const path = event.rawPath ?? event.requestContext?.http?.path ?? event.path ?? '/';
    const headers = lowerCased(event.headers);
    const body = event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '';

    if (path === EVENTBRIDGE_PATH) {
      if (!eb) return json(404, { error: 'Not Found' });
      const answer: PlainResponse = await eb({ method, headers, body });
      return json(answer.status, answer.body);
    }

    const name = headers['x-github-event'];
    if (path !== webhooksPath && !name) return json(404, { error: 'Not Found' });
    if (method !== 'POST') return json(405, { error: 'use POST' });
    const id = headers['x-github-delivery'];
    const signature = headers['x-hub-signature-256'];
    if (!name || !id || !signature) return json(400, { error: 'x-github-event, x-github-delivery and x-hub-signature-256 are required' });
    try {
      await o.probot.webhooks.verifyAndReceive({ id, name, payload: body, signature });
      return json(200, { ok: true });
    } catch (e) {
      const status = statusOf(e);
      if (status >= 500) o.probot.log.error({ err: e, id, event: name }, 'webhook handler failed');
      return json(status, { error: status === 401 ? 'signature does not match' : 'the delivery could not be handled' });
    }
  };
}

let fromEnv: ((event: LambdaHttpEvent) => Promise<LambdaHttpResult>) | undefined;

/**
 * The function's handler (`build/app/lambda.handler`), configured from the
 * environment like `npm run app`: APP_ID, PRIVATE_KEY, WEBHOOK_SECRET, and the
 * app's own variables.
 */
export async function handler(event: LambdaHttpEvent): Promise<LambdaHttpResult> {
  if (!fromEnv) {
    const privateKey = (process.env.PRIVATE_KEY ?? '').replace(/\\n/g, '\n');
    const probot = new Probot({ appId: process.env.APP_ID, privateKey, secret: process.env.WEBHOOK_SECRET, baseUrl: process.env.GHE_HOST ? `https://${process.env.GHE_HOST}/api/v3` : undefined });
    fromEnv = createLambdaHandler({ probot });
  }
  return fromEnv(event);
}
