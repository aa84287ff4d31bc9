import type { Logger } from '../../services/ports.js';
import { proxyAgents } from './proxy.js';
import type { AwsCredentials, CredentialsProvider } from './sts.js';

/** The AWS services the tracker talks to, by the name used in `endpoints`. */
export type AwsService = 'codepipeline' | 'ecr' | 'codebuild' | 'logs' | 's3' | 'codedeploy' | 'ecs' | 'sts';

export interface AwsPortsOptions {
  region: string;
  /**
   * Endpoint overrides: per service, or `default` for all of them. Without
   * them the SDK itself honours AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>
   * (and `endpoint_url` in the shared config file).
   */
  endpoints?: Partial<Record<AwsService | 'default', string>>;
  logger?: Logger;
  /** Attempts per call, the first included, under the SDK's standard retry strategy. Default 5. */
  maxAttempts?: number;
  /** Multiplies the standard strategy's backoff delays; tests pass e.g. 0.01. Default 1 (the SDK's own delays). */
  retryDelayScale?: number;
  /** Per-request socket timeout in ms (a timed-out request is retried). Default 30000. */
  requestTimeoutMs?: number;
  /** Where to read proxy and endpoint variables; default process.env. */
  env?: NodeJS.ProcessEnv;
  /**
   * Credentials for every client, e.g. a role assumed for one repository's
   * pipeline (sts.ts). Default: the SDK's chain (environment, web identity,
   * shared files, container and instance roles).
   */
  credentials?: AwsCredentials | CredentialsProvider;
}

/** The SDK's service ids as they appear in AWS_ENDPOINT_URL_<SERVICE_ID>. */
export const ENDPOINT_ENV: Record<AwsService, string> = {
  codepipeline: 'AWS_ENDPOINT_URL_CODEPIPELINE',
  ecr: 'AWS_ENDPOINT_URL_ECR',
  codebuild: 'AWS_ENDPOINT_URL_CODEBUILD',
  logs: 'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS',
  s3: 'AWS_ENDPOINT_URL_S3',
  codedeploy: 'AWS_ENDPOINT_URL_CODEDEPLOY',
  ecs: 'AWS_ENDPOINT_URL_ECS',
  sts: 'AWS_ENDPOINT_URL_STS',
};

const HOST_PREFIX: Record<AwsService, string> = { codepipeline: 'codepipeline', ecr: 'api.ecr', codebuild: 'codebuild', logs: 'logs', s3: 's3', codedeploy: 'codedeploy', ecs: 'ecs', sts: 'sts' };

export function dnsSuffix(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}

/** The endpoint set explicitly (option) or through the environment, as the SDK would read it. */
export function overriddenEndpoint(service: AwsService, o: Pick<AwsPortsOptions, 'endpoints' | 'env'>): string | undefined {
  const explicit = o.endpoints?.[service] ?? o.endpoints?.default;
  if (explicit) return explicit;
  const env = o.env ?? process.env;
  if (/^true$/i.test(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? '')) return undefined;
  return env[ENDPOINT_ENV[service]] || env.AWS_ENDPOINT_URL || undefined;
}

/** The client configuration shared by the five clients; retries and proxy settled here. */
export async function clientConfig(service: AwsService, o: AwsPortsOptions): Promise<Record<string, unknown>> {
  const maxAttempts = o.maxAttempts ?? 5;
  const config: Record<string, unknown> = { region: o.region, maxAttempts, retryMode: 'standard' };
  const explicit = o.endpoints?.[service] ?? o.endpoints?.default;
  // Only an explicit option is passed on; the SDK reads the environment overrides itself.
  if (explicit) config.endpoint = explicit;
  if (o.credentials) config.credentials = o.credentials;
  const scale = o.retryDelayScale ?? 1;
  if (scale !== 1) config.retryStrategy = await scaledRetryStrategy(maxAttempts, scale);
  const target = new URL(overriddenEndpoint(service, o) ?? `https://${HOST_PREFIX[service]}.${o.region}.${dnsSuffix(o.region)}`);
  const agents = proxyAgents(target, o.env ?? process.env);
  if (agents.proxy) o.logger?.debug(`AWS ${service}: through proxy ${agents.proxy.host}`);
  // A plain options object: the client builds its own NodeHttpHandler from it.
  config.requestHandler = {
    requestTimeout: o.requestTimeoutMs ?? 30_000,
    // A request past its timeout becomes a TimeoutError, which the retry strategy retries.
    throwOnRequestTimeout: true,
    connectionTimeout: 10_000,
    ...(agents.httpAgent ? { httpAgent: agents.httpAgent } : {}),
    ...(agents.httpsAgent ? { httpsAgent: agents.httpsAgent } : {}),
  };
  return config;
}

/**
 * The SDK's StandardRetryStrategy (error classification, retry quota,
 * throttling vs transient bases) with its full-jitter exponential backoff
 * scaled down, so that tests run the real retry logic without waiting seconds.
 */
async function scaledRetryStrategy(maxAttempts: number, scale: number): Promise<unknown> {
  const { StandardRetryStrategy, MAXIMUM_RETRY_DELAY } = await import('@smithy/core/retry');
  let base = 50;
  const backoff = {
    setDelayBase(delay: number): void {
      base = delay;
    },
    computeNextBackoffDelay(attempt: number): number {
      return Math.floor(Math.random() * Math.min(base * 2 ** attempt, MAXIMUM_RETRY_DELAY) * scale);
    },
  };
  return new StandardRetryStrategy({ maxAttempts, backoff });
}
