import { AppRoutes } from '../../fakes/github/app-routes.js';
import { combineExtensions } from '../../fakes/github/collaborators.js';
import { GitRoutes } from '../../fakes/github/git-routes.js';
import { FakeGitHub } from '../../fakes/github/index.js';
import { APP, INSTALLATION_TOKEN, keyPair } from '../app/helpers.js';

/** The fake's git data and pull request routes answer, and refuse, as GitHub does. */

const REPO = 'octo-org/myapp';
const MAIN = 'a'.repeat(40);
let fake: FakeGitHub;
let git: GitRoutes;

beforeAll(async () => {
  const keys = keyPair();
  const routes = new AppRoutes({ app: APP, publicKey: keys.publicKey, installationToken: INSTALLATION_TOKEN, installationId: 1 });
  git = new GitRoutes({ base: routes, app: APP });
  fake = await FakeGitHub.start({ owner: 'octo-org', repo: 'myapp', token: INSTALLATION_TOKEN, app: APP, extension: combineExtensions(git, routes) });
  git.commit(REPO, MAIN, [{ path: 'README.md', content: '# myapp\n' }], { branch: 'main' });
});

afterAll(async () => {
  expect(fake.responseErrors()).toEqual([]);
  await fake.stop();
});

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${fake.url}/repos/${REPO}${path}`, {
    method,
    headers: { authorization: `token ${INSTALLATION_TOKEN}`, 'content-type': 'application/json', accept: 'application/vnd.github+json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

test('blob, tree on a base, commit, ref, pull request; the files show through the trees and contents of AppRoutes', async () => {
  const blob = await call('POST', '/git/blobs', { content: Buffer.from('FROM scratch\n').toString('base64'), encoding: 'base64' });
  expect(blob.status).toBe(201);
  const tree = await call('POST', '/git/trees', { base_tree: MAIN, tree: [{ path: 'Dockerfile', mode: '100644', type: 'blob', sha: blob.json.sha }, { path: 'aws/setup.sh', mode: '100755', type: 'blob', content: '#!/bin/sh\n' }] });
  expect(tree.status).toBe(201);
  expect((tree.json.tree as Array<{ path: string; type: string }>).map((e) => [e.path, e.type])).toEqual([['Dockerfile', 'blob'], ['README.md', 'blob'], ['aws', 'tree']]);
  const commit = await call('POST', '/git/commits', { message: 'Add files', tree: tree.json.sha, parents: [MAIN] });
  expect(commit.status).toBe(201);
  const sha = String(commit.json.sha);
  expect((await call('POST', '/git/refs', { ref: 'refs/heads/feature', sha })).status).toBe(201);
  expect((await call('GET', '/git/ref/heads%2Ffeature')).json.object).toMatchObject({ type: 'commit', sha });
  expect((await call('GET', `/git/commits/${sha}`)).json).toMatchObject({ message: 'Add files', parents: [{ sha: MAIN }], tree: { sha: tree.json.sha } });
  expect(git.files(REPO, 'feature').map((f) => [f.path, f.content, f.mode])).toEqual([['Dockerfile', 'FROM scratch\n', '100644'], ['README.md', '# myapp\n', '100644'], ['aws/setup.sh', '#!/bin/sh\n', '100755']]);
  const listed = await call('GET', `/git/trees/${sha}?recursive=1`);
  expect((listed.json.tree as Array<{ path: string }>).map((e) => e.path)).toContain('aws/setup.sh');

  const pr = await call('POST', '/pulls', { head: 'feature', base: 'main', title: 'Add files', body: 'Why' });
  expect(pr.status).toBe(201);
  expect(pr.json).toMatchObject({ number: 1, state: 'open', head: { ref: 'feature', sha }, base: { ref: 'main', sha: MAIN }, merged: false });
  const list = await call('GET', '/pulls?state=all&head=octo-org%3Afeature');
  expect((list.json as unknown as Array<{ number: number }>).map((p) => p.number)).toEqual([1]);
  expect((await call('GET', '/pulls?head=someone%3Afeature')).json).toEqual([]);
  expect((await call('PATCH', '/pulls/1', { state: 'closed', body: 'No' })).json).toMatchObject({ state: 'closed', body: 'No' });
  expect(fake.rejections()).toEqual([]);
});

test('what GitHub refuses: a ref that exists, a move that is not a fast-forward, a second open pull request, one without commits', async () => {
  const before = fake.rejections().length;
  expect((await call('POST', '/git/refs', { ref: 'refs/heads/main', sha: MAIN })).status).toBe(422);
  const tree = await call('POST', '/git/trees', { tree: [{ path: 'x', mode: '100644', type: 'blob', content: 'x' }] });
  const orphan = await call('POST', '/git/commits', { message: 'orphan', tree: tree.json.sha, parents: [] });
  expect((await call('PATCH', '/git/refs/heads%2Fmain', { sha: orphan.json.sha })).status).toBe(422);
  expect((await call('POST', '/git/refs', { ref: 'refs/heads/same', sha: MAIN })).status).toBe(201);
  const none = await call('POST', '/pulls', { head: 'same', base: 'main', title: 't' });
  expect(none.json.errors).toEqual([expect.objectContaining({ message: 'No commits between main and same' })]);
  expect((await call('PATCH', '/pulls/1', { state: 'open' })).status).toBe(200);
  const twice = await call('POST', '/pulls', { head: 'feature', base: 'main', title: 't' });
  expect(twice.json.errors).toEqual([expect.objectContaining({ message: 'A pull request already exists for octo-org:feature.' })]);
  expect(fake.rejections().slice(before).map((r) => r.status)).toEqual([422, 422, 422, 422]);
  // A ref of an empty repository is a 409; without the write permission a write is a 403.
  git.repository('octo-org/empty');
  const empty = await fetch(`${fake.url}/repos/octo-org/empty/git/ref/heads%2Fmain`, { headers: { authorization: `token ${INSTALLATION_TOKEN}` } });
  expect(empty.status).toBe(409);
  git.permissions = { contents: 'read', pull_requests: 'write' };
  expect((await call('POST', '/git/blobs', { content: 'x' })).status).toBe(403);
  git.permissions = { contents: 'write', pull_requests: 'write' };
});
