import type { AwsPortsOptions } from '../../adapters/aws/config.js';
import type { Clock } from '../../services/ports.js';

import { realClock } from '../../adapters/clock.js';

/** Wall-clock time for the background trackers. */
export const wallClock = realClock;

/**
 * How the app's background trackers run. One object per process: the
 * operator's environment sets it at start, tests point it at the fake AWS
 * server and a fast clock.
 */
export interface TrackingSettings {
  clock: Clock;
  /** AWS client settings besides the region (endpoints, retries); credentials: the SDK's default chain, or a pipeline's role (aws.ts). */
  aws: Omit<AwsPortsOptions, 'region' | 'logger' | 'credentials'>;
  /** The ExternalId AssumeRole passes, when the roles' trust policies ask for one (ECS_CODEPIPELINE_ROLE_EXTERNAL_ID). */
  roleExternalId?: string;
  /** Seconds between polls (at least 1; the tracker backs off on long stages). Default 10. */
  pollIntervalSeconds: number;
  /** How long a push waits for its execution to appear. Default 300. */
  findTimeoutSeconds: number;
  /** A tracker gives up after this long; its open runs become timed_out. Default 60. */
  timeoutMinutes: number;
  /**
   * Once EventBridge events arrive for a tracker's commit, it polls only this
   * often, as a safety net for lost events (each event wakes it at once).
   * Default 120 (ECS_CODEPIPELINE_SAFETY_POLL_SECONDS).
   */
  safetyPollSeconds: number;
  /** Trackers working at once (the others wait their turn between polls). Default 16 (ECS_CODEPIPELINE_TRACKER_CONCURRENCY). */
  concurrency: number;
  /** Bounds of the search at start: installations, and repositories per installation (one page each). Default 100 and 100. */
  resumeInstallations: number;
  resumeRepositories: number;
  /** Executions per pipeline looked at on start (ListPipelineExecutions, newest first). Default 100. */
  resumeExecutions: number;
  /** Recent commits per watched branch looked at on start (newest first). Default 20. */
  resumeCommits: number;
}

function num(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}

export function settingsFromEnv(env: Record<string, string | undefined> = process.env): TrackingSettings {
  return {
    clock: wallClock,
    aws: {},
    roleExternalId: env.ECS_CODEPIPELINE_ROLE_EXTERNAL_ID?.trim() || undefined,
    pollIntervalSeconds: num(env.ECS_CODEPIPELINE_POLL_INTERVAL_SECONDS, 10),
    findTimeoutSeconds: num(env.ECS_CODEPIPELINE_FIND_TIMEOUT_SECONDS, 300),
    timeoutMinutes: num(env.ECS_CODEPIPELINE_TIMEOUT_MINUTES, 60),
    safetyPollSeconds: num(env.ECS_CODEPIPELINE_SAFETY_POLL_SECONDS, 120),
    concurrency: Math.max(1, Math.floor(num(env.ECS_CODEPIPELINE_TRACKER_CONCURRENCY, 16))),
    resumeInstallations: Math.min(100, num(env.ECS_CODEPIPELINE_RESUME_INSTALLATIONS, 100)),
    resumeRepositories: Math.min(100, num(env.ECS_CODEPIPELINE_RESUME_REPOSITORIES, 100)),
    resumeExecutions: Math.min(500, num(env.ECS_CODEPIPELINE_RESUME_EXECUTIONS, 100)),
    resumeCommits: Math.min(100, num(env.ECS_CODEPIPELINE_RESUME_COMMITS, 20)),
  };
}

export const trackingSettings: TrackingSettings = settingsFromEnv();
