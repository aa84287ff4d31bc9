/**
 * dist/index.js in mode preview, run as the runner runs it on a pull_request
 * event (INPUT_* variables, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), against the
 * fake AWS (real SDK clients through AWS_ENDPOINT_URL) and the fake GitHub
 * (OpenAPI-validated). The repository is a copy of examples/seed, the blog's
 * style, as a new user would have it. Every scenario runs in its own process
 * with its own fakes, all at once.
 *
 * ECS_CODEPIPELINE_E2E_DIST points the test at another build (e.g.
 * `node scripts/package.mjs --out /tmp/dist`) while developing.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { approvalAddedInConsole, previewScenario, scenarios, startFakeAws, type FakeAws, type PreviewScenarioOptions } from '../fakes/aws/index.js';
import { FakeGitHub, runnerEnv, type StoredCheckRun } from '../fakes/github/index.js';
import { baseEnv, lineOf, parseCommands, parseOutputs, removeTempDirs, ROOT, STACK, tempDir } from './helpers.js';

const DIST = process.env.ECS_CODEPIPELINE_E2E_DIST ?? join(ROOT, 'dist');
const ACTION = join(DIST, 'index.js');
const PREVIEW = 'ECS deploy preview';
const PIPELINE = 'myapp-ecs-pipeline';
/** The pull request's head, and the merge commit GitHub runs pull_request workflows on. */
const HEAD = 'c0ffee1d2e3f405162738495a6b7c8d9e0f1a2b3';
const MERGE = 'e1e2e3e4e5e6e7e8e9e0e1e2e3e4e5e6e7e8e9e0';
const ECR = '123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp';

/** What the service runs: the seed's task definition as ECS describes it after the last deploy (image 1a2b3c4). */
const RUNNING = {
  taskDefinition: {
    family: 'myapp',
    revision: 12,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
    containerDefinitions: [
      {
        name: 'myapp',
        image: `${ECR}:1a2b3c4`,
        cpu: 0,
        essential: true,
        portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp' }],
        environment: [],
        mountPoints: [],
        volumesFrom: [],
        systemControls: [],
        logConfiguration: { logDriver: 'awslogs', options: { 'awslogs-group': '/ecs/myapp', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' }, secretOptions: [] },
      },
    ],
    volumes: [],
    placementConstraints: [],
  },
};

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

interface World {
  workspace: string;
  aws: FakeAws;
  gh: FakeGitHub;
  run?: Run;
}

function replaceOnce(file: string, from: string, to: string): void {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} no longer contains ${JSON.stringify(from)}; update the e2e fixture`);
  writeFileSync(file, text.replace(from, to));
}

/** A checkout of the pull request: examples/seed, changed by `edit`. */
function workspace(edit: (dir: string) => void = () => {}): string {
  const dir = tempDir('preview');
  cpSync(join(ROOT, 'examples/seed'), dir, { recursive: true });
  edit(dir);
  return dir;
}

/** The "Done when" pull request: memory 512 → 1024 and one environment variable more. */
function moreMemoryAndAFlag(dir: string): void {
  const buildspec = join(dir, 'buildspec.yml');
  replaceOnce(buildspec, '"memory": "512"', '"memory": "1024"');
  replaceOnce(buildspec, '"essential": true,', '"essential": true,\n              "environment": [\n                { "name": "FEATURE_CHECKOUT", "value": "on" }\n              ],');
}

async function world(dir: string, o: { scenario?: Partial<PreviewScenarioOptions>; deny?: string[]; checks?: 'write' | 'none' } = {}): Promise<World> {
  const pipeline = JSON.parse(readFileSync(join(ROOT, 'examples/seed/pipeline.json'), 'utf8'));
  const aws = await startFakeAws({ scenario: previewScenario({ pipeline, running: RUNNING, containerName: 'myapp', ...o.scenario }), ...(o.deny ? { deny: o.deny } : {}) });
  const gh = await FakeGitHub.start({ owner: 'my-org', repo: 'myapp', ...(o.checks ? { checks: o.checks } : {}) });
  return { workspace: dir, aws, gh };
}

/** `push`: mode track on the commit of a scenario's execution. */
function runAction(w: World, inputs: Record<string, string> = {}, push?: { sha: string }): Promise<Run> {
  const files = tempDir('preview-files');
  const output = join(files, 'output');
  const summary = join(files, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const event = {
    action: 'synchronize',
    number: 7,
    pull_request: { number: 7, head: { sha: HEAD, ref: 'more-memory' }, base: { ref: 'main' } },
    repository: { name: 'myapp', full_name: 'my-org/myapp', owner: { login: 'my-org' }, default_branch: 'main' },
  };
  const all: Record<string, string> = { mode: 'preview', path: '.', 'fail-on': 'error', 'pipeline-name': PIPELINE, report: 'checks', 'check-name': 'ECS pipeline', 'github-token': w.gh.token, ...inputs };
  const env: Record<string, string> = {
    ...baseEnv(),
    ...(push ? runnerEnv(w.gh, { sha: push.sha }) : runnerEnv(w.gh, { sha: MERGE, ref: 'refs/pull/7/merge', eventName: 'pull_request', event })),
    ...w.aws.env(),
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_WORKSPACE: w.workspace,
  };
  for (const [name, value] of Object.entries(all)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ACTION], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(killer);
      resolve((w.run = { status, stdout, stderr, outputs: parseOutputs(readFileSync(output, 'utf8')), summary: readFileSync(summary, 'utf8') }));
    });
  });
}

/** Mode track on a push, once (`wait: false`), with the check first: the repository is checked out. */
const TRACK_INPUTS = { mode: 'track', check: 'true', wait: 'false', 'check-name': 'ECS pipeline', 'find-timeout-seconds': '10', 'poll-interval-seconds': '1', 'timeout-minutes': '5', 'stop-on-cancel': 'false' };

/** The tracker's success scenario (its live pipeline has namespaces the seed's pipeline.json lacks) and a checkout of the seed. */
async function trackWorld(deny?: string[]): Promise<World> {
  const c = scenarios.success();
  c.scenario.epoch = new Date(Date.now() - 1000).toISOString();
  c.scenario.tickMs = 1000;
  const aws = await startFakeAws({ scenario: c.scenario, ...(deny ? { deny } : {}) });
  const gh = await FakeGitHub.start({ owner: 'my-org', repo: 'myapp' });
  return { workspace: workspace(), aws, gh };
}

const S: Record<string, World> = {};

beforeAll(async () => {
  if (!existsSync(ACTION)) throw new Error(`${ACTION} is missing: run \`npm run package\``);
  const jobs: Record<string, () => Promise<unknown>> = {
    doneWhen: async () => runAction((S.doneWhen = await world(workspace(moreMemoryAndAFlag)))),
    noChange: async () => runAction((S.noChange = await world(workspace()))),
    drift: async () => runAction((S.drift = await world(workspace(), { scenario: { editLive: approvalAddedInConsole } }))),
    denied: async () => runAction((S.denied = await world(workspace(moreMemoryAndAFlag), { deny: ['GetDeploymentGroup'] }))),
    breaking: async () => runAction((S.breaking = await world(workspace((d) => replaceOnce(join(d, 'buildspec.yml'), '{ "containerPort": 8080, "protocol": "tcp" }', '{ "containerPort": 3000, "protocol": "tcp" }'))))),
    noChecks: async () => runAction((S.noChecks = await world(workspace(moreMemoryAndAFlag), { checks: 'none' }))),
    track: async () => runAction((S.track = await trackWorld()), TRACK_INPUTS, { sha: scenarios.COMMIT }),
    trackDenied: async () => runAction((S.trackDenied = await trackWorld(['GetPipeline'])), TRACK_INPUTS, { sha: scenarios.COMMIT }),
  };
  await Promise.all(Object.values(jobs).map((job) => job()));
}, 90_000);

afterAll(async () => {
  for (const w of Object.values(S)) {
    await w.aws.close();
    await w.gh.stop();
  }
  removeTempDirs();
});

function previewRun(w: World): StoredCheckRun {
  const runs = w.gh.checkRuns(HEAD).filter((r) => r.name === PREVIEW);
  expect(runs).toHaveLength(1);
  return runs[0];
}

/** Every scenario: no stack trace, nothing GitHub would refuse, nothing on the merge commit. */
function expectClean(w: World): void {
  expect(w.run!.stdout + w.run!.stderr).not.toMatch(STACK);
  expect(w.gh.rejections()).toEqual([]);
  expect(w.gh.responseErrors()).toEqual([]);
  expect(w.gh.checkRuns(MERGE)).toEqual([]);
}

describe('dist/index.js, mode preview, on a pull request', () => {
  it('memory 512 → 1024 and one environment variable more: a run that says exactly that, on the two changed lines', () => {
    const w = S.doneWhen;
    expectClean(w);
    expect(w.run!.status).toBe(0);
    const run = previewRun(w);
    expect(run).toMatchObject({ status: 'completed', conclusion: 'neutral', external_id: `preview:${PIPELINE}`, details_url: 'https://github.com/my-org/myapp/actions/runs/9876543210' });
    expect(run.output.title).toBe('2 changes: memory, environment.FEATURE_CHECKOUT');
    const summary = run.output.summary!;
    expect(summary).toContain('### myapp-cluster/myapp-ecs-service (runs myapp:12)');
    expect(summary).toContain('Task definition from `taskdef.json` written by `buildspec.yml`, deployed by Deploy / ECS-BlueGreen.');
    expect(summary).toContain('|  | `memory` | `512` | `1024` |');
    expect(summary).toContain('|  | `environment.FEATURE_CHECKOUT` | *(none)* | `on` |');
    // The new image is shown for what it is, and not counted as a change.
    expect(summary).toContain(`|  | \`image\` | \`${ECR}:1a2b3c4\` | \`${ECR}:c0ffee1\` *(would be: the image a build of this commit tags)* |`);
    const buildspec = join(w.workspace, 'buildspec.yml');
    expect(run.annotations.map((a) => [a.path, a.start_line, a.annotation_level, a.message])).toEqual([
      ['buildspec.yml', lineOf(buildspec, '"memory": "1024"'), 'notice', 'memory: 512 → 1024'],
      ['buildspec.yml', lineOf(buildspec, '"name": "FEATURE_CHECKOUT"'), 'notice', 'container myapp: environment.FEATURE_CHECKOUT added: on'],
    ]);
    expect(w.run!.outputs).toMatchObject({ changes: '2', drift: '0' });
    expect(w.run!.summary).toContain('## 🔎 ECS deploy preview: 2 changes: memory, environment.FEATURE\\_CHECKOUT');
    expect(w.run!.summary).toContain('|  | `memory` | `512` | `1024` |');
    expect(w.run!.summary).toContain('The live pipeline matches the file.');
    // One read of each: the deploy target, its service, the running task definition, the live pipeline.
    expect(w.aws.counts()).toEqual({ GetDeploymentGroup: 1, DescribeServices: 1, DescribeTaskDefinition: 1, GetPipeline: 1 });
    expect(w.gh.writes()).toHaveLength(1);
  });

  it('a pull request that changes nothing deployable says so, and succeeds', () => {
    const w = S.noChange;
    expectClean(w);
    expect(w.run!.status).toBe(0);
    const run = previewRun(w);
    expect(run.conclusion).toBe('success');
    expect(run.output.title).toBe('No deployable change besides the new image');
    expect(run.output.summary).toContain('Only the image changes: the rest of the task definition matches the one the service runs.');
    expect(run.annotations).toEqual([]);
    expect(w.run!.outputs).toMatchObject({ changes: '0', drift: '0' });
  });

  it('a stage added to the pipeline in the console shows as drift, on the stages line of pipeline.json', () => {
    const w = S.drift;
    expectClean(w);
    expect(w.run!.status).toBe(0);
    const run = previewRun(w);
    expect(run.conclusion).toBe('neutral');
    expect(run.output.title).toBe('pipeline drift (1)');
    expect(run.output.summary).toContain('⚠️ stage "Approval" ("Manual") exists in the live pipeline but not in the repository');
    expect(run.annotations).toEqual([
      expect.objectContaining({ path: 'pipeline.json', start_line: lineOf(join(w.workspace, 'pipeline.json'), '"stages"'), annotation_level: 'warning', title: 'Pipeline drift' }),
    ]);
    expect(w.run!.outputs).toMatchObject({ changes: '0', drift: '1' });
  });

  it('a missing permission: the run says what to grant, the step does not fail', () => {
    const w = S.denied;
    expectClean(w);
    expect(w.run!.status).toBe(0);
    const run = previewRun(w);
    const grant = 'cannot read the deployment group myapp-ecs-dg of the CodeDeploy application myapp-ecs: grant codedeploy:GetDeploymentGroup on arn:aws:codedeploy:us-east-1:123456789012:deploymentgroup:myapp-ecs/myapp-ecs-dg';
    expect(run.conclusion).toBe('neutral');
    expect(run.output.title).toBe(`Preview incomplete: ${grant}`);
    expect(run.output.summary).toContain(`Cannot compare with the running service: ${grant}.`);
    expect(parseCommands(w.run!.stdout)).toContainEqual(expect.objectContaining({ command: 'warning', message: grant }));
    expect(w.aws.counts()).toEqual({ GetDeploymentGroup: 1, GetPipeline: 1 });
  });

  it('a container port the appspec no longer matches: the run and the step fail, saying why', () => {
    const w = S.breaking;
    expectClean(w);
    expect(w.run!.status).toBe(1);
    const run = previewRun(w);
    expect(run.conclusion).toBe('failure');
    expect(run.output.title).toMatch(/^1 deploy-breaking problem, 2 changes \(2 risky\)/);
    const failed = parseCommands(w.run!.stdout).find((c) => c.command === 'error')!;
    expect(failed.message).toMatch(/^The deployment would fail: the appspec's LoadBalancerInfo sends traffic to port 8080 of container "myapp"/);
  });

  it('no `checks: write`: the preview is in the job summary, the step passes, the log says what to grant', () => {
    const w = S.noChecks;
    expect(w.run!.stdout + w.run!.stderr).not.toMatch(STACK);
    expect(w.run!.status).toBe(0);
    expect(w.gh.checkRuns()).toEqual([]);
    expect(parseCommands(w.run!.stdout)).toContainEqual(expect.objectContaining({ command: 'warning', message: expect.stringContaining('give the job `checks: write`') }));
    expect(w.run!.summary).toContain('## 🔎 ECS deploy preview: 2 changes: memory, environment.FEATURE\\_CHECKOUT');
    expect(w.run!.outputs).toMatchObject({ changes: '2' });
  });
});

describe('dist/index.js, mode preview: inputs', () => {
  it('fails fast, before any network call, without pipeline-name or with a short commit', async () => {
    const base = { ...baseEnv(), GITHUB_WORKSPACE: ROOT, GITHUB_SHA: MERGE, INPUT_MODE: 'preview', 'INPUT_AWS-REGION': 'us-east-1', 'INPUT_GITHUB-TOKEN': 'x' };
    const run = (env: Record<string, string>) =>
      new Promise<{ status: number | null; stdout: string }>((resolve) => {
        const child = spawn(process.execPath, [ACTION], { cwd: ROOT, env: { ...base, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
        child.on('close', (status) => resolve({ status, stdout }));
      });
    const noName = await run({});
    expect(noName.status).toBe(1);
    expect(noName.stdout).toContain("::error::Input 'pipeline-name' is required for mode: preview");
    const short = await run({ 'INPUT_PIPELINE-NAME': PIPELINE, INPUT_COMMIT: 'c0ffee1' });
    expect(short.status).toBe(1);
    expect(short.stdout).toContain("Input 'commit' is 'c0ffee1'; mode: preview needs the full 40-character SHA to attach the check run to.");
  });
});

describe('dist/index.js, mode track: pipeline drift, once, on the execution\'s run', () => {
  const execRun = (w: World) => w.gh.checkRuns(scenarios.COMMIT).find((r) => r.name === 'ECS pipeline')!;

  it('the differences between pipeline.json and the live pipeline are in the execution\'s run and the job summary, not in the stage runs', () => {
    const w = S.track;
    expectClean(w);
    expect(w.run!.status).toBe(0);
    const summary = execRun(w).output.summary!;
    expect(summary).toContain('### Pipeline drift: `pipeline.json` vs the live pipeline `myapp-ecs-pipeline`');
    expect(summary).toContain('- ⚠️ action "GitHub": namespace is "SourceVariables" live, nothing in the repository');
    expect(summary.match(/### Pipeline drift/g)).toHaveLength(1);
    for (const r of w.gh.checkRuns(scenarios.COMMIT).filter((x) => x.name !== 'ECS pipeline')) expect(r.output.summary).not.toContain('Pipeline drift');
    expect(w.run!.summary).toContain('### Pipeline drift');
    expect(w.aws.counts().GetPipeline).toBe(1);
  });

  it('GetPipeline denied: one line says what to grant; the tracking goes on', () => {
    const w = S.trackDenied;
    expectClean(w);
    expect(w.run!.status).toBe(0);
    expect(execRun(w).output.summary).toContain(
      '⚠️ Pipeline drift not compared: cannot read the pipeline myapp-ecs-pipeline: grant codepipeline:GetPipeline on arn:aws:codepipeline:us-east-1:123456789012:myapp-ecs-pipeline.',
    );
    expect(execRun(w).output.summary).not.toContain('### Pipeline drift');
    expect(w.gh.checkRuns(scenarios.COMMIT).length).toBeGreaterThan(1);
  });
});
