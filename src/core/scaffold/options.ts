import { FARGATE_MEMORY, describeMemory } from '../rules/taskdef/fargate-sizes.js';

export const RUNTIMES = ['node', 'python', 'java', 'go', 'static'] as const;
export type Runtime = (typeof RUNTIMES)[number];

/** What the user chooses; everything else is derived from it (see `namesOf`). */
export interface ScaffoldOptions {
  /** Service name: container, ECR repository, task family and the prefix of every AWS resource. */
  name: string;
  port: number;
  region: string;
  account: string;
  /** GitHub repository id, "owner/repo". */
  repo: string;
  branch: string;
  cpu: number;
  memory: number;
  runtime: Runtime;
  staging: boolean;
  approval: boolean;
  /** Write the task definition and appspec from the buildspec, as the seed does. */
  embed: boolean;
  healthPath: string;
  /** A CodeStar connection ARN; without it aws/setup.sh creates one and fills it in. */
  connectionArn?: string;
  /** node: the script `node` runs (package.json "main"). */
  entry?: string;
  /** node: whether package-lock.json exists, so that `npm ci` can be used. */
  lockfile?: boolean;
  /** node: the major version of the base image. */
  nodeVersion?: string;
}

export const DEFAULTS = { branch: 'main', cpu: 256, memory: 512, runtime: 'node' as Runtime, healthPath: '/health' };

// Lower case because the name becomes an ECR repository and part of an S3 bucket name;
// 32 characters keep "<name>-artifacts-<account>" within S3's 63.
export const NAME = /^[a-z][a-z0-9-]{0,31}$/;
export const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
export const ACCOUNT = /^\d{12}$/;
export const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
export const BRANCH = /^[^\s~^:?*[\\]+$/;
export const CONNECTION = /^arn:aws(-[a-z]+)*:(codestar-connections|codeconnections):[a-z0-9-]+:\d{12}:connection\/[A-Za-z0-9-]+$/;

/** Placeholder for the connection ARN until aws/setup.sh knows it. */
export const PENDING_CONNECTION_ID = 'SET-BY-AWS-SETUP-SH';

/** Problems with the options, each saying what to give instead; empty when valid. */
export function validateOptions(o: ScaffoldOptions): string[] {
  const out: string[] = [];
  if (!NAME.test(o.name)) out.push(`--name '${o.name}' is not a valid service name; use 1 to 32 lower-case letters, digits or hyphens, starting with a letter (e.g. myapp)`);
  if (!Number.isInteger(o.port) || o.port < 1 || o.port > 65535) out.push(`--port '${o.port}' is not a port; use a whole number from 1 to 65535 (e.g. 8080)`);
  if (!REGION.test(o.region)) out.push(`--region '${o.region}' is not an AWS Region; use a code such as us-east-1`);
  if (!ACCOUNT.test(o.account)) out.push(`--account '${o.account}' is not an AWS account ID; use the 12 digits (e.g. 123456789012)`);
  if (!REPO.test(o.repo)) out.push(`--repo '${o.repo}' is not a GitHub repository id; use "owner/repo" (e.g. my-org/myapp)`);
  if (!BRANCH.test(o.branch)) out.push(`--branch '${o.branch}' is not a branch name; e.g. main`);
  if (!(RUNTIMES as readonly string[]).includes(o.runtime)) out.push(`--runtime '${o.runtime}' is not supported; use one of ${RUNTIMES.join(', ')}`);
  if (!/^\/[A-Za-z0-9._~!$&'()*+,;=:@/%-]*$/.test(o.healthPath)) out.push(`--health-path '${o.healthPath}' is not a URL path; use one starting with / (e.g. /health)`);
  if (o.connectionArn !== undefined && !CONNECTION.test(o.connectionArn)) out.push(`--connection-arn '${o.connectionArn}' is not a connection ARN; copy it from \`aws codestar-connections list-connections\``);
  const mems = FARGATE_MEMORY.get(o.cpu);
  if (!mems) out.push(`--cpu ${o.cpu} is not a Fargate task size; use one of ${[...FARGATE_MEMORY.keys()].join(', ')}`);
  else if (!mems.includes(o.memory)) out.push(`Fargate does not accept cpu ${o.cpu} with memory ${o.memory}; with --cpu ${o.cpu} use --memory ${describeMemory(o.cpu).replace(/"/g, '')}`);
  return out;
}

/** The names of every resource, derived from the options so that the files agree with each other. */
export function namesOf(o: ScaffoldOptions) {
  const registry = `${o.account}.dkr.ecr.${o.region}.amazonaws.com`;
  const arn = (service: string, resource: string) => `arn:aws:${service}:${o.region}:${o.account}:${resource}`;
  const role = (n: string) => `arn:aws:iam::${o.account}:role/${n}`;
  return {
    container: o.name,
    family: o.name,
    registry,
    repositoryUri: `${registry}/${o.name}`,
    repositoryArn: arn('ecr', `repository/${o.name}`),
    pipeline: `${o.name}-pipeline`,
    buildProject: `${o.name}-build`,
    bucket: `${o.name}-artifacts-${o.account}`,
    logGroup: `/ecs/${o.name}`,
    application: `${o.name}-ecs`,
    deploymentGroup: `${o.name}-ecs-dg`,
    stagingDeploymentGroup: `${o.name}-staging-ecs-dg`,
    connectionName: `${o.name}-github`.slice(0, 32),
    connectionArn: o.connectionArn ?? arn('codestar-connections', `connection/${PENDING_CONNECTION_ID}`),
    roles: {
      codebuild: `${o.name}-codebuild`,
      codepipeline: `${o.name}-codepipeline`,
      execution: `${o.name}-task-execution`,
      codedeploy: `${o.name}-codedeploy`,
      github: `${o.name}-github-actions`,
    },
    roleArn: role,
    arn,
  };
}

export type Names = ReturnType<typeof namesOf>;
