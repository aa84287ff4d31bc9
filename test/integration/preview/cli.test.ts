/** `ecs-codepipeline preview` (src/cli/main.ts, in process) against the fake AWS through the real SDK clients. */
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from '@jest/globals';
import { main, type CliIO } from '../../../src/cli/main.js';
import { parsePreviewArgs } from '../../../src/cli/preview.js';
import { approvalAddedInConsole } from '../../fakes/aws/index.js';
import { FIXTURES, fixtureScenario, liveHarness, type LiveHarness } from './helpers.js';

const HEAD = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432';
const ANSI = /\u001b\[[0-9;]*m/;

let h: LiveHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function cli(args: string[], o: { isTTY?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd: process.cwd(), env: process.env, isTTY: o.isTTY ?? false };
  const code = await main(['preview', ...args], io);
  return { code, stdout, stderr };
}

const repo = (name: string) => relative(process.cwd(), join(FIXTURES, name, 'repo'));

describe('ecs-codepipeline preview', () => {
  it('prints each change before → after, the drift, and a last line; exit 0', async () => {
    h = await liveHarness(fixtureScenario('memory-and-env', { editLive: approvalAddedInConsole }));
    const r = await cli([repo('memory-and-env'), '--pipeline', 'myapp-ecs-pipeline', '--region', 'us-east-1', '--sha', HEAD]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(`myapp-cluster/myapp-ecs-service (runs myapp:7)  (Deploy / ECS-BlueGreen, task definition from ${repo('memory-and-env')}/taskdef.json)`);
    expect(lines).toContain('  task');
    expect(lines.find((l) => l.includes(' memory '))).toMatch(/^ {6}memory\s+512 → 1024$/);
    expect(lines.find((l) => l.includes('FEATURE_CHECKOUT'))).toMatch(/environment\.FEATURE_CHECKOUT\s+\(none\) → on$/);
    expect(lines.find((l) => l.includes(' image '))).toContain('myapp:9f8e7d6  (would be: the image a build of this commit tags)');
    expect(r.stdout).not.toContain('sk_live');
    expect(r.stdout).toContain(`pipeline drift: ${repo('memory-and-env')}/pipeline.json vs the live pipeline myapp-ecs-pipeline`);
    expect(r.stdout).toContain('⚠ stage "Approval" ("Manual") exists in the live pipeline but not in the repository');
    expect(lines.at(-2)).toBe('● 3 changes: memory, environment.FEATURE_CHECKOUT, environment.STRIPE_API_KEY, pipeline drift (1)');
  });

  it('exit 1 when the deployment would fail; colours with --color', async () => {
    h = await liveHarness(fixtureScenario('port-changed'));
    const r = await cli([repo('port-changed'), '--pipeline=myapp-ecs-pipeline', '--region=us-east-1', '--image-tag', '1a2b3c4', '--no-drift', '--color']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(ANSI);
    expect(r.stdout.replace(new RegExp(ANSI.source, 'g'), '')).toContain("✖ deploy would fail: the appspec's LoadBalancerInfo sends traffic to port 8080 of container \"web\"");
    expect(h.fake.counts().GetPipeline).toBeUndefined();
  });

  it('a missing permission is said, with what to grant; exit 0', async () => {
    h = await liveHarness(fixtureScenario('no-change'), { deny: ['DescribeServices'] });
    const r = await cli([repo('no-change'), '--pipeline', 'myapp-ecs-pipeline'], {});
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('cannot compare: cannot read the ECS service myapp-ecs-service of cluster myapp-cluster: grant ecs:DescribeServices on arn:aws:ecs:us-east-1:123456789012:service/myapp-cluster/myapp-ecs-service');
  });

  it('usage errors exit 2 with what to type', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['.'], /preview needs --pipeline <name>/],
      [['.', '--pipeline', 'my pipeline'], /is not a pipeline name/],
      [['.', '--pipeline', 'p', '--region', 'Europe'], /'Europe' is not a region name/],
      [['.', '--pipeline', 'p', '--region', 'us-east-1', '--sha', 'xyz'], /--sha 'xyz' is not a commit SHA/],
      [['.', '--pipeline', 'p', '--region', 'us-east-1', '--sha', 'abcdef1', '--image-tag', 'v1'], /give --sha or --image-tag, not both/],
      [['.', '--pipeline', 'p', '--region', 'us-east-1', '--image-tag', '-x'], /--image-tag needs a value/],
      [['nope', '--pipeline', 'p', '--region', 'us-east-1'], /path 'nope' not found/],
      [['.', '--pipeline', 'p', '--region', 'us-east-1', '--format', 'json'], /unknown option '--format' for preview/],
      [['a', 'b', '--pipeline', 'p'], /preview takes one folder/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('Run `ecs-codepipeline preview --help` for the usage.');
    }
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: ecs-codepipeline preview \[path\] --pipeline <name>/);
    expect(parsePreviewArgs(['--pipeline', 'p', '--no-drift'])).toEqual({ path: '.', pipeline: 'p', drift: false });
  });
});
