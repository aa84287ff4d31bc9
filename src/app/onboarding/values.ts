import { NAME, validateOptions, type ScaffoldOptions } from '../../core/scaffold/index.js';
import { repoDefaults, toScaffoldOptions, type ScaffoldValues } from '../../services/scaffold-defaults.js';
import type { PipelineConfig } from '../config.js';

/**
 * The files repoDefaults reads (package.json, an existing Dockerfile or
 * taskdef.json, the runtime's marker files), fetched when the tree has them.
 */
export const DEFAULT_SOURCES = ['package.json', 'Dockerfile', 'taskdef.json', 'requirements.txt', 'pyproject.toml', 'pom.xml', 'go.mod', 'public/index.html', 'index.html'];

/** No AWS account has this ID, and aws/setup.sh stops when the credentials are not for it: a placeholder that cannot be used by mistake. */
export const PLACEHOLDER_ACCOUNT = '000000000000';
export const DEFAULT_REGION = 'us-east-1';
/** The seed's port; the scaffolded image passes it to the service as PORT. */
export const DEFAULT_PORT = 8080;

export type ValueSource = string;

export interface OnboardingValues {
  options: ScaffoldOptions;
  /** Where each value came from, for the pull request's description. */
  from: Partial<Record<keyof ScaffoldOptions, ValueSource>>;
  /** Values the app could not know and the user must set: the files hold placeholders for them. */
  placeholders: Array<'account' | 'region'>;
}

/** The repository name as a service name (lower case, letters, digits and hyphens, ≤ 32), if it makes one. */
export function nameFromRepository(repo: string): string | undefined {
  const name = repo.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^[^a-z]+/, '').slice(0, 32).replace(/-+$/, '');
  return NAME.test(name) ? name : undefined;
}

function accountOf(role: string | undefined): string | undefined {
  return role ? /^arn:aws[a-z-]*:iam::(\d{12}):role\//.exec(role)?.[1] : undefined;
}

/**
 * The scaffold options for a repository, from what the API shows of it: the
 * same defaults as the command (package.json, Dockerfile, taskdef.json, the
 * runtime's files), the repository's name, owner and default branch, the
 * Region and account of the first pipeline in `.github/ecs-codepipeline.yml`
 * when there is one, and placeholders for what remains unknown.
 */
export function onboardingValues(o: {
  read: (path: string) => string | undefined;
  exists: (path: string) => boolean;
  owner: string;
  repo: string;
  defaultBranch: string;
  pipelines: readonly PipelineConfig[];
}): OnboardingValues {
  // The app's own environment says nothing of the repository's AWS account: no AWS_REGION here.
  const d = repoDefaults(o.read, {});
  const values: ScaffoldValues = { ...d.values };
  const from: OnboardingValues['from'] = { ...d.from };
  const placeholders: OnboardingValues['placeholders'] = [];
  // A repository's EXPOSE may say anything; a port scaffold cannot use falls back to the default.
  if (typeof values.port === 'number' && !(Number.isInteger(values.port) && values.port >= 1 && values.port <= 65535)) {
    delete values.port;
    delete from.port;
  }
  const set = (key: keyof ScaffoldOptions, value: string | number, source: ValueSource) => {
    if (values[key] !== undefined) return;
    values[key] = value;
    from[key] = source;
  };
  const fromRepo = nameFromRepository(o.repo);
  if (fromRepo) set('name', fromRepo, 'the repository name');
  set('name', 'app', 'default');
  set('port', DEFAULT_PORT, 'default');
  set('runtime', 'node', 'default');
  const pipeline = o.pipelines[0];
  if (pipeline) set('region', pipeline.region, `.github/ecs-codepipeline.yml (pipeline ${pipeline.name})`);
  const account = accountOf(pipeline?.role);
  if (account) set('account', account, `.github/ecs-codepipeline.yml (role of ${pipeline!.name})`);
  if (values.region === undefined) placeholders.push('region');
  if (values.account === undefined) placeholders.push('account');
  set('region', DEFAULT_REGION, 'placeholder');
  set('account', PLACEHOLDER_ACCOUNT, 'placeholder');
  values.repo = `${o.owner}/${o.repo}`;
  from.repo = 'this repository';
  values.branch = o.defaultBranch;
  from.branch = 'the default branch';
  const options = toScaffoldOptions(values, { lockfile: o.exists('package-lock.json') });
  const problems = validateOptions(options);
  // Every value above is checked or fixed; a problem here is a bug, not bad input.
  if (problems.length > 0) throw new Error(`onboarding options for ${o.owner}/${o.repo} are not valid: ${problems.join('; ')}`);
  return { options, from, placeholders };
}
