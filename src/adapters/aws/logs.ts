import type { CodeBuildClient } from '@aws-sdk/client-codebuild';
import type { CloudWatchLogsClient, OutputLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { BuildLogPort, Logger } from '../../services/ports.js';
import { errorName } from './errors.js';

type CodeBuildSdk = typeof import('@aws-sdk/client-codebuild');
type LogsSdk = typeof import('@aws-sdk/client-cloudwatch-logs');

export interface BuildDetails {
  /** The last lines of the build's CloudWatch log (empty when logging is off or the stream is gone). */
  lines: string[];
  /** Failed phases' contexts, e.g. `BUILD: Error while executing command: docker build … (COMMAND_EXECUTION_ERROR)`. */
  diagnostics: string[];
  buildStatus?: string;
  /** The console link to the log. */
  logUrl?: string;
}

const FAILED_PHASE = new Set(['FAILED', 'FAULT', 'TIMED_OUT', 'STOPPED']);
const MAX_PAGES = 5;

/** CodeBuild's log through BatchGetBuilds (where the log is) and GetLogEvents (its end). */
export class AwsBuildLogs implements BuildLogPort {
  constructor(
    private readonly codebuild: { sdk: CodeBuildSdk; client: CodeBuildClient },
    private readonly logs: { sdk: LogsSdk; client: CloudWatchLogsClient },
    private readonly logger?: Logger,
  ) {}

  async tail(o: { buildId: string; lines: number }): Promise<string[]> {
    return (await this.details(o)).lines;
  }

  /** tail() plus the failed phases' messages from the same BatchGetBuilds answer. */
  async details(o: { buildId: string; lines: number }): Promise<BuildDetails> {
    const res = await this.codebuild.client.send(new this.codebuild.sdk.BatchGetBuildsCommand({ ids: [o.buildId] }));
    const build = res.builds?.find((b) => b.id === o.buildId) ?? res.builds?.[0];
    if (!build) return { lines: [], diagnostics: [] };
    const out: BuildDetails = { lines: [], diagnostics: [] };
    if (build.buildStatus) out.buildStatus = build.buildStatus;
    if (build.logs?.deepLink) out.logUrl = build.logs.deepLink;
    for (const phase of build.phases ?? []) {
      if (!phase.phaseStatus || !FAILED_PHASE.has(phase.phaseStatus)) continue;
      for (const c of phase.contexts ?? []) {
        if (c.message) out.diagnostics.push(`${phase.phaseType ?? 'PHASE'}: ${c.message}${c.statusCode ? ` (${c.statusCode})` : ''}`);
      }
    }
    const group = build.logs?.groupName;
    const stream = build.logs?.streamName;
    if (group && stream && o.lines > 0) out.lines = await this.lastLines(group, stream, o.lines);
    return out;
  }

  private async lastLines(logGroupName: string, logStreamName: string, wanted: number): Promise<string[]> {
    let lines: string[] = [];
    let token: string | undefined;
    // GetLogEvents may answer a backward page with fewer events than asked (even none): page back a little.
    for (let page = 0; page < MAX_PAGES && lines.length < wanted; page++) {
      let events: OutputLogEvent[];
      let back: string | undefined;
      try {
        const res = await this.logs.client.send(
          new this.logs.sdk.GetLogEventsCommand({
            logGroupName,
            logStreamName,
            startFromHead: false,
            limit: Math.min(wanted, 10_000),
            ...(token ? { nextToken: token } : {}),
          }),
        );
        events = res.events ?? [];
        back = res.nextBackwardToken;
      } catch (err) {
        if (errorName(err) === 'ResourceNotFoundException') {
          this.logger?.debug(`No log stream ${logGroupName}/${logStreamName}`);
          return lines;
        }
        throw err;
      }
      lines = [...events.flatMap((e) => (e.message ?? '').replace(/\r?\n$/, '').split(/\r?\n/)), ...lines];
      // The same token back means the start of the stream.
      if (!back || back === token) break;
      token = back;
    }
    return lines.slice(-wanted);
  }
}
