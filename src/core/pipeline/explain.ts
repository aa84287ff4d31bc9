/**
 * The failure explainer: known failure texts (an action's summary and error
 * message, CodeBuild phase contexts, CodeDeploy error information, ECS service
 * events, the end of a build log) → a plain cause and fix, with the checker
 * rules that catch the mistake before a push.
 *
 * Causes and fixes are Markdown written here; values taken from the failure
 * text (a repository, a role) are put in code spans, never trusted as Markdown.
 */
import { code, oneLine } from './md.js';

export interface FailureInput {
  /** `CodeBuild`, `CodeDeployToECS` … (the action's provider) */
  provider?: string;
  /** The action's summary (`externalExecutionSummary` or GetPipelineState's `summary`). */
  summary?: string;
  /** CodePipeline's `errorDetails`: code (e.g. `JobFailed`) and message. */
  errorCode?: string;
  errorMessage?: string;
  /** Phase contexts, CodeDeploy `errorInformation`, ECS service events. */
  diagnostics?: readonly string[];
  /** The last lines of the build log. */
  logLines?: readonly string[];
  /** The action's configuration (`ProjectName` names the CodeBuild project in a fix). */
  configuration?: Readonly<Record<string, string>>;
}

export interface Explanation {
  /** Stable id of the explainer, e.g. `docker-daemon`. */
  id: string;
  /** A few words for a title: `Docker is not running in the build`. */
  title: string;
  /** Markdown. */
  cause: string;
  /** Markdown. */
  fix: string;
  /** Checker rules (docs/rules.md ids) that catch this before a push. */
  rules: string[];
  links: Array<{ label: string; url: string }>;
  /** The text line that matched, one line. */
  evidence: string;
  /** A catch-all (a command failed); shown only when nothing specific matched. */
  generic?: boolean;
}

type Built = { cause: string; fix: string; title?: string; rules?: string[] };

interface Explainer {
  id: string;
  title: string;
  patterns: RegExp[];
  rules: string[];
  links?: Array<{ label: string; url: string }>;
  generic?: boolean;
  /** Not shown when one of these (more specific) explainers matched. */
  unless?: string[];
  build(m: RegExpMatchArray, input: FailureInput): Built;
}

/** The CodeBuild role's ECR push permissions, as in the seed blog post. */
export const ECR_PUSH_POLICY = {
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Action: [
        'ecr:BatchCheckLayerAvailability',
        'ecr:CompleteLayerUpload',
        'ecr:GetAuthorizationToken',
        'ecr:InitiateLayerUpload',
        'ecr:PutImage',
        'ecr:UploadLayerPart',
      ],
      Resource: '*',
    },
  ],
};

const POLICY_BLOCK = '```json\n' + JSON.stringify(ECR_PUSH_POLICY, null, 2) + '\n```';

const DOCS = {
  dockerDaemon: { label: 'CodeBuild troubleshooting: Docker daemon', url: 'https://docs.aws.amazon.com/codebuild/latest/userguide/troubleshooting.html#troubleshooting-cannot-connect-to-docker-daemon' },
  buildspec: { label: 'Buildspec reference', url: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html' },
  imageDetail: { label: 'imageDetail.json reference', url: 'https://docs.aws.amazon.com/codepipeline/latest/userguide/file-reference.html' },
  ecsBlueGreenAction: { label: 'CodeDeployToECS action reference', url: 'https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html' },
  executionRole: { label: 'ECS task execution role', url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html' },
  awslogs: { label: 'The awslogs log driver', url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html' },
  dockerHub: { label: 'Docker Hub rate limit in CodeBuild', url: 'https://aws.amazon.com/premiumsupport/knowledge-center/codebuild-docker-pull-image-error/' },
  execFormat: { label: 'exec format error on ECS', url: 'https://repost.aws/knowledge-center/ecs-task-exec-format-error' },
  fargateSizes: { label: 'Fargate CPU and memory', url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html' },
  lbTroubleshoot: { label: 'ECS load balancer troubleshooting', url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/troubleshoot-service-load-balancers.html' },
  blueGreen: { label: 'ECS blue/green deployments', url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-bluegreen.html' },
  codeDeployErrors: { label: 'CodeDeploy error codes', url: 'https://docs.aws.amazon.com/codedeploy/latest/userguide/error-codes.html' },
};

function project(input: FailureInput): string {
  const name = input.configuration?.ProjectName;
  return name ? ` ${code(name)}` : '';
}

/** Specific explainers first; the order is the order of the result. */
const EXPLAINERS: readonly Explainer[] = [
  {
    id: 'docker-daemon',
    title: 'Docker is not running in the build',
    patterns: [/Cannot connect to the Docker daemon[^\n]*/i, /Is the docker daemon running\?/i, /permission denied while trying to connect to the Docker daemon[^\n]*/i],
    rules: ['BS-09'],
    links: [DOCS.dockerDaemon],
    build: (_m, input) => ({
      cause: `\`docker\` found no Docker daemon: the CodeBuild project${project(input)} runs without privileged mode, and Docker builds need it.`,
      fix: `Turn on privileged mode for the project${project(input)}: in the console, Edit → Environment → Privileged; with the CLI, \`aws codebuild update-project\` with the whole \`--environment\` block and \`"privilegedMode": true\`. A custom build image must also start \`dockerd\` itself.`,
    }),
  },
  {
    id: 'get-login-removed',
    title: '`aws ecr get-login` no longer exists',
    patterns: [/aws ecr get-login(?!-password)\b[^\n]*/],
    rules: ['BS-10'],
    build: () => ({
      cause: 'The buildspec logs in with `aws ecr get-login`, which AWS CLI v2 (on every current CodeBuild image) removed.',
      fix: 'Log in with `aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com` in `pre_build`.',
    }),
  },
  {
    id: 'docker-hub-rate-limit',
    title: 'Docker Hub pull rate limit',
    patterns: [/toomanyrequests[^\n]*/i, /You have reached your pull rate limit[^\n]*/i],
    rules: ['DF-06'],
    links: [DOCS.dockerHub],
    build: () => ({
      cause: 'Docker Hub refused an anonymous pull: CodeBuild shares its IP addresses with other builds, so they exhaust the anonymous rate limit together.',
      fix: 'Pull base images from ECR Public instead (`FROM public.ecr.aws/docker/library/node:20-alpine`) or through an ECR pull-through cache, or `docker login` to Docker Hub with credentials from Secrets Manager before `docker build`.',
    }),
  },
  {
    id: 'npm-ci-lockfile',
    title: '`npm ci` has no lockfile',
    patterns: [/`?npm ci`? (?:command )?can only install[^\n]*/i],
    rules: ['DF-03'],
    build: () => ({
      cause: '`npm ci` found no `package-lock.json` (or one out of sync with `package.json`) in the image when it ran.',
      fix: '`COPY package.json package-lock.json ./` before `RUN npm ci`, commit the lockfile, and run `npm install` locally once if it is out of date.',
    }),
  },
  {
    id: 'yaml-file-error',
    title: 'CodeBuild cannot read the buildspec',
    patterns: [/YAML_FILE_ERROR[^\n]*/],
    rules: ['BS-01', 'BS-03'],
    links: [DOCS.buildspec],
    build: (m) => {
      const text = m[0];
      const missing = /stat (\S*buildspec[^:\s]*): no such file or directory/i.exec(text);
      if (missing) {
        return {
          cause: `CodeBuild found no buildspec at ${code(missing[1])}.`,
          fix: 'Commit `buildspec.yml` at the root of the source (names are case-sensitive), or set the project\'s buildspec name to where the file is.',
          rules: [],
        };
      }
      const runtime = /Unknown runtime version named '([^']+)' of (\w+)/i.exec(text);
      if (runtime) {
        return {
          title: 'Unknown runtime version in the buildspec',
          cause: `The build image has no ${code(runtime[2])} runtime version ${code(runtime[1])}.`,
          fix: `Use a version the project's image lists for ${code(runtime[2])} under \`install.runtime-versions\`${runtime[2].toLowerCase() === 'docker' ? '; Docker needs no runtime-versions entry at all (privileged mode provides it), so remove the line' : ''}.`,
          rules: ['BS-07', 'BS-08'],
        };
      }
      return {
        cause: 'The buildspec is not valid YAML or does not have the structure CodeBuild expects (for example a command containing `: ` that is not quoted, or `commands` that are not a list of strings).',
        fix: 'Run `ecs-codepipeline check` on the repository: it shows the line at fault.',
      };
    },
  },
  {
    id: 'no-artifact-paths',
    title: 'The build artifacts were not there',
    patterns: [/no matching artifact paths found[^\n]*/i],
    rules: ['XF-07', 'BS-13'],
    build: () => ({
      cause: 'None of the paths under `artifacts.files` existed when the build ended, so CodeBuild produced no output artifact.',
      fix: 'Write `imageDetail.json`, `taskdef.json` and the appspec during the build, list their exact paths (relative to `base-directory` when it is set) under `artifacts.files`, and check the log for an earlier command that failed quietly.',
    }),
  },
  {
    id: 'docker-tag-invalid',
    title: 'An empty variable in an image name',
    patterns: [/invalid reference format[^\n]*/i],
    rules: ['BS-12'],
    build: () => ({
      cause: 'A `docker build -t`, `docker tag` or `docker push` got an invalid image name, usually because a variable such as `$REPOSITORY_URI` or `$IMAGE_TAG` is empty.',
      fix: 'Define every variable the docker commands use in `env.variables` (or the project or pipeline environment), e.g. `IMAGE_TAG=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)` in `pre_build`.',
    }),
  },
  {
    id: 'ecr-repository-missing',
    title: 'The ECR repository does not exist',
    patterns: [/The repository with name '([^']+)' does not exist(?: in the registry with id '(\d+)')?[^\n]*/i],
    rules: ['XF-12'],
    build: (m) => ({
      cause: `ECR has no repository ${code(m[1])}${m[2] ? ` in account ${code(m[2])}` : ''}, so the image could not be pushed or pulled.`,
      fix: `Create it (\`aws ecr create-repository --repository-name ${m[1].replace(/[^a-z0-9._/-]/g, '')}\`) or correct the repository URI in the buildspec: \`<account>.dkr.ecr.<region>.amazonaws.com/<name>\`, in the Region the service runs in.`,
    }),
  },
  {
    id: 'ecr-pull-denied',
    title: 'The task cannot pull its image',
    patterns: [
      /CannotPullContainerError[^\n]*?(?:AccessDenied|403 Forbidden|not authorized|no basic auth credentials|unauthorized)[^\n]*/i,
      /ResourceInitializationError: unable to pull secrets or registry auth[^\n]*/i,
      /is not authorized to perform: ecr:(?:BatchGetImage|GetDownloadUrlForLayer)[^\n]*/i,
    ],
    rules: ['TD-11', 'TD-12'],
    links: [DOCS.executionRole],
    build: () => ({
      cause: 'ECS could not pull the image or read the task\'s secrets: the task execution role lacks the permissions, or the task has no network route to ECR.',
      fix: 'Set `executionRoleArn` in the task definition to a role with the `AmazonECSTaskExecutionRolePolicy` managed policy (ECR pull and CloudWatch Logs); with `secrets`, also allow `ssm:GetParameters` or `secretsmanager:GetSecretValue` on them. Fargate tasks in private subnets need a NAT gateway or VPC endpoints for ECR, S3 and CloudWatch Logs.',
    }),
  },
  {
    id: 'ecr-login-missing',
    title: '`docker push` is not logged in to ECR',
    patterns: [/^(?![^\n]*CannotPullContainerError)[^\n]*no basic auth credentials[^\n]*/im],
    rules: ['BS-10'],
    build: () => ({
      cause: '`docker push` ran without a login to the ECR registry.',
      fix: 'In `pre_build`, run `aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin <account>.dkr.ecr.<region>.amazonaws.com` for the registry you push to.',
    }),
  },
  {
    id: 'ecr-permissions',
    title: 'The build role may not push to ECR',
    patterns: [
      /User: (arn:[^\s]+) is not authorized to perform: (ecr:(?!BatchGetImage|GetDownloadUrlForLayer)\w+)[^\n]*/i,
      /not authorized to perform: (ecr:(?!BatchGetImage|GetDownloadUrlForLayer)\w+)[^\n]*/i,
      /denied: requested access to the resource is denied[^\n]*/i,
    ],
    rules: [],
    build: (m) => {
      const who = m[1]?.startsWith('arn:') ? m[1] : undefined;
      const action = who ? m[2] : m[1]?.startsWith('ecr:') ? m[1] : undefined;
      return {
        cause: `${who ? `The role ${code(who)}` : 'The CodeBuild service role'} may not ${action ? `call ${code(action)}` : 'push to the repository'}, which \`docker login\` and \`docker push\` need.`,
        fix: `Attach this policy to the CodeBuild service role (narrow \`Resource\` to the repository ARN, except for \`ecr:GetAuthorizationToken\`, which needs \`*\`):\n\n${POLICY_BLOCK}`,
      };
    },
  },
  {
    id: 'image-not-found',
    title: 'The image to deploy does not exist',
    patterns: [
      /CannotPullContainerError[^\n]*?(?:not found|manifest unknown|does not exist)[^\n]*/i,
      /manifest for (\S+) not found[^\n]*/i,
      /ImageNotFoundException[^\n]*/,
      /\bimage not found\b[^\n]*/i,
    ],
    rules: ['XF-12', 'BS-11', 'ID-03'],
    unless: ['ecr-repository-missing', 'ecr-pull-denied'],
    build: () => ({
      cause: 'ECS could not find the image the task definition names: no image with that tag or digest was pushed to the repository.',
      fix: `Make the buildspec push exactly the \`repo:tag\` it writes into \`imageDetail.json\`, guard the push so it does not run after a failed build (post_build runs anyway), and check the repository exists in the service's Region. If the push was refused, the CodeBuild role needs these permissions:\n\n${POLICY_BLOCK}`,
    }),
  },
  {
    id: 'image-artifact',
    title: 'No imageDetail.json in the build output',
    patterns: [/Exception while trying to read the image artifact file(?: from the artifact:?\s*([A-Za-z0-9_-]+))?[^\n]*/i],
    rules: ['ID-01', 'ID-02', 'XF-07', 'XF-08'],
    links: [DOCS.imageDetail],
    build: (m) => ({
      cause: `The CodeDeployToECS action found no readable \`imageDetail.json\`${m[1] ? ` in artifact ${code(m[1])}` : ''}: the file is missing from the artifact, named differently (\`imagedefinitions.json\` belongs to the standard ECS action), or is not \`{"ImageURI": "…"}\`.`,
      fix: 'In the buildspec, write `printf \'{"ImageURI":"%s"}\' "$REPOSITORY_URI:$IMAGE_TAG" > imageDetail.json`, list `imageDetail.json` under `artifacts.files`, and set `Image1ArtifactName` to that build output artifact.',
    }),
  },
  {
    id: 'template-artifact',
    title: 'The deploy action cannot read its templates',
    patterns: [/Exception while trying to read the (?:task definition|appspec)[^\n]*/i],
    rules: ['XF-05', 'XF-06', 'XF-07'],
    links: [DOCS.ecsBlueGreenAction],
    build: () => ({
      cause: 'The CodeDeployToECS action did not find `taskdef.json` or the appspec at the configured path in the configured artifact.',
      fix: 'The defaults are `taskdef.json` and `appspec.yaml` (not `.yml`) at the artifact root: set `TaskDefinitionTemplatePath` / `AppSpecTemplatePath` to the real names, point `TaskDefinitionTemplateArtifact` / `AppSpecTemplateArtifact` at the artifact that holds them (the build output when the buildspec writes them), and list them under `artifacts.files`.',
    }),
  },
  {
    id: 'invalid-image-placeholder',
    title: 'The image placeholder was not replaced',
    patterns: [/Container\.image (?:contains invalid characters|should not be (?:null|blank))[^\n]*/i],
    rules: ['TD-18', 'XF-01', 'XF-02'],
    build: () => ({
      cause: 'The task definition was registered with an invalid `image`, usually a `<IMAGE1_NAME>` placeholder that the deploy action did not replace.',
      fix: 'Set `Image1ContainerName` to the placeholder text without angle brackets (`IMAGE1_NAME` for `"image": "<IMAGE1_NAME>"`) — not the container name — and feed `Image1ArtifactName` an artifact with `imageDetail.json`.',
    }),
  },
  {
    id: 'fargate-cpu-memory',
    title: 'Invalid Fargate CPU and memory',
    patterns: [/No Fargate configuration exists for given values[^\n]*/i],
    rules: ['TD-05'],
    links: [DOCS.fargateSizes],
    build: () => ({
      cause: 'The task-level `cpu` and `memory` are not a combination Fargate offers.',
      fix: 'Pick a valid pair, e.g. cpu `"256"` with memory `"512"`, `"1024"` or `"2048"`; cpu `"512"` with `"1024"` to `"4096"`.',
    }),
  },
  {
    id: 'target-type',
    title: 'Target groups do not fit awsvpc',
    patterns: [/target type (instance|ip),? which is incompatible with the (\w+) network mode[^\n]*/i],
    rules: ['XF-14'],
    links: [DOCS.lbTroubleshoot],
    build: (m) => ({
      cause: `The load balancer's target groups use target type ${code(m[1])}, which does not work with the task definition's ${code(m[2])} network mode (awsvpc tasks register by IP address).`,
      fix: 'Create both target groups (blue and green) with `--target-type ip` — the type cannot be changed — and point the listeners, the ECS service and the CodeDeploy deployment group at them.',
    }),
  },
  {
    id: 'launch-type',
    title: 'The task definition does not fit the service',
    patterns: [
      /does not support launch_type (\w+)[^\n]*/i,
      /Fargate only supports network mode[^\n]*/i,
      /task definition[^\n]{0,60}(?:not compatible|incompatible)[^\n]*/i,
      /not compatible with the (?:\w+ )?(?:launch type|network mode)[^\n]*/i,
    ],
    rules: ['TD-04', 'TD-05'],
    unless: ['target-type'],
    build: (m) => ({
      cause: `The task definition's \`requiresCompatibilities\` or \`networkMode\` do not match the ECS service${m[1] ? `, which runs on ${code(m[1])}` : ''}.`,
      fix: 'Make `taskdef.json` match the service: for Fargate, `"requiresCompatibilities": ["FARGATE"]`, `"networkMode": "awsvpc"` and task-level `cpu` and `memory`; for EC2, the network mode the service was created with. A deployment cannot change the service\'s launch type or network configuration.',
    }),
  },
  {
    id: 'container-not-in-taskdef',
    title: 'The load balancer container is not in the task definition',
    patterns: [/The container (\S+?) does not exist in the task definition[^\n]*/i],
    rules: ['XF-03'],
    links: [DOCS.lbTroubleshoot],
    build: (m) => ({
      cause: `The appspec's \`LoadBalancerInfo.ContainerName\` (and the service's load balancer) name container ${code(m[1])}, but the registered task definition has no container with that name.`,
      fix: 'Use the same name in the appspec\'s `ContainerName` and in `containerDefinitions[].name`; it must be the container the ECS service was created with, and `ContainerPort` one of its `containerPort`s.',
    }),
  },
  {
    id: 'exec-format',
    title: 'The image is built for another CPU architecture',
    patterns: [/exec format error[^\n]*/i],
    rules: ['XF-13'],
    links: [DOCS.execFormat],
    build: () => ({
      cause: 'The container\'s entry point is for a different CPU architecture than the task runs on (for example an ARM64 image on X86_64 Fargate).',
      fix: 'Build on a matching CodeBuild environment (`LINUX_CONTAINER` for X86_64, `ARM_CONTAINER` for ARM64) or with `docker build --platform linux/amd64`, and set `runtimePlatform.cpuArchitecture` in `taskdef.json` to the same.',
    }),
  },
  {
    id: 'log-group-missing',
    title: 'The log group does not exist',
    patterns: [/The specified log group does not exist[^\n]*/i],
    rules: ['TD-10'],
    links: [DOCS.awslogs],
    build: () => ({
      cause: 'The task\'s `awslogs-group` does not exist, so the container cannot start its log stream.',
      fix: 'Create it (`aws logs create-log-group --log-group-name <awslogs-group>`), or add `"awslogs-create-group": "true"` to the log options and allow `logs:CreateLogGroup` to the execution role.',
    }),
  },
  {
    id: 'pass-role',
    title: 'The pipeline may not pass a role to ECS',
    patterns: [/(?:User: (\S+) )?is not authorized to perform: iam:PassRole on resource: (arn:[^\s"',]+)[^\n]*/i],
    rules: [],
    links: [DOCS.ecsBlueGreenAction],
    build: (m) => {
      const role = m[2].replace(/[.]+$/, '');
      const statement = { Effect: 'Allow', Action: 'iam:PassRole', Resource: role, Condition: { StringEqualsIfExists: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } };
      return {
        cause: `${m[1] ? `${code(m[1])}` : 'The deploy action\'s role'} may not pass ${code(role)} to ECS. Registering the task definition passes its task role and execution role, which needs \`iam:PassRole\` on both.`,
        fix: `Add this statement to the CodePipeline service role (or the action's \`roleArn\`), once per role the task definition names:\n\n\`\`\`json\n${JSON.stringify(statement, null, 2)}\n\`\`\``,
      };
    },
  },
  {
    id: 'code-deploy-controller',
    title: 'A blue/green service needs the CodeDeployToECS action',
    patterns: [/CODE_DEPLOY deployment controller[^\n]*/i],
    rules: [],
    links: [DOCS.ecsBlueGreenAction],
    build: () => ({
      cause: 'The ECS service uses the CodeDeploy (blue/green) deployment controller, which the standard `ECS` deploy action cannot update.',
      fix: 'Deploy with the `CodeDeployToECS` provider (taskdef.json, appspec and imageDetail.json), or recreate the service with the ECS deployment controller.',
    }),
  },
  {
    id: 'health-check',
    title: 'The new tasks failed their health checks',
    patterns: [
      /Task failed (?:ELB|container) health checks[^\n]*/i,
      /failed (?:ELB|container) health checks[^\n]*/i,
      /health ?checks? fail[^\n]*/i,
      /\bunhealthy\b[^\n]*/i,
    ],
    rules: ['XF-14', 'DF-02', 'TD-15'],
    links: [DOCS.blueGreen],
    build: () => ({
      cause: 'The new (replacement) tasks did not pass their health checks, so traffic was not shifted and the deployment rolled back.',
      fix: 'Read the ECS service\'s Events and the stopped tasks\' reasons and logs. Check that the target group\'s health-check path answers 200 on the port the appspec routes to (the same as `containerPort` and the app\'s port), that a container `healthCheck` command exists in the image (`node:*-alpine` has no `curl`), and give slow starters a health-check grace period or `startPeriod`.',
    }),
  },
  {
    id: 'deploy-timeout',
    title: 'The deployment timed out',
    patterns: [/The deployment timed out[^\n]*/i, /replacement task set to become healthy[^\n]*/i],
    rules: ['XF-14', 'AS-08'],
    links: [DOCS.codeDeployErrors, DOCS.blueGreen],
    build: () => ({
      cause: 'CodeDeploy waited for the replacement task set to become healthy (or for a lifecycle hook to report back) and gave up.',
      fix: 'Look at the ECS service\'s Events for why the new tasks stop or stay unhealthy (health check, image pull, missing log group, wrong port). A hook Lambda must call `PutLifecycleEventHookExecutionStatus`. If the app is just slow to start, raise the health-check grace period.',
    }),
  },
  {
    id: 'command-failed',
    title: 'A build command failed',
    generic: true,
    patterns: [
      /Phase: (\w+), Code: COMMAND_EXECUTION_ERROR, Message: Error while executing command: ([^\n]{1,500}?)\. Reason: exit status (\d+)/,
      /COMMAND_EXECUTION_ERROR:? ?(?:Message: )?Error while executing command: ([^\n]{1,500}?)\. Reason: exit status (\d+)/,
    ],
    rules: [],
    build: (m) => {
      const [phase, command, status] = m.length === 4 ? [m[1], m[2], m[3]] : [undefined, m[1], m[2]];
      return {
        cause: `The buildspec command ${code(oneLine(command, 200))} exited with status ${status}${phase ? ` in the ${phase} phase` : ''}.`,
        fix: 'The log below shows its output. Run the command locally (or in CodeBuild local) to reproduce it; remember that `post_build` still runs after a failed `build`.',
      };
    },
  },
];

/** Ids of all explainers, in order. */
export const EXPLAINER_IDS: readonly string[] = EXPLAINERS.map((e) => e.id);

/** The rule ids explanations can point at (for a test that they exist). */
export function referencedRules(): string[] {
  return [...new Set(EXPLAINERS.flatMap((e) => e.rules).concat(['BS-07', 'BS-08']))];
}

/** Long texts are cut before matching so that no pattern works on unbounded input. */
const MAX_TEXT = 20_000;

function texts(input: FailureInput): string[] {
  const out: string[] = [];
  const add = (s: unknown) => {
    if (typeof s === 'string' && s.trim()) out.push(s.length > MAX_TEXT ? s.slice(-MAX_TEXT) : s);
  };
  add(input.summary);
  add(input.errorMessage);
  for (const d of input.diagnostics ?? []) add(d);
  if (input.logLines?.length) add(input.logLines.join('\n'));
  return out;
}

function lineAround(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  const end = text.indexOf('\n', index);
  return text.slice(start, end < 0 ? undefined : end);
}

/**
 * Every explanation that matches, specific ones first; the catch-all
 * `command-failed` only when nothing specific matched.
 */
export function explainFailure(input: FailureInput): Explanation[] {
  const all = texts(input);
  const found: Explanation[] = [];
  for (const ex of EXPLAINERS) {
    if (ex.generic && found.length) continue;
    if (ex.unless?.some((id) => found.some((f) => f.id === id))) continue;
    let hit: { m: RegExpMatchArray; text: string } | undefined;
    for (const text of all) {
      for (const re of ex.patterns) {
        const m = re.exec(text);
        if (m) {
          hit = { m, text };
          break;
        }
      }
      if (hit) break;
    }
    if (!hit) continue;
    const built = ex.build(hit.m, input);
    found.push({
      id: ex.id,
      title: built.title ?? ex.title,
      cause: built.cause,
      fix: built.fix,
      rules: built.rules ?? ex.rules,
      links: ex.links ?? [],
      evidence: oneLine(lineAround(hit.text, hit.m.index ?? 0), 300),
      ...(ex.generic ? { generic: true } : {}),
    });
  }
  return found;
}
