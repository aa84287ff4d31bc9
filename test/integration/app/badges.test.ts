import { Probot } from 'probot';
import { UnpacedOctokit } from '../../../src/app/octokit.js';
import { parseRoleAllowList } from '../../../src/app/roles.js';
import { listen, type Listening } from '../../../src/app/server.js';
import { badgeSignature, probotBadgeRepository } from '../../../src/app/http/badges.js';
import { AppRoutes } from '../../fakes/github/app-routes.js';
import { combineExtensions } from '../../fakes/github/collaborators.js';
import { GitRoutes } from '../../fakes/github/git-routes.js';
import { FakeGitHub } from '../../fakes/github/index.js';
import { InstallationRoutes } from '../../fakes/github/installation-routes.js';
import { APP, INSTALLATION_TOKEN, keyPair, SECRET } from './helpers.js';

/**
 * GET /badges/… on the app's server, with the repository (its installation
 * and visibility, through probotBadgeRepository) and its check runs in the
 * OpenAPI-validating fake GitHub.
 */

const OWNER = 'my-org';
const REPO = 'myapp';
const INSTALLATION = 4242;
const HEAD = '4c1f3e9a7b2d8c6e0f5a1b3c9d7e2f4a6b8c0d1e';
const BADGE_SECRET = 'badge-secret-for-tests';
const SUMMARY = '## myapp-ecs-pipeline\n\n### Deployed image\n\n| | |\n|---|---|\n| URI | `123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:4c1f3e9` |\n| Tag | `4c1f3e9` |\n';

let fake: FakeGitHub;
let git: GitRoutes;
let installations: InstallationRoutes;
let app: Listening;
let probot: Probot;
let clock: number;

beforeEach(async () => {
  const keys = keyPair();
  const routes = new AppRoutes({ app: APP, publicKey: keys.publicKey, installationToken: INSTALLATION_TOKEN, installationId: INSTALLATION });
  installations = new InstallationRoutes({ app: APP, base: routes, installationId: INSTALLATION, installationToken: INSTALLATION_TOKEN, account: OWNER, repositories: [{ owner: OWNER, repo: REPO }] });
  git = new GitRoutes({ base: routes, app: APP });
  // Public unless a test makes it private.
  git.repository(`${OWNER}/${REPO}`, { private: false });
  fake = await FakeGitHub.start({ owner: OWNER, repo: REPO, token: INSTALLATION_TOKEN, app: APP, extension: combineExtensions(installations, git, routes), refs: { 'heads/main': HEAD } });
  probot = new Probot({ appId: APP.id, privateKey: keys.privateKey, secret: SECRET, baseUrl: fake.url, logLevel: 'fatal', Octokit: UnpacedOctokit });
  clock = 1_000_000;
  app = await listen({
    probot,
    app: { appId: APP.id, roles: parseRoleAllowList(undefined) },
    badges: {
      // As server.ts wires it: GET /repos/{owner}/{repo}/installation as the app, then GET /repos/{owner}/{repo} as the installation.
      repository: probotBadgeRepository(probot),
      secret: BADGE_SECRET,
      appId: APP.id,
      now: () => clock,
    },
  });
});

afterEach(async () => {
  // GitHub's own answer for a branch that does not exist, which the badge turns into a 404.
  const rejections = fake.rejections().filter((r) => r.message !== 'No commit found for SHA: heads/no-such-branch');
  const responseErrors = fake.responseErrors();
  await app.close();
  await fake.stop();
  expect(rejections).toEqual([]);
  expect(responseErrors).toEqual([]);
});

/** How often the badge looked the repository up: its installation, then the repository itself. */
function lookups(): number[] {
  return [installations.served['GET /repos/{owner}/{repo}/installation'] ?? 0, fake.requests({ operation: 'GET /repos/{owner}/{repo}' }).length];
}

async function createRun(body: { name: string; status: 'queued' | 'in_progress' | 'completed'; conclusion?: 'success' | 'failure'; output?: { title: string; summary: string } }): Promise<void> {
  const gh = await probot.auth(INSTALLATION);
  await gh.request('POST /repos/{owner}/{repo}/check-runs', { owner: OWNER, repo: REPO, head_sha: HEAD, ...body });
}

async function get(path: string): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(`${app.url}${path}`);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

test('the shields.io JSON and the SVG show the last execution and its image tag', async () => {
  await createRun({ name: 'ECS pipeline', status: 'completed', conclusion: 'success', output: { title: 'Succeeded', summary: SUMMARY } });
  await createRun({ name: 'ECS pipeline / Deploy', status: 'completed', conclusion: 'failure', output: { title: 'x', summary: 'x' } });
  const json = await get(`/badges/${OWNER}/${REPO}/main.json`);
  expect(json.status).toBe(200);
  expect(JSON.parse(json.text)).toEqual({ schemaVersion: 1, label: 'deploy', message: 'succeeded · 4c1f3e9', color: 'brightgreen' });
  const svg = await get(`/badges/${OWNER}/${REPO}/main.svg`);
  expect(svg.status).toBe(200);
  expect(svg.type).toMatch(/^image\/svg\+xml/);
  expect(svg.text).toMatch(/^<svg[^>]*>/);
  expect(svg.text).toContain('succeeded · 4c1f3e9');
  // Both answers came from one read of GitHub, well within the minute.
  expect(fake.requests({ operation: 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs' })).toHaveLength(1);
});

test('cached for 60 s, then read again', async () => {
  await createRun({ name: 'ECS pipeline', status: 'in_progress' });
  expect(JSON.parse((await get(`/badges/${OWNER}/${REPO}/main.json`)).text).message).toBe('in progress');
  await createRun({ name: 'ECS pipeline', status: 'completed', conclusion: 'failure', output: { title: 'Failed', summary: 'Build failed' } });
  clock += 59_000;
  expect(JSON.parse((await get(`/badges/${OWNER}/${REPO}/main.json`)).text).message).toBe('in progress');
  clock += 2_000;
  expect(JSON.parse((await get(`/badges/${OWNER}/${REPO}/main.json`)).text)).toMatchObject({ message: 'failed', color: 'red' });
  expect(lookups()).toEqual([2, 2]);
});

test('404 for repositories without the app, unknown branches and odd paths', async () => {
  expect((await get('/badges/other-org/other/main.svg')).status).toBe(404);
  // Not installed there: GitHub said so, and the repository was not asked for.
  expect(lookups()).toEqual([1, 0]);
  expect((await get(`/badges/${OWNER}/${REPO}/no-such-branch.json`)).status).toBe(404);
  expect((await get(`/badges/${OWNER}/${REPO}/main.png`)).status).toBe(404);
  expect((await get(`/badges/${OWNER}/${REPO}/../main.svg`)).status).toBe(404);
});

test('a private repository shows its badge only with a valid signature', async () => {
  git.repository(`${OWNER}/${REPO}`, { private: true });
  await createRun({ name: 'ECS pipeline', status: 'completed', conclusion: 'success', output: { title: 'Succeeded', summary: SUMMARY } });
  const path = `/badges/${OWNER}/${REPO}/main.svg`;
  expect((await get(path)).status).toBe(404);
  expect((await get(`${path}?sig=${badgeSignature(path, 'another-secret')}`)).status).toBe(404);
  expect((await get(`${path}?sig=${badgeSignature(`/badges/${OWNER}/${REPO}/other.svg`, BADGE_SECRET)}`)).status).toBe(404);
  const ok = await get(`${path}?sig=${badgeSignature(path, BADGE_SECRET)}`);
  expect(ok.status).toBe(200);
  expect(ok.text).toContain('succeeded');
  // The JSON of the same branch takes the same signature.
  expect((await get(`/badges/${OWNER}/${REPO}/main.json?sig=${badgeSignature(path, BADGE_SECRET)}`)).status).toBe(200);
});
