import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { Probot, ProbotOctokit } from 'probot';
import { parseRoleAllowList } from '../../../src/app/roles.js';
import { listen, type Listening } from '../../../src/app/server.js';
import { AppRoutes, type FakeExtension, type GitFile } from '../../fakes/github/app-routes.js';
import { combineExtensions } from '../../fakes/github/collaborators.js';
import { GitRoutes, type Access } from '../../fakes/github/git-routes.js';
import { FakeGitHub } from '../../fakes/github/index.js';
import { APP, INSTALLATION_TOKEN, SECRET, keyPair } from '../app/helpers.js';

/**
 * The app on 127.0.0.1 with onboarding on, and a fake GitHub that also takes
 * writes (git-routes.ts: refs, trees, commits, pull requests). Probot's log
 * lines are kept, to see what the app tells the operator.
 */

export interface LogLine {
  level: number;
  msg: string;
}

export interface OnboardingHarness {
  fake: FakeGitHub;
  routes: AppRoutes;
  git: GitRoutes;
  app: Listening;
  logs: LogLine[];
  /** A commit of the repository's owner, `main` pointed at it. */
  seed(fullName: string, sha: string, files: GitFile[]): void;
  /** Requests about one repository (not the token, not other repositories). */
  requestsOf(fullName: string): ReturnType<FakeGitHub['requests']>;
  /** Writes to one repository. */
  writesTo(fullName: string): ReturnType<FakeGitHub['requests']>;
  stop(): Promise<void>;
}

let keys: { privateKey: string; publicKey: string } | undefined;
let shared: { fake: FakeGitHub; owner: string; repo: string; ext: { current?: FakeExtension } } | undefined;

export const WARN = 40;

/**
 * One fake GitHub for the whole file, with the routes of each test plugged in:
 * its validator compiles the large pull request and repository schemas once
 * (about half a second each) instead of once per test.
 */
async function fakeFor(owner: string, repo: string): Promise<{ fake: FakeGitHub; ext: { current?: FakeExtension } }> {
  if (shared && (shared.owner !== owner || shared.repo !== repo)) throw new Error(`the shared fake serves ${shared.owner}/${shared.repo}`);
  if (!shared) {
    const ext: { current?: FakeExtension } = {};
    const extension: FakeExtension = {
      authenticate: (pathname, presented) => ext.current?.authenticate(pathname, presented),
      serves: (key, params) => ext.current?.serves(key, params) ?? false,
      dispatch: (r) => ext.current?.dispatch(r),
    };
    const fake = await FakeGitHub.start({ owner, repo, token: INSTALLATION_TOKEN, app: APP, extension });
    shared = { fake, owner, repo, ext };
  }
  return shared;
}

/** Stops the shared fake: call in afterAll. */
export async function stopFake(): Promise<void> {
  await shared?.fake.stop();
  shared = undefined;
}

export async function startOnboardingApp(o: { owner: string; repo: string; installationId: number; permissions?: { contents?: Access; pull_requests?: Access }; onboarding?: boolean }): Promise<OnboardingHarness> {
  keys ??= keyPair();
  const routes = new AppRoutes({ app: APP, publicKey: keys.publicKey, installationToken: INSTALLATION_TOKEN, installationId: o.installationId });
  const git = new GitRoutes({ base: routes, app: APP, permissions: o.permissions });
  const { fake, ext } = await fakeFor(o.owner, o.repo);
  fake.reset();
  ext.current = combineExtensions(git, routes);
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        const j = JSON.parse(line) as { level: number; msg?: string };
        logs.push({ level: j.level, msg: j.msg ?? '' });
      }
      done();
    },
  });
  const probot = new Probot({
    appId: APP.id,
    privateKey: keys.privateKey,
    secret: SECRET,
    baseUrl: fake.url,
    log: pino({ level: 'debug' }, sink),
    // plugin-throttling spaces writes a second apart (pull requests three), as GitHub asks; the fake does not need it.
    // A function, so that Probot's own throttle options, merged over an object, cannot turn it back on.
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options, throttle: { enabled: false } })),
  });
  const app = await listen({ probot, app: { appId: APP.id, roles: parseRoleAllowList(undefined), onboarding: o.onboarding ?? true } });
  const mine = (fullName: string) => (r: { path: string }) => r.path.toLowerCase().startsWith(`/repos/${fullName.toLowerCase()}/`) || r.path.toLowerCase() === `/repos/${fullName.toLowerCase()}`;
  return {
    fake,
    routes,
    git,
    app,
    logs,
    seed: (fullName, sha, files) => git.commit(fullName, sha, files, { branch: 'main' }),
    requestsOf: (fullName) => fake.requests().filter(mine(fullName)),
    writesTo: (fullName) => fake.writes().filter(mine(fullName)),
    stop: () => app.close(),
  };
}

/** The real branch push of @octokit/webhooks-examples (it has no `action`, so helpers.ts's `example` does not find it). */
export function pushExample(): Record<string, unknown> {
  const defs = JSON.parse(readFileSync(createRequire(import.meta.url).resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8')) as Array<{ name: string; examples: Record<string, unknown>[] }>;
  const found = defs.find((d) => d.name === 'push')?.examples.find((e) => e.installation && String(e.ref).startsWith('refs/heads/'));
  if (!found) throw new Error('no branch push example with an installation');
  return structuredClone(found);
}
