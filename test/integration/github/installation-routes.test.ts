import { createSign, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { AppRoutes } from '../../fakes/github/app-routes.js';
import { combineExtensions } from '../../fakes/github/collaborators.js';
import { FakeGitHub } from '../../fakes/github/index.js';
import { InstallationRoutes } from '../../fakes/github/installation-routes.js';
import { OTHER_SHA, SHA } from './helpers.js';

/**
 * The installation routes' answers are checked against GitHub's response
 * schemas like every other route's (a commit's nullable `author`, an
 * installation's nullable `account` included): a test that reads them gets
 * what GitHub documents, or a response error.
 */

const APP = { id: 2, slug: 'ecs-codepipeline', name: 'ECS CodePipeline' };
const TOKEN = 'ghs_installationTokenForTests0123456789ab';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

let fake: FakeGitHub;
let installations: InstallationRoutes;

function jwt(): string {
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ iat: now - 30, exp: now + 540, iss: APP.id })}`;
  return `${head}.${createSign('RSA-SHA256').update(head).sign(privateKey).toString('base64url')}`;
}

async function get(path: string, auth: string): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${fake.url}${path}`, { headers: { authorization: auth, accept: 'application/vnd.github+json' } });
  return { status: res.status, json: await res.json() };
}

beforeAll(async () => {
  const routes = new AppRoutes({ app: APP, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(), installationToken: TOKEN, installationId: 42 });
  installations = new InstallationRoutes({ app: APP, base: routes, installationId: 42, installationToken: TOKEN, account: 'octo-org', repositories: [{ owner: 'octo-org', repo: 'myapp' }], suspended: true });
  fake = await FakeGitHub.start({ owner: 'octo-org', repo: 'myapp', token: TOKEN, app: APP, extension: combineExtensions(installations, routes) });
});

afterAll(async () => {
  await fake.stop();
});

test('the installation, the repositories and a branch\'s commits are answered as GitHub documents them', async () => {
  const list = await get('/app/installations', `Bearer ${jwt()}`);
  expect(list.status).toBe(200);
  expect(list.json).toEqual([expect.objectContaining({ id: 42, account: expect.objectContaining({ login: 'octo-org', type: 'Organization' }), suspended_at: expect.any(String) })]);
  const one = await get('/repos/octo-org/myapp/installation', `Bearer ${jwt()}`);
  expect(one.json).toMatchObject({ id: 42, app_slug: 'ecs-codepipeline' });
  expect((await get('/repos/octo-org/other/installation', `Bearer ${jwt()}`)).status).toBe(404);
  const repos = await get('/installation/repositories', `token ${TOKEN}`);
  expect(repos.json).toMatchObject({ total_count: 1, repositories: [{ full_name: 'octo-org/myapp' }] });
  installations.pushed('octo-org/myapp', 'main', OTHER_SHA);
  installations.pushed('octo-org/myapp', 'main', SHA);
  const commits = await get('/repos/octo-org/myapp/commits?sha=main&per_page=20', `token ${TOKEN}`);
  expect(commits.json).toEqual([
    expect.objectContaining({ sha: SHA, author: null, parents: [expect.objectContaining({ sha: OTHER_SHA })] }),
    expect.objectContaining({ sha: OTHER_SHA, author: null, parents: [] }),
  ]);

  expect(fake.rejections()).toEqual([]);
  // Checked, not sent as they are: every answer above went through the response schemas.
  expect(fake.responseErrors()).toEqual([]);
  expect(installations.served).toEqual({ 'GET /app/installations': 1, 'GET /repos/{owner}/{repo}/installation': 2, 'GET /installation/repositories': 1, 'GET /repos/{owner}/{repo}/commits': 1 });
});
