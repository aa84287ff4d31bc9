import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaffoldCommand } from '../../../src/cli/scaffold.js';
import type { CliIO } from '../../../src/cli/main.js';
import { checkDir } from '../../helpers/check-dir.js';

const ARGS = ['--name', 'myapp', '--port', '8080', '--region', 'us-east-1', '--account', '123456789012', '--repo', 'my-org/myapp'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'scaffold-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function io(): CliIO & { out: string; err: string } {
  const o = { out: '', err: '', cwd: dir, env: {}, isTTY: false, stdout: (s: string) => void (o.out += s), stderr: (s: string) => void (o.err += s) };
  return o;
}

async function run(argv: string[], deps = {}) {
  const x = io();
  const code = await scaffoldCommand(argv, x, deps);
  return { code, out: x.out, err: x.err };
}

const findings = () => checkDir(dir);

describe('ecs-codepipeline scaffold', () => {
  test('a new user: empty repository with a package.json, one command, then check reports nothing', async () => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'myapp', main: 'server.js' }));
    const r = await run(ARGS);
    expect(r.code).toBe(0);
    expect(r.out).toContain('created     Dockerfile');
    expect(r.out).toContain('created     aws/setup.sh');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('RUN npm install --omit=dev');
    expect(statSync(join(dir, 'aws/setup.sh')).mode & 0o111).not.toBe(0);
    expect(readFileSync(join(dir, 'aws/setup.sh'), 'utf8')).toMatch(/^#!\/usr\/bin\/env bash\n[\s\S]*set -euo pipefail/);
    expect(findings()).toEqual([]);
  });

  test('a second run changes nothing', async () => {
    await run([...ARGS, '--staging', '--approval']);
    const before = readFileSync(join(dir, 'pipeline.json'), 'utf8');
    const r = await run([...ARGS, '--staging', '--approval']);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/created|overwrote|differs/);
    expect(r.out).toContain('0 written');
    expect(readFileSync(join(dir, 'pipeline.json'), 'utf8')).toBe(before);
  });

  test('an existing file that differs is left alone and its diff shown, unless --force', async () => {
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:18-alpine\nEXPOSE 8080\nCMD ["node", "server.js"]\n');
    const r = await run(ARGS);
    expect(r.out).toContain('differs     Dockerfile');
    expect(r.out).toContain('--- a/Dockerfile\n+++ b/Dockerfile\n');
    expect(r.out).toContain('-FROM node:18-alpine\n');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('FROM node:18-alpine');
    const forced = await run([...ARGS, '--force']);
    expect(forced.out).toContain('overwrote   Dockerfile');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toContain('public.ecr.aws/docker/library/node:24-alpine');
  });

  test('--dry-run writes nothing', async () => {
    const r = await run([...ARGS, '--dry-run']);
    expect(r.out).toContain('would create Dockerfile');
    expect(() => statSync(join(dir, 'Dockerfile'))).toThrow();
  });

  test('--embed: no taskdef.json or appspec.yaml files, the buildspec writes them', async () => {
    await run([...ARGS, '--embed', '--runtime', 'python']);
    expect(() => statSync(join(dir, 'taskdef.json'))).toThrow();
    expect(readFileSync(join(dir, 'buildspec.yml'), 'utf8')).toContain("cat > taskdef.json <<'TASKDEF'");
    writeFileSync(join(dir, 'requirements.txt'), '');
    expect(findings()).toEqual([]);
  });

  test('defaults from the repository: package.json name, Dockerfile EXPOSE, git remote, AWS_REGION', async () => {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@acme/Shop-API', engines: { node: '>=22' } }));
    writeFileSync(join(dir, 'Dockerfile'), 'FROM node:22\nEXPOSE 3000\n');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git/config'), '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:acme/shop-api.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n');
    const x = io();
    x.env = { AWS_REGION: 'eu-west-1' };
    const code = await scaffoldCommand(['--account', '123456789012'], x);
    expect(code).toBe(0);
    const pipeline = JSON.parse(readFileSync(join(dir, 'pipeline.json'), 'utf8'));
    expect(pipeline.pipeline.name).toBe('shop-api-pipeline');
    expect(pipeline.pipeline.stages[0].actions[0].configuration.FullRepositoryId).toBe('acme/shop-api');
    const td = JSON.parse(readFileSync(join(dir, 'taskdef.json'), 'utf8'));
    expect(td.containerDefinitions[0].portMappings[0].containerPort).toBe(3000);
    expect(td.containerDefinitions[0].logConfiguration.options['awslogs-region']).toBe('eu-west-1');
    expect(x.err).toContain('(from the git remote)');
  });

  test('off a terminal, missing required values are a usage error (exit 2)', async () => {
    const r = await run(['--name', 'myapp']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--port, --region, --account, --repo');
    expect(() => statSync(join(dir, 'Dockerfile'))).toThrow();
  });

  test('on a terminal, it asks for what is missing', async () => {
    const asked: string[] = [];
    const answers = ['8080', 'us-east-1', '123456789012', 'my-org/myapp'];
    const r = await run(['--name', 'myapp'], { ask: async (q: string) => (asked.push(q), answers.shift() ?? '') });
    expect(asked).toHaveLength(4);
    expect(asked[0]).toMatch(/^Port/);
    expect(r.code).toBe(0);
    expect(findings()).toEqual([]);
  });

  test.each([
    [['--port', '70000'], '--port'],
    [['--port', 'http'], 'whole number'],
    [['--account', '12345'], '--account'],
    [['--region', 'US East'], '--region'],
    [['--name', 'My App'], '--name'],
    [['--cpu', '256', '--memory', '4096'], 'Fargate does not accept cpu 256 with memory 4096; with --cpu 256 use --memory 512, 1024 or 2048'],
    [['--cpu', '300'], 'not a Fargate task size'],
    [['--runtime', 'ruby'], '--runtime'],
    [['--bogus'], "unknown option '--bogus'"],
  ])('invalid %j is a usage error', async (extra, message) => {
    const r = await run([...ARGS, ...extra]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });

  test('--cpu alone picks the smallest memory Fargate accepts for it', async () => {
    await run([...ARGS, '--cpu', '1024']);
    const td = JSON.parse(readFileSync(join(dir, 'taskdef.json'), 'utf8'));
    expect([td.cpu, td.memory]).toEqual(['1024', '2048']);
  });

  test('a path scaffold cannot use is an error, not a silent skip', async () => {
    mkdirSync(join(dir, 'Dockerfile'));
    await expect(Promise.resolve().then(() => run(ARGS))).rejects.toThrow(/EISDIR/);
  });
});
