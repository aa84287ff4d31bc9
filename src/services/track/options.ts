import type { Outcome } from '../../core/pipeline/conclusions.js';
import type { DeployedImage, ExecutionSnapshot, ExecutionStatus, ExecutionSummary } from '../../core/pipeline/model.js';
import type { BuildLogPort, ChecksPort, Clock, ImagePort, Logger, PipelinePort, StatusesPort } from '../ports.js';

export const REPORT_MODES = ['checks', 'statuses', 'both', 'none'] as const;
export type ReportMode = (typeof REPORT_MODES)[number];

export const DEFAULT_FIND_TIMEOUT_SECONDS = 300;
export const DEFAULT_TIMEOUT_MINUTES = 60;
/** ListPipelineExecutions pages (of PAGE_SIZE) read on the first search; a busy pipeline's commit is rarely older. */
export const DEFAULT_MAX_PAGES = 3;
export const PAGE_SIZE = 50;

export interface TrackOptions {
  /** `track`: the execution the push started; `start`: start one unless the commit has one already. */
  mode: 'track' | 'start';
  pipelineName: string;
  /** Shown in messages and console links. */
  region: string;
  /** The commit (full SHA). */
  sha: string;
  /** `owner/repo`, for StartPipelineExecution's clientRequestToken. */
  repository: string;
  /** GITHUB_RUN_ATTEMPT, for the clientRequestToken. */
  runAttempt?: string | number;
  /** The source action whose revision is the commit, for pipelines with several sources. */
  sourceAction?: string;
  /** How long to wait for the execution to appear (track mode). Default 300. */
  findTimeoutSeconds?: number;
  /** Default 10, at least 1. */
  pollIntervalSeconds?: number;
  /** Give up tracking after this long; open runs become timed_out. Default 60. */
  timeoutMinutes?: number;
  /** False: report the current state once and return. Default true. */
  wait?: boolean;
  /** Default `ECS pipeline`. */
  checkName?: string;
  /** Default `checks`. */
  report?: ReportMode;
  /** Approve/Reject/Retry/Stop buttons on the runs: only an app receives their clicks, never a workflow token. */
  buttons?: boolean;
  /** On abort, StopPipelineExecution before completing the runs as cancelled. */
  stopOnCancel?: boolean;
  /** ECR repository (name or URI) for `IMAGE_TAG` output variables and the short-SHA tag fallback. */
  ecrRepository?: string;
  /** Aborts tracking (SIGINT/SIGTERM in the action). */
  signal?: AbortSignal;
  /** Mode track: the commit's execution when the caller found it already (no search then). */
  execution?: ExecutionSummary;
  /** ListPipelineExecutions pages read on the first search. Default 3 (of 50). */
  maxPages?: number;
  /** Base URL of docs/rules.md for rule links in explanations. */
  docsUrl?: string;
  /** Markdown added once to the execution's check run and the job summary: the pipeline file's drift from the live pipeline (read by the caller). */
  pipelineDrift?: string;
  ruleExists?: (id: string) => boolean;
}

export interface TrackPorts {
  pipeline: PipelinePort;
  images?: ImagePort;
  logs?: BuildLogPort;
  /** Needed for `report: checks | both`. */
  checks?: ChecksPort;
  /** Needed for `report: statuses | both`, and for the fallback when check runs are forbidden. */
  statuses?: StatusesPort;
  clock: Clock;
  logger: Logger;
  /**
   * Optional (added for the app's GitHub Deployments): told each tick's
   * snapshot and the image found so far, after the check runs were written.
   * A failure is logged and retried on the next tick, never thrown.
   */
  onSnapshot?(snapshot: ExecutionSnapshot, o: { image?: DeployedImage; final: boolean }): Promise<void>;
}

export interface TrackResult {
  executionId: string;
  executionUrl: string;
  /** CodePipeline's status at the end. */
  status: ExecutionStatus;
  /** The action's `status` output. */
  outcome: Outcome;
  /** The step fails: the execution failed, was stopped or cancelled, or the tracker timed out or was cancelled. */
  fails: boolean;
  /** Why the step fails (or what happened), one paragraph. */
  message: string;
  image?: DeployedImage;
  /** The job summary. */
  summaryMarkdown: string;
  /** True when StartPipelineExecution was called (mode start, no execution for the commit yet). */
  started: boolean;
  /** The tracker stopped because its signal aborted. */
  cancelled: boolean;
  /** What was written and read, for the logs and tests. */
  counts: TrackCounts;
}

export interface TrackCounts {
  ticks: number;
  listExecutions: number;
  snapshots: number;
  actionExecutions: number;
  checkCreates: number;
  checkUpdates: number;
  statusWrites: number;
}

/** The tracker cannot go on (no execution, a pipeline it cannot start): the message says what to do. */
export class TrackError extends Error {
  override name = 'TrackError';
}
