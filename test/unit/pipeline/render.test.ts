import type { CheckRunModel } from '../../../src/core/pipeline/check-run.js';
import { OUTPUT_MAX } from '../../../src/core/pipeline/md.js';
import type { DeployedImage, ExecutionSnapshot } from '../../../src/core/pipeline/model.js';
import { checkNames, consoleUrl, renderExecution, renderJobSummary, renderRuns, renderStage } from '../../../src/core/pipeline/render.js';
import { approval, build, buildFailed, building, deploy, deployFailed, EXECUTION_ID, NOW, notStarted, OTHER_SHA, SHA, snapshot, source, stage } from './fixtures.js';

const CONSOLE = `https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/myapp-ecs-pipeline/executions/${EXECUTION_ID}/timeline?region=us-east-1`;
const opts = { headSha: SHA, now: NOW };

function byName(runs: CheckRunModel[]): Record<string, CheckRunModel> {
  return Object.fromEntries(runs.map((r) => [r.name, r]));
}

function allText(runs: CheckRunModel[]): string {
  return runs.map((r) => JSON.stringify(r)).join('\n');
}

const IMAGE: DeployedImage = {
  uri: `123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:${SHA.slice(0, 7)}`,
  tag: SHA.slice(0, 7),
  digest: 'sha256:4b2a5b42273a39cfd89579b443f0e4ba4110abba3447175fca18f81f0c2af790',
  pushedAt: '2024-05-08T18:03:01.000Z',
  foundIn: 'output-variables',
  foundDetail: 'Build / BuildImage output variable `IMAGE_URI`',
  scanFindings: { HIGH: 1, MEDIUM: 4 },
};

describe('names and links', () => {
  it('builds the console URL of the execution', () => {
    expect(consoleUrl('us-east-1', 'myapp-ecs-pipeline', EXECUTION_ID)).toBe(CONSOLE);
  });

  it('names one run for the execution and one per stage, stable and in order', () => {
    const runs = renderRuns(snapshot(), opts);
    expect(runs.map((r) => r.name)).toEqual(['ECS pipeline', 'ECS pipeline / Source', 'ECS pipeline / Build', 'ECS pipeline / Deploy']);
    expect(checkNames(snapshot(), 'Prod')).toEqual(['Prod', 'Prod / Source', 'Prod / Build', 'Prod / Deploy']);
    expect(renderRuns(snapshot(), { ...opts, checkName: 'Prod' })[2].name).toBe('Prod / Build');
    expect(runs.map((r) => r.externalId)).toEqual([EXECUTION_ID, `${EXECUTION_ID}/Source`, `${EXECUTION_ID}/Build`, `${EXECUTION_ID}/Deploy`]);
    expect(runs.every((r) => r.headSha === SHA)).toBe(true);
  });
});

describe('a successful execution', () => {
  const runs = byName(renderRuns(snapshot(), { ...opts, image: IMAGE }));

  it('titles each run with its duration', () => {
    expect(runs['ECS pipeline'].output.title).toBe('myapp-ecs-pipeline succeeded in 11m 3s');
    expect(runs['ECS pipeline / Build'].output.title).toBe('Build succeeded in 3m 12s');
    expect(runs['ECS pipeline / Deploy'].output.title).toBe('Deploy succeeded in 7m 42s');
    for (const r of Object.values(runs)) expect(r).toMatchObject({ status: 'completed', conclusion: 'success' });
  });

  it('links the execution to the console and a single-action stage to its external run', () => {
    expect(runs['ECS pipeline'].detailsUrl).toBe(CONSOLE);
    expect(runs['ECS pipeline / Build'].detailsUrl).toBe(build().externalExecutionUrl);
    expect(runs['ECS pipeline / Deploy'].detailsUrl).toBe(deploy().externalExecutionUrl);
  });

  it('has one row per action with provider, status, duration and link', () => {
    const summary = runs['ECS pipeline / Build'].output.summary;
    expect(summary).toContain('| Action | Provider | Status | Duration | Link |');
    expect(summary).toContain(`| BuildImage | CodeBuild | ✅ Succeeded | 3m 12s | [Build](${build().externalExecutionUrl}) |`);
    expect(summary).toContain('> Update server.js');
  });

  it('shows the deployed image and where it was found on the execution run', () => {
    const summary = runs['ECS pipeline'].output.summary;
    expect(summary).toContain('### Deployed image');
    expect(summary).toContain(`| URI | \`${IMAGE.uri}\` |`);
    expect(summary).toContain(`| Digest | \`${IMAGE.digest}\` |`);
    expect(summary).toContain('| Found in | Build / BuildImage output variable `IMAGE_URI` |');
    expect(summary).toContain('HIGH 1, MEDIUM 4');
    expect(runs['ECS pipeline'].startedAt).toBe('2024-05-08T18:00:00.000Z');
    expect(runs['ECS pipeline'].completedAt).toBe('2024-05-08T18:11:03.000Z');
  });

  it('writes a job summary with the stage table', () => {
    const md = renderJobSummary(snapshot(), { ...opts, image: IMAGE });
    expect(md.split('\n')[0]).toBe('## ✅ ECS pipeline: myapp-ecs-pipeline succeeded in 11m 3s');
    expect(md).toContain('| Stage | Status | Duration |');
    expect(md).toContain(`| [Build](${build().externalExecutionUrl}) | ✅ Succeeded | 3m 12s |`);
    expect(md).toContain('### Deployed image');
  });
});

describe('an execution in progress', () => {
  it('is in progress with the running action named and no ticking duration in titles', () => {
    const runs = byName(renderRuns(building(), opts));
    expect(runs['ECS pipeline']).toMatchObject({ status: 'in_progress', output: { title: 'myapp-ecs-pipeline in progress: Build' } });
    expect(runs['ECS pipeline'].conclusion).toBeUndefined();
    expect(runs['ECS pipeline / Build']).toMatchObject({ status: 'in_progress', output: { title: 'Build in progress: BuildImage' } });
    expect(runs['ECS pipeline / Deploy']).toMatchObject({ status: 'queued', output: { title: 'Deploy has not started; waiting for Build' } });
    expect(runs['ECS pipeline / Build'].output.summary).toContain('<!--elapsed-->29m so far<!--/elapsed-->');
    expect(runs['ECS pipeline / Build'].completedAt).toBeUndefined();
  });
});

describe('a failed build (Docker daemon)', () => {
  const runs = byName(renderRuns(buildFailed(), opts));
  const buildRun = runs['ECS pipeline / Build'];

  it('fails the Build run with the cause in the title', () => {
    expect(buildRun).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(buildRun.output.title).toBe('Build failed after 1m 6s in BuildImage: Docker is not running in the build');
    expect(runs['ECS pipeline'].output.title).toBe('myapp-ecs-pipeline failed in Build / BuildImage: Docker is not running in the build');
    expect(runs['ECS pipeline'].conclusion).toBe('failure');
  });

  it('puts the error, the cause, the fix and the rule in the summary', () => {
    const s = buildRun.output.summary;
    expect(s).toContain('Phase: BUILD, Code: COMMAND_EXECUTION_ERROR');
    expect(s).toContain('**Docker is not running in the build.**');
    expect(s).toContain('privileged mode');
    expect(s).toContain('[BS-09](https://github.com/ecs-codepipeline/ecs-codepipeline/blob/main/docs/rules.md#bs-09)');
    expect(runs['ECS pipeline'].output.summary).toContain('**Fix:**');
  });

  it('puts the last lines of the build log in the text', () => {
    expect(buildRun.output.text).toContain('### Last 6 lines of the BuildImage log');
    expect(buildRun.output.text).toContain('Cannot connect to the Docker daemon');
  });

  it('cancels the stage that never ran, saying why', () => {
    expect(runs['ECS pipeline / Deploy']).toMatchObject({ status: 'completed', conclusion: 'cancelled', output: { title: 'Deploy did not run: the execution failed in Build' } });
  });

  it('links rules with another docs URL, or only existing rules', () => {
    const other = renderStage(buildFailed(), buildFailed().stages[1], { ...opts, docsUrl: 'https://example.test/rules.md' });
    expect(other.output.summary).toContain('[BS-09](https://example.test/rules.md#bs-09)');
    const none = renderStage(buildFailed(), buildFailed().stages[1], { ...opts, ruleExists: () => false });
    expect(none.output.summary).not.toContain('BS-09');
  });
});

describe('a failed deployment with a rollback', () => {
  it('explains the health checks behind the timeout', () => {
    const run = renderStage(deployFailed(), deployFailed().stages[2], opts);
    expect(run.conclusion).toBe('failure');
    expect(run.output.title).toBe('Deploy failed after 1h 0m in ECS-BlueGreen: The new tasks failed their health checks');
    expect(run.output.summary).toContain('failed ELB health checks');
    expect(run.detailsUrl).toBe(deploy().externalExecutionUrl);
  });

  it('says when an execution is a rollback', () => {
    const rollback = snapshot({
      executionId: 'a9e0d6c2-1b7f-4c3a-9d8e-0f1e2d3c4b5a',
      executionType: 'ROLLBACK',
      rollbackTargetExecutionId: '77c0e7a2-3f1d-4b5e-8a9c-6d5e4f3a2b1c',
      stages: [stage('Deploy', 'InProgress', [deploy({ status: 'InProgress', lastStatusChange: '2024-05-08T19:04:00.000Z', startTime: '2024-05-08T19:04:00.000Z' })])],
      status: 'InProgress',
    });
    const runs = byName(renderRuns(rollback, opts));
    expect(runs['ECS pipeline'].output.title).toBe('Rollback of myapp-ecs-pipeline in progress: Deploy');
    expect(runs['ECS pipeline / Deploy'].output.title).toBe('Rollback: Deploy in progress: ECS-BlueGreen');
    expect(runs['ECS pipeline'].output.summary).toContain('This is a rollback execution');
    expect(runs['ECS pipeline'].output.summary).toContain('77c0e7a2-3f1d-4b5e-8a9c-6d5e4f3a2b1c');
  });
});

describe('a manual approval', () => {
  const waiting = snapshot({
    status: 'InProgress',
    stages: [
      stage('Source', 'Succeeded', [source()]),
      stage('Build', 'Succeeded', [build()]),
      stage('Approval', 'InProgress', [approval({ summary: 'Please check staging before prod' })]),
      stage('Deploy', 'NotStarted', [notStarted(deploy())]),
    ],
  });
  const runs = byName(renderRuns(waiting, opts));

  it('stays in progress, titled "Waiting for approval", linking the console', () => {
    expect(runs['ECS pipeline / Approval']).toMatchObject({ status: 'in_progress', output: { title: 'Waiting for approval' }, detailsUrl: CONSOLE });
    expect(runs['ECS pipeline / Approval'].output.summary).toContain(`[CodePipeline console](${CONSOLE})`);
    expect(runs['ECS pipeline'].output.title).toBe('Waiting for approval in Approval');
  });

  it('never shows the approval token', () => {
    expect(allText(Object.values(runs))).not.toContain(approval().token);
    const leaky = snapshot({ stages: [stage('Approval', 'Failed', [approval({ status: 'Failed', summary: `rejected token ${approval().token}` })])], status: 'Failed' });
    expect(allText(renderRuns(leaky, opts))).not.toContain(approval().token);
  });
});

describe('a superseded execution', () => {
  const superseded = snapshot({
    status: 'Superseded',
    supersededBy: { executionId: 'c4d5e6f7-0a1b-4c2d-8e3f-9a0b1c2d3e4f', revisionId: OTHER_SHA },
    stages: [stage('Source', 'Succeeded', [source()]), stage('Build', 'Succeeded', [build()]), stage('Deploy', 'NotStarted', [notStarted(deploy())])],
  });
  const runs = byName(renderRuns(superseded, opts));

  it('is neutral, titled with the execution and commit that superseded it', () => {
    const title = 'Superseded by execution c4d5e6f7-0a1b-4c2d-8e3f-9a0b1c2d3e4f (commit 1f2e3d4)';
    expect(runs['ECS pipeline']).toMatchObject({ status: 'completed', conclusion: 'neutral', output: { title } });
    expect(runs['ECS pipeline / Deploy']).toMatchObject({ conclusion: 'neutral', output: { title } });
    expect(runs['ECS pipeline / Build'].conclusion).toBe('success');
  });
});

describe('stopped and timed out', () => {
  it('cancels a stopped execution', () => {
    const stopped = snapshot({
      status: 'Stopped',
      stages: [stage('Source', 'Succeeded', [source()]), stage('Build', 'Stopped', [build({ status: 'Abandoned', summary: 'Stopped by user' })]), stage('Deploy', 'NotStarted', [notStarted(deploy())])],
    });
    const runs = byName(renderRuns(stopped, opts));
    expect(runs['ECS pipeline']).toMatchObject({ conclusion: 'cancelled', output: { title: 'myapp-ecs-pipeline was stopped in Build' } });
    expect(runs['ECS pipeline / Build']).toMatchObject({ conclusion: 'cancelled', output: { title: 'Build was stopped after 3m 12s' } });
    expect(runs['ECS pipeline / Deploy']).toMatchObject({ conclusion: 'cancelled', output: { title: 'Deploy did not run: the execution was stopped in Build' } });
  });

  it('completes every open run as timed_out and names what was running', () => {
    const runs = byName(renderRuns(building(), { ...opts, timedOut: true, timeoutMinutes: 60 }));
    expect(runs['ECS pipeline']).toMatchObject({ conclusion: 'timed_out', output: { title: 'Timed out after 60 min; still running: Build / BuildImage' } });
    expect(runs['ECS pipeline / Build']).toMatchObject({ conclusion: 'timed_out', output: { title: 'Timed out after 60 min waiting for Build / BuildImage' } });
    expect(runs['ECS pipeline / Deploy']).toMatchObject({ conclusion: 'timed_out', output: { title: 'Timed out after 60 min before Deploy started' } });
    expect(runs['ECS pipeline / Source'].conclusion).toBe('success');
    expect(runs['ECS pipeline / Build'].completedAt).toBe(NOW);
  });
});

describe('GitHub limits and hostile text', () => {
  function huge(): ExecutionSnapshot {
    const s = buildFailed();
    const a = s.stages[1].actions[0];
    a.errorMessage = 'E'.repeat(200_000);
    a.diagnostics = Array.from({ length: 50 }, (_, i) => `context ${i} ` + 'x'.repeat(10_000));
    a.logTail = Array.from({ length: 500 }, (_, i) => `line ${i} ` + '```'.repeat(300));
    s.stages[1].name = 'B'.repeat(100);
    return s;
  }

  it('keeps title, summary and text within GitHub limits', () => {
    for (const run of renderRuns(huge(), opts)) {
      expect(run.output.title.length).toBeLessThanOrEqual(255);
      expect(run.output.summary.length).toBeLessThanOrEqual(OUTPUT_MAX);
      expect((run.output.text ?? '').length).toBeLessThanOrEqual(OUTPUT_MAX);
    }
    const many = buildFailed();
    many.stages[1].actions = Array.from({ length: 50 }, (_, i) => build({ name: `Build${i}`, status: 'Failed', errorMessage: 'boom '.repeat(2_000) + i }));
    const run = renderStage(many, many.stages[1], opts);
    expect(run.output.summary.length).toBeLessThanOrEqual(OUTPUT_MAX);
    expect(run.output.summary).toContain("characters cut to fit GitHub's limit");
    expect((run.output.summary.match(/^`{3,}/gm) ?? []).length % 2).toBe(0);
  });

  it('shows only the last 30 lines of the log', () => {
    const s = buildFailed();
    s.stages[1].actions[0].logTail = Array.from({ length: 80 }, (_, i) => `log line ${i}`);
    const text = renderStage(s, s.stages[1], opts).output.text!;
    expect(text).toContain('log line 79');
    expect(text).toContain('log line 50');
    expect(text).not.toContain('log line 49');
  });

  it('redacts credentials that a log or message echoes', () => {
    const s = buildFailed();
    s.stages[1].actions[0].logTail = ['export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE', 'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'];
    s.stages[1].actions[0].errorMessage = 'Error: token=ghp_abcdefghijklmnopqrstuvwxyz0123456789';
    const all = allText(renderRuns(s, opts));
    expect(all).not.toContain('AKIAIOSFODNN7EXAMPLE');
    expect(all).not.toContain('wJalrXUtnFEMI');
    expect(all).not.toContain('ghp_abcdefghijklmnopqrstuvwxyz0123456789');
  });

  it('does not turn foreign text into links or HTML', () => {
    const s = buildFailed();
    s.stages[1].actions[0].externalExecutionUrl = 'javascript:alert(1)';
    s.sourceRevisions[0].revisionSummary = '[click](https://evil.test) <img src=x>';
    const runs = byName(renderRuns(s, opts));
    expect(runs['ECS pipeline / Build'].detailsUrl).toBe(CONSOLE);
    expect(runs['ECS pipeline / Build'].output.summary).not.toContain('javascript:');
    expect(runs['ECS pipeline'].output.summary).toContain('\\[click\\](https://evil.test) \\<img src=x\\>');
  });
});

describe('error texts', () => {
  it('shows each AWS text once, dropping the summary contained in the error message', () => {
    const s = renderStage(buildFailed(), buildFailed().stages[1], opts).output.summary;
    const fenced = /```\n([\s\S]*?)\n```/.exec(s)![1];
    expect(fenced.split('\n')).toEqual([buildFailed().stages[1].actions[0].errorMessage]);
  });
});

describe('sparse snapshots', () => {
  it('renders an execution without stages, times or revisions', () => {
    const bare = snapshot({ stages: [], startTime: undefined, lastUpdateTime: undefined, sourceRevisions: [], status: 'InProgress' });
    const runs = renderRuns(bare, opts);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'in_progress', output: { title: 'myapp-ecs-pipeline in progress' } });
    expect(runs[0].startedAt).toBeUndefined();
    expect(runs[0].output.summary).toContain(`**Commit** \`${SHA.slice(0, 7)}\``);
  });

  it('renders actions known only from GetPipelineState (no start time)', () => {
    const s = snapshot();
    for (const st of s.stages) for (const a of st.actions) delete a.startTime;
    const run = renderStage(s, s.stages[1], opts);
    expect(run.output.title).toBe('Build succeeded');
    expect(run.output.summary).toContain('| BuildImage | CodeBuild | ✅ Succeeded | — |');
  });
});
