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
  /** AWS client settings besides the region (endpoints, retries); credentials come from the SDK's default chain. */
  aws: Omit<AwsPortsOptions, 'region' | 'logger'>;
  /** Seconds between polls (at least 1; the tracker backs off on long stages). Default 10. */
  pollIntervalSeconds: number;
  /** How long a push waits for its execution to appear. Default 300. */
  findTimeoutSeconds: number;
  /** A tracker gives up after this long; its open runs become timed_out. Default 60. */
  timeoutMinutes: number;
  /** Resume the open pipeline runs when the app starts (ECS_CODEPIPELINE_RESUME=true). Off by default for now. */
  resumeOnStart: boolean;
  /** Bounds of the search at start: installations, and repositories per installation (one page each). Default 100 and 100. */
  resumeInstallations: number;
  resumeRepositories: number;
}

function num(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return value !== undefined && value !== '' && Number.isFinite(n) && n > 0 ? n : fallback;
}

export function settingsFromEnv(env: Record<string, string | undefined> = process.env): TrackingSettings {
  return {
    clock: wallClock,
    aws: {},
    pollIntervalSeconds: num(env.ECS_CODEPIPELINE_POLL_INTERVAL_SECONDS, 10),
    findTimeoutSeconds: num(env.ECS_CODEPIPELINE_FIND_TIMEOUT_SECONDS, 300),
    timeoutMinutes: num(env.ECS_CODEPIPELINE_TIMEOUT_MINUTES, 60),
    resumeOnStart: /^(true|1|yes|on)$/i.test(env.ECS_CODEPIPELINE_RESUME ?? ''),
    resumeInstallations: Math.min(100, num(env.ECS_CODEPIPELINE_RESUME_INSTALLATIONS, 100)),
    resumeRepositories: Math.min(100, num(env.ECS_CODEPIPELINE_RESUME_REPOSITORIES, 100)),
  };
}

export const trackingSettings: TrackingSettings = settingsFromEnv();
