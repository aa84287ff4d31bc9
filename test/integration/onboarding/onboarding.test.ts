import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { CONFIG_PATH, validateConfig } from '../../../src/app/config.js';
import { ONBOARDING_BRANCH } from '../../../src/app/onboarding/body.js';
import { appOptionsFromEnv } from '../../../src/app/options.js';
import { parseRoleAllowList } from '../../../src/app/roles.js';
import type { CliIO } from '../../../src/cli/main.js';
import { scaffoldCommand } from '../../../src/cli/scaffold.js';
import type { FileAt } from '../../fakes/github/git-routes.js';
import { checkDir } from '../../helpers/check-dir.js';
import { deliver, example } from '../app/helpers.js';
import { pushExample, startOnboardingApp, stopFake, WARN, type OnboardingHarness } from './harness.js';

/**
 * The onboarding pull request, end to end over HTTP: real installation and
 * push payloads from @octokit/webhooks-examples, signed, posted to the app;
 * GitHub is the OpenAPI-validating fake, which here also keeps refs, trees,
 * commits and pull requests.
 */

interface InstallationEvent {
  installation: { id: number; permissions: Record<string, string>; account: { login: string } };
  repositories?: Array<{ full_name: string; name: string }>;
  repositories_added?: Array<{ full_name: string; name: string }>;
}

const created = example<InstallationEvent>('installation', 'created');
const added = example<InstallationEvent>('installation_repositories', 'added');
const INSTALLATION = created.installation.id;
const REPO = created.repositories![0].full_name; // Codertocat/Hello-World
const ADDED = added.repositories_added![0].full_name; // Codertocat/Space
const [OWNER, NAME] = REPO.split('/');
const BASE = '1111111111111111111111111111111111111111';
const PACKAGE = JSON.stringify({ name: 'hello-world', version: '1.0.0', main: 'server.js', engines: { node: '>=22' } }, null, 2) + '\n';

let h: OnboardingHarness;

afterAll(() => stopFake());

afterEach(async () => {
  const rejections = h.fake.rejections();
  const responseErrors = h.fake.responseErrors();
  const jwtErrors = [...h.routes.jwtErrors];
  await h.stop();
  expect(rejections).toEqual([]);
  expect(responseErrors).toEqual([]);
  expect(jwtErrors).toEqual([]);
});

async function start(o: Partial<Parameters<typeof startOnboardingApp>[0]> = {}) {
  h = await startOnboardingApp({ owner: OWNER, repo: NAME, installationId: INSTALLATION, ...o });
}

/** The files the onboarding branch adds to main (path → content and mode). */
function added_(fullName = REPO): Map<string, FileAt> {
  const base = new Map(h.git.files(fullName, 'main').map((f) => [f.path, f.content]));
  return new Map(h.git.files(fullName, ONBOARDING_BRANCH).filter((f) => base.get(f.path) !== f.content).map((f) => [f.path, f]));
}

function writeDir(files: Iterable<{ path: string; content: string }>): string {
  const dir = mkdtempSync(join(tmpdir(), 'onboarding-'));
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.content);
  }
  return dir;
}

function listDir(dir: string, sub = ''): string[] {
  return readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listDir(dir, join(sub, e.name)) : [join(sub, e.name)]));
}

/** The scaffold command the description gives, as argv, with `<…>` filled in. */
function commandIn(body: string, fill: Record<string, string>): string[] {
  const line = body.split('\n').find((l) => l.startsWith('npx ecs-codepipeline scaffold '));
  if (!line) throw new Error('no scaffold command in the description');
  return line.split(' ').slice(3).map((w) => fill[w] ?? w);
}

test('a repository with only a package.json gets one pull request with the files scaffold writes, which check clean', async () => {
  await start();
  h.seed(REPO, BASE, [{ path: 'package.json', content: PACKAGE }, { path: 'README.md', content: '# Hello\n' }]);
  expect((await deliver(h.app.url, 'installation', created)).status).toBe(200);

  const pulls = h.git.pulls(REPO);
  expect(pulls.map((p) => [p.state, p.head, p.base, p.title])).toEqual([['open', ONBOARDING_BRANCH, 'main', 'Add an ECS blue/green pipeline (ecs-codepipeline)']]);
  const branch = h.git.branch(REPO, ONBOARDING_BRANCH)!;
  expect(h.git.commitInfo(branch).parents).toEqual([BASE]);
  const files = added_();
  expect([...files.keys()].sort()).toEqual(expect.arrayContaining(['Dockerfile', 'buildspec.yml', 'taskdef.json', 'appspec.yaml', 'pipeline.json', 'aws/setup.sh', '.github/ecs-codepipeline.yml', '.github/workflows/ecs-codepipeline.yml']));
  expect(files.get('aws/setup.sh')!.mode).toBe('100755');
  expect(files.get('Dockerfile')!.mode).toBe('100644');
  const body = pulls[0].body!;
  expect(body).toContain('| Service name (container, ECR repository, task family) | `hello-world` | package.json |');
  expect(body).toContain('| AWS account | `000000000000` | **placeholder**');
  expect(body).toContain('bash aws/setup.sh');
  expect(body).toContain('two target groups of type `ip`');

  // The same files as the command the description gives, run on the repository's files.
  const repoDir = writeDir([{ path: 'package.json', content: PACKAGE }, { path: 'README.md', content: '# Hello\n' }]);
  const out = { text: '' };
  const io: CliIO = { cwd: repoDir, env: {}, isTTY: false, stdout: (s) => void (out.text += s), stderr: (s) => void (out.text += s) };
  const argv = commandIn(body, { '<your-region>': 'us-east-1', '<your-account-id>': '000000000000' });
  expect(await scaffoldCommand(argv, io)).toBe(0);
  const written = listDir(repoDir).filter((p) => p !== 'package.json' && p !== 'README.md').sort();
  expect(written).toEqual([...files.keys()].sort());
  for (const p of written) {
    expect([p, readFileSync(join(repoDir, p), 'utf8')]).toEqual([p, files.get(p)!.content]);
    expect([p, (statSync(join(repoDir, p)).mode & 0o111) !== 0]).toEqual([p, files.get(p)!.mode === '100755']);
  }
  rmSync(repoDir, { recursive: true, force: true });

  // The branch, checked out, passes `check` with no finding at all; its app config is one the app accepts.
  const branchDir = writeDir(h.git.files(REPO, ONBOARDING_BRANCH));
  expect(checkDir(branchDir)).toEqual([]);
  rmSync(branchDir, { recursive: true, force: true });
  expect(validateConfig(parse(files.get(CONFIG_PATH)!.content), parseRoleAllowList(undefined))).toMatchObject({ ok: true });
  expect(h.logs.some((l) => /opened onboarding pull request #1/.test(l.msg))).toBe(true);
  // API economy: four writes (the blobs come with the tree), package.json read once (detection and values).
  expect(h.writesTo(REPO).map((r) => r.operation)).toEqual(['POST /repos/{owner}/{repo}/git/trees', 'POST /repos/{owner}/{repo}/git/commits', 'POST /repos/{owner}/{repo}/git/refs', 'POST /repos/{owner}/{repo}/pulls']);
  expect(h.requestsOf(REPO).filter((r) => r.operation === 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}')).toHaveLength(1);
});

test('a repository with pipeline files, by name or by content, gets no pull request and no write', async () => {
  await start();
  h.seed(REPO, BASE, [{ path: 'package.json', content: PACKAGE }, { path: 'docker/Dockerfile.prod', content: 'FROM node:22-alpine\n' }]);
  h.seed(ADDED, '2222222222222222222222222222222222222222', [
    { path: 'package.json', content: PACKAGE },
    { path: 'infra/delivery.json', content: '{"pipeline": {"name": "x", "stages": []}}\n' },
  ]);
  expect((await deliver(h.app.url, 'installation', created)).status).toBe(200);
  expect((await deliver(h.app.url, 'installation_repositories', added)).status).toBe(200);
  expect(h.git.pulls(REPO)).toEqual([]);
  expect(h.git.pulls(ADDED)).toEqual([]);
  expect([...h.writesTo(REPO), ...h.writesTo(ADDED)]).toEqual([]);
  // By name: no blob read at all; by content: the JSON files, smallest first, until the pipeline.
  expect(h.requestsOf(REPO).filter((r) => r.path.includes('/git/blobs/'))).toEqual([]);
  expect(h.logs.map((l) => l.msg)).toEqual(expect.arrayContaining([
    expect.stringContaining('Hello-World: no onboarding pull request: the repository has pipeline files (docker/Dockerfile.prod)'),
    expect.stringContaining('Space: no onboarding pull request: the repository has pipeline files (infra/delivery.json)'),
  ]));
});

test('archived repositories and forks get no pull request', async () => {
  await start();
  h.seed(REPO, BASE, [{ path: 'package.json', content: PACKAGE }]);
  h.seed(ADDED, '2222222222222222222222222222222222222222', [{ path: 'package.json', content: PACKAGE }]);
  h.git.repository(REPO, { archived: true });
  h.git.repository(ADDED, { fork: true });
  expect((await deliver(h.app.url, 'installation', { ...created, repositories: [...created.repositories!, ...added.repositories_added!] })).status).toBe(200);
  expect([...h.writesTo(REPO), ...h.writesTo(ADDED)]).toEqual([]);
  expect(h.logs.map((l) => l.msg)).toEqual(expect.arrayContaining([expect.stringMatching(/Hello-World: .*the repository is archived$/), expect.stringMatching(/Space: .*the repository is a fork$/)]));
});

test('a redelivery and a second event leave one pull request; a change on main rebuilds its branch', async () => {
  await start();
  h.seed(REPO, BASE, [{ path: 'package.json', content: PACKAGE }]);
  const id = '3f5b1e00-6d2a-11ee-8c99-0242ac120002';
  expect((await deliver(h.app.url, 'installation', created, { id })).status).toBe(200);
  const first = h.git.branch(REPO, ONBOARDING_BRANCH);
  const writes = h.writesTo(REPO).length;
  expect((await deliver(h.app.url, 'installation', created, { id })).status).toBe(200);
  expect((await deliver(h.app.url, 'installation_repositories', { ...added, repositories_added: created.repositories })).status).toBe(200);
  expect(h.writesTo(REPO)).toHaveLength(writes);
  expect(h.git.pulls(REPO)).toHaveLength(1);
  expect(h.git.branch(REPO, ONBOARDING_BRANCH)).toBe(first);

  // Someone adds a Dockerfile on main: the push rebuilds the branch on the new main, without its own Dockerfile.
  const dockerfile = 'FROM public.ecr.aws/docker/library/node:24-alpine\nEXPOSE 3000\n';
  const head = h.git.push(REPO, 'main', [{ path: 'Dockerfile', content: dockerfile }]);
  const push = pushExample();
  expect((await deliver(h.app.url, 'push', pushEvent(push, { after: head, added: ['Dockerfile'] }))).status).toBe(200);
  const pulls = h.git.pulls(REPO);
  expect(pulls.map((p) => p.state)).toEqual(['open']);
  const rebuilt = h.git.branch(REPO, ONBOARDING_BRANCH)!;
  expect(rebuilt).not.toBe(first);
  expect(h.git.commitInfo(rebuilt).parents).toEqual([head]);
  expect(added_().has('Dockerfile')).toBe(false);
  expect(h.git.files(REPO, ONBOARDING_BRANCH).find((f) => f.path === 'Dockerfile')!.content).toBe(dockerfile);
  // The port now comes from the Dockerfile's EXPOSE.
  expect(added_().get('taskdef.json')!.content).toContain('"containerPort": 3000');
  expect(pulls[0].body).toContain('| Container port | `3000` | Dockerfile EXPOSE |');
});

test('a pull request closed without merging stops further attempts; reopened, it is kept up to date again', async () => {
  await start();
  h.seed(REPO, BASE, [{ path: 'package.json', content: PACKAGE }]);
  expect((await deliver(h.app.url, 'installation', created)).status).toBe(200);
  h.git.setPullState(REPO, 1, 'closed');
  const writes = h.writesTo(REPO).length;
  expect((await deliver(h.app.url, 'installation_repositories', { ...added, repositories_added: created.repositories })).status).toBe(200);
  const main = h.git.push(REPO, 'main', [{ path: 'package.json', content: PACKAGE.replace('server.js', 'index.js') }]);
  expect((await deliver(h.app.url, 'push', pushEvent(pushExample(), { after: main, modified: ['package.json'] }))).status).toBe(200);
  expect(h.writesTo(REPO)).toHaveLength(writes);
  expect(h.git.pulls(REPO).map((p) => p.state)).toEqual(['closed']);
  expect(h.logs.some((l) => l.msg.endsWith('no onboarding pull request: onboarding pull request #1 was closed without merging'))).toBe(true);

  // Reopened by its owner: the next change on main is followed again (package.json's main → the Dockerfile's CMD).
  h.git.setPullState(REPO, 1, 'open');
  const again = h.git.push(REPO, 'main', [{ path: 'README.md', content: '# Hello\n' }, { path: 'package.json', content: PACKAGE.replace('server.js', 'app.js') }]);
  expect((await deliver(h.app.url, 'push', pushEvent(pushExample(), { after: again, modified: ['package.json'] }))).status).toBe(200);
  expect(h.git.pulls(REPO).map((p) => p.state)).toEqual(['open']);
  expect(added_().get('Dockerfile')!.content).toContain('"app.js"');
});

test('a merged pull request is the end of onboarding; a main that has every file closes an open one', async () => {
  await start();
  h.seed(REPO, BASE, [{ path: 'package.json', content: PACKAGE }]);
  h.seed(ADDED, '2222222222222222222222222222222222222222', [{ path: 'package.json', content: PACKAGE }]);
  expect((await deliver(h.app.url, 'installation', { ...created, repositories: [...created.repositories!, ...added.repositories_added!] })).status).toBe(200);
  expect(h.git.pulls(ADDED).map((p) => p.state)).toEqual(['open']);

  // Hello-World: merged, then a later event finds nothing to do.
  h.git.closePull(REPO, 1, { merged: true });
  const writes = h.writesTo(REPO).length;
  expect((await deliver(h.app.url, 'installation_repositories', { ...added, repositories_added: created.repositories })).status).toBe(200);
  expect(h.writesTo(REPO)).toHaveLength(writes);
  expect(h.logs.some((l) => l.msg.endsWith('no onboarding pull request: onboarding pull request #1 was merged'))).toBe(true);

  // Space: its owner commits the files to main by hand (an app config of their own, without pipelines, so that nothing
  // is tracked); the push closes the pull request, which is then left closed.
  const files = [...added_(ADDED).values()].map((f) => ({ path: f.path, content: f.path === CONFIG_PATH ? 'report: [checks]\n' : f.content }));
  const head = h.git.push(ADDED, 'main', files);
  const push = pushEvent(pushExample(), { after: head, added: files.map((f) => f.path) });
  (push.repository as Record<string, unknown>).name = 'Space';
  (push.repository as Record<string, unknown>).full_name = ADDED;
  expect((await deliver(h.app.url, 'push', push)).status).toBe(200);
  expect(h.git.pulls(ADDED).map((p) => p.state)).toEqual(['closed']);
  expect(h.logs.some((l) => l.msg.includes('closed onboarding pull request #1: main has every file it proposed'))).toBe(true);
});

test('onboarding: true on a repository with some files: a pull request with only the missing ones', async () => {
  await start();
  const config = 'onboarding: true\n';
  const dockerfile = 'FROM public.ecr.aws/docker/library/node:24-alpine\nWORKDIR /app\nCOPY . .\nUSER node\nEXPOSE 3000\nCMD ["node", "server.js"]\n';
  h.seed(REPO, BASE, [{ path: 'package.json', content: PACKAGE }, { path: 'Dockerfile', content: dockerfile }, { path: CONFIG_PATH, content: config }]);
  expect((await deliver(h.app.url, 'installation', created)).status).toBe(200);
  const files = added_();
  expect(files.has('Dockerfile')).toBe(false);
  expect(files.has(CONFIG_PATH)).toBe(false);
  expect(files.has('buildspec.yml')).toBe(true);
  expect(files.get('taskdef.json')!.content).toContain('"containerPort": 3000');
  const body = h.git.pulls(REPO)[0].body!;
  expect(body).toContain('Already in the repository and left as they are: `Dockerfile`, `.github/ecs-codepipeline.yml`.');
  expect(h.git.files(REPO, ONBOARDING_BRANCH).find((f) => f.path === 'Dockerfile')!.content).toBe(dockerfile);
});

test('an installation without the write permissions is told once in the log and skipped', async () => {
  await start({ permissions: { contents: 'read', pull_requests: 'read' } });
  h.seed(REPO, BASE, [{ path: 'package.json', content: PACKAGE }]);
  h.seed(ADDED, '2222222222222222222222222222222222222222', [{ path: 'package.json', content: PACKAGE }]);
  // The payload says write (the permissions changed since, or were never accepted): GitHub answers 403.
  const both = { ...created, repositories: [...created.repositories!, ...added.repositories_added!] };
  expect((await deliver(h.app.url, 'installation', both)).status).toBe(200);
  expect(h.fake.requests().filter((r) => r.status === 403).map((r) => r.operation)).toEqual(['POST /repos/{owner}/{repo}/git/trees']);
  // The second repository was not tried.
  expect(h.requestsOf(ADDED)).toEqual([]);
  // An event whose payload says the permissions are read: no request at all.
  const before = h.fake.requests().length;
  const readOnly = structuredClone(added);
  readOnly.installation.permissions = { ...readOnly.installation.permissions, contents: 'read', pull_requests: 'read' };
  expect((await deliver(h.app.url, 'installation_repositories', readOnly)).status).toBe(200);
  expect(h.fake.requests()).toHaveLength(before);
  expect(h.git.pulls(REPO)).toEqual([]);
  const warnings = h.logs.filter((l) => l.level === WARN && l.msg.includes('onboarding'));
  expect(warnings).toHaveLength(1);
  expect(warnings[0].msg).toContain(`installation ${INSTALLATION} (Codertocat): the onboarding pull request needs the Contents: write and Pull requests: write permissions`);
});

test('an empty repository gets its pull request with the push that creates main; other pushes cost nothing', async () => {
  await start();
  h.git.repository(REPO);
  expect((await deliver(h.app.url, 'installation', created)).status).toBe(200);
  expect(h.logs.some((l) => l.msg.includes('the repository is empty (no main yet)'))).toBe(true);
  h.seed(REPO, BASE, [{ path: 'package.json', content: PACKAGE }]);
  const push = pushExample();
  expect((await deliver(h.app.url, 'push', pushEvent(push, { after: BASE, added: ['package.json'], created: true }))).status).toBe(200);
  expect(h.git.pulls(REPO).map((p) => p.state)).toEqual(['open']);
  const before = h.fake.requests().length;
  expect((await deliver(h.app.url, 'push', pushEvent(push, { after: BASE, modified: ['README.md'] }))).status).toBe(200);
  expect((await deliver(h.app.url, 'push', { ...pushEvent(push, { after: BASE, added: ['package.json'] }), ref: 'refs/heads/feature' })).status).toBe(200);
  // Only the tracking handler's config reads (push.ts): onboarding asked nothing.
  expect(h.fake.requests().slice(before).filter((r) => r.operation !== 'GET /repos/{owner}/{repo}/contents/{path}')).toEqual([]);
});

test('once someone commits to the onboarding branch, the app leaves it alone', async () => {
  await start();
  h.seed(REPO, BASE, [{ path: 'package.json', content: PACKAGE }]);
  expect((await deliver(h.app.url, 'installation', created)).status).toBe(200);
  const mine = h.git.push(REPO, ONBOARDING_BRANCH, [{ path: 'pipeline.json', content: '{"pipeline": {"name": "mine", "stages": []}}\n' }], 'Use our account');
  const head = h.git.push(REPO, 'main', [{ path: 'package.json', content: PACKAGE.replace('hello-world', 'hello') }]);
  const writes = h.writesTo(REPO).length;
  const push = pushExample();
  expect((await deliver(h.app.url, 'push', pushEvent(push, { after: head, modified: ['package.json'] }))).status).toBe(200);
  expect(h.git.branch(REPO, ONBOARDING_BRANCH)).toBe(mine);
  expect(h.writesTo(REPO)).toHaveLength(writes);
  expect(h.logs.some((l) => l.msg.includes('someone else has committed to the onboarding branch'))).toBe(true);
});

test('ECS_CODEPIPELINE_ONBOARDING=false: the app asks nothing of GitHub', async () => {
  expect(appOptionsFromEnv({ ECS_CODEPIPELINE_ONBOARDING: 'false' }).onboarding).toBe(false);
  expect(appOptionsFromEnv({}).onboarding).toBe(true);
  await start({ onboarding: appOptionsFromEnv({ ECS_CODEPIPELINE_ONBOARDING: 'false' }).onboarding });
  h.seed(REPO, BASE, [{ path: 'package.json', content: PACKAGE }]);
  expect((await deliver(h.app.url, 'installation', created)).status).toBe(200);
  expect(h.fake.requests()).toEqual([]);
});

/** The push example, to this repository's main and installation, with the files its one commit touched. */
function pushEvent(e: Record<string, unknown>, o: { after: string; added?: string[]; modified?: string[]; created?: boolean }): Record<string, unknown> {
  const p = structuredClone(e) as { ref: string; after: string; created: boolean; deleted: boolean; repository: Record<string, unknown>; installation: { id: number }; commits: Array<Record<string, unknown>> };
  p.ref = 'refs/heads/main';
  p.after = o.after;
  p.created = o.created ?? false;
  p.deleted = false;
  p.repository.default_branch = 'main';
  p.installation.id = INSTALLATION;
  p.commits = [{ ...(p.commits[0] ?? {}), id: o.after, added: o.added ?? [], modified: o.modified ?? [], removed: [] }];
  return p;
}
