import type { BuildLogPort, ImagePort, PipelinePort } from '../../services/ports.js';
import { type AwsPortsOptions, clientConfig, overriddenEndpoint } from './config.js';
import { AwsImages } from './images.js';
import { AwsBuildLogs } from './logs.js';
import { AwsPipeline } from './pipeline.js';

export type { AwsPortsOptions, AwsService } from './config.js';
export type { ActionExecutionRow } from './pipeline.js';
export type { BuildDetails } from './logs.js';
export type { Derivation, StageSnapshotWithOrigin } from './snapshot.js';
export { AwsPipeline, AwsImages, AwsBuildLogs };

export interface AwsPorts {
  pipeline: AwsPipeline & PipelinePort;
  images: AwsImages & ImagePort;
  logs: AwsBuildLogs & BuildLogPort;
  /** Closes the clients' kept-alive sockets. */
  destroy(): void;
}

/**
 * The AWS side of the tracker, on the SDK v3 clients. The SDK is imported here,
 * on demand, so that the check mode never loads it. Credentials come from the
 * SDK's default chain (environment, web identity from
 * aws-actions/configure-aws-credentials, shared files, container and instance
 * roles); nothing here takes keys.
 */
export async function createAwsPorts(options: AwsPortsOptions): Promise<AwsPorts> {
  if (!options.region) throw new Error('No AWS region: set the aws-region input or AWS_REGION');
  const [cp, ecr, cb, logs, s3] = await Promise.all([
    import('@aws-sdk/client-codepipeline'),
    import('@aws-sdk/client-ecr'),
    import('@aws-sdk/client-codebuild'),
    import('@aws-sdk/client-cloudwatch-logs'),
    import('@aws-sdk/client-s3'),
  ]);
  const [cpConfig, ecrConfig, cbConfig, logsConfig, s3Config] = await Promise.all([
    clientConfig('codepipeline', options),
    clientConfig('ecr', options),
    clientConfig('codebuild', options),
    clientConfig('logs', options),
    clientConfig('s3', options),
  ]);
  // A local or private S3 endpoint has no per-bucket host names: address buckets in the path.
  if (overriddenEndpoint('s3', options)) s3Config.forcePathStyle = true;
  const clients = {
    codepipeline: new cp.CodePipelineClient(cpConfig),
    ecr: new ecr.ECRClient(ecrConfig),
    codebuild: new cb.CodeBuildClient(cbConfig),
    logs: new logs.CloudWatchLogsClient(logsConfig),
    s3: new s3.S3Client(s3Config),
  };
  return {
    pipeline: new AwsPipeline(cp, clients.codepipeline, options.region, options.logger),
    images: new AwsImages({ sdk: ecr, client: clients.ecr }, { sdk: s3, client: clients.s3 }, options.region, options.logger),
    logs: new AwsBuildLogs({ sdk: cb, client: clients.codebuild }, { sdk: logs, client: clients.logs }, options.logger),
    destroy: () => {
      for (const c of Object.values(clients)) c.destroy();
    },
  };
}
