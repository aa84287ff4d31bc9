import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createNodeMiddleware, run, type Probot } from 'probot';
import { createApp, type AppOptions } from './index.js';
import { badgeHandler, probotBadgeRepository, BADGE_SECRET_ENV, type BadgeOptions } from './http/badges.js';
import { eventBridgeHandler, eventBridgeOptionsFromEnv, type EventBridgeOptions } from './http/eventbridge.js';

/**
 * `npm run app`: Probot's own server (Probot 14 `run`), configured from the
 * environment: APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET, and
 * optionally WEBHOOK_PROXY_URL (smee.io, for local development), PORT, HOST,
 * GHE_HOST (GitHub Enterprise Server), LOG_LEVEL, ECS_CODEPIPELINE_ALLOWED_ROLES.
 * Without APP_ID and a key it starts Probot's set-up page, which registers the
 * app from app.yml (the manifest flow) and writes the credentials to .env.
 */
export function main(): ReturnType<typeof run> {
  const app = createApp();
  const eventbridge = eventBridgeOptionsFromEnv();
  return run((probot, options) => {
    // GET /badges/…; POST /eventbridge when ECS_CODEPIPELINE_EVENTBRIDGE_SECRET is set.
    const appId = Number(process.env.APP_ID) || undefined;
    options.addHandler(badgeHandler({ repository: probotBadgeRepository(probot), secret: process.env[BADGE_SECRET_ENV] || undefined, appId }));
    if (eventbridge) options.addHandler(eventBridgeHandler(eventbridge));
    return app(probot, options);
  });
}

export interface Listening {
  url: string;
  server: HttpServer;
  close(): Promise<void>;
}

/**
 * The same app behind Probot's node middleware on a server of our own: for
 * hosts that bring their own HTTP server, and for the tests (port 0).
 */
export async function listen(o: { probot: Probot; app?: AppOptions; host?: string; port?: number; webhooksPath?: string; eventbridge?: EventBridgeOptions; badges?: BadgeOptions }): Promise<Listening> {
  const middleware = await createNodeMiddleware(createApp(o.app), { probot: o.probot, webhooksPath: o.webhooksPath });
  const routes = [o.eventbridge && eventBridgeHandler(o.eventbridge), o.badges && badgeHandler(o.badges)].filter((h) => h !== undefined);
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
    close: () => new Promise<void>((resolve) => {
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
