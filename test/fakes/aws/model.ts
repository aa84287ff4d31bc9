/**
 * What a fake AWS scenario is made of. A scenario is a pipeline definition,
 * the executions that run on it as timelines of frames over a logical clock,
 * and the resources the tracker reads around them (ECR images, S3 artifacts,
 * CodeBuild builds, CloudWatch log streams).
 */

export type ExecutionStatus = 'Cancelled' | 'InProgress' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Superseded' | 'Failed';
export type StageStatus = 'Cancelled' | 'InProgress' | 'Failed' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Skipped';
export type ActionStatus = 'InProgress' | 'Abandoned' | 'Succeeded' | 'Failed';

export interface FakeAction {
  name: string;
  category: 'Source' | 'Build' | 'Deploy' | 'Approval' | 'Test' | 'Invoke';
  provider: string;
  owner?: string;
  version?: string;
  runOrder?: number;
  configuration?: Record<string, string>;
  inputArtifacts?: string[];
  outputArtifacts?: string[];
  namespace?: string;
}

export interface FakePipeline {
  name: string;
  version?: number;
  roleArn?: string;
  artifactBucket: string;
  executionMode?: 'QUEUED' | 'SUPERSEDED' | 'PARALLEL';
  stages: Array<{ name: string; actions: FakeAction[] }>;
}

/** A change to one action's latest run. A patch to InProgress after an ended run starts a new run (a retry). */
export interface ActionPatch {
  status: ActionStatus;
  summary?: string;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  errorCode?: string;
  errorMessage?: string;
  outputVariables?: Record<string, string>;
  /** Manual approvals: the token PutApprovalResult needs. */
  token?: string;
  percentComplete?: number;
  /** Who completed a manual approval. */
  updatedBy?: string;
}

/** One moment of an execution's life; `at` counts ticks from the execution's start. */
export interface Frame {
  at: number;
  status?: ExecutionStatus;
  statusSummary?: string;
  /** Keyed `Stage/Action`. */
  actions?: Record<string, ActionPatch>;
  /** Stage status when it is not what the actions imply (Stopped, Cancelled …). */
  stages?: Record<string, StageStatus>;
  /** The stage the execution waits to enter (GetPipelineState's inboundExecutions); null when it stops waiting. */
  waitingFor?: string | null;
  stopReason?: string;
}

export interface FakeExecution {
  id: string;
  revision: { actionName?: string; revisionId: string; revisionSummary?: string; revisionUrl?: string };
  /** Logical time at which it starts (negative for history). Default 0. */
  startAt?: number;
  /** Invisible to every API until ListPipelineExecutions has been called this many times. */
  hiddenForListCalls?: number;
  executionType?: 'STANDARD' | 'ROLLBACK';
  rollbackTargetExecutionId?: string;
  trigger?: { triggerType: string; triggerDetail?: string };
  frames: Frame[];
}

export interface FakeImage {
  repository: string;
  registryId?: string;
  digest: string;
  tags: string[];
  pushedAt: string;
  sizeBytes?: number;
  /** Severity counts; present means a completed scan. */
  scanFindings?: Record<string, number>;
}

export interface FakeObject {
  bucket: string;
  key: string;
  body: Buffer | string;
  contentType?: string;
}

export interface FakeBuild {
  id: string;
  projectName?: string;
  buildNumber?: number;
  status: 'SUCCEEDED' | 'FAILED' | 'FAULT' | 'TIMED_OUT' | 'IN_PROGRESS' | 'STOPPED';
  startTime?: string;
  endTime?: string;
  phases?: Array<{ phaseType: string; phaseStatus?: string; durationInSeconds?: number; contexts?: Array<{ statusCode: string; message: string }> }>;
  /** null: CloudWatch logging disabled. Default: /aws/codebuild/<project> and the build's uuid. */
  logs?: { group: string; stream: string } | null;
  exportedVariables?: Record<string, string>;
  /** The project's environment.privilegedMode (Docker builds need it). Default true. */
  privilegedMode?: boolean;
}

export interface FakeLogStream {
  group: string;
  stream: string;
  lines: string[];
  /** Epoch ms of the first line; one second between lines. */
  startTime?: number;
}

/** A CodeDeploy ECS deployment group (GetDeploymentGroup). */
export interface FakeDeploymentGroup {
  application: string;
  name: string;
  cluster: string;
  service: string;
  /** Blue and green target group names. Default `<service>-tg-blue`, `<service>-tg-green`. */
  targetGroups?: string[];
  deploymentConfigName?: string;
}

/** An ECS service (DescribeServices). */
export interface FakeEcsService {
  cluster: string;
  name: string;
  /** The task definition serving production traffic (`family:revision` or its ARN); absent: the service runs none. */
  taskDefinition?: string;
  /** `CODE_DEPLOY` (default): the running task definition is in the PRIMARY task set; `ECS`: in the PRIMARY deployment. */
  controller?: 'CODE_DEPLOY' | 'ECS';
  status?: 'ACTIVE' | 'DRAINING' | 'INACTIVE';
  desiredCount?: number;
  /** The load balancer mapping of the running task set. */
  containerName?: string;
  containerPort?: number;
}

/** What runs: deployment groups, services and registered task definitions (the DescribeTaskDefinition `taskDefinition` object; ARN, status and dates are filled in). */
export interface FakeDeploy {
  deploymentGroups?: FakeDeploymentGroup[];
  services?: FakeEcsService[];
  taskDefinitions?: Array<Record<string, unknown> & { family: string; revision: number }>;
}

export interface Scenario {
  name: string;
  description?: string;
  region?: string;
  accountId?: string;
  pipeline: FakePipeline;
  executions: FakeExecution[];
  /** The timeline an execution started by StartPipelineExecution follows (frames from its start). */
  onStart?: (revisionId: string, executionId: string) => Frame[];
  images?: FakeImage[];
  objects?: FakeObject[];
  /**
   * Artifact contents served for ANY execution's artifact of that name (at the
   * key CodePipeline gives it), for executions whose id is not known in
   * advance (started by StartPipelineExecution). Explicit `objects` win.
   */
  artifactTemplates?: Record<string, Buffer | ((executionId: string) => Buffer)>;
  builds?: FakeBuild[];
  logStreams?: FakeLogStream[];
  /** CodeDeploy and ECS: what the pipeline deploys to (the deploy preview). */
  deploy?: FakeDeploy;
  /** Wall time of logical time 0 (ISO). */
  epoch?: string;
  /** Wall-clock milliseconds per tick. Default 20000. */
  tickMs?: number;
}
