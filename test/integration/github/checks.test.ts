import type { CheckAnnotation, CheckRunModel } from '../../../src/core/pipeline/check-run.js';
import { annotationBatches, createCheckRunBody, updateCheckRunBody } from '../../../src/adapters/github/index.js';
import { FakeGitHub } from '../../fakes/github/index.js';
import { OTHER_SHA, portsFor, SHA, useFakeGitHub } from './helpers.js';

const CREATE = 'POST /repos/{owner}/{repo}/check-runs';
const UPDATE = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}';
const LIST = 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs';

const building: CheckRunModel = {
  name: 'ECS pipeline / Build',
  headSha: SHA,
  externalId: 'exec-1/Build',
  status: 'in_progress',
  startedAt: '2024-05-01T10:00:00.000Z',
  detailsUrl: 'https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/myapp/executions/exec-1/timeline',
  output: { title: 'Build in progress', summary: '| Action | Status |\n|---|---|\n| Build | InProgress |' },
};

const built: CheckRunModel = {
  ...building,
  status: 'completed',
  conclusion: 'success',
  completedAt: '2024-05-01T10:03:12.000Z',
  output: { title: 'Build succeeded in 3m 12s', summary: '| Action | Status |\n|---|---|\n| Build | Succeeded |', text: 'log tail' },
};

function annotations(n: number): CheckAnnotation[] {
  return Array.from({ length: n }, (_, i) => ({ path: 'buildspec.yml', start_line: i + 1, end_line: i + 1, annotation_level: 'warning' as const, message: `finding ${i + 1}` }));
}

describe('ChecksPort against the fake GitHub', () => {
  const fake = useFakeGitHub();

  test('create sends exactly the model: no conclusion or completed_at while in progress', async () => {
    const { checks } = await portsFor(fake());
    const id = await checks.create(building);
    const [req] = fake().requests({ operation: CREATE });
    expect(req.body).toEqual({
      name: 'ECS pipeline / Build',
      head_sha: SHA,
      external_id: 'exec-1/Build',
      details_url: building.detailsUrl,
      status: 'in_progress',
      started_at: '2024-05-01T10:00:00.000Z',
      output: { title: 'Build in progress', summary: building.output.summary },
    });
    const [run] = fake().checkRuns(SHA);
    expect(run).toMatchObject({ id, name: 'ECS pipeline / Build', status: 'in_progress', conclusion: null, completed_at: null, external_id: 'exec-1/Build' });
  });

  test('update completes the run with its conclusion and completed_at', async () => {
    const { checks } = await portsFor(fake());
    const id = await checks.create(building);
    await checks.update(id, built);
    const [req] = fake().requests({ operation: UPDATE });
    expect(req.path).toBe(`/repos/${fake().owner}/${fake().repo}/check-runs/${id}`);
    expect(req.body).toEqual({
      name: 'ECS pipeline / Build',
      external_id: 'exec-1/Build',
      details_url: building.detailsUrl,
      status: 'completed',
      conclusion: 'success',
      started_at: '2024-05-01T10:00:00.000Z',
      completed_at: '2024-05-01T10:03:12.000Z',
      output: { title: 'Build succeeded in 3m 12s', summary: built.output.summary, text: 'log tail' },
    });
    expect(fake().checkRuns(SHA)[0]).toMatchObject({ status: 'completed', conclusion: 'success', completed_at: '2024-05-01T10:03:12Z', output: { title: 'Build succeeded in 3m 12s', text: 'log tail' } });
    expect(fake().writes().map((w) => w.operation)).toEqual([CREATE, UPDATE]);
  });

  test('a conclusion on a run that is not completed is not sent (GitHub would complete it)', () => {
    const body = createCheckRunBody({ ...building, conclusion: 'failure', completedAt: '2024-05-01T10:05:00Z' });
    expect(body).not.toHaveProperty('conclusion');
    expect(body).not.toHaveProperty('completed_at');
    expect(body.status).toBe('in_progress');
  });

  test('a completed run without a conclusion is a programming error, caught before any request', async () => {
    const { checks } = await portsFor(fake());
    await expect(checks.create({ ...built, conclusion: undefined })).rejects.toThrow(/completed but has no conclusion/);
    expect(fake().requests()).toEqual([]);
  });

  test('buttons, a neutral conclusion and a timed_out one pass the schema', async () => {
    const { checks } = await portsFor(fake());
    const id = await checks.create({ ...built, conclusion: 'neutral', actions: [{ label: 'Stop pipeline', description: 'Stops the CodePipeline execution', identifier: 'stop' }] });
    await checks.update(id, { ...built, conclusion: 'timed_out' });
    expect(fake().checkRuns(SHA)[0]).toMatchObject({ conclusion: 'timed_out', actions: [{ label: 'Stop pipeline', identifier: 'stop' }] });
  });

  test('over-long title, summary and text are cut to GitHub limits instead of being refused', async () => {
    const { checks } = await portsFor(fake());
    await checks.create({ ...building, output: { title: 't'.repeat(300), summary: 's'.repeat(70_000), text: 'x'.repeat(70_000) } });
    const [run] = fake().checkRuns(SHA);
    expect(run.output.title!.length).toBe(255);
    expect(run.output.summary!.length).toBe(65_535);
    expect(run.output.summary).toMatch(/cut to GitHub's limit/);
    expect(run.output.text!.length).toBe(65_535);
  });

  test('list returns the latest run per name with id, name, externalId, status and conclusion', async () => {
    const { checks } = await portsFor(fake());
    const first = await checks.create(building);
    const again = await checks.create({ ...built, externalId: undefined });
    await checks.create({ ...building, name: 'ECS pipeline', externalId: 'exec-1' });
    await checks.create({ ...building, headSha: OTHER_SHA });
    const runs = await checks.list(SHA);
    expect(runs).toHaveLength(2);
    expect(runs.find((r) => r.name === 'ECS pipeline / Build')).toEqual({ id: again, name: 'ECS pipeline / Build', status: 'completed', conclusion: 'success' });
    expect(runs.find((r) => r.name === 'ECS pipeline')).toMatchObject({ externalId: 'exec-1', status: 'in_progress', conclusion: null });
    expect(runs.map((r) => r.id)).not.toContain(first);
    expect(fake().requests({ operation: LIST })[0].query).toMatchObject({ filter: 'latest', per_page: '100' });
  });

  test('list follows every page', async () => {
    for (let i = 0; i < 230; i++) fake().seedCheckRun({ name: `job ${i}`, head_sha: SHA });
    const { checks } = await portsFor(fake());
    const runs = await checks.list(SHA);
    expect(runs).toHaveLength(230);
    expect(new Set(runs.map((r) => r.name)).size).toBe(230);
    expect(fake().requests({ operation: LIST }).map((r) => r.query.page ?? '1')).toEqual(['1', '2', '3']);
  });

  test('appSlug keeps only runs of that app; appId asks GitHub to filter', async () => {
    const other = { id: 99, slug: 'other-ci', name: 'Other CI' };
    fake().seedCheckRun({ name: 'ECS pipeline', head_sha: SHA, status: 'completed', conclusion: 'failure' }, other);
    const mine = fake().seedCheckRun({ name: 'ECS pipeline', head_sha: SHA, status: 'in_progress' });
    const bySlug = await (await portsFor(fake(), { appSlug: 'github-actions' })).checks.list(SHA);
    expect(bySlug.map((r) => r.id)).toEqual([mine.id]);
    const byId = await (await portsFor(fake(), { appId: 99 })).checks.list(SHA);
    expect(byId.map((r) => r.conclusion)).toEqual(['failure']);
    expect(fake().requests({ operation: LIST }).at(-1)!.query.app_id).toBe('99');
    const all = await (await portsFor(fake())).checks.list(SHA);
    expect(all).toHaveLength(2);
  });
});

describe('annotations in batches of 50', () => {
  const fake = useFakeGitHub();

  test('annotationBatches splits 120 into 50, 50, 20 and nothing into nothing', () => {
    expect(annotationBatches(annotations(120)).map((b) => b.length)).toEqual([50, 50, 20]);
    expect(annotationBatches(undefined)).toEqual([]);
    expect(annotationBatches(annotations(50)).map((b) => b.length)).toEqual([50]);
  });

  test('create sends the first 50, then updates append the rest, in order', async () => {
    const { checks } = await portsFor(fake());
    const list = annotations(120);
    const id = await checks.create({ ...built, output: { ...built.output, annotations: list } });
    const writes = fake().writes();
    expect(writes.map((w) => w.operation)).toEqual([CREATE, UPDATE, UPDATE]);
    const sizes = writes.map((w) => ((w.body as { output: { annotations: unknown[] } }).output.annotations).length);
    expect(sizes).toEqual([50, 50, 20]);
    // The follow-up updates carry title and summary (GitHub requires them) but do not touch status or text.
    expect(Object.keys(writes[1].body as object)).toEqual(['output']);
    expect((writes[1].body as { output: object }).output).not.toHaveProperty('text');
    const run = fake().checkRuns(SHA).find((r) => r.id === id)!;
    expect(run.annotations.map((a) => a.message)).toEqual(list.map((a) => a.message));
    expect(run.output.text).toBe('log tail');
  });

  test('update with 51 annotations makes two requests; the annotations can be read back from GitHub', async () => {
    const { checks } = await portsFor(fake());
    const id = await checks.create(building);
    await checks.update(id, { ...built, output: { ...built.output, annotations: annotations(51) } });
    expect(fake().writes().map((w) => w.operation)).toEqual([CREATE, UPDATE, UPDATE]);
    const res = await fetch(`${fake().url}/repos/${fake().owner}/${fake().repo}/check-runs/${id}/annotations?per_page=100`, { headers: { authorization: `token ${fake().token}` } });
    expect(((await res.json()) as unknown[]).length).toBe(51);
  });

  test('columns are dropped from annotations that span lines (GitHub refuses them there)', () => {
    const body = updateCheckRunBody({
      ...built,
      output: { ...built.output, annotations: [{ path: 'Dockerfile', start_line: 2, end_line: 4, start_column: 1, end_column: 5, annotation_level: 'failure', message: 'm', title: 'T' }] },
    });
    expect((body.output as { annotations: unknown[] }).annotations[0]).toEqual({ path: 'Dockerfile', start_line: 2, end_line: 4, annotation_level: 'failure', message: 'm', title: 'T' });
  });
});

describe('transport', () => {
  test('through the fetch given in options, and under a GitHub Enterprise Server prefix', async () => {
    const ghes = await FakeGitHub.start({ pathPrefix: '/api/v3' });
    try {
      let calls = 0;
      const counting: typeof fetch = (input, init) => {
        calls++;
        return fetch(input, init);
      };
      const { checks } = await portsFor(ghes, { fetch: counting, baseUrl: `${ghes.url}/` });
      const id = await checks.create(building);
      await checks.update(id, built);
      expect(calls).toBe(2);
      expect(ghes.checkRuns(SHA)).toHaveLength(1);
      expect(ghes.rejections()).toEqual([]);
    } finally {
      await ghes.stop();
    }
  });
});
