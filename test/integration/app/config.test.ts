import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, parseDocument } from 'yaml';
import { validateConfig, locateProblems } from '../../../src/app/config.js';
import { CONFIG_SCHEMA } from '../../../src/app/config-schema.js';
import { inPaths } from '../../../src/app/read-commit.js';
import { parseRoleAllowList } from '../../../src/app/roles.js';

/** The config file's schema, its documentation, the role allow-list and the manifest. */

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
const roles = parseRoleAllowList('arn:aws:iam::123456789012:role/ecs-codepipeline-*, arn:aws:iam::210987654321:role/deployer');

test('docs/ecs-codepipeline.schema.json is the schema the app validates with', () => {
  expect(JSON.parse(read('docs/ecs-codepipeline.schema.json'))).toEqual(JSON.parse(JSON.stringify(CONFIG_SCHEMA)));
});

test('every YAML example of the config in docs/app.md is valid', () => {
  const blocks = [...read('docs/app.md').matchAll(/```yaml\n# \.github\/ecs-codepipeline\.yml\n([\s\S]*?)```/g)].map((m) => m[1]);
  expect(blocks.length).toBeGreaterThan(0);
  for (const b of blocks) expect(validateConfig(parse(b), roles)).toMatchObject({ ok: true });
});

test('a full config gives its values; an empty one the defaults', () => {
  const r = validateConfig(parse([
    'check_name: ECS files',
    'paths: [infra/ecs]',
    'pipelines:',
    '  - name: myapp-pipeline',
    '    region: us-east-1',
    '    branches: [main]',
    '    role: arn:aws:iam::123456789012:role/ecs-codepipeline-reader',
    'report: [checks, deployments]',
    'deployments:',
    '  Deploy-Staging: { environment: staging, environment_url: "https://staging.example.com" }',
    'onboarding: false',
  ].join('\n')), roles);
  expect(r).toEqual({
    ok: true,
    found: true,
    raw: expect.any(Object),
    config: {
      checkName: 'ECS files',
      paths: ['infra/ecs'],
      pipelines: [{ name: 'myapp-pipeline', region: 'us-east-1', branches: ['main'], role: 'arn:aws:iam::123456789012:role/ecs-codepipeline-reader' }],
      report: ['checks', 'deployments'],
      deployments: { 'Deploy-Staging': { environment: 'staging', environment_url: 'https://staging.example.com' } },
      onboarding: false,
    },
  });
  expect(validateConfig(null, roles)).toMatchObject({ ok: true, found: false, config: { checkName: 'ECS config', paths: ['.'], report: ['checks'], onboarding: true } });
});

test.each([
  ['paths: /etc', '`paths` must be an array, not string'],
  ['paths: ["../other"]', '`paths[0]` is "../other"; write a path relative to the repository root, without .. (e.g. infra/ecs)'],
  ['report: [slack]', '`report[0]` is "slack"; use one of `checks`, `statuses`, `deployments`'],
  ['pipelines: [{ region: us-east-1 }]', '`pipelines[0]` needs `name`'],
  ['pipelines: [{ name: p, region: us-east-1, rol: x }]', 'unknown key `pipelines[0].rol`; did you mean `role`?'],
  ['deployments: { Deploy: { environment_url: "https://x" } }', '`deployments.Deploy` needs `environment`'],
  ['onboarding: "yes"', '`onboarding` must be a boolean, not string'],
  ['- a\n- b', 'the file must be an object, not a list'],
])('%s → %s', (yaml, message) => {
  const r = validateConfig(parse(yaml), roles);
  expect(r.ok).toBe(false);
  expect(r.ok ? [] : r.problems.map((p) => p.message)).toContain(message);
});

test('roles: exact ARNs and * patterns; nothing allowed when the variable is unset', () => {
  expect(roles.allows('arn:aws:iam::123456789012:role/ecs-codepipeline-reader')).toBe(true);
  expect(roles.allows('arn:aws:iam::210987654321:role/deployer')).toBe(true);
  expect(roles.allows('arn:aws:iam::210987654321:role/deployer2')).toBe(false);
  expect(roles.allows('arn:aws:iam::123456789012:role/admin')).toBe(false);
  // A dot in an ARN is a dot, not "any character".
  expect(parseRoleAllowList('arn:aws:iam::1:role/a.b').allows('arn:aws:iam::1:role/aXb')).toBe(false);
  const none = parseRoleAllowList(undefined);
  const r = validateConfig({ pipelines: [{ name: 'p', region: 'us-east-1', role: 'arn:aws:iam::123456789012:role/x' }] }, none);
  expect(r.ok ? '' : r.problems[0].message).toMatch(/allows no roles \(its operator has not set ECS_CODEPIPELINE_ALLOWED_ROLES\)/);
});

test('problems are placed on the line of the commit\'s copy only when it says what was read', () => {
  const text = 'pipelines:\n  - name: p\n    region: nowhere\n';
  const r = validateConfig(parse(text), roles);
  if (r.ok) throw new Error('expected problems');
  expect(locateProblems(r.problems, text, r.raw).map((p) => [p.line, p.column])).toEqual([[3, 13]]);
  expect(locateProblems(r.problems, text.replace('p\n', 'q\n'), r.raw).map((p) => p.line)).toEqual([undefined]);
  void parseDocument;
});

test('configured paths: folders, files, the root, and dot-folders', () => {
  expect(inPaths('infra/taskdef.json', ['infra'])).toBe(true);
  expect(inPaths('infra2/taskdef.json', ['infra'])).toBe(false);
  expect(inPaths('a/b.json', ['.'])).toBe(true);
  expect(inPaths('a/b.json', ['./a/'])).toBe(true);
  expect(inPaths('.github/ecs-codepipeline.yml', ['.github/ecs-codepipeline.yml'])).toBe(true);
  expect(inPaths('github/x.yml', ['.github'])).toBe(false);
});

test('app.yml asks for the least permissions and the events the handlers use', () => {
  const m = parse(read('app.yml')) as { name: string; default_events: string[]; default_permissions: Record<string, string>; hook_attributes?: unknown };
  // contents and pull_requests write: only the onboarding pull request writes (docs/app.md#onboarding-pull-request).
  expect(m.default_permissions).toEqual({ checks: 'write', statuses: 'write', deployments: 'write', contents: 'write', pull_requests: 'write', metadata: 'read' });
  expect(m.default_events).toEqual(expect.arrayContaining(['check_run', 'check_suite', 'pull_request', 'push']));
  // Probot's set-up spreads the manifest over its own: a hook_attributes here would replace the proxy URL.
  expect(m.hook_attributes).toBeUndefined();
  expect(m.name.length).toBeLessThanOrEqual(34);
});

test('a file the config plugin cannot use is one problem, without the plugin prefix or the API URL', async () => {
  const { unreadableConfig } = await import('../../../src/app/config.js');
  const r = unreadableConfig(new Error('[@probot/octokit-plugin-config] Configuration could not be parsed from https://api.github.com/repos/o/r/contents/.github%2Fecs-codepipeline.yml (YAML is not an object)'));
  expect(r.ok ? [] : r.problems.map((p) => [p.message, p.line])).toEqual([['Configuration could not be parsed from .github/ecs-codepipeline.yml (YAML is not an object)', undefined]]);
});
