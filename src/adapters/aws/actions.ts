import type { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import type { ExecutionStatus } from '../../core/pipeline/model.js';
import type { Logger } from '../../services/ports.js';
import type { AwsCredentials, CredentialsProvider } from './sts.js';
import { clientConfig } from './config.js';
import { errorName } from './errors.js';
import { executionStatus } from './snapshot.js';

/**
 * What a person may do to an execution from a check run's buttons: answer a
 * manual approval, retry a failed stage, stop a run. One CodePipeline client,
 * loaded on demand, so the app need not load the tracker's other four SDKs to
 * answer a click.
 */

export interface PipelineActionsOptions {
  region: string;
  /** Default: the SDK's chain (environment, web identity, container and instance roles). */
  credentials?: AwsCredentials | CredentialsProvider;
  /** Overrides AWS_ENDPOINT_URL(_CODEPIPELINE). */
  endpoint?: string;
  logger?: Logger;
  maxAttempts?: number;
}

/** A refusal a person should read (the approval was already answered, the stage cannot be retried …). */
export class PipelineActionError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'PipelineActionError';
  }
}

/** CodePipeline's refusals of the three actions, in words for the check run. */
const REFUSALS: Record<string, string> = {
  ApprovalAlreadyCompletedException: 'the approval was already answered',
  InvalidApprovalTokenException: 'the approval is no longer waiting (its token is not valid any more)',
  StageNotRetryableException: 'the stage cannot be retried now (it is not failed, or the execution is still running)',
  NotLatestPipelineExecutionException: 'a newer execution has run this stage since; only the latest execution of a stage can be retried',
  ConflictException: 'another retry of this stage is in progress',
  PipelineExecutionNotStoppableException: 'the execution has already finished',
  DuplicatedStopRequestException: 'the execution is already stopping',
  PipelineExecutionNotFoundException: 'the execution was not found in this pipeline',
  PipelineNotFoundException: 'the pipeline was not found',
  StageNotFoundException: 'the stage was not found',
  ActionNotFoundException: 'the action was not found',
  AccessDeniedException: "the app's AWS credentials may not do this (AccessDenied)",
};

async function refused<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const name = errorName(err);
    const words = name ? REFUSALS[name] : undefined;
    if (name && words) throw new PipelineActionError(name, words);
    throw err;
  }
}

export interface PendingApproval {
  actionName: string;
  /** For PutApprovalResult only: never logged, never rendered. */
  token: string;
}

export class PipelineActions {
  constructor(
    private readonly sdk: typeof import('@aws-sdk/client-codepipeline'),
    private readonly client: CodePipelineClient,
  ) {}

  /** GetPipelineExecution; undefined when this pipeline has no such execution (another pipeline's run). */
  async executionStatus(o: { pipelineName: string; executionId: string }): Promise<ExecutionStatus | undefined> {
    try {
      const res = await this.client.send(new this.sdk.GetPipelineExecutionCommand({ pipelineName: o.pipelineName, pipelineExecutionId: o.executionId }));
      return executionStatus(res.pipelineExecution?.status);
    } catch (err) {
      const name = errorName(err);
      if (name === 'PipelineExecutionNotFoundException' || name === 'PipelineNotFoundException') return undefined;
      throw err;
    }
  }

  /**
   * The manual approval this execution waits on in the stage, read fresh from
   * GetPipelineState: the token in the state is the only one CodePipeline
   * accepts, and only while the stage holds this execution.
   */
  async pendingApproval(o: { pipelineName: string; stageName: string; executionId: string }): Promise<PendingApproval | undefined> {
    const res = await this.client.send(new this.sdk.GetPipelineStateCommand({ name: o.pipelineName }));
    const stage = res.stageStates?.find((s) => s.stageName === o.stageName);
    if (!stage || stage.latestExecution?.pipelineExecutionId !== o.executionId) return undefined;
    for (const a of stage.actionStates ?? []) {
      const run = a.latestExecution;
      if (a.actionName && run?.status === 'InProgress' && run.token) return { actionName: a.actionName, token: run.token };
    }
    return undefined;
  }

  async approve(o: { pipelineName: string; stageName: string; approval: PendingApproval; status: 'Approved' | 'Rejected'; summary: string }): Promise<void> {
    await refused(() =>
      this.client.send(
        new this.sdk.PutApprovalResultCommand({
          pipelineName: o.pipelineName,
          stageName: o.stageName,
          actionName: o.approval.actionName,
          token: o.approval.token,
          // CodePipeline takes at most 512 characters.
          result: { status: o.status, summary: o.summary.slice(0, 512) },
        }),
      ),
    );
  }

  /** RetryStageExecution of the stage's failed actions only; the execution keeps its id. */
  async retry(o: { pipelineName: string; stageName: string; executionId: string }): Promise<void> {
    await refused(() =>
      this.client.send(new this.sdk.RetryStageExecutionCommand({ pipelineName: o.pipelineName, pipelineExecutionId: o.executionId, stageName: o.stageName, retryMode: 'FAILED_ACTIONS' })),
    );
  }

  /** StopPipelineExecution, stop and wait (running actions finish; nothing is abandoned). */
  async stop(o: { pipelineName: string; executionId: string; reason: string }): Promise<void> {
    await refused(() =>
      this.client.send(new this.sdk.StopPipelineExecutionCommand({ pipelineName: o.pipelineName, pipelineExecutionId: o.executionId, reason: o.reason.slice(0, 200), abandon: false })),
    );
  }

  destroy(): void {
    this.client.destroy();
  }
}

export async function createPipelineActions(o: PipelineActionsOptions): Promise<PipelineActions> {
  const sdk = await import('@aws-sdk/client-codepipeline');
  const config = await clientConfig('codepipeline', { region: o.region, logger: o.logger, maxAttempts: o.maxAttempts, ...(o.endpoint ? { endpoints: { codepipeline: o.endpoint } } : {}) });
  if (o.credentials) config.credentials = o.credentials;
  return new PipelineActions(sdk, new sdk.CodePipelineClient(config));
}
