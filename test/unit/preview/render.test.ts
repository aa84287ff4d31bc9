import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTree } from '../../../src/adapters/fs/read-tree.js';
import { loadFile } from '../../../src/core/config/load.js';
import { groupDocs } from '../../../src/core/group.js';
import { OUTPUT_MAX } from '../../../src/core/pipeline/md.js';
import {
  diffTaskdef,
  effectiveTaskdefs,
  previewCheckRun,
  previewCounts,
  previewJobSummary,
  previewTitle,
  renderDriftSection,
  renderPreview,
  renderPreviewText,
  taggedImages,
  type PreviewInput,
} from '../../../src/core/preview/index.js';

const root = join(process.cwd(), 'test/fixtures/preview');
const ANSI = /\u001b\[[0-9;]*m/;

function project(name: string) {
  const read = readTree(['.'], join(root, name, 'repo'));
  return groupDocs(read.files.flatMap(loadFile), new Set(read.tree))[0];
}

function input(name: string, images = taggedImages(project(name), '1a2b3c4')): PreviewInput {
  const [effective] = effectiveTaskdefs(project(name), { images });
  const live = JSON.parse(readFileSync(join(root, name, 'live-taskdef.json'), 'utf8'));
  return { sections: [{ effective, service: 'myapp-cluster/myapp-service', diff: diffTaskdef({ effective: effective.taskdef, live, loadBalancers: effective.loadBalancers, images: effective.images }) }] };
}

describe('preview numbers and titles', () => {
  it('counts real changes, risky ones, problems, drift and what could not be read', () => {
    expect(previewCounts(input('memory-and-env'))).toEqual({ changes: 3, risky: 0, problems: 0, drift: 0, unavailable: 0 });
    expect(previewCounts(input('port-changed'))).toEqual({ changes: 2, risky: 2, problems: 1, drift: 0, unavailable: 0 });
    const i = input('no-change');
    i.sections.push({ effective: i.sections[0].effective, unavailable: 'cannot read the ECS service web: grant ecs:DescribeServices on arn:aws:ecs:us-east-1:123456789012:service/c/web' });
    i.drift = { file: 'pipeline.json', items: [], unavailable: 'cannot read the pipeline p: grant codepipeline:GetPipeline on arn:aws:codepipeline:us-east-1:123456789012:p' };
    expect(previewCounts(i)).toEqual({ changes: 0, risky: 0, problems: 0, drift: 0, unavailable: 2 });
    expect(previewTitle(i)).toBe('Preview incomplete: cannot read the ECS service web: grant ecs:DescribeServices on arn:aws:ecs:us-east-1:123456789012:service/c/web');
    expect(renderPreview(i).conclusion).toBe('neutral');
  });

  it('names the changed fields when there are few, not when there are many', () => {
    expect(previewTitle(input('memory-and-env'))).toBe('3 changes: memory, environment.FEATURE_CHECKOUT, environment.STRIPE_API_KEY');
    const many = input('no-change');
    const changes = many.sections[0].diff!.changes;
    for (const f of ['cpu', 'memory', 'family', 'networkMode']) changes.push({ path: [f], field: f, kind: 'changed', category: 'other', before: 'a', after: 'b' });
    expect(previewTitle(many)).toBe('4 changes');
    expect(previewTitle({ sections: [] })).toBe('Nothing to preview');
  });

  it('the image a build of this commit tags is expected: no change, no annotation, success', () => {
    const i = input('memory-and-env', { IMAGE1_NAME: { uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:9f8e7d6', wouldBe: true } });
    expect(i.sections[0].diff!.changes.filter((c) => c.expected).map((c) => c.field)).toEqual(['image']);
    expect(previewCounts(i).changes).toBe(3);
    expect(renderPreview(i).annotations).toHaveLength(3);
  });
});

describe('pipeline drift for the track summary', () => {
  it('one line when it cannot be read or when there is none; the list otherwise', () => {
    expect(renderDriftSection({ file: 'pipeline.json', pipeline: 'p', items: [], unavailable: 'cannot read the pipeline p: grant codepipeline:GetPipeline on arn:aws:codepipeline:us-east-1:123456789012:p' })).toBe(
      '⚠️ Pipeline drift not compared: cannot read the pipeline p: grant codepipeline:GetPipeline on arn:aws:codepipeline:us-east-1:123456789012:p.\n',
    );
    expect(renderDriftSection({ file: 'ci/pipeline.json', pipeline: 'p', items: [] })).toBe('No pipeline drift: `ci/pipeline.json` matches the live pipeline `p`.\n');
    const listed = renderDriftSection({ file: 'pipeline.json', items: [{ kind: 'stage-added', stage: 'Approval', message: 'stage "Approval" exists in the live pipeline but not in the repository' }] });
    expect(listed).toBe('### Pipeline drift: `pipeline.json` vs the live pipeline\n\n- ⚠️ stage "Approval" exists in the live pipeline but not in the repository\n');
  });
});

describe('the terminal text', () => {
  it('plain by default, coloured on request, secrets masked', () => {
    const text = renderPreviewText(input('memory-and-env'));
    expect(text).not.toMatch(ANSI);
    expect(text).not.toContain('sk_live');
    expect(text.split('\n')[0]).toBe('myapp-cluster/myapp-service  (Deploy / ECS-BlueGreen, task definition from taskdef.json)');
    expect(text).toContain('environment.STRIPE_API_KEY    •••••• → ••••••');
    expect(text.trimEnd().split('\n').at(-1)).toBe('● 3 changes: memory, environment.FEATURE_CHECKOUT, environment.STRIPE_API_KEY');
    expect(renderPreviewText(input('port-changed'), { color: true })).toMatch(/\u001b\[31m✖ deploy would fail\u001b\[0m: the appspec's LoadBalancerInfo/);
    expect(renderPreviewText(input('no-change'))).toContain('no deployable change: the task definition matches the one the service runs');
  });
});

describe('the check run and the job summary', () => {
  const o = { headSha: '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432', pipelineName: 'myapp-ecs-pipeline', now: '2025-05-06T09:00:00Z' };

  it('a completed run with a stable external id, the report as its output, notes above it', () => {
    const report = renderPreview(input('memory-and-env'));
    const run = previewCheckRun(report, { ...o, detailsUrl: 'https://github.com/my-org/myapp/actions/runs/1', notes: ['No pipeline file for x'] });
    expect(run).toMatchObject({ name: 'ECS deploy preview', headSha: o.headSha, externalId: 'preview:myapp-ecs-pipeline', status: 'completed', conclusion: 'neutral', completedAt: o.now, detailsUrl: 'https://github.com/my-org/myapp/actions/runs/1' });
    expect(run.output.summary.startsWith('**Pipeline** `myapp-ecs-pipeline` · **Commit** `9f8e7d6`\n\n> No pipeline file for x\n\n### myapp-cluster/myapp-service')).toBe(true);
    expect(run.output.annotations).toBe(report.annotations);
    expect(previewCheckRun(report, { ...o, detailsUrl: 'javascript:alert(1)' }).detailsUrl).toBeUndefined();
    expect(previewJobSummary(report, { ...o, name: 'ECS deploy preview: myapp' }).split('\n')[0]).toBe('## 🔎 ECS deploy preview: myapp: 3 changes: memory, environment.FEATURE\\_CHECKOUT, environment.STRIPE\\_API\\_KEY');
  });

  it('stays within GitHub\'s output limit', () => {
    const report = renderPreview(input('memory-and-env'));
    const run = previewCheckRun({ ...report, summary: 'x'.repeat(OUTPUT_MAX * 2) }, o);
    expect(run.output.summary.length).toBeLessThanOrEqual(OUTPUT_MAX);
    expect(run.output.summary).toContain('the job summary has the whole preview');
  });
});

describe('secrets in plain environment variables', () => {
  it('a value that is a credential is masked whatever the variable is called', () => {
    const td = (value: string) => ({ family: 'myapp', containerDefinitions: [{ name: 'web', image: 'x', environment: [{ name: 'DATABASE_URL', value }, { name: 'REGION', value: value.length > 0 ? 'us-east-1' : '' }] }] });
    const diff = diffTaskdef({ effective: td('postgres://app:n3wPass@db.internal:5432/app'), live: td('postgres://app:0ldPass@db.internal:5432/app') });
    expect(diff.changes).toEqual([expect.objectContaining({ field: 'environment.DATABASE_URL', before: '••••••', after: '••••••', masked: true })]);
    const plain = diffTaskdef({ effective: td('postgres://db.internal:5432/app'), live: td('postgres://db.internal:5432/old') });
    expect(plain.changes).toEqual([expect.objectContaining({ field: 'environment.DATABASE_URL', after: 'postgres://db.internal:5432/app' })]);
    expect(plain.changes[0].masked).toBeUndefined();
    const key = diffTaskdef({ effective: td('AKIAABCDEFGHIJKLMNOP'), live: td('none') });
    expect(JSON.stringify(key)).not.toContain('AKIA');
  });
});

describe('secrets in pipeline drift', () => {
  it('a configuration value that is a credential is not shown', async () => {
    const { diffPipeline } = await import('../../../src/core/preview/index.js');
    const doc = project('pipeline-no-drift').docs.find((d) => d.kind === 'pipeline')!;
    const live = JSON.parse(readFileSync(join(root, 'pipeline-no-drift/live-pipeline.json'), 'utf8'));
    live.pipeline.stages[1].actions[0].configuration.EnvironmentVariables = '[{"name":"DB","value":"mysql://app:hunter22@db/app","type":"PLAINTEXT"}]';
    const items = diffPipeline({ repository: doc, live });
    expect(items).toEqual([expect.objectContaining({ kind: 'action-changed', field: 'configuration.EnvironmentVariables', message: 'action "BuildImage": configuration EnvironmentVariables is •••••• live, nothing in the repository' })]);
  });
});
