import type { FakeBuild, FakeImage, FakeLogStream, FakeObject, Scenario } from './model.js';
import { artifactKey, FakeAwsError, type PipelineWorld } from './pipeline-sim.js';

/** ECR, CodeBuild, CloudWatch Logs and S3 over a scenario's resources, answering in their wire shapes. */

type Json = Record<string, unknown>;

export class Resources {
  readonly images: FakeImage[];
  readonly objects: FakeObject[];
  readonly builds: FakeBuild[];
  readonly logStreams: FakeLogStream[];

  constructor(
    scenario: Scenario,
    private readonly world: PipelineWorld,
  ) {
    this.images = [...(scenario.images ?? [])];
    this.objects = [...(scenario.objects ?? [])];
    this.builds = [...(scenario.builds ?? [])];
    this.logStreams = [...(scenario.logStreams ?? [])];
  }

  private get region(): string {
    return this.world.region;
  }
  private get account(): string {
    return this.world.accountId;
  }
  private secs(iso: string | undefined, fallbackTick: number): number {
    return iso ? Date.parse(iso) / 1000 : this.world.seconds(fallbackTick);
  }

  // ---- ECR ----------------------------------------------------------------

  describeImages(input: Json): Json {
    const repo = input.repositoryName;
    if (typeof repo !== 'string' || repo === '') throw new FakeAwsError('InvalidParameterException', 'Invalid parameter at \'repositoryName\' failed to satisfy constraint: \'Member must not be null\'');
    const registry = typeof input.registryId === 'string' ? input.registryId : this.account;
    const inRepo = this.images.filter((i) => i.repository === repo && (i.registryId ?? this.account) === registry);
    const repoExists = inRepo.length > 0 || this.images.some((i) => i.repository === repo);
    if (!repoExists) {
      throw new FakeAwsError('RepositoryNotFoundException', `The repository with name '${repo}' does not exist in the registry with id '${registry}'`);
    }
    const ids = Array.isArray(input.imageIds) ? (input.imageIds as Array<{ imageTag?: string; imageDigest?: string }>) : undefined;
    let found = inRepo;
    if (ids) {
      found = [];
      for (const id of ids) {
        const img = inRepo.find((i) => (id.imageDigest ? i.digest === id.imageDigest : true) && (id.imageTag ? i.tags.includes(id.imageTag) : true));
        if (!img) {
          throw new FakeAwsError(
            'ImageNotFoundException',
            `The image with imageId {imageDigest:'${id.imageDigest ?? 'null'}', imageTag:'${id.imageTag ?? 'null'}'} does not exist within the repository with name '${repo}' in the registry with id '${registry}'`,
          );
        }
        if (!found.includes(img)) found.push(img);
      }
    }
    return {
      imageDetails: found.map((i) => {
        const pushed = Date.parse(i.pushedAt) / 1000;
        const d: Json = {
          registryId: i.registryId ?? this.account,
          repositoryName: i.repository,
          imageDigest: i.digest,
          imageTags: i.tags,
          imageSizeInBytes: i.sizeBytes ?? 48_213_774,
          imagePushedAt: pushed,
          imageManifestMediaType: 'application/vnd.docker.distribution.manifest.v2+json',
          artifactMediaType: 'application/vnd.docker.container.image.v1+json',
        };
        if (i.scanFindings) {
          d.imageScanStatus = { status: 'COMPLETE', description: 'The scan was completed successfully.' };
          d.imageScanFindingsSummary = { imageScanCompletedAt: pushed + 14, vulnerabilitySourceUpdatedAt: pushed - 3600, findingSeverityCounts: i.scanFindings };
        }
        return d;
      }),
    };
  }

  // ---- CodeBuild ----------------------------------------------------------

  private logsOf(b: FakeBuild): { group: string; stream: string } | null {
    if (b.logs === null) return null;
    const project = b.projectName ?? b.id.split(':')[0];
    return b.logs ?? { group: `/aws/codebuild/${project}`, stream: b.id.split(':').slice(1).join(':') };
  }

  batchGetBuilds(input: Json): Json {
    const ids = Array.isArray(input.ids) ? (input.ids as string[]) : [];
    if (ids.length === 0 || ids.length > 100) throw new FakeAwsError('InvalidInputException', 'ids must contain between 1 and 100 build ids');
    const builds: Json[] = [];
    const notFound: string[] = [];
    for (const id of ids) {
      const b = this.builds.find((x) => x.id === id || `arn:aws:codebuild:${this.region}:${this.account}:build/${x.id}` === id);
      if (!b) {
        notFound.push(id);
        continue;
      }
      const project = b.projectName ?? b.id.split(':')[0];
      const logs = this.logsOf(b);
      const start = this.secs(b.startTime, 0);
      const done = b.status !== 'IN_PROGRESS';
      builds.push({
        id: b.id,
        arn: `arn:aws:codebuild:${this.region}:${this.account}:build/${b.id}`,
        buildNumber: b.buildNumber ?? 42,
        startTime: start,
        ...(done ? { endTime: this.secs(b.endTime, 2) } : {}),
        currentPhase: done ? 'COMPLETED' : (b.phases?.at(-1)?.phaseType ?? 'BUILD'),
        buildStatus: b.status,
        projectName: project,
        phases: (b.phases ?? []).map((p, i) => ({
          phaseType: p.phaseType,
          ...(p.phaseStatus ? { phaseStatus: p.phaseStatus } : {}),
          startTime: start + i * 5,
          ...(p.phaseStatus ? { endTime: start + i * 5 + (p.durationInSeconds ?? 5), durationInSeconds: p.durationInSeconds ?? 5 } : {}),
          ...(p.contexts ? { contexts: p.contexts } : { contexts: [{ statusCode: '', message: '' }] }),
        })),
        source: { type: 'CODEPIPELINE', insecureSsl: false },
        artifacts: { location: `arn:aws:s3:::${this.world.scenario.pipeline.artifactBucket}/${project}` },
        environment: {
          type: 'LINUX_CONTAINER',
          image: 'aws/codebuild/amazonlinux2-x86_64-standard:5.0',
          computeType: 'BUILD_GENERAL1_SMALL',
          environmentVariables: [],
          privilegedMode: b.privilegedMode ?? true,
          imagePullCredentialsType: 'CODEBUILD',
        },
        serviceRole: `arn:aws:iam::${this.account}:role/service-role/codebuild-${project}-service-role`,
        logs: logs
          ? {
              groupName: logs.group,
              streamName: logs.stream,
              deepLink: `https://console.aws.amazon.com/cloudwatch/home?region=${this.region}#logsV2:log-groups/log-group/${encodeURIComponent(logs.group)}/log-events/${logs.stream}`,
              cloudWatchLogsArn: `arn:aws:logs:${this.region}:${this.account}:log-group:${logs.group}:log-stream:${logs.stream}`,
              cloudWatchLogs: { status: 'ENABLED' },
              s3Logs: { status: 'DISABLED', encryptionDisabled: false },
            }
          : { cloudWatchLogs: { status: 'DISABLED' }, s3Logs: { status: 'DISABLED', encryptionDisabled: false } },
        timeoutInMinutes: 60,
        queuedTimeoutInMinutes: 480,
        buildComplete: done,
        initiator: `codepipeline/${this.world.scenario.pipeline.name}`,
        encryptionKey: `arn:aws:kms:${this.region}:${this.account}:alias/aws/s3`,
        ...(b.exportedVariables ? { exportedEnvironmentVariables: Object.entries(b.exportedVariables).map(([name, value]) => ({ name, value })) } : {}),
      });
    }
    return { builds, buildsNotFound: notFound };
  }

  // ---- CloudWatch Logs ------------------------------------------------------

  getLogEvents(input: Json): Json {
    const group = (input.logGroupName ?? input.logGroupIdentifier) as string | undefined;
    const streamName = input.logStreamName as string | undefined;
    if (!streamName) throw new FakeAwsError('InvalidParameterException', '1 validation error detected: Value null at \'logStreamName\' failed to satisfy constraint: Member must not be null');
    if (!this.logStreams.some((s) => s.group === group) && !this.builds.some((b) => this.logsOf(b)?.group === group)) {
      throw new FakeAwsError('ResourceNotFoundException', 'The specified log group does not exist.');
    }
    const stream = this.logStreams.find((s) => s.group === group && s.stream === streamName);
    if (!stream) throw new FakeAwsError('ResourceNotFoundException', 'The specified log stream does not exist.');
    const limit = typeof input.limit === 'number' ? Math.max(1, Math.min(10_000, input.limit)) : 10_000;
    const n = stream.lines.length;
    const t0 = stream.startTime ?? Date.parse('2025-05-06T09:00:30Z');
    const event = (i: number): Json => ({ timestamp: t0 + i * 1000, message: `${stream.lines[i]}\n`, ingestionTime: t0 + i * 1000 + 412 });
    const token = typeof input.nextToken === 'string' ? parseLogToken(input.nextToken) : undefined;
    let from: number;
    let to: number;
    if (token?.dir === 'f' || (!token && input.startFromHead === true)) {
      from = token ? token.at : 0;
      to = Math.min(n, from + limit);
    } else {
      to = token ? token.at : n;
      from = Math.max(0, to - limit);
    }
    const events = [];
    for (let i = from; i < to; i++) events.push(event(i));
    return { events, nextForwardToken: logToken('f', to), nextBackwardToken: logToken('b', from) };
  }

  private fromTemplate(bucket: string, key: string): FakeObject | undefined {
    const p = this.world.scenario.pipeline;
    if (bucket !== p.artifactBucket) return undefined;
    for (const [name, body] of Object.entries(this.world.scenario.artifactTemplates ?? {})) {
      for (const id of this.world.executionIds()) {
        if (artifactKey(p.name, id, name) === key) return { bucket, key, body: typeof body === 'function' ? body(id) : body };
      }
    }
    return undefined;
  }

  // ---- S3 -------------------------------------------------------------------

  getObject(bucket: string, key: string): FakeObject {
    const known = this.objects.some((o) => o.bucket === bucket) || bucket === this.world.scenario.pipeline.artifactBucket;
    if (!known) throw new FakeAwsError('NoSuchBucket', 'The specified bucket does not exist', 404);
    const obj = this.objects.find((o) => o.bucket === bucket && o.key === key) ?? this.fromTemplate(bucket, key);
    if (!obj) throw new FakeAwsError('NoSuchKey', 'The specified key does not exist.', 404);
    return obj;
  }
}

function logToken(dir: 'f' | 'b', at: number): string {
  return `${dir}/${String(at).padStart(56, '0')}/s`;
}

function parseLogToken(s: string): { dir: 'f' | 'b'; at: number } {
  const m = /^([fb])\/(\d+)\/s$/.exec(s);
  if (!m) throw new FakeAwsError('InvalidParameterException', 'The specified nextToken is invalid.');
  return { dir: m[1] as 'f' | 'b', at: Number(m[2]) };
}
