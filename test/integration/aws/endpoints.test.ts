import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { createAwsPorts, type AwsPorts } from '../../../src/adapters/aws/index.js';
import { overriddenEndpoint } from '../../../src/adapters/aws/config.js';
import { scenarios, startFakeAws, type FakeAws } from '../../fakes/aws/index.js';
import { AWS_VARS, useEnv } from './helpers.js';

const { BUCKET, COMMIT, PIPELINE, REPOSITORY } = scenarios;
const DEAD = 'http://127.0.0.1:9';

/** One call to each of the five services. */
async function touchAll(ports: AwsPorts, executionId: string): Promise<void> {
  await ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId });
  await ports.images.describe({ repository: REPOSITORY, tag: '4c1f3e9' });
  await ports.images.imageDetailFromArtifact({ bucket: BUCKET, key: scenarios.artifactKeyFor(executionId, 'BuildOutput') });
  await ports.logs.tail({ buildId: scenarios.buildIdFor(COMMIT), lines: 3 });
}

const servicesOf = (f: FakeAws): string[] => [...new Set(f.calls.map((c) => c.service))].sort();

describe('endpoint overrides and credentials', () => {
  const env = useEnv();
  let a: FakeAws;
  let b: FakeAws;
  let ports: AwsPorts | undefined;
  const c = scenarios.success();

  beforeEach(async () => {
    a = await startFakeAws({ scenario: scenarios.success().scenario });
    b = await startFakeAws({ scenario: scenarios.success().scenario });
    env.set(Object.fromEntries(AWS_VARS.map((k) => [k, undefined])));
    env.set(a.env());
  });
  afterEach(async () => {
    ports?.destroy();
    ports = undefined;
    env.restore();
    await a.close();
    await b.close();
  });

  test('AWS_ENDPOINT_URL alone reaches all five services (the SDK reads it itself)', async () => {
    ports = await createAwsPorts({ region: 'us-east-1' });
    await touchAll(ports, c.executionId!);
    expect(servicesOf(a)).toEqual(['codebuild', 'codepipeline', 'ecr', 'logs', 's3']);
  });

  test('AWS_ENDPOINT_URL_<SERVICE> wins over AWS_ENDPOINT_URL, service by service', async () => {
    env.set({
      AWS_ENDPOINT_URL: DEAD,
      AWS_ENDPOINT_URL_CODEPIPELINE: a.url,
      AWS_ENDPOINT_URL_S3: a.url,
      AWS_ENDPOINT_URL_ECR: b.url,
      AWS_ENDPOINT_URL_CODEBUILD: b.url,
      AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: b.url,
    });
    ports = await createAwsPorts({ region: 'us-east-1', maxAttempts: 1 });
    await touchAll(ports, c.executionId!);
    expect(servicesOf(a)).toEqual(['codepipeline', 's3']);
    expect(servicesOf(b)).toEqual(['codebuild', 'ecr', 'logs']);
  });

  test('the endpoints option wins over the environment', async () => {
    ports = await createAwsPorts({ region: 'us-east-1', endpoints: { default: b.url, ecr: a.url } });
    await touchAll(ports, c.executionId!);
    expect(servicesOf(a)).toEqual(['ecr']);
    expect(servicesOf(b)).toEqual(['codebuild', 'codepipeline', 'logs', 's3']);
  });

  test('S3 goes path-style when its endpoint is overridden (a host name, not only an IP)', async () => {
    const local = a.url.replace('127.0.0.1', 'localhost');
    env.set({ AWS_ENDPOINT_URL: undefined, AWS_ENDPOINT_URL_S3: local });
    ports = await createAwsPorts({ region: 'us-east-1' });
    const key = scenarios.artifactKeyFor(c.executionId!, 'BuildOutput');
    expect(await ports.images.imageDetailFromArtifact({ bucket: BUCKET, key })).toContain('ImageURI');
    expect(a.calls.map((x) => [x.operation, x.style])).toEqual([['GetObject', 'path']]);
    // Without forcePathStyle the SDK would put the bucket in the host name.
    const plain = new S3Client({ region: 'us-east-1', maxAttempts: 1 });
    await plain.send(new GetObjectCommand({ Bucket: BUCKET, Key: key })).then(
      () => expect(a.calls.at(-1)?.style).toBe('virtual'),
      (err: Error) => expect(err.message).toMatch(/ENOTFOUND|EAI_AGAIN|getaddrinfo|ECONNREFUSED/),
    );
    plain.destroy();
  });

  test('overriddenEndpoint reads the same variables as the SDK, and AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', () => {
    const e = { AWS_ENDPOINT_URL: 'http://all', AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: 'http://logs' };
    expect(overriddenEndpoint('logs', { env: e })).toBe('http://logs');
    expect(overriddenEndpoint('s3', { env: e })).toBe('http://all');
    expect(overriddenEndpoint('s3', { env: { ...e, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' } })).toBeUndefined();
    expect(overriddenEndpoint('s3', { env: {}, endpoints: { s3: 'http://x' } })).toBe('http://x');
    expect(overriddenEndpoint('ecr', { env: {} })).toBeUndefined();
  });

  test('credentials come from the default chain: a key the fake does not know is refused, not retried', async () => {
    env.set({ AWS_ACCESS_KEY_ID: 'AKIAWRONGWRONGWRONG1' });
    ports = await createAwsPorts({ region: 'us-east-1' });
    await expect(ports.pipeline.listExecutions({ pipelineName: PIPELINE })).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
    expect(a.calls).toHaveLength(1);
  });

  test('requests are signed for the region of the option', async () => {
    ports = await createAwsPorts({ region: 'eu-west-1' });
    await expect(ports.pipeline.listExecutions({ pipelineName: PIPELINE })).rejects.toMatchObject({ name: 'InvalidSignatureException' });
    expect(a.calls[0]).toMatchObject({ error: 'InvalidSignatureException' });
  });

  test('no region is an error that names the input', async () => {
    await expect(createAwsPorts({ region: '' })).rejects.toThrow(/aws-region/);
  });
});
