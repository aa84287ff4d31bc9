import { createAwsPorts, type AwsPorts, type AwsPortsOptions } from '../../../src/adapters/aws/index.js';
import type { Logger } from '../../../src/services/ports.js';
import { startFakeAws, type FakeAws, type FakeAwsOptions } from '../../fakes/aws/index.js';

/** Sets variables for the duration of a test file and puts the old values back. */
export function useEnv(): { set(vars: Record<string, string | undefined>): void; restore(): void } {
  const saved = new Map<string, string | undefined>();
  return {
    set(vars) {
      for (const [k, v] of Object.entries(vars)) {
        if (!saved.has(k)) saved.set(k, process.env[k]);
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
    restore() {
      for (const [k, v] of saved) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      saved.clear();
    },
  };
}

/** Every variable that could send the SDK elsewhere than the fake. */
export const AWS_VARS = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_CODEPIPELINE',
  'AWS_ENDPOINT_URL_ECR',
  'AWS_ENDPOINT_URL_CODEBUILD',
  'AWS_ENDPOINT_URL_CLOUDWATCH_LOGS',
  'AWS_ENDPOINT_URL_S3',
  'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
  'AWS_PROFILE',
  'AWS_SESSION_TOKEN',
  'AWS_WEB_IDENTITY_TOKEN_FILE',
  'AWS_ROLE_ARN',
  'AWS_MAX_ATTEMPTS',
  'AWS_RETRY_MODE',
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
];

export interface Harness {
  fake: FakeAws;
  ports: AwsPorts;
  logs: string[];
  close(): Promise<void>;
}

export function recordingLogger(into: string[]): Logger {
  return {
    info: (m) => into.push(`info: ${m}`),
    warning: (m) => into.push(`warning: ${m}`),
    debug: (m) => into.push(`debug: ${m}`),
  };
}

/**
 * A fake server and the real adapter pointed at it through the SDK's own
 * AWS_ENDPOINT_URL (no endpoint option), credentials from the default chain.
 */
export async function harness(fakeOptions: FakeAwsOptions, portOptions: Partial<AwsPortsOptions> = {}): Promise<Harness> {
  const fake = await startFakeAws(fakeOptions);
  const env = useEnv();
  env.set(Object.fromEntries(AWS_VARS.map((k) => [k, undefined])));
  env.set(fake.env());
  const logs: string[] = [];
  const ports = await createAwsPorts({ region: fake.region, retryDelayScale: 0.01, logger: recordingLogger(logs), ...portOptions });
  return {
    fake,
    ports,
    logs,
    async close() {
      ports.destroy();
      env.restore();
      await fake.close();
    },
  };
}
