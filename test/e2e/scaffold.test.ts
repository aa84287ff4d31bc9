import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scaffoldFiles, type ScaffoldOptions } from '../../src/core/scaffold/index.js';
import { baseEnv, node, parseCommands, parseOutputs, removeTempDirs, ROOT, STACK, tempDir, type Run } from './helpers.js';

const ACTION = join(ROOT, 'dist/index.js');

interface ActionRun extends Run {
  outputs: Record<string, string>;
  summary: string;
}

/** The bundled action as the runner starts it: INPUT_<NAME> with dashes kept, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY. */
function runAction(inputs: Record<string, string>, workspace: string, extraEnv: Record<string, string> = {}): ActionRun {
  const files = tempDir('runner');
  const output = join(files, 'output');
  const summary = join(files, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env = baseEnv({
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTIONS: 'true',
    GITHUB_REPOSITORY: 'my-org/myapp',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    ...extraEnv,
  });
  for (const [name, value] of Object.entries({ mode: 'scaffold', ...inputs })) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const run = node([ACTION], { cwd: workspace, env });
  return { ...run, outputs: parseOutputs(readFileSync(output, 'utf8')), summary: readFileSync(summary, 'utf8') };
}

/** A new user's repository: only a package.json. */
function workspace(pkg: Record<string, unknown> = { name: 'myapp', main: 'server.js' }): string {
  const dir = tempDir('scaffold');
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  return dir;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)).split(/[\\/]/).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const REQUIRED = { 'container-port': '8080', 'aws-region': 'us-east-1', 'aws-account-id': '123456789012' };

/** What `ecs-codepipeline scaffold --name myapp --port 8080 --region us-east-1 --account 123456789012 --repo my-org/myapp` writes. */
const BASE: ScaffoldOptions = {
  name: 'myapp', port: 8080, region: 'us-east-1', account: '123456789012', repo: 'my-org/myapp', branch: 'main',
  cpu: 256, memory: 512, runtime: 'node', staging: false, approval: false, embed: false, healthPath: '/health', entry: 'server.js', lockfile: false,
};

const failure = (run: ActionRun) => parseCommands(run.stdout).filter((c) => c.command === 'error').map((c) => c.message);

afterAll(removeTempDirs);

beforeAll(() => {
  if (!existsSync(ACTION) || !existsSync(join(ROOT, 'dist/scaffold.js'))) throw new Error('dist/index.js or dist/scaffold.js is missing: run `npm run package`');
});

describe('dist/index.js, mode: scaffold', () => {
  test.each([
    ['the defaults', {}, {}],
    ['staging, approval, a bigger task', { staging: 'true', approval: 'true', cpu: '1024', memory: '4096' }, { staging: true, approval: true, cpu: 1024, memory: 4096 }],
    ['embed, python', { embed: 'true', runtime: 'python' }, { embed: true, runtime: 'python' as const }],
  ])('writes what the CLI writes for the same options (%s), and lists it', (_, inputs: Record<string, string>, options: Partial<ScaffoldOptions>) => {
    const dir = workspace();
    const run = runAction({ ...REQUIRED, ...inputs }, dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const expected = scaffoldFiles({ ...BASE, ...options });
    expect(filesUnder(dir)).toEqual([...expected.keys(), 'package.json'].sort());
    for (const [path, content] of expected) expect([path, readFileSync(join(dir, path), 'utf8')]).toEqual([path, content]);
    expect(statSync(join(dir, 'aws/setup.sh')).mode & 0o111).not.toBe(0);
    expect(run.outputs['created-files'].split('\n')).toEqual([...expected.keys()]);
    expect(run.summary).toContain(`${expected.size} written, 0 unchanged, 0 left alone.`);
    for (const path of expected.keys()) expect(run.summary).toContain(`| \`${path}\` | created |`);
    expect(run.stdout).toContain('service-name: "myapp" (from package.json)');
  });

  test('a second run creates nothing', () => {
    const dir = workspace();
    const first = runAction(REQUIRED, dir);
    expect(first.status).toBe(0);
    const before = readFileSync(join(dir, 'pipeline.json'), 'utf8');
    const second = runAction(REQUIRED, dir);
    expect(second.status).toBe(0);
    expect(second.outputs['created-files']).toBe('');
    expect(second.summary).toMatch(/0 written, 19 unchanged, 0 left alone\./);
    expect(second.summary).not.toContain('| created |');
    expect(readFileSync(join(dir, 'pipeline.json'), 'utf8')).toBe(before);
  });

  test('an existing file that differs is left alone, its diff in the summary; force overwrites it', () => {
    const dir = workspace();
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:18-alpine\nEXPOSE 8080\nCMD ["node", "server.js"]\n');
    const run = runAction({ 'aws-region': 'us-east-1', 'aws-account-id': '123456789012' }, dir);
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('FROM node:18-alpine');
    expect(run.outputs['created-files'].split('\n')).not.toContain('Dockerfile');
    expect(run.summary).toContain('| `Dockerfile` | left alone: differs');
    expect(run.summary).toContain('--- a/Dockerfile\n+++ b/Dockerfile\n');
    expect(run.summary).toContain('-FROM node:18-alpine\n');
    expect(parseCommands(run.stdout).some((c) => c.command === 'warning' && c.message.startsWith('Dockerfile exists with other content'))).toBe(true);
    // The port came from the Dockerfile's EXPOSE, as in the CLI.
    expect(JSON.parse(readFileSync(join(dir, 'taskdef.json'), 'utf8')).containerDefinitions[0].portMappings[0].containerPort).toBe(8080);

    const forced = runAction({ 'aws-region': 'us-east-1', 'aws-account-id': '123456789012', force: 'true' }, dir);
    expect(forced.status).toBe(0);
    expect(forced.outputs['created-files']).toBe('Dockerfile');
    expect(forced.summary).toContain('| `Dockerfile` | overwritten (force) |');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe(scaffoldFiles(BASE).get('Dockerfile'));
  });

  test('path: writes into that folder of the workspace; outputs are relative to the workspace; the default branch comes from the event', () => {
    const dir = tempDir('scaffold');
    mkdirSync(join(dir, 'services/api'), { recursive: true });
    writeFileSync(join(dir, 'services/api/package.json'), JSON.stringify({ name: '@acme/api' }));
    const event = join(tempDir('event'), 'event.json');
    writeFileSync(event, JSON.stringify({ repository: { default_branch: 'trunk' } }));
    const run = runAction({ ...REQUIRED, path: 'services/api' }, dir, { GITHUB_EVENT_PATH: event, GITHUB_EVENT_NAME: 'workflow_dispatch' });
    expect(run.status).toBe(0);
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(false);
    const expected = scaffoldFiles({ ...BASE, name: 'api', branch: 'trunk', entry: undefined });
    expect(readFileSync(join(dir, 'services/api/pipeline.json'), 'utf8')).toBe(expected.get('pipeline.json'));
    expect(run.outputs['created-files'].split('\n')).toEqual([...expected.keys()].map((p) => `services/api/${p}`));
    expect(run.summary).toContain('| `services/api/buildspec.yml` | created |');
  });

  test.each([
    [{ ...REQUIRED, 'container-port': 'http' }, /^Input 'container-port' is 'http', which is not a whole number; set it to the port the container listens on, e\.g\. 8080\.$/],
    [{ ...REQUIRED, cpu: '256', memory: '4096' }, /^Fargate does not accept cpu 256 with memory 4096; with cpu: 256 use memory: 512, 1024 or 2048\.$/],
    [{ ...REQUIRED, 'aws-account-id': '12345' }, /^Input aws-account-id: '12345' is not an AWS account ID; use the 12 digits/],
    [{ ...REQUIRED, 'service-name': 'My App' }, /^Input service-name: 'My App' is not a valid service name/],
    [{ ...REQUIRED, runtime: 'ruby' }, /^Input 'runtime' is 'ruby', which is not allowed; use one of: node, python, java, go, static\.$/],
    [{ ...REQUIRED, force: 'yes' }, /^Input 'force' is 'yes', which is not a boolean; use true or false\.$/],
    [{ 'container-port': '8080', 'aws-region': 'us-east-1' }, /^mode: scaffold needs more: set input 'aws-account-id' to the 12-digit AWS account ID/],
    [{ ...REQUIRED, path: 'no/such/folder' }, /^Input 'path': 'no\/such\/folder' is not a folder of the workspace/],
    [{ ...REQUIRED, path: '../elsewhere' }, /^Input 'path' is '\.\.\/elsewhere', which is outside the workspace/],
  ])('a wrong input %j fails with a message naming it, and writes nothing', (inputs: Record<string, string>, message) => {
    const dir = workspace();
    const run = runAction(inputs, dir);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(STACK);
    expect(failure(run)).toEqual([expect.stringMatching(message)]);
    expect(filesUnder(dir)).toEqual(['package.json']);
  });

  test('without a package.json or Dockerfile, the name and port are required', () => {
    const dir = tempDir('scaffold');
    const run = runAction({ 'aws-region': 'us-east-1', 'aws-account-id': '123456789012' }, dir);
    expect(run.status).toBe(1);
    expect(failure(run)[0]).toMatch(/^mode: scaffold needs more: set input 'service-name' \(e\.g\. myapp\); package\.json has no name to use; set input 'container-port'/);
  });
});
