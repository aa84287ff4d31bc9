import { CodePipelineClient, GetPipelineStateCommand, PutApprovalResultCommand } from '@aws-sdk/client-codepipeline';
import { scenarios, startFakeAws, type FakeAws, type FaultOptions } from '../../fakes/aws/index.js';
import { AWS_VARS, harness, useEnv, type Harness } from './helpers.js';

const { PIPELINE } = scenarios;

async function post(fake: FakeAws, target: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${fake.url}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': target,
      authorization: `AWS4-HMAC-SHA256 Credential=AKIAFAKEFAKEFAKE1234/20250506/us-east-1/codepipeline/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`,
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

describe('the fake AWS server itself', () => {
  let fake: FakeAws;
  afterEach(async () => fake?.close());

  test('awsJson1_1 errors carry __type, message and x-amzn-ErrorType', async () => {
    fake = await startFakeAws({ scenario: scenarios.success().scenario });
    const unsigned = await post(fake, 'CodePipeline_20150709.GetPipelineState', { name: PIPELINE }, { authorization: '' });
    expect(unsigned.status).toBe(400);
    expect(unsigned.headers.get('x-amzn-errortype')).toMatch(/^MissingAuthenticationTokenException:/);
    expect(await unsigned.json()).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
    const wrongService = await post(fake, 'Logs_20140328.GetLogEvents', { logStreamName: 'x' });
    expect(await wrongService.json()).toMatchObject({ __type: 'InvalidSignatureException', message: "Credential should be scoped to correct service: 'logs'." });
    const unknown = await post(fake, 'CodePipeline_20150709.DeletePipeline', { name: PIPELINE });
    expect(await unknown.json()).toMatchObject({ __type: 'UnknownOperationException' });
    const notJson = await post(fake, 'CodePipeline_20150709.GetPipelineState', {}, { 'content-type': 'application/json' });
    expect(await notJson.json()).toMatchObject({ __type: 'SerializationException' });
    const ok = await post(fake, 'CodePipeline_20150709.GetPipelineState', { name: PIPELINE });
    expect(ok.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    expect(ok.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    const state = (await ok.json()) as { stageStates: Array<{ latestExecution: { pipelineExecutionId: string } }>; created: number };
    expect(typeof state.created).toBe('number');
    expect(state.stageStates.map((s) => s.latestExecution.pipelineExecutionId)).toHaveLength(3);
  });

  test('faults: ThrottlingException 400, InternalFailure 500, ServiceUnavailable 503; S3 in XML', async () => {
    fake = await startFakeAws({ scenario: scenarios.success().scenario, faults: { rate: 1, maxPerInvocation: 100, seed: 3 } });
    const seen = new Map<number, unknown>();
    for (let i = 0; i < 20; i++) {
      const res = await post(fake, 'CodePipeline_20150709.GetPipelineState', { name: PIPELINE });
      seen.set(res.status, await res.json());
    }
    expect(seen.get(400)).toEqual({ __type: 'ThrottlingException', message: 'Rate exceeded' });
    expect(seen.get(500)).toMatchObject({ __type: 'com.amazonaws.codepipeline#InternalFailure' });
    expect(seen.get(503)).toMatchObject({ __type: 'com.amazonaws.codepipeline#ServiceUnavailable' });
    // A faulted GetPipelineState does not move the clock.
    expect(fake.now).toBe(0);
    const s3 = await fetch(`${fake.url}/${scenarios.BUCKET}/some/key`, {
      headers: { authorization: `AWS4-HMAC-SHA256 Credential=AKIAFAKEFAKEFAKE1234/20250506/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}` },
    });
    expect([500, 503]).toContain(s3.status);
    expect(await s3.text()).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<Error><Code>(SlowDown|InternalError|ServiceUnavailable)<\/Code>/);
    fake.setFaults(undefined);
    const missing = await fetch(`${fake.url}/${scenarios.BUCKET}/some/key`, {
      headers: { authorization: `AWS4-HMAC-SHA256 Credential=AKIAFAKEFAKEFAKE1234/20250506/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=${'0'.repeat(64)}` },
    });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>some/key</Key>');
  });

  test('faults are seeded: the same seed and calls give the same faults, another seed others', async () => {
    const pattern = async (f: FaultOptions): Promise<string> => {
      const s = await startFakeAws({ scenario: scenarios.success().scenario, faults: f });
      let out = '';
      for (let i = 0; i < 40; i++) out += (await post(s, 'CodePipeline_20150709.GetPipeline', { name: PIPELINE }, { 'amz-sdk-invocation-id': `call-${i}` })).status === 200 ? '.' : 'x';
      await s.close();
      return out;
    };
    const a = await pattern({ rate: 0.3, seed: 11 });
    expect(await pattern({ rate: 0.3, seed: 11 })).toBe(a);
    expect(await pattern({ rate: 0.3, seed: 12 })).not.toBe(a);
    const share = [...a].filter((ch) => ch === 'x').length / a.length;
    expect(share).toBeGreaterThan(0.1);
    expect(share).toBeLessThan(0.6);
  });

  test('one invocation is faulted at most maxPerInvocation times (retries share amz-sdk-invocation-id)', async () => {
    fake = await startFakeAws({ scenario: scenarios.success().scenario, faults: { rate: 1, maxPerInvocation: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(fake, 'CodePipeline_20150709.GetPipeline', { name: PIPELINE }, { 'amz-sdk-invocation-id': 'same' })).status);
    expect(statuses.slice(0, 2).every((s) => s !== 200)).toBe(true);
    expect(statuses.slice(2)).toEqual([200, 200]);
  });

  test('env() is everything the SDK needs and nothing that could leave loopback', async () => {
    fake = await startFakeAws({ scenario: scenarios.success().scenario });
    expect(fake.env()).toMatchObject({
      AWS_ENDPOINT_URL: fake.url,
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKE1234',
      AWS_SECRET_ACCESS_KEY: expect.any(String),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    expect(fake.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });
});

describe('PutApprovalResult on the fake, through the SDK', () => {
  let h: Harness;
  const env = useEnv();
  afterEach(async () => {
    env.restore();
    await h?.close();
  });

  test('the token from the state approves; a wrong or used token is refused; the record is kept', async () => {
    const c = scenarios.approvalThenApproved({ waitTicks: 20 });
    h = await harness({ scenario: c.scenario, advance: 'manual' });
    h.fake.tick(4);
    const snap = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: c.executionId! });
    const approval = snap.stages[2].actions[0];
    expect(approval.status).toBe('InProgress');
    env.set(Object.fromEntries(AWS_VARS.map((k) => [k, undefined])));
    env.set(h.fake.env());
    const client = new CodePipelineClient({ region: 'us-east-1' });
    const put = (token: string): Promise<unknown> =>
      client.send(new PutApprovalResultCommand({ pipelineName: PIPELINE, stageName: 'Approve', actionName: 'ManualApproval', token, result: { status: 'Approved', summary: 'Ship it' } }));
    await expect(put('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ name: 'InvalidApprovalTokenException' });
    await put(approval.token!);
    await expect(put(approval.token!)).rejects.toMatchObject({ name: 'ApprovalAlreadyCompletedException' });
    expect(h.fake.approvals).toEqual([{ pipelineName: PIPELINE, stageName: 'Approve', actionName: 'ManualApproval', token: approval.token, status: 'Approved', summary: 'Ship it' }]);
    const after = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: c.executionId! });
    expect(after.stages[2]).toMatchObject({ status: 'Succeeded', actions: [{ status: 'Succeeded', summary: 'Ship it' }] });
    const raw = await client.send(new GetPipelineStateCommand({ name: PIPELINE }));
    expect(raw.stageStates?.[2].actionStates?.[0].latestExecution?.lastUpdatedBy).toMatch(/^arn:aws:sts::123456789012:assumed-role\//);
    client.destroy();
  });

  test('a rejection fails the stage and the execution', async () => {
    const c = scenarios.approvalThenApproved({ waitTicks: 20 });
    h = await harness({ scenario: c.scenario, advance: 'manual' });
    h.fake.tick(5);
    const token = (await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: c.executionId! })).stages[2].actions[0].token!;
    env.set(h.fake.env());
    const client = new CodePipelineClient({ region: 'us-east-1' });
    await client.send(new PutApprovalResultCommand({ pipelineName: PIPELINE, stageName: 'Approve', actionName: 'ManualApproval', token, result: { status: 'Rejected', summary: 'Staging is down' } }));
    client.destroy();
    const s = await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: c.executionId! });
    expect(s.status).toBe('Failed');
    expect(s.stages.map((st) => st.status)).toEqual(['Succeeded', 'Succeeded', 'Failed', 'NotStarted']);
    // The scripted approval, later on the timeline, no longer happens.
    h.fake.tick(30);
    expect((await h.ports.pipeline.snapshot({ pipelineName: PIPELINE, executionId: c.executionId! })).stages[2].status).toBe('Failed');
  });
});
