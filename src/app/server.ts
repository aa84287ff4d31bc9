import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createNodeMiddleware, run, type Probot } from 'probot';
import { createApp, type AppOptions } from './index.js';
import { badgeHandler, probotBadgeRepository, BADGE_SECRET_ENV, type BadgeOptions } from './http/badges.js';
import { EVENTBRIDGE_PATH, eventBridgeHandler, eventBridgeOptionsFromEnv, type EventBridgeOptions } from './http/eventbridge.js';
import { watchRequests } from './load/foreground.js';
import { RequestTimes } from './load/request-times.js';
import { metricsHandler, metricsOn } from './http/metrics.js';
import { pacingOff, UnpacedOctokit } from './octokit.js';
import { appOptionsFromEnv } from './options.js';
import { createEventTracking, type EventTracking } from './tracking/events.js';
import { foreground } from './tracking/registry.js';
import { warmUp } from './warm-up.js';

/**
 * `npm run app`: Probot's own server (Probot 14 `run`), configured from the
 * environment: APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, and
 * optionally WEBHOOK_PROXY_URL (smee.io, for local development), PORT, HOST,
 * GHE_HOST (GitHub Enterprise Server), LOG_LEVEL, and the app's own
 * ECS_CODEPIPELINE_* variables (docs/app.md).
 * Without APP_ID and a key it starts Probot's set-up page, which registers the
 * app from app.yml (the manifest flow) and writes the credentials to .env.
 */
export function main(): ReturnType<typeof run> {
  const appOptions = appOptionsFromEnv();
  // Webhooks and EventBridge posts are answered before the background work they cause.
  const times = metricsOn() ? new RequestTimes() : undefined;
  watchRequests(foreground, [process.env.WEBHOOK_PATH || '/api/github/webhooks', EVENTBRIDGE_PATH], times);
  const app = createApp(appOptions);
  const eventbridge = eventBridgeOptionsFromEnv(process.env, { roles: appOptions.roles });
  return run(
    (probot, options) => {
      // GET /badges/…; POST /eventbridge when ECS_CODEPIPELINE_EVENTBRIDGE_SECRET is set, its updates written as the poller would.
      if (times) options.addHandler(metricsHandler(times));
      options.addHandler(badgeHandler({ repository: probotBadgeRepository(probot), secret: process.env[BADGE_SECRET_ENV] || undefined, appId: appOptions.appId }));
      if (eventbridge) {
        const events = createEventTracking({ probot, app: appOptions, pipelines: eventbridge.pipelines });
        options.addHandler(eventBridgeHandler({ ...eventbridge, onUpdate: events.onUpdate, accept: events.accept, log: probot.log }));
      }
      // The first pushes after a start should not wait for the AWS SDK to load.
      void warmUp(probot.log);
      return app(probot, options);
    },
    pacingOff() ? { Octokit: UnpacedOctokit } : undefined,
  );
}

export interface Listening {
  url: string;
  server: HttpServer;
  /** The EventBridge updates' tracking, when the route was given without its own `onUpdate`. */
  events?: EventTracking;
  close(): Promise<void>;
}

/**
 * The same app behind Probot's node middleware on a server of our own: for
 * hosts that bring their own HTTP server, and for the tests (port 0). An
 * `eventbridge` route without `onUpdate` gets the app's event tracking.
 */
export async function listen(o: { probot: Probot; app?: AppOptions; host?: string; port?: number; webhooksPath?: string; eventbridge?: EventBridgeOptions; badges?: BadgeOptions; times?: RequestTimes }): Promise<Listening> {
  const appOptions = o.app ?? appOptionsFromEnv();
  const middleware = await createNodeMiddleware(createApp(appOptions), { probot: o.probot, webhooksPath: o.webhooksPath });
  const events = o.eventbridge && !o.eventbridge.onUpdate ? createEventTracking({ probot: o.probot, app: appOptions, pipelines: o.eventbridge.pipelines }) : undefined;
  const eventbridge = o.eventbridge && (events ? { ...o.eventbridge, onUpdate: events.onUpdate, accept: events.accept } : o.eventbridge);
  const routes = [eventbridge && eventBridgeHandler(eventbridge), o.badges && badgeHandler(o.badges), o.times && metricsHandler(o.times)].filter((h) => h !== undefined);
  const unwatch = watchRequests(foreground, [o.webhooksPath ?? '/api/github/webhooks', ...(eventbridge ? [EVENTBRIDGE_PATH] : [])], o.times);
  const server = createServer(async (req, res) => {
    for (const route of routes) if (await route(req, res)) return;
    void middleware(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port ?? 0, o.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${o.host ?? '127.0.0.1'}:${port}`,
    server,
    ...(events ? { events } : {}),
    close: () => new Promise<void>((resolve) => {
      unwatch();
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
