import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseCodePipelineEvent, sourceOfExecution, type CodePipelineEvent, type ExecutionSource } from '../../core/events/index.js';
import type { ExecutionSnapshot } from '../../core/pipeline/model.js';
import type { PipelinePort } from '../../services/ports.js';
import type { RoleAllowList } from '../roles.js';
import { identityKey, pooledAws, type AwsIdentity } from '../tracking/aws.js';

export const EVENTBRIDGE_PATH = '/eventbridge';
export const SECRET_HEADER = 'x-ecs-codepipeline-secret';
export const SECRET_ENV = 'ECS_CODEPIPELINE_EVENTBRIDGE_SECRET';
/** CodePipeline events are a few KB; EventBridge caps events at 256 KB. */
const MAX_BODY = 256 * 1024;

/** What one event comes to once the execution's state has been read again. */
export interface ExecutionUpdate {
  event: CodePipelineEvent;
  /** Fresh from GetPipelineExecution + GetPipelineState: the truth, whatever the event said. */
  snapshot: ExecutionSnapshot;
  /** The repository and commit; undefined when neither the trigger nor the revisions name a GitHub repository. */
  source?: ExecutionSource;
  /** Who read the snapshot (aws.ts identityKey): an update for a pipeline with another identity reads again as that one. */
  reader?: string;
}

/** A CodePipeline reader, and who it reads as. */
export type PipelineReader = Pick<PipelinePort, 'snapshot'> & { identity?: string };

export interface EventBridgeOptions {
  /** The shared secret the API destination's connection sends in `x-ecs-codepipeline-secret`. */
  secret: string;
  /** The CodePipeline reader for the event's region (and account), on the AWS adapter; tests point it at the fake. */
  pipelines(region: string, event: CodePipelineEvent): Promise<PipelineReader>;
  /**
   * Hand-off to execution tracking: update the commit's check runs from the
   * snapshot. Must be idempotent (the same update may come twice, or after a
   * newer one). Without it the endpoint only reads and answers.
   */
  onUpdate?(update: ExecutionUpdate): Promise<void>;
  /**
   * Takes the event over before any read (the app's tracking: it wakes the
   * tracker that follows the execution, or queues a fresh read in the
   * background); true: answered 202 at once. Without it, or when it declines,
   * the route reads the execution and calls `onUpdate` before answering.
   */
  accept?(event: CodePipelineEvent): boolean;
  log?: { debug(m: string): void; warn(m: string): void };
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string' || expected.length === 0) return false;
  // Hash both sides: equal-length buffers for timingSafeEqual, and no early exit on length.
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** A request and an answer without node:http, so the Lambda handler shares the route. */
export interface PlainRequest {
  method: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface PlainResponse {
  status: number;
  body: Record<string, unknown>;
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(undefined);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * CodePipeline's state-change events from an EventBridge API destination.
 *
 * Answers: 401 wrong or missing secret; 400 not a JSON event; 202 ignored
 * (another event type), accepted (queued by `accept`) or handled; 503 when
 * CodePipeline could not be read before answering, so that EventBridge
 * retries the delivery.
 */
export function eventBridgeService(o: EventBridgeOptions): (r: PlainRequest) => Promise<PlainResponse> {
  // Bursts repeat the same execution (one event per action and stage). A read
  // already running may predate this event, so at most one more read follows
  // it, and every event that arrives meanwhile shares that one.
  const slots = new Map<string, { tail: Promise<unknown>; queued?: Promise<ExecutionUpdate>; pending: number }>();
  async function read(event: CodePipelineEvent): Promise<ExecutionUpdate> {
    const port = await o.pipelines(event.region, event);
    const snapshot = await port.snapshot({ pipelineName: event.pipeline, executionId: event.executionId });
    const u: ExecutionUpdate = { event, snapshot, source: sourceOfExecution(event, snapshot.sourceRevisions), ...(port.identity ? { reader: port.identity } : {}) };
    if (o.onUpdate) await o.onUpdate(u);
    return u;
  }

  function update(event: CodePipelineEvent): Promise<ExecutionUpdate> {
    const key = `${event.region}/${event.pipeline}/${event.executionId}`;
    let slot = slots.get(key);
    if (slot?.queued) return slot.queued;
    if (!slot) {
      slot = { tail: Promise.resolve(), pending: 0 };
      slots.set(key, slot);
    }
    const s = slot;
    s.pending++;
    const p: Promise<ExecutionUpdate> = s.tail
      .catch(() => undefined)
      .then(() => {
        // From here on a new event needs a read of its own.
        if (s.queued === p) s.queued = undefined;
        return read(event);
      })
      .finally(() => {
        if (--s.pending === 0) slots.delete(key);
      });
    s.queued = p;
    s.tail = p;
    return p;
  }

  return async (r) => {
    if (r.method !== 'POST') return { status: 405, body: { error: 'use POST' } };
    if (!sameSecret(r.headers[SECRET_HEADER], o.secret)) return { status: 401, body: { error: `missing or wrong ${SECRET_HEADER} header` } };
    if (r.body.length > MAX_BODY) return { status: 413, body: { error: 'event too large' } };
    let body: unknown;
    try {
      body = JSON.parse(r.body);
    } catch {
      return { status: 400, body: { error: 'the body is not JSON' } };
    }
    const parsed = parseCodePipelineEvent(body);
    if (!parsed.ok) {
      o.log?.debug(`eventbridge: ${parsed.reason}`);
      return { status: parsed.ignored ? 202 : 400, body: { ignored: parsed.ignored === true, reason: parsed.reason } };
    }
    if (o.accept?.(parsed.event)) return { status: 202, body: { pipeline: parsed.event.pipeline, executionId: parsed.event.executionId, accepted: true } };
    try {
      const u = await update(parsed.event);
      return {
        status: 202,
        body: {
          pipeline: u.snapshot.pipelineName,
          executionId: u.snapshot.executionId,
          status: u.snapshot.status,
          ...(u.source ? { repository: `${u.source.owner}/${u.source.repo}`, commit: u.source.commit } : {}),
        },
      };
    } catch (e) {
      o.log?.warn(`eventbridge: ${parsed.event.pipeline} ${parsed.event.executionId}: ${(e as Error).message}`);
      return { status: 503, body: { error: 'could not read the execution; retry' } };
    }
  };
}

/**
 * `POST /eventbridge` on node:http: a Probot handler (false for other paths),
 * for beside Probot's middleware or `addHandler`.
 */
export function eventBridgeHandler(o: EventBridgeOptions): (req: IncomingMessage, res: ServerResponse) => Promise<boolean> {
  const service = eventBridgeService(o);
  return async (req, res) => {
    if ((req.url ?? '').split('?')[0] !== EVENTBRIDGE_PATH) return false;
    let text: string | undefined = '';
    // The secret is checked before the body is read: a stranger's body is drained, not parsed.
    const authorised = req.method === 'POST' && sameSecret(req.headers[SECRET_HEADER], o.secret);
    if (authorised) {
      try {
        text = await readBody(req);
      } catch {
        return true;
      }
    } else req.resume();
    const answer = text === undefined ? { status: 413, body: { error: 'event too large' } } : await service({ method: req.method ?? 'GET', headers: req.headers, body: text });
    res.writeHead(answer.status, { 'content-type': 'application/json', ...(answer.status === 405 ? { allow: 'POST' } : {}) }).end(`${JSON.stringify(answer.body)}\n`);
    return true;
  };
}

/** The session name of reads made before the repository is known. */
export const EVENTS_SESSION = 'ecs-codepipeline-events';

/**
 * Who reads an event's execution: the app itself, or, for an event from an
 * account for which the operator's allow-list names a role (a whole ARN, no
 * `*`), that role: the first such ARN in the list. The repository is not
 * known before this read, so its own role cannot be chosen yet.
 */
export function readerIdentity(region: string, account: string | undefined, roles: RoleAllowList | undefined): AwsIdentity {
  const role = account ? roles?.patterns.find((p) => !p.includes('*') && p.split(':')[4] === account) : undefined;
  return role ? { region, role, sessionName: EVENTS_SESSION } : { region };
}

/** The options from the environment, on the AWS adapter (clients shared per region and identity, made on first use). */
export function eventBridgeOptionsFromEnv(env: Record<string, string | undefined> = process.env, o: { roles?: RoleAllowList } = {}): EventBridgeOptions | undefined {
  const secret = env[SECRET_ENV];
  if (!secret) return undefined;
  return {
    secret,
    async pipelines(region, event) {
      const id = readerIdentity(region, event.account, o.roles);
      const ports = await pooledAws(id, event.executionId);
      return { snapshot: (q) => ports.pipeline.snapshot(q), identity: identityKey(id) };
    },
  };
}
