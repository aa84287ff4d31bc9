import { createHmac, generateKeyPairSync, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Probot } from 'probot';
import { UnpacedOctokit } from '../../../src/app/octokit.js';
import { eventBridgeOptionsFromEnv, SECRET_ENV } from '../../../src/app/http/eventbridge.js';
import { listen, type Listening } from '../../../src/app/server.js';
import { parseRoleAllowList } from '../../../src/app/roles.js';
import { AppRoutes, type GitFile } from '../../fakes/github/app-routes.js';
import { combineExtensions } from '../../fakes/github/collaborators.js';
import { InstallationRoutes } from '../../fakes/github/installation-routes.js';
import { FakeGitHub } from '../../fakes/github/index.js';
import type { FakeApp } from '../../fakes/github/objects.js';

export const SECRET = 'webhook-secret-for-tests';
export const APP: FakeApp = { id: 2, slug: 'ecs-codepipeline', name: 'ECS CodePipeline' };
export const INSTALLATION_TOKEN = 'ghs_installationTokenForTests0123456789ab';

const require = createRequire(import.meta.url);

interface Definition {
  name: string;
  examples: Record<string, unknown>[];
}

let definitions: Definition[] | undefined;

/** A real example payload from @octokit/webhooks-examples (the first of that event and action with an installation). */
export function example<T = Record<string, unknown>>(event: string, action: string): T {
  definitions ??= JSON.parse(readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8')) as Definition[];
  const def = definitions.find((d) => d.name === event);
  const found = def?.examples.find((e) => e.action === action && e.installation);
  if (!found) throw new Error(`no example of ${event}.${action} with an installation`);
  return structuredClone(found) as T;
}

export function keyPair(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(), publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

export function sign(body: string, secret = SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export interface Delivery {
  status: number;
  text: string;
}

/** Posts a webhook as GitHub does: JSON body, event name, delivery id, HMAC-SHA256 signature. */
export async function deliver(url: string, event: string, payload: unknown, o: { secret?: string; id?: string; signature?: string | null } = {}): Promise<Delivery> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'GitHub-Hookshot/044aadd',
    'x-github-event': event,
    'x-github-delivery': o.id ?? randomUUID(),
    'x-github-hook-id': '292430182',
    'x-github-hook-installation-target-type': 'integration',
    'x-github-hook-installation-target-id': String(APP.id),
  };
  const signature = o.signature === undefined ? sign(body, o.secret) : o.signature;
  if (signature !== null) headers['x-hub-signature-256'] = signature;
  const res = await fetch(`${url}/api/github/webhooks`, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

export interface AppHarness {
  fake: FakeGitHub;
  routes: AppRoutes;
  /** The app's installation on the payload's repository (GET /app/installations, /installation/repositories, /repos/…/installation). */
  installations: InstallationRoutes;
  app: Listening;
  /** Puts a commit's files into the fake (and `main` at it when `branch` is given). */
  commit(sha: string, files: GitFile[], o?: { branch?: string; repo?: string }): void;
  stop(): Promise<void>;
}

/**
 * A fake GitHub serving one repository (the payloads' own), the app's
 * installation and a Probot app behind its node middleware on 127.0.0.1.
 */
export async function startApp(o: { owner: string; repo: string; installationId: number; allowedRoles?: string; maxFiles?: number; now?: () => Date; eventbridge?: string }): Promise<AppHarness> {
  const keys = keyPair();
  const routes = new AppRoutes({ app: APP, publicKey: keys.publicKey, installationToken: INSTALLATION_TOKEN, installationId: o.installationId });
  const installations = new InstallationRoutes({ app: APP, base: routes, installationId: o.installationId, installationToken: INSTALLATION_TOKEN, account: o.owner, repositories: [{ owner: o.owner, repo: o.repo }] });
  const fake = await FakeGitHub.start({ owner: o.owner, repo: o.repo, token: INSTALLATION_TOKEN, app: APP, extension: combineExtensions(installations, routes), now: o.now });
  const probot = new Probot({
    appId: APP.id,
    privateKey: keys.privateKey,
    secret: SECRET,
    baseUrl: fake.url,
    logLevel: (process.env.APP_TEST_LOG_LEVEL as 'fatal' | undefined) ?? 'fatal',
    // plugin-throttling spaces writes a second apart, as GitHub asks; the fake does not need it (see src/app/octokit.ts for why this is not `defaults({ throttle: { enabled: false } })`).
    Octokit: UnpacedOctokit,
  });
  const roles = parseRoleAllowList(o.allowedRoles);
  const app = await listen({
    probot,
    app: { appId: APP.id, roles, limits: o.maxFiles ? { maxFiles: o.maxFiles, concurrency: 4 } : undefined },
    // POST /eventbridge with the app's own reader and tracking (the AWS side as trackingSettings.aws says).
    ...(o.eventbridge ? { eventbridge: eventBridgeOptionsFromEnv({ [SECRET_ENV]: o.eventbridge }, { roles }) } : {}),
  });
  return {
    fake,
    routes,
    installations,
    app,
    commit: (sha, files, c = {}) => routes.commit(c.repo ?? `${o.owner}/${o.repo}`, sha, files, c.branch),
    stop: async () => {
      await app.close();
      await fake.stop();
    },
  };
}

/** A Fargate task definition whose cpu 256 cannot go with memory 4096 (TD-05, on line 8). */
export const BROKEN_TASKDEF = `{
  "family": "myapp",
  "networkMode": "awsvpc",
  "requiresCompatibilities": [
    "FARGATE"
  ],
  "cpu": "256",
  "memory": "4096",
  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
  "containerDefinitions": [
    {
      "name": "myapp",
      "image": "<IMAGE1_NAME>",
      "essential": true,
      "readonlyRootFilesystem": true,
      "portMappings": [
        {
          "containerPort": 8080,
          "protocol": "tcp"
        }
      ],
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/myapp",
          "awslogs-region": "us-east-1",
          "awslogs-stream-prefix": "ecs",
          "awslogs-create-group": "true"
        }
      }
    }
  ]
}
`;

export const GOOD_TASKDEF = BROKEN_TASKDEF.replace('"memory": "4096"', '"memory": "512"');
