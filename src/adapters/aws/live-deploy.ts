import type { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import type { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import type { ECSClient } from '@aws-sdk/client-ecs';
import type { LiveDeployPort } from '../../services/ports.js';
import { type AwsPortsOptions, clientConfig } from './config.js';
import { readDeployTarget } from './deploy-target.js';
import { readPipeline } from './read-pipeline.js';
import { readService, readTaskDefinition } from './live-taskdef.js';

export type LiveDeploy = LiveDeployPort & {
  /** Closes the kept-alive sockets of the clients that were made. */
  destroy(): void;
};

/**
 * The live side of the deploy preview on the SDK v3 clients, read-only. Each
 * SDK is imported the first time its service is asked, so that `mode: track`
 * (which only reads the pipeline for drift) never loads CodeDeploy or ECS.
 */
export function createLiveDeploy(options: AwsPortsOptions): LiveDeploy {
  if (!options.region) throw new Error('No AWS region: set the aws-region input or AWS_REGION');
  const region = options.region;
  const made: Array<{ destroy(): void }> = [];
  const once = <T>(make: () => Promise<T>): (() => Promise<T>) => {
    let p: Promise<T> | undefined;
    return () => (p ??= make());
  };
  const codedeploy = once(async () => {
    const sdk = await import('@aws-sdk/client-codedeploy');
    const client: CodeDeployClient = new sdk.CodeDeployClient(await clientConfig('codedeploy', options));
    made.push(client);
    return { sdk, client, region };
  });
  const ecs = once(async () => {
    const sdk = await import('@aws-sdk/client-ecs');
    const client: ECSClient = new sdk.ECSClient(await clientConfig('ecs', options));
    made.push(client);
    return { sdk, client, region };
  });
  const codepipeline = once(async () => {
    const sdk = await import('@aws-sdk/client-codepipeline');
    const client: CodePipelineClient = new sdk.CodePipelineClient(await clientConfig('codepipeline', options));
    made.push(client);
    return { sdk, client, region };
  });

  return {
    deploymentGroup: async (q) => readDeployTarget(await codedeploy(), q),
    service: async (q) => readService(await ecs(), q),
    taskDefinition: async (arn) => readTaskDefinition(await ecs(), arn),
    pipeline: async (name) => readPipeline(await codepipeline(), name),
    destroy: () => {
      for (const c of made) c.destroy();
    },
  };
}
