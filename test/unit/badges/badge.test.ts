import { badgeOf, imageTagOf, isPipelineRun, type BadgeRun } from '../../../src/core/badges/badge.js';
import { parseBadgePath, signedPart } from '../../../src/core/badges/sign.js';

const SUMMARY = [
  '## myapp-ecs-pipeline: Succeeded',
  '',
  '### Deployed image',
  '',
  '| | |',
  '|---|---|',
  '| URI | `123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:4c1f3e9` |',
  '| Tag | `4c1f3e9` |',
  '| Digest | `sha256:0d5c3a5e` |',
  '| Found in | `imageDetail.json` |',
].join('\n');

function run(o: Partial<BadgeRun> & { id: number }): BadgeRun {
  return { name: 'ECS pipeline', status: 'completed', conclusion: 'success', started_at: `2025-05-06T09:00:${String(o.id).padStart(2, '0')}Z`, ...o };
}

test('the newest pipeline run gives result and tag; stage runs and other checks do not count', () => {
  const runs = [
    run({ id: 1, conclusion: 'failure' }),
    run({ id: 3, output: { summary: SUMMARY } }),
    run({ id: 4, name: 'ECS pipeline / Deploy', conclusion: 'failure' }),
    run({ id: 5, name: 'ECS config', conclusion: 'failure' }),
  ];
  expect(badgeOf(runs)).toEqual({ schemaVersion: 1, label: 'deploy', message: 'succeeded · 4c1f3e9', color: 'brightgreen', runId: 3 });
});

test('results without a tag, running executions and branches without runs', () => {
  expect(badgeOf([run({ id: 1, conclusion: 'failure' })])).toMatchObject({ message: 'failed', color: 'red' });
  expect(badgeOf([run({ id: 1, conclusion: 'cancelled' })])).toMatchObject({ message: 'stopped', color: 'lightgrey' });
  expect(badgeOf([run({ id: 1, status: 'in_progress', conclusion: null })])).toMatchObject({ message: 'in progress', color: 'blue' });
  expect(badgeOf([run({ id: 1, status: 'queued', conclusion: null })])).toMatchObject({ message: 'queued', color: 'blue' });
  expect(badgeOf([])).toEqual({ schemaVersion: 1, label: 'deploy', message: 'no execution', color: 'lightgrey' });
  expect(badgeOf([run({ id: 1, conclusion: 'mystery' })], { label: 'myapp' })).toMatchObject({ label: 'myapp', message: 'mystery', color: 'lightgrey' });
});

test('several pipelines: any `ECS pipeline: <name>` run, or the named one', () => {
  expect(isPipelineRun('ECS pipeline: myapp-staging')).toBe(true);
  expect(isPipelineRun('ECS pipeline: myapp-staging / Build')).toBe(false);
  expect(isPipelineRun('ECS pipelines')).toBe(false);
  const runs = [run({ id: 1, name: 'ECS pipeline: a', conclusion: 'failure' }), run({ id: 2, name: 'ECS pipeline: b' })];
  expect(badgeOf(runs).message).toBe('succeeded');
  expect(badgeOf(runs, { pipeline: 'a' }).message).toBe('failed');
});

test('the tag from the image table: Tag row, else the URI tag, never a digest', () => {
  expect(imageTagOf(SUMMARY)).toBe('4c1f3e9');
  expect(imageTagOf(SUMMARY.replace(/^\| Tag .*$/m, ''))).toBe('4c1f3e9');
  expect(imageTagOf('### Deployed image\n\n| URI | `r.example/myapp@sha256:abc` |')).toBeUndefined();
  expect(imageTagOf('| Tag | `v1` |')).toBeUndefined();
  expect(imageTagOf(undefined)).toBeUndefined();
  const long = SUMMARY.replace(/`4c1f3e9`/, '`4c1f3e9a7b2d8c6e0f5a1b3c9d7e2f4a6b8c0d1e`');
  expect(badgeOf([run({ id: 1, output: { summary: long } })]).message).toBe('succeeded · 4c1f3e9a7b2d');
});

test('badge paths: branches with slashes, both formats, nothing that is not a branch', () => {
  expect(parseBadgePath('/badges/my-org/myapp/main.svg')).toEqual({ owner: 'my-org', repo: 'myapp', branch: 'main', format: 'svg' });
  expect(parseBadgePath('/badges/my-org/myapp/feature/login.json')).toEqual({ owner: 'my-org', repo: 'myapp', branch: 'feature/login', format: 'json' });
  expect(parseBadgePath('/badges/my-org/myapp/feature%2Flogin.svg')?.branch).toBe('feature/login');
  expect(parseBadgePath('/badges/my-org/myapp/release-1.0.svg')?.branch).toBe('release-1.0');
  for (const bad of ['/badges/my-org/myapp/main.png', '/badges/my-org/main.svg', '/badges/my-org/myapp/../x.svg', '/badges/my-org/myapp/%E0.svg', '/badges/a b/myapp/main.svg', '/badges/my-org/myapp/a..b.svg']) expect(parseBadgePath(bad)).toBeUndefined();
});

test('the signed part ignores case of owner and repository and the format', () => {
  expect(signedPart('/badges/My-Org/MyApp/main.svg')).toBe('/badges/my-org/myapp/main');
  expect(signedPart('/badges/my-org/myapp/main.json')).toBe(signedPart('/badges/My-Org/MyApp/main.svg'));
  expect(signedPart('/badges/my-org/myapp/Main.json')).not.toBe(signedPart('/badges/my-org/myapp/main.json'));
});
