import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeployWorld } from './deploy-sim.js';
import type { Scenario } from './model.js';
import { FakeAwsError, PipelineWorld, type ApprovalRecord, type RetryRecord, type StartRecord, type StopRecord } from './pipeline-sim.js';
import { seededRandom } from './rng.js';
import { Resources } from './services.js';
import { FakeSts, type FakeStsOptions } from './sts.js';
import { md5 } from './zip.js';

/**
 * A fake AWS endpoint on 127.0.0.1 speaking the real wire protocols:
 * awsJson1_1 (POST /, X-Amz-Target) for CodePipeline, ECR, CodeBuild,
 * CloudWatch Logs, CodeDeploy and ECS, and REST-XML path-style GET for S3. It checks that requests
 * are SigV4-signed for the right service and region with the fake key,
 * answers in the services' shapes and error shapes, injects seeded throttling
 * and 5xx faults, and counts every request per operation.
 */

export const FAKE_ACCESS_KEY_ID = 'AKIAFAKEFAKEFAKE1234';
export const FAKE_SECRET_ACCESS_KEY = 'fakeSecretKeyForTheFakeAwsServer0000000';

/** `timeout`: the request is never answered (the client's request timeout must fire). Not drawn unless listed in `kinds`. */
export type FaultKind = 'throttle' | '500' | '503' | 'timeout';

export interface FaultOptions {
  /** Fraction of requests answered with a fault, 0..1. */
  rate: number;
  seed?: number;
  kinds?: FaultKind[];
  /** At most this many faults for one SDK invocation (its retries share `amz-sdk-invocation-id`). Default 3. */
  maxPerInvocation?: number;
  /** Only these operations (e.g. `GetPipelineState`); default all. */
  operations?: string[];
}

export interface FakeAwsOptions {
  scenario: Scenario;
  faults?: FaultOptions;
  /** `GetPipelineState` (default): the clock moves one tick after each answered GetPipelineState. `manual`: only tick(). */
  advance?: 'GetPipelineState' | 'manual';
  /** Page size cap for ListPipelineExecutions / ListActionExecutions. Default 100. */
  pageSize?: number;
  /**
   * Operations the caller's IAM policy does not allow (`GetDeploymentGroup`, or
   * `codedeploy:GetDeploymentGroup`): answered with AccessDeniedException, as AWS
   * words it, naming the action and resource.
   */
  deny?: string[];
  /** STS AssumeRole (sts.ts): roles that may be assumed, and whether the other services require a session of one. */
  sts?: FakeStsOptions;
}

export interface CallRecord {
  service: 'codepipeline' | 'ecr' | 'codebuild' | 'logs' | 's3' | 'codedeploy' | 'ecs';
  operation: string;
  status: number;
  /** The error code answered, if any (`ThrottlingException`, `InternalFailure`, `NoSuchKey` …). */
  error?: string;
  fault: boolean;
  /** S3 only: how the bucket was addressed. */
  style?: 'path' | 'virtual';
  tick: number;
  body?: unknown;
}

const TARGETS: Record<string, { service: CallRecord['service']; signing: string; faultNamespace: string }> = {
  CodePipeline_20150709: { service: 'codepipeline', signing: 'codepipeline', faultNamespace: 'com.amazonaws.codepipeline' },
  AmazonEC2ContainerRegistry_V20150921: { service: 'ecr', signing: 'ecr', faultNamespace: 'com.amazonaws.ecr' },
  CodeBuild_20161006: { service: 'codebuild', signing: 'codebuild', faultNamespace: 'com.amazonaws.codebuild' },
  Logs_20140328: { service: 'logs', signing: 'logs', faultNamespace: 'com.amazonaws.logs' },
  CodeDeploy_20141006: { service: 'codedeploy', signing: 'codedeploy', faultNamespace: 'com.amazonaws.codedeploy' },
  AmazonEC2ContainerServiceV20141113: { service: 'ecs', signing: 'ecs', faultNamespace: 'com.amazonaws.ecs' },
};

/** The IAM prefix of each service's actions. */
const IAM_PREFIX: Record<CallRecord['service'], string> = { codepipeline: 'codepipeline', ecr: 'ecr', codebuild: 'codebuild', logs: 'logs', s3: 's3', codedeploy: 'codedeploy', ecs: 'ecs' };

/** Who the fake says is calling, in access-denied messages. */
export const FAKE_CALLER_ROLE = 'github-actions-deploy';

type Json = Record<string, unknown>;

export class FakeAws {
  readonly world: PipelineWorld;
  readonly resources: Resources;
  readonly deploy: DeployWorld;
  readonly sts: FakeSts;
  readonly calls: CallRecord[] = [];
  private denied = new Set<string>();
  private server!: http.Server;
  private faults?: FaultOptions;
  private random: () => number = Math.random;
  private readonly faultsPerInvocation = new Map<string, number>();
  private readonly advance: 'GetPipelineState' | 'manual';
  port = 0;

  constructor(readonly options: FakeAwsOptions) {
    this.world = new PipelineWorld(options.scenario);
    this.resources = new Resources(options.scenario, this.world);
    this.deploy = new DeployWorld(options.scenario, this.world);
    this.sts = new FakeSts(options.sts, this.world, FAKE_ACCESS_KEY_ID);
    this.deny(options.deny ?? []);
    this.advance = options.advance ?? 'GetPipelineState';
    if (options.pageSize) this.world.pageSize = options.pageSize;
    this.setFaults(options.faults);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get region(): string {
    return this.world.region;
  }
  get starts(): StartRecord[] {
    return this.world.starts;
  }
  get stops(): StopRecord[] {
    return this.world.stops;
  }
  get approvals(): ApprovalRecord[] {
    return this.world.approvals;
  }
  get retries(): RetryRecord[] {
    return this.world.retries;
  }
  get now(): number {
    return this.world.now;
  }

  tick(n = 1): void {
    this.world.tick(n);
  }

  /** From now on, these operations are denied (replacing the earlier list); `[]` allows everything again. */
  deny(operations: string[]): void {
    this.denied = new Set(operations.map((o) => o.slice(o.indexOf(':') + 1)));
  }

  setFaults(f: FaultOptions | undefined): void {
    this.faults = f;
    this.random = seededRandom(f?.seed ?? 1);
    this.faultsPerInvocation.clear();
  }

  /** Requests per operation (faulted ones included), e.g. `{ GetPipelineState: 12 }`. */
  counts(o: { includeFaults?: boolean } = {}): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.calls) if (o.includeFaults !== false || !c.fault) out[c.operation] = (out[c.operation] ?? 0) + 1;
    return out;
  }

  faultCounts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.calls) if (c.fault) out[c.operation] = (out[c.operation] ?? 0) + 1;
    return out;
  }

  resetCounts(): void {
    this.calls.length = 0;
  }

  /**
   * The environment for the SDK (or for `node dist/index.js`) to reach this
   * server: endpoint override, fake static credentials, region, and no shared
   * files or instance metadata, so that nothing leaves the loopback.
   */
  env(extra: Record<string, string> = {}): Record<string, string> {
    return {
      AWS_ENDPOINT_URL: this.url,
      AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY_ID,
      AWS_SECRET_ACCESS_KEY: FAKE_SECRET_ACCESS_KEY,
      AWS_REGION: this.region,
      AWS_DEFAULT_REGION: this.region,
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/nonexistent/fake-aws/config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/fake-aws/credentials',
      ...extra,
    };
  }

  async listen(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          this.handle(req, Buffer.concat(chunks), res);
        } catch (err) {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(`fake AWS crashed: ${(err as Error).stack}`);
        }
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections?.();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---- dispatch -------------------------------------------------------------

  private pickFault(operation: string, invocation: string | undefined): FaultKind | undefined {
    const f = this.faults;
    if (!f || f.rate <= 0) return undefined;
    if (f.operations && !f.operations.includes(operation)) return undefined;
    const key = invocation ?? randomUUID();
    const used = this.faultsPerInvocation.get(key) ?? 0;
    // Draw every time so that the sequence depends only on the seed and the call order.
    const roll = this.random();
    const which = this.random();
    if (used >= (f.maxPerInvocation ?? 3) || roll >= f.rate) return undefined;
    this.faultsPerInvocation.set(key, used + 1);
    const kinds = f.kinds?.length ? f.kinds : (['throttle', '500', '503'] as FaultKind[]);
    return kinds[Math.floor(which * kinds.length)];
  }

  private handle(req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): void {
    if (this.sts.matches(req, body)) return this.sts.handle(req, body, res);
    const target = req.headers['x-amz-target'];
    if (typeof target === 'string') return this.handleJson(req, target, body, res);
    return this.handleS3(req, res);
  }

  /** The SigV4 credential scope: `AKID/date/region/service/aws4_request`. */
  private authError(req: http.IncomingMessage, service: string): { code: string; message: string; status: number } | undefined {
    const auth = req.headers.authorization;
    if (!auth) return { code: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token', status: 400 };
    const m = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, SignedHeaders=[^,]+, Signature=[0-9a-f]{64}$/.exec(auth);
    if (!m) return { code: 'IncompleteSignatureException', message: 'Authorization header requires Credential, SignedHeaders and Signature.', status: 400 };
    const who = this.sts.authorize(m[1], header(req, 'x-amz-security-token'));
    if (who) return who;
    if (m[4] !== service) return { code: 'InvalidSignatureException', message: `Credential should be scoped to correct service: '${service}'.`, status: 400 };
    if (m[3] !== this.region) return { code: 'InvalidSignatureException', message: `Credential should be scoped to a valid region, not '${m[3]}'.`, status: 400 };
    return undefined;
  }

  private handleJson(req: http.IncomingMessage, target: string, body: Buffer, res: http.ServerResponse): void {
    const [prefix, operation = ''] = target.split('.');
    const svc = TARGETS[prefix];
    const record = (status: number, extra: Partial<CallRecord>): void => {
      this.calls.push({ service: svc?.service ?? 'codepipeline', operation, status, fault: false, tick: this.world.now, ...extra });
    };
    if (!svc) {
      record(400, { error: 'UnknownOperationException' });
      return this.jsonError(res, 400, 'UnknownOperationException', `Unknown target ${target}`);
    }
    if (req.method !== 'POST' || req.url !== '/') {
      record(404, { error: 'UnknownOperationException' });
      return this.jsonError(res, 404, 'UnknownOperationException', `${req.method} ${req.url} is not an operation`);
    }
    const denied = this.authError(req, svc.signing);
    if (denied) {
      record(denied.status, { error: denied.code });
      return this.jsonError(res, denied.status, denied.code, denied.message);
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-amz-json-1.1')) {
      record(400, { error: 'SerializationException' });
      return this.jsonError(res, 400, 'SerializationException', 'Content-Type must be application/x-amz-json-1.1');
    }
    let input: Json;
    try {
      input = body.length ? (JSON.parse(body.toString('utf8')) as Json) : {};
    } catch {
      record(400, { error: 'SerializationException' });
      return this.jsonError(res, 400, 'SerializationException', 'Start of structure or map found where not expected.');
    }
    if (this.denied.has(operation)) {
      record(400, { error: 'AccessDeniedException', body: input });
      const action = `${IAM_PREFIX[svc.service]}:${operation}`;
      const resource = this.deploy.deniedResource(operation, input);
      const caller = `arn:aws:sts::${this.world.accountId}:assumed-role/${FAKE_CALLER_ROLE}/GitHubActions`;
      return this.jsonError(res, 400, 'AccessDeniedException', `User: ${caller} is not authorized to perform: ${action} on resource: ${resource} because no identity-based policy allows the ${action} action`);
    }
    const fault = this.pickFault(operation, header(req, 'amz-sdk-invocation-id'));
    if (fault === 'timeout') {
      record(0, { error: 'timeout', fault: true, body: input });
      return;
    }
    if (fault === 'throttle') {
      record(400, { error: 'ThrottlingException', fault: true, body: input });
      return this.jsonError(res, 400, 'ThrottlingException', 'Rate exceeded');
    }
    // A 5xx on a write is answered after the write happened: the caller cannot tell, and must retry idempotently.
    const lostResponse = fault !== undefined && (operation === 'StartPipelineExecution' || operation === 'StopPipelineExecution');
    if (fault && !lostResponse) return this.serverFault(res, fault, svc.faultNamespace, () => record(Number(fault), { error: fault === '500' ? 'InternalFailure' : 'ServiceUnavailable', fault: true, body: input }));
    let output: Json;
    try {
      output = this.operate(svc.service, operation, input);
    } catch (err) {
      if (!(err instanceof FakeAwsError)) throw err;
      record(err.status, { error: err.code, body: input });
      return this.jsonError(res, err.status, err.code, err.message);
    }
    if (fault) return this.serverFault(res, fault, svc.faultNamespace, () => record(Number(fault), { error: fault === '500' ? 'InternalFailure' : 'ServiceUnavailable', fault: true, body: input }));
    record(200, { body: input });
    if (svc.service === 'codepipeline' && operation === 'GetPipelineState' && this.advance === 'GetPipelineState') this.world.tick();
    const text = JSON.stringify(output);
    res.writeHead(200, {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(text),
      'x-amzn-requestid': randomUUID(),
      date: new Date().toUTCString(),
    });
    res.end(text);
  }

  private serverFault(res: http.ServerResponse, fault: FaultKind, namespace: string, record: () => void): void {
    record();
    const code = fault === '500' ? 'InternalFailure' : 'ServiceUnavailable';
    const message = fault === '500' ? 'The request processing has failed because of an unknown error, exception or failure.' : 'The service is unavailable. Please try again later.';
    this.jsonError(res, Number(fault), code, message, `${namespace}#`);
  }

  private operate(service: CallRecord['service'], operation: string, input: Json): Json {
    const w = this.world;
    const r = this.resources;
    const table: Record<string, Record<string, (i: Json) => Json>> = {
      codepipeline: {
        GetPipeline: (i) => w.getPipeline(i),
        GetPipelineState: (i) => w.getPipelineState(i),
        GetPipelineExecution: (i) => w.getPipelineExecution(i),
        ListPipelineExecutions: (i) => w.listPipelineExecutions(i),
        ListActionExecutions: (i) => w.listActionExecutions(i),
        StartPipelineExecution: (i) => w.startPipelineExecution(i),
        StopPipelineExecution: (i) => w.stopPipelineExecution(i),
        PutApprovalResult: (i) => w.putApprovalResult(i),
        RetryStageExecution: (i) => w.retryStageExecution(i),
      },
      ecr: { DescribeImages: (i) => r.describeImages(i) },
      codebuild: { BatchGetBuilds: (i) => r.batchGetBuilds(i) },
      logs: { GetLogEvents: (i) => r.getLogEvents(i) },
      codedeploy: { GetDeploymentGroup: (i) => this.deploy.getDeploymentGroup(i) },
      ecs: { DescribeServices: (i) => this.deploy.describeServices(i), DescribeTaskDefinition: (i) => this.deploy.describeTaskDefinition(i) },
      s3: {},
    };
    const fn = table[service][operation];
    if (!fn) throw new FakeAwsError('UnknownOperationException', `The fake does not implement ${operation}`);
    return fn(input);
  }

  private jsonError(res: http.ServerResponse, status: number, code: string, message: string, typePrefix = ''): void {
    const text = JSON.stringify({ __type: `${typePrefix}${code}`, message });
    res.writeHead(status, {
      'content-type': 'application/x-amz-json-1.1',
      'content-length': Buffer.byteLength(text),
      'x-amzn-requestid': randomUUID(),
      'x-amzn-errortype': `${code}:http://internal.amazon.com/coral/com.amazon.coral.service/`,
      date: new Date().toUTCString(),
    });
    res.end(text);
  }

  // ---- S3 -------------------------------------------------------------------

  private handleS3(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const host = String(req.headers.host ?? '').replace(/:\d+$/, '');
    // Virtual-hosted style puts a bucket name in front of the endpoint's host.
    const buckets = new Set([this.options.scenario.pipeline.artifactBucket, ...this.resources.objects.map((o) => o.bucket)]);
    const virtual = host.includes('.') && buckets.has(host.split('.')[0]);
    const segments = url.pathname.split('/').slice(1);
    const bucket = virtual ? host.split('.')[0] : decodeURIComponent(segments.shift() ?? '');
    const key = segments.map(decodeURIComponent).join('/');
    const operation = req.method === 'HEAD' ? 'HeadObject' : req.method === 'GET' && key ? 'GetObject' : `${req.method}Bucket`;
    const style = virtual ? 'virtual' : 'path';
    const record = (status: number, extra: Partial<CallRecord> = {}): void => {
      this.calls.push({ service: 's3', operation, status, fault: false, style, tick: this.world.now, body: { bucket, key }, ...extra });
    };
    const denied = this.authError(req, 's3');
    if (denied) {
      const code = denied.code === 'UnrecognizedClientException' ? 'InvalidAccessKeyId' : denied.code === 'InvalidSignatureException' ? 'AuthorizationHeaderMalformed' : 'AccessDenied';
      record(403, { error: code });
      return this.xmlError(res, code === 'AuthorizationHeaderMalformed' ? 400 : 403, code, denied.message, key, req.method === 'HEAD');
    }
    if (operation !== 'GetObject' && operation !== 'HeadObject') {
      record(405, { error: 'MethodNotAllowed' });
      return this.xmlError(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', key, false);
    }
    if (this.denied.has(operation)) {
      record(403, { error: 'AccessDenied' });
      return this.xmlError(res, 403, 'AccessDenied', 'Access Denied', key, req.method === 'HEAD');
    }
    const fault = this.pickFault(operation, header(req, 'amz-sdk-invocation-id'));
    if (fault === 'timeout') {
      record(0, { error: 'timeout', fault: true });
      return;
    }
    if (fault) {
      const [status, code, message] =
        fault === 'throttle' ? [503, 'SlowDown', 'Please reduce your request rate.'] : fault === '500' ? [500, 'InternalError', 'We encountered an internal error. Please try again.'] : [503, 'ServiceUnavailable', 'Service is unable to handle request.'];
      record(status, { error: code, fault: true });
      return this.xmlError(res, status, code, message, key, req.method === 'HEAD');
    }
    let obj;
    try {
      obj = this.resources.getObject(bucket, key);
    } catch (err) {
      if (!(err instanceof FakeAwsError)) throw err;
      record(err.status, { error: err.code });
      return this.xmlError(res, err.status, err.code, err.message, key, req.method === 'HEAD');
    }
    record(200);
    const data = Buffer.isBuffer(obj.body) ? obj.body : Buffer.from(obj.body, 'utf8');
    res.writeHead(200, {
      'content-type': obj.contentType ?? 'application/zip',
      'content-length': data.length,
      etag: `"${md5(data)}"`,
      'last-modified': new Date(this.world.seconds(0) * 1000).toUTCString(),
      'accept-ranges': 'bytes',
      'x-amz-server-side-encryption': 'aws:kms',
      'x-amz-server-side-encryption-aws-kms-key-id': `arn:aws:kms:${this.region}:${this.world.accountId}:key/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d`,
      'x-amz-request-id': randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase(),
      'x-amz-id-2': Buffer.from(randomUUID()).toString('base64'),
      date: new Date().toUTCString(),
      server: 'AmazonS3',
    });
    res.end(req.method === 'HEAD' ? undefined : data);
  }

  private xmlError(res: http.ServerResponse, status: number, code: string, message: string, key: string, head: boolean): void {
    const id = randomUUID().replace(/-/g, '').slice(0, 16).toUpperCase();
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${escapeXml(message)}</Message>${key ? `<Key>${escapeXml(key)}</Key>` : ''}<RequestId>${id}</RequestId><HostId>${Buffer.from(id).toString('base64')}</HostId></Error>`;
    res.writeHead(status, { 'content-type': 'application/xml', 'x-amz-request-id': id, date: new Date().toUTCString(), server: 'AmazonS3', ...(head ? {} : { 'content-length': Buffer.byteLength(xml) }) });
    res.end(head ? undefined : xml);
  }
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Starts a fake AWS server for a scenario on 127.0.0.1 and a random port. */
export async function startFakeAws(options: FakeAwsOptions): Promise<FakeAws> {
  return new FakeAws(options).listen();
}
