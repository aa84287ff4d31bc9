import { namesOf, type ScaffoldOptions } from '../../core/scaffold/index.js';
import type { OnboardingFiles } from './files.js';
import { PLACEHOLDER_ACCOUNT, type OnboardingValues } from './values.js';

export const ONBOARDING_BRANCH = 'ecs-codepipeline/onboarding';
export const ONBOARDING_TITLE = 'Add an ECS blue/green pipeline (ecs-codepipeline)';
/** The trailer that marks the app's own onboarding commit, with the fingerprint of its files. */
export const TRAILER = 'ECS-CodePipeline-Onboarding';

const DOCS = 'https://github.com/ecs-codepipeline/ecs-codepipeline/blob/main/docs';

/** A markdown code span that survives backticks in the text. */
function code(text: string): string {
  const ticks = '`'.repeat(Math.max(1, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks}${text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text}${ticks}`;
}

/** One shell word: plain when safe, else single-quoted. */
function sh(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The command that writes the same files, with `<…>` where the user has a value to give. */
export function scaffoldCommand(v: OnboardingValues): string {
  const o = v.options;
  const region = v.placeholders.includes('region') ? '<your-region>' : o.region;
  const account = v.placeholders.includes('account') ? '<your-account-id>' : o.account;
  const words = ['npx', 'ecs-codepipeline', 'scaffold', '--name', o.name, '--port', String(o.port), '--region', region, '--account', account, '--repo', o.repo, '--branch', o.branch, '--runtime', o.runtime, '--cpu', String(o.cpu), '--memory', String(o.memory)];
  return words.map((w) => (w.startsWith('<') ? w : sh(w))).join(' ');
}

export function commitMessage(o: { options: ScaffoldOptions; files: OnboardingFiles; fingerprint: string }): string {
  return [
    ONBOARDING_TITLE,
    '',
    `The files ecs-codepipeline scaffold writes for ${o.options.name}, which ${o.options.repo} did not have:`,
    ...o.files.add.map((f) => `- ${f.path}`),
    '',
    `${TRAILER}: ${o.fingerprint}`,
    '',
  ].join('\n');
}

function valuesTable(v: OnboardingValues): string[] {
  const o = v.options;
  const from = (key: keyof ScaffoldOptions, fallback = 'default') => v.from[key] ?? fallback;
  const rows: [string, string, string][] = [
    ['Service name (container, ECR repository, task family)', o.name, from('name')],
    ['Container port', String(o.port), from('port')],
    ['Runtime', o.runtime, from('runtime')],
    ['Fargate task size', `${o.cpu} CPU units, ${o.memory} MiB`, from('cpu')],
    ['Health check path', o.healthPath, from('healthPath')],
    ['AWS Region', o.region, v.placeholders.includes('region') ? '**not known**: a default, change it if your service runs elsewhere' : from('region')],
    ['AWS account', o.account, v.placeholders.includes('account') ? '**placeholder**: no AWS account has this ID; replace it (see below)' : from('account')],
    ['GitHub repository', o.repo, from('repo')],
    ['Branch the pipeline builds', o.branch, from('branch')],
  ];
  return ['| | value | from |', '|---|---|---|', ...rows.map(([k, value, source]) => `| ${k} | ${code(value)} | ${source} |`)];
}

/** The pull request's description: what it adds, with which values, and what remains to do by hand. */
export function pullBody(o: { values: OnboardingValues; files: OnboardingFiles }): string {
  const v = o.values;
  const opt = v.options;
  const n = namesOf(opt);
  const placeholderAccount = v.placeholders.includes('account');
  const account = placeholderAccount ? 'your account (the ID you set in place of the placeholder)' : `account ${code(opt.account)}`;
  const githubRole = placeholderAccount ? code(`arn:aws:iam::<your-account-id>:role/${n.roles.github}`) : code(n.roleArn(n.roles.github));
  const out: string[] = [
    `This pull request sets up **${opt.name}** to deploy to Amazon ECS through AWS CodePipeline: GitHub → CodeBuild → CodeDeploy blue/green. ` +
      'The files are those `ecs-codepipeline scaffold` writes (the same as the GitHub Action\'s `mode: scaffold`), ' +
      (o.files.kept.length === 0
        ? 'and they pass `ecs-codepipeline check` with no error and no warning.'
        : 'except those the repository has already, which are left as they are; the `ECS config` check run of this pull request shows whether they agree with the new ones.'),
    '',
  ];
  if (v.placeholders.length > 0) {
    const what = v.placeholders.map((p) => (p === 'account' ? `the AWS account (${code(PLACEHOLDER_ACCOUNT)}, a placeholder)` : `the AWS Region (${code(opt.region)}, a default)`));
    out.push(
      '> [!IMPORTANT]',
      `> The app cannot know ${what.join(' and ')}. Set ${v.placeholders.length > 1 ? 'them' : 'it'} before you merge (below). ` +
        `\`aws/setup.sh\` refuses to run with credentials of another account than the one in the files, so the placeholder cannot create anything by mistake.`,
      '',
    );
  }
  out.push('### Values', '', ...valuesTable(v), '');
  out.push(
    '### Files',
    '',
    ...o.files.add.map((f) => `- ${code(f.path)}`),
    ...(o.files.kept.length > 0 ? ['', `Already in the repository and left as they are: ${o.files.kept.map(code).join(', ')}.`] : []),
    '',
  );
  out.push(
    '### To change a value',
    '',
    'Scaffold writes only files that do not exist, so remove the files of this pull request and write them again with your values:',
    '',
    '```sh',
    `git fetch origin ${ONBOARDING_BRANCH} && git switch ${ONBOARDING_BRANCH}`,
    `git rm -q ${o.files.add.map((f) => sh(f.path)).join(' ')}`,
    scaffoldCommand(v),
    `git add -A && git commit -m "Set the pipeline's values" && git push`,
    '```',
    '',
  );
  out.push(
    '### What remains to do by hand',
    '',
    `1. \`bash aws/setup.sh\` (AWS CLI v2 and jq, with credentials for ${account}): creates the ECR repository ${code(opt.name)}, the artifact bucket, ` +
      `the IAM roles (${[n.roles.codebuild, n.roles.codepipeline, n.roles.execution, n.roles.codedeploy, n.roles.github].map(code).join(', ')}), the CodeBuild project, the CodeDeploy application and the pipeline ${code(n.pipeline)}. ` +
      `${opt.connectionArn ? '' : 'It also creates the CodeStar connection to GitHub and writes its ARN into `pipeline.json` and `aws/iam/codepipeline-policy.json`: commit those two files to this branch.'}`,
    '2. Finish the connection in the AWS console (Developer Tools → Settings → Connections): a new connection is PENDING until you do.',
    `3. Create the ECS cluster and service (deployment controller \`CODE_DEPLOY\`, awsvpc), an Application Load Balancer listener and two target groups of type \`ip\` whose health check requests ${code(opt.healthPath)}, ` +
      `then the CodeDeploy deployment group ${code(n.deploymentGroup)}${opt.staging ? ` (and ${code(n.stagingDeploymentGroup)})` : ''}: \`aws/setup.sh\` prints the command with the names filled in.`,
    `4. Merge this pull request. Each push to ${code(opt.branch)} then builds and deploys through the pipeline; the workflow assumes ${githubRole}.`,
    '',
    `Step by step: [docs/scaffold.md](${DOCS}/scaffold.md#what-remains-to-do-by-hand).`,
    '',
    '### About this pull request',
    '',
    `- The ecs-codepipeline app keeps it up to date while only the app commits to \`${ONBOARDING_BRANCH}\`: when the default branch gains one of these files, or a change to package.json changes them, the branch is written again. Once you push to the branch it is yours, and the app leaves it alone.`,
    '- Close it without merging and the app will not open another one; reopen it to have it kept up to date again.',
    `- \`onboarding: false\` in \`.github/ecs-codepipeline.yml\` (or in your organisation's \`.github\` repository) turns these pull requests off. [More](${DOCS}/app.md#onboarding-pull-request).`,
    '',
  );
  return out.join('\n');
}
