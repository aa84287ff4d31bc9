/**
 * What the tracker knows of a pipeline execution, in CodePipeline's own
 * vocabulary but free of the SDK's types, so that the core stays pure and the
 * AWS adapter is the only place that knows the wire shapes.
 */

export type ExecutionStatus = 'Cancelled' | 'InProgress' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Superseded' | 'Failed';

/** Stage status for one execution; `NotStarted` when the execution has not reached it. */
export type StageStatus = 'Cancelled' | 'InProgress' | 'Failed' | 'Stopped' | 'Stopping' | 'Succeeded' | 'Skipped' | 'NotStarted';

export type ActionStatus = 'InProgress' | 'Abandoned' | 'Succeeded' | 'Failed' | 'NotStarted';

export interface SourceRevision {
  actionName: string;
  /** The commit SHA for Git sources. */
  revisionId: string;
  revisionSummary?: string;
  revisionUrl?: string;
}

/** One row of ListPipelineExecutions, newest first. */
export interface ExecutionSummary {
  executionId: string;
  status: ExecutionStatus;
  statusSummary?: string;
  startTime?: string;
  lastUpdateTime?: string;
  sourceRevisions: SourceRevision[];
  executionType?: 'STANDARD' | 'ROLLBACK';
  /** For a rollback: the execution it rolls back to. */
  rollbackTargetExecutionId?: string;
  triggerType?: string;
}

export interface ActionSnapshot {
  name: string;
  category?: string;
  provider?: string;
  status: ActionStatus;
  summary?: string;
  /** ISO time of the last status change. */
  lastStatusChange?: string;
  startTime?: string;
  /** Manual approvals: the token PutApprovalResult needs. Never rendered. */
  token?: string;
  externalExecutionId?: string;
  externalExecutionUrl?: string;
  errorCode?: string;
  errorMessage?: string;
  /** From ListActionExecutions (`output.outputVariables`), e.g. a CodeBuild action's exported variables. */
  outputVariables?: Record<string, string>;
  /** From ListActionExecutions: the resolved configuration (artifact names, project name …). */
  configuration?: Record<string, string>;
  inputArtifacts?: ArtifactLocation[];
  /**
   * Further failure texts the adapter found (CodeBuild phase contexts, CodeDeploy
   * `errorInformation.message`, ECS service events); the explainer reads them.
   */
  diagnostics?: string[];
  /** The last lines of a CodeBuild action's log, when the tracker fetched them (rendered in the check run's text). */
  logTail?: string[];
}

export interface ArtifactLocation {
  name: string;
  bucket?: string;
  key?: string;
}

export interface StageSnapshot {
  name: string;
  status: StageStatus;
  actions: ActionSnapshot[];
}

/** Everything the tracker reads in one tick, for one execution. */
export interface ExecutionSnapshot {
  pipelineName: string;
  region: string;
  executionId: string;
  status: ExecutionStatus;
  statusSummary?: string;
  executionType?: 'STANDARD' | 'ROLLBACK';
  rollbackTargetExecutionId?: string;
  /** The newer execution that superseded this one, when known. */
  supersededBy?: { executionId: string; revisionId?: string };
  sourceRevisions: SourceRevision[];
  startTime?: string;
  lastUpdateTime?: string;
  stages: StageSnapshot[];
}

/** The image the Build stage produced, and where it was found. */
export interface DeployedImage {
  uri: string;
  tag?: string;
  digest?: string;
  pushedAt?: string;
  /** `output-variables` | `imageDetail.json` | `ecr-tag` */
  foundIn: string;
  /** Where exactly, for people: ``Build / BuildImage output variable `IMAGE_URI` ``. */
  foundDetail?: string;
  scanFindings?: Record<string, number>;
}
