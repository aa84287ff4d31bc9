import type { CheckRunModel } from '../core/pipeline/check-run.js';
import type { ActionSnapshot, DeployedImage, ExecutionSnapshot, ExecutionSummary } from '../core/pipeline/model.js';

/**
 * What the use cases need from the outside world. The AWS and GitHub adapters
 * implement these with the real SDK clients and Octokit; tests drive them
 * against fake servers at the HTTP level.
 */

export interface PipelinePort {
  /** One page of ListPipelineExecutions, newest first. */
  listExecutions(o: { pipelineName: string; nextToken?: string; maxResults?: number }): Promise<{ items: ExecutionSummary[]; nextToken?: string }>;
  /** From GetPipeline: the source actions (name, provider), for StartPipelineExecution's sourceRevisions. */
  sourceActions(pipelineName: string): Promise<Array<{ name: string; provider: string }>>;
  /** StartPipelineExecution; returns the execution id. */
  start(o: { pipelineName: string; sourceRevisions?: Array<{ actionName: string; revisionType: 'COMMIT_ID'; revisionValue: string }>; clientRequestToken: string }): Promise<string>;
  /** GetPipelineExecution + GetPipelineState: exactly two calls. Stages the execution has not reached are `NotStarted`. */
  snapshot(o: { pipelineName: string; executionId: string }): Promise<ExecutionSnapshot>;
  /** ListActionExecutions for one execution (all pages): details, output variables, external links. */
  actionExecutions(o: { pipelineName: string; executionId: string }): Promise<Array<ActionSnapshot & { stage: string }>>;
  stop(o: { pipelineName: string; executionId: string; reason: string; abandon?: boolean }): Promise<void>;
  /** Optional (added for the app): the stage names in pipeline order (GetPipeline), for check runs queued before the execution appears. */
  stageNames?(pipelineName: string): Promise<string[]>;
  /** Optional (added for the app): RetryStageExecution with retryMode FAILED_ACTIONS; returns the execution id. */
  retryStage?(o: { pipelineName: string; executionId: string; stageName: string }): Promise<string>;
}

export interface ImagePort {
  /** ECR DescribeImages by tag or digest; undefined when the image does not exist. */
  describe(o: { repository: string; registryId?: string; tag?: string; digest?: string }): Promise<Omit<DeployedImage, 'foundIn'> | undefined>;
  /** Reads imageDetail.json out of an S3 artifact (a zip). */
  imageDetailFromArtifact(o: { bucket: string; key: string }): Promise<string | undefined>;
}

export interface BuildLogPort {
  /** The last lines of a CodeBuild build's CloudWatch log. */
  tail(o: { buildId: string; lines: number }): Promise<string[]>;
  /**
   * Optional (added for the tracker): tail() plus the failed phases' contexts
   * (`BUILD: Error while executing command: docker build … (COMMAND_EXECUTION_ERROR)`)
   * from the same BatchGetBuilds answer, for the failure explainer.
   */
  details?(o: { buildId: string; lines: number }): Promise<{ lines: string[]; diagnostics: string[] }>;
}

export interface ExistingCheckRun {
  id: number;
  name: string;
  externalId?: string;
  status: string;
  conclusion?: string | null;
}

/**
 * A 403 on the check-runs endpoints (the token may not write check runs) is
 * thrown as an Error whose `name` is `ChecksForbiddenError`; the tracker then
 * falls back to commit statuses.
 */
export interface ChecksPort {
  /** Check runs of this app on a commit, by name. */
  list(headSha: string): Promise<ExistingCheckRun[]>;
  create(run: CheckRunModel): Promise<number>;
  update(id: number, run: CheckRunModel): Promise<void>;
}

/**
 * A read of the live side that did not succeed, said so that a user can act:
 * `denied` names the IAM action and resource to grant, `missing` what does not
 * exist, `failed` anything else (no credentials, the network).
 */
export interface LiveUnavailable {
  ok: false;
  reason: 'denied' | 'missing' | 'failed';
  /** `cannot read the deployment group myapp-dg of myapp: grant codedeploy:GetDeploymentGroup on arn:aws:codedeploy:…` */
  message: string;
}

export type LiveRead<T> = { ok: true; value: T } | LiveUnavailable;

/** What a CodeDeploy deployment group deploys to (GetDeploymentGroup). */
export interface DeployTarget {
  cluster: string;
  service: string;
  /** Target group names (blue and green). */
  targetGroups: string[];
  prodListenerArns: string[];
  testListenerArns: string[];
}

/** The ECS service as DescribeServices shows it. */
export interface LiveService {
  serviceArn?: string;
  /** The task definition serving production traffic; undefined when the service runs none. */
  taskDefinitionArn?: string;
  /** Where it came from: the PRIMARY task set (CodeDeploy), the PRIMARY deployment (rolling), or the service. */
  from?: 'primary task set' | 'primary deployment' | 'service';
}

/**
 * Read-only access to what runs (added for the deploy preview): the deploy
 * target, its service, the running task definition and the live pipeline.
 * Access denied and not found come back as LiveUnavailable, never thrown.
 */
export interface LiveDeployPort {
  /** CodeDeploy GetDeploymentGroup. */
  deploymentGroup(o: { applicationName: string; deploymentGroupName: string }): Promise<LiveRead<DeployTarget>>;
  /** ECS DescribeServices. */
  service(o: { cluster: string; service: string }): Promise<LiveRead<LiveService>>;
  /** ECS DescribeTaskDefinition: the `taskDefinition` object as the API returns it. */
  taskDefinition(arn: string): Promise<LiveRead<Record<string, unknown>>>;
  /** CodePipeline GetPipeline: `{ pipeline, metadata }` as the API returns it. */
  pipeline(name: string): Promise<LiveRead<Record<string, unknown>>>;
}

export interface StatusesPort {
  /** A commit status whose context is the check run's name. */
  set(o: { sha: string; context: string; state: 'error' | 'failure' | 'pending' | 'success'; description: string; targetUrl?: string }): Promise<void>;
}

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or early when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  debug(message: string): void;
}
