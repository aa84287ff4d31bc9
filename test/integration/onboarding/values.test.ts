import { parse } from 'yaml';
import { CONFIG_PATH, validateConfig } from '../../../src/app/config.js';
import { scaffoldCommand } from '../../../src/app/onboarding/body.js';
import { pushConcernsOnboarding } from '../../../src/app/onboarding/push.js';
import { nameFromRepository, onboardingValues } from '../../../src/app/onboarding/values.js';
import { parseRoleAllowList } from '../../../src/app/roles.js';
import { scaffoldFiles } from '../../../src/core/scaffold/index.js';

/** The pure parts of onboarding: values from what the API shows, and which pushes matter. */

const none = () => undefined;
const base = { exists: () => false, owner: 'my-org', repo: 'Payments.API', defaultBranch: 'trunk', pipelines: [] };

test('without package.json: the repository name, the defaults, and placeholders for the account and Region', () => {
  const v = onboardingValues({ ...base, read: none });
  expect(v.options).toMatchObject({ name: 'payments-api', port: 8080, region: 'us-east-1', account: '000000000000', repo: 'my-org/Payments.API', branch: 'trunk', runtime: 'node', cpu: 256, memory: 512 });
  expect(v.placeholders).toEqual(['region', 'account']);
  expect(v.from).toMatchObject({ name: 'the repository name', port: 'default', region: 'placeholder', account: 'placeholder', branch: 'the default branch' });
  expect(scaffoldCommand(v)).toBe('npx ecs-codepipeline scaffold --name payments-api --port 8080 --region <your-region> --account <your-account-id> --repo my-org/Payments.API --branch trunk --runtime node --cpu 256 --memory 512');
});

test('a repository name that makes no service name falls back to "app"; a branch with shell characters is quoted', () => {
  expect(nameFromRepository('123')).toBeUndefined();
  expect(nameFromRepository('My_Service--')).toBe('my-service');
  const v = onboardingValues({ ...base, repo: '42', defaultBranch: "it's", read: none });
  expect(v.options.name).toBe('app');
  expect(scaffoldCommand(v)).toContain(`--branch 'it'\\''s'`);
});

test('the first configured pipeline gives the Region, and its role the account; a Dockerfile EXPOSE the port unless it is no port', () => {
  const pipelines = [{ name: 'pay-pipeline', region: 'eu-west-1', role: 'arn:aws:iam::210987654321:role/reader' }];
  const v = onboardingValues({ ...base, pipelines, read: (p) => (p === 'Dockerfile' ? 'FROM x\nEXPOSE 3000\n' : undefined) });
  expect(v.options).toMatchObject({ region: 'eu-west-1', account: '210987654321', port: 3000 });
  expect(v.placeholders).toEqual([]);
  expect(scaffoldCommand(v)).toContain('--region eu-west-1 --account 210987654321');
  const bad = onboardingValues({ ...base, read: (p) => (p === 'Dockerfile' ? 'FROM x\nEXPOSE 99999\n' : undefined) });
  expect([bad.options.port, bad.from.port]).toEqual([8080, 'default']);
});

test('package.json gives the name, entry and Node.js version; the lockfile npm ci', () => {
  const pkg = JSON.stringify({ name: '@acme/Orders', main: './src/main.js', engines: { node: '22.x' } });
  const v = onboardingValues({ ...base, exists: (p) => p === 'package-lock.json', read: (p) => (p === 'package.json' ? pkg : undefined) });
  expect(v.options).toMatchObject({ name: 'orders', entry: 'src/main.js', nodeVersion: '22', lockfile: true });
  expect(v.from.name).toBe('package.json');
});

test.each([false, true])('the scaffolded app config is one the app accepts (staging %s), with no role to allow', (staging) => {
  const files = scaffoldFiles({ ...onboardingValues({ ...base, read: none }).options, staging });
  const r = validateConfig(parse(files.get(CONFIG_PATH)!), parseRoleAllowList(undefined));
  expect(r).toMatchObject({ ok: true, config: { pipelines: [{ name: 'payments-api-pipeline', region: 'us-east-1', branches: ['trunk'] }] } });
  expect(r.ok && Object.keys(r.config.deployments)).toEqual(staging ? ['Deploy-Staging', 'Deploy'] : ['Deploy']);
});

test('which pushes may change the onboarding pull request', () => {
  expect(pushConcernsOnboarding([{ modified: ['README.md', 'src/index.js'] }])).toBe(false);
  expect(pushConcernsOnboarding([{ modified: ['package.json'] }])).toBe(true);
  expect(pushConcernsOnboarding([{ added: ['.github/ecs-codepipeline.yml'] }])).toBe(true);
  expect(pushConcernsOnboarding([{ removed: ['aws/iam/codebuild-policy.json'] }])).toBe(true);
  expect(pushConcernsOnboarding([{ added: ['deploy/buildspec-prod.yml'] }])).toBe(true);
  // GitHub lists 20 commits at most: a longer push may hide anything.
  expect(pushConcernsOnboarding(Array.from({ length: 20 }, () => ({ modified: ['README.md'] })))).toBe(true);
});
