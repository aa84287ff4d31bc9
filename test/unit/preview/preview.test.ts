import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTree } from '../../../src/adapters/fs/read-tree.js';
import { loadFile } from '../../../src/core/config/load.js';
import { groupDocs } from '../../../src/core/group.js';
import type { Project } from '../../../src/core/model.js';
import { diffPipeline, diffTaskdef, effectiveTaskdefs, renderPreview, wouldBeImages, type EffectiveOptions, type EffectiveTaskdef, type PreviewInput } from '../../../src/core/preview/index.js';

const root = join(process.cwd(), 'test/fixtures/preview');
const OLD = '123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:1a2b3c4';
const HEAD = '9f8e7d6c5b4a39281706f5e4d3c2b1a098765432';

function projectOf(name: string): Project {
  const read = readTree(['.'], join(root, name, 'repo'));
  const projects = groupDocs(read.files.flatMap(loadFile), new Set(read.tree));
  expect(projects).toHaveLength(1);
  return projects[0];
}

function json(name: string, file: string): unknown {
  return JSON.parse(readFileSync(join(root, name, file), 'utf8'));
}

/** The effective task definition of a case (images as given) and its diff against the case's live one. */
function preview(name: string, images: EffectiveOptions['images'] = { IMAGE1_NAME: { uri: OLD } }) {
  const project = projectOf(name);
  const [effective, ...more] = effectiveTaskdefs(project, { images });
  expect(more).toEqual([]);
  const diff = diffTaskdef({ effective: effective.taskdef, live: json(name, 'live-taskdef.json'), loadBalancers: effective.loadBalancers, images: effective.images });
  const input: PreviewInput = { sections: [{ effective, diff }] };
  return { project, effective, diff, report: renderPreview(input) };
}

const brief = (e: EffectiveTaskdef) => e.deploy && `${e.deploy.stage}/${e.deploy.action}`;

describe('effective task definition', () => {
  it('is the template the deploy action reads, with the placeholder replaced', () => {
    const { effective } = preview('no-change');
    expect(brief(effective)).toBe('Deploy/ECS-BlueGreen');
    expect(effective.file).toBe('taskdef.json');
    expect(effective.generated).toBe(false);
    expect((effective.taskdef.containerDefinitions as Array<{ image: string }>)[0].image).toBe(OLD);
    expect(effective.loadBalancers).toEqual([expect.objectContaining({ containerName: 'web', containerPort: 8080 })]);
  });

  it('reads a task definition written by a buildspec heredoc, with locations in the buildspec', () => {
    const project = projectOf('image-only');
    const images = wouldBeImages(project, HEAD);
    expect(images).toEqual({ IMAGE1_NAME: { uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:9f8e7d6', wouldBe: true } });
    const [effective] = effectiveTaskdefs(project, { images });
    expect(effective.generated).toBe(true);
    expect(effective.file).toBe('buildspec.yml');
    expect(effective.name).toBe('taskdef.json');
    const c = (effective.taskdef.containerDefinitions as Array<Record<string, unknown>>)[0];
    // `$CONTAINER_NAME` comes from the buildspec's env.variables.
    expect(c.name).toBe('myapp');
    expect(c.image).toBe('123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:9f8e7d6');
    expect(effective.images).toEqual([{ container: 'myapp', placeholder: 'IMAGE1_NAME', uri: c.image, wouldBe: true }]);
    expect(effective.loadBalancers[0]).toMatchObject({ containerName: 'myapp', containerPort: 8080 });
  });

  it('keeps the placeholder when no image is given, and says so', () => {
    const { diff } = preview('no-change', {});
    expect(diff.changes).toHaveLength(1);
    expect(diff.changes[0]).toMatchObject({ category: 'image', after: '<IMAGE1_NAME>', note: expect.stringContaining('replaced by the image the pipeline builds') });
  });
});

describe('task definition diff', () => {
  it('no change: defaults, spellings, order and read-only fields do not count', () => {
    const { diff, report } = preview('no-change');
    expect(diff.changes).toEqual([]);
    expect(diff.problems).toEqual([]);
    expect(report.conclusion).toBe('success');
    expect(report.title).toBe('No deployable change');
    expect(report.summary).toContain('No deployable change');
    expect(report.annotations).toEqual([]);
  });

  it('image only: shown as the image a build of this commit would push, on the buildspec line', () => {
    const project = projectOf('image-only');
    const [effective] = effectiveTaskdefs(project, { images: wouldBeImages(project, HEAD) });
    const diff = diffTaskdef({ effective: effective.taskdef, live: json('image-only', 'live-taskdef.json'), loadBalancers: effective.loadBalancers, images: effective.images });
    expect(diff.changes).toEqual([
      expect.objectContaining({ container: 'myapp', field: 'image', kind: 'changed', category: 'image', before: OLD, after: '123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:9f8e7d6' }),
    ]);
    expect(diff.changes[0].risky).toBeUndefined();
    // Every commit brings a new image: expected, so shown but neither counted nor annotated.
    expect(diff.changes[0].expected).toBe(true);
    const report = renderPreview({ sections: [{ effective, diff }] });
    expect(report.conclusion).toBe('success');
    expect(report.title).toBe('No deployable change besides the new image');
    expect(report.summary).toContain('Only the image changes');
    expect(report.summary).toContain('would be');
    expect(report.annotations).toEqual([]);
    // The same image named explicitly (a pushed commit's, or --image-tag) is a change like any other, on the buildspec line.
    const named = effectiveTaskdefs(project, { images: { IMAGE1_NAME: { uri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:9f8e7d6' } } })[0];
    const namedDiff = diffTaskdef({ effective: named.taskdef, live: json('image-only', 'live-taskdef.json'), loadBalancers: named.loadBalancers, images: named.images });
    const namedReport = renderPreview({ sections: [{ effective: named, diff: namedDiff }] });
    expect(namedDiff.changes[0].expected).toBeUndefined();
    expect(namedReport.conclusion).toBe('neutral');
    expect(namedReport.title).toBe('1 change: image');
    const buildspec = readFileSync(join(root, 'image-only/repo/buildspec.yml'), 'utf8').split('\n');
    expect(namedReport.annotations).toHaveLength(1);
    expect(namedReport.annotations[0].path).toBe('buildspec.yml');
    expect(buildspec[namedReport.annotations[0].start_line - 1]).toContain('"image": "<IMAGE1_NAME>"');
  });

  it('memory and an environment variable: two changes on the two changed lines; secret-looking values masked', () => {
    const { diff, report } = preview('memory-and-env');
    const byField = Object.fromEntries(diff.changes.map((c) => [c.field, c]));
    expect(Object.keys(byField).sort()).toEqual(['environment.FEATURE_CHECKOUT', 'environment.STRIPE_API_KEY', 'memory']);
    expect(byField.memory).toMatchObject({ container: undefined, category: 'resources', before: 512, after: 1024, kind: 'changed' });
    expect(byField.memory.risky).toBeUndefined();
    expect(byField['environment.FEATURE_CHECKOUT']).toMatchObject({ container: 'web', category: 'environment', kind: 'added', after: 'on' });
    expect(byField['environment.STRIPE_API_KEY']).toMatchObject({ kind: 'changed', masked: true });
    expect(JSON.stringify(diff)).not.toContain('sk_live');
    expect(report.summary).not.toContain('sk_live');
    expect(JSON.stringify(report.annotations)).not.toContain('sk_live');
    expect(report.conclusion).toBe('neutral');
    expect(report.summary).toContain('**Task**');
    expect(report.summary).toContain('**Container `web`**');
    const lines = readFileSync(join(root, 'memory-and-env/repo/taskdef.json'), 'utf8').split('\n');
    const annotated = report.annotations.map((a) => `${a.path}:${lines[a.start_line - 1].trim()}`).sort();
    expect(annotated).toEqual([
      'taskdef.json:"memory": "1024",',
      'taskdef.json:"name": "FEATURE_CHECKOUT",',
      'taskdef.json:"name": "STRIPE_API_KEY",',
    ]);
  });

  it('memory lowered is risky', () => {
    const effective = json('memory-and-env', 'live-taskdef.json') as { taskDefinition: Record<string, unknown> };
    const live = { taskDefinition: { ...effective.taskDefinition, memory: '1 GB' } };
    const diff = diffTaskdef({ effective: effective.taskDefinition, live });
    expect(diff.changes).toEqual([expect.objectContaining({ field: 'memory', before: 1024, after: 512, risky: expect.stringContaining('memory lowered') })]);
  });

  it('a secret removed: risky, shown by name and source', () => {
    const { diff, report } = preview('secret-removed');
    expect(diff.changes).toEqual([
      expect.objectContaining({ container: 'web', field: 'secrets.DB_PASSWORD', kind: 'removed', category: 'secrets', before: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:myapp/db-AbCdEf', risky: expect.stringContaining('removed') }),
    ]);
    expect(report.conclusion).toBe('neutral');
    expect(report.summary).toMatch(/\| ⚠️ \| `secrets\.DB_PASSWORD`/);
    expect(report.annotations).toEqual([expect.objectContaining({ annotation_level: 'warning', path: 'taskdef.json' })]);
  });

  it('a container port the appspec no longer matches: flagged and deploy-breaking', () => {
    const { diff, report } = preview('port-changed');
    expect(diff.changes.map((c) => `${c.field} ${c.kind}`).sort()).toEqual(['portMappings.3000/tcp added', 'portMappings.8080/tcp removed']);
    expect(diff.changes.every((c) => c.category === 'ports' && c.risky?.includes('expects port 8080'))).toBe(true);
    expect(diff.problems).toHaveLength(1);
    expect(diff.problems[0].message).toContain('port 8080 of container "web"');
    expect(diff.problems[0].location).toMatchObject({ file: 'appspec.yaml', line: 8 });
    expect(report.conclusion).toBe('failure');
    expect(report.annotations).toContainEqual(expect.objectContaining({ annotation_level: 'failure', path: 'appspec.yaml', start_line: 8 }));
  });

  it('a role change is risky; tags and API wrappers are ignored', () => {
    const live = json('no-change', 'live-taskdef.json') as { taskDefinition: Record<string, unknown> };
    const effective = { ...live.taskDefinition, taskRoleArn: 'arn:aws:iam::123456789012:role/other' };
    const diff = diffTaskdef({ effective, live });
    expect(diff.changes).toEqual([expect.objectContaining({ field: 'taskRoleArn', category: 'roles', risky: expect.any(String) })]);
  });

  it('does not throw on odd input', () => {
    for (const v of [undefined, null, 3, 'x', [], { containerDefinitions: 'no' }, { containerDefinitions: [null, 1, { environment: 'x' }] }]) {
      expect(() => diffTaskdef({ effective: v, live: v, loadBalancers: [{ containerName: 'web', containerPort: 80 }] })).not.toThrow();
    }
  });
});

describe('pipeline drift', () => {
  const repoDoc = (name: string) => projectOf(name).docs.find((d) => d.kind === 'pipeline')!;

  it('a stage added in the console', () => {
    const doc = repoDoc('pipeline-drift');
    const items = diffPipeline({ repository: doc, live: json('pipeline-drift', 'live-pipeline.json') });
    expect(items).toEqual([expect.objectContaining({ kind: 'stage-added', stage: 'Approval', message: expect.stringContaining('"Manual"') })]);
    const lines = doc.text.split('\n');
    expect(lines[items[0].location!.line - 1]).toContain('"stages"');
    const report = renderPreview({ sections: [], drift: { file: doc.path, pipeline: 'myapp-ecs-pipeline', items } });
    expect(report.conclusion).toBe('neutral');
    expect(report.summary).toContain('Pipeline drift');
    expect(report.annotations).toEqual([expect.objectContaining({ annotation_level: 'warning', path: 'pipeline.json' })]);
  });

  it('no drift: metadata, version and filled-in defaults are ignored', () => {
    const doc = repoDoc('pipeline-no-drift');
    expect(diffPipeline({ repository: doc, live: json('pipeline-no-drift', 'live-pipeline.json') })).toEqual([]);
  });

  it('an action configuration changed, a stage removed', () => {
    const doc = repoDoc('pipeline-no-drift');
    const live = json('pipeline-no-drift', 'live-pipeline.json') as { pipeline: { stages: Array<{ name: string; actions: Array<{ configuration: Record<string, string> }> }> } };
    live.pipeline.stages[1].actions[0].configuration.ProjectName = 'myapp-build-v2';
    live.pipeline.stages.splice(2, 1);
    const items = diffPipeline({ repository: doc, live });
    expect(items.map((i) => `${i.kind} ${i.stage} ${i.field ?? ''}`.trim()).sort()).toEqual(['action-changed Build configuration.ProjectName', 'stage-removed Deploy']);
    const changed = items.find((i) => i.kind === 'action-changed')!;
    expect(doc.text.split('\n')[changed.location!.line - 1]).toContain('"ProjectName"');
  });
});
