import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FakeExtension } from './app-routes.js';
import { GITHUB_ACTIONS_APP, type FakeApp, type Urls } from './objects.js';
import { IMPLEMENTED, loadSpec, type LoadStats, type OperationKey, type OperationSpec } from './openapi.js';
import { HttpError, Store, type StoredCheckRun, type StoredDeployment, type StoredDeploymentStatus, type StoredStatus } from './store.js';
import { Validator, type ValidationError } from './validate.js';

/**
 * A fake GitHub REST API on 127.0.0.1 (random port), for tests of the GitHub
 * adapter and of dist/index.js. Every request is matched to an operation of
 * GitHub's OpenAPI description and checked against its schemas; a request
 * GitHub would not accept is answered 422 (404 for an unknown route) and
 * kept in `rejections()`, which every test must find empty. Check runs,
 * commit statuses and deployments live in memory. Faults are injected per
 * operation: 502, secondary and primary rate limits, and a token without
 * the checks permission.
 */

export type Fault = '502' | 'secondary-rate-limit' | 'primary-rate-limit';

export interface FaultRule {
  /** `POST /repos/{owner}/{repo}/check-runs`, or a method alone (`PATCH`), or omitted: any request. */
  operation?: OperationKey | string;
  fault: Fault;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Let this many matching requests through first (default 0). */
  skip?: number;
  /** Rate limits: the retry-after (secondary) or reset (primary) in seconds. Default 1. */
  retryAfter?: number;
  /** Secondary rate limit: 403 (default) or 429; GitHub documents both. */
  status?: 403 | 429;
}

export interface RecordedRequest {
  method: string;
  /** The path without the GHES prefix and without the query, e.g. `/repos/o/r/check-runs/4000000001`. */
  path: string;
  query: Record<string, string>;
  body: unknown;
  /** `METHOD /template` of the matched operation. */
  operation?: string;
  status: number;
  fault?: Fault | 'checks-forbidden';
  rejected?: boolean;
}

export interface Rejection {
  method: string;
  path: string;
  operation?: string;
  status: number;
  reason: 'unauthorized' | 'unknown-route' | 'not-implemented' | 'bad-json' | 'unknown-repository' | 'invalid-request' | 'refused';
  message: string;
  errors: ValidationError[];
  body: unknown;
}

export interface ResponseError {
  operation: string;
  status: number;
  errors: ValidationError[];
}

export interface FakeGitHubOptions {
  owner?: string;
  repo?: string;
  /** The token the fake accepts (`Authorization: token …` or `Bearer …`). */
  token?: string;
  /** `/api/v3` to serve as GitHub Enterprise Server does. */
  pathPrefix?: string;
  /** The app the token acts as (default: GitHub Actions, as with GITHUB_TOKEN). */
  app?: FakeApp;
  /** `write` (default); `read`: check runs may be read, not written; `none`: every /check-runs request is 403. */
  checks?: 'write' | 'read' | 'none';
  /** Branch and tag names → SHA, for `{ref}` parameters and deployments. */
  refs?: Record<string, string>;
  /** Web base for html_url (default https://github.com). */
  webUrl?: string;
  now?: () => Date;
  /** Routes beyond the built-in ones (app-routes.ts: installation tokens, git data, contents). */
  extension?: FakeExtension;
}

const DOCS = 'https://docs.github.com/rest';
const SECONDARY_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ';
const FORBIDDEN_MESSAGE = 'Resource not accessible by integration';

interface Answer {
  status: number;
  body?: unknown;
  /** A non-JSON answer (raw media types), sent as is and not checked against the JSON schema. */
  raw?: string;
  headers?: Record<string, string>;
}

interface Context {
  op: OperationSpec;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
  url: URL;
}

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly token: string;
  readonly app: FakeApp;
  /** The API base URL: GITHUB_API_URL. */
  url = '';
  /** http://127.0.0.1:PORT, without the GHES prefix. */
  origin = '';
  readonly webUrl: string;
  readonly specStats: LoadStats;

  private server?: Server;
  private readonly validator: Validator;
  private readonly prefix: string;
  private store!: Store;
  private checksMode: 'write' | 'read' | 'none';
  private faults: Array<Required<Pick<FaultRule, 'fault' | 'times' | 'skip' | 'retryAfter'>> & FaultRule> = [];
  private log: RecordedRequest[] = [];
  private refused: Rejection[] = [];
  private badAnswers: ResponseError[] = [];
  private requestCounter = 0;

  private constructor(private readonly o: FakeGitHubOptions) {
    const { subset, stats } = loadSpec();
    this.specStats = stats;
    this.validator = new Validator(subset);
    this.owner = o.owner ?? 'octo-org';
    this.repo = o.repo ?? 'myapp';
    this.token = o.token ?? 'ghs_fakeTokenForTests0123456789abcdefABCD';
    this.app = o.app ?? GITHUB_ACTIONS_APP;
    this.prefix = (o.pathPrefix ?? '').replace(/\/+$/, '');
    this.checksMode = o.checks ?? 'write';
    this.webUrl = o.webUrl ?? 'https://github.com';
  }

  static async start(o: FakeGitHubOptions = {}): Promise<FakeGitHub> {
    const fake = new FakeGitHub(o);
    await fake.listen();
    return fake;
  }

  private async listen(): Promise<void> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((e: unknown) => {
        res.statusCode = 500;
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.end(JSON.stringify({ message: `fake GitHub crashed: ${e instanceof Error ? e.stack : String(e)}` }));
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    const { port } = server.address() as AddressInfo;
    this.origin = `http://127.0.0.1:${port}`;
    this.url = `${this.origin}${this.prefix}`;
    this.reset();
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Forgets every request, rejection, fault and stored object. */
  reset(): void {
    const urls: Urls = { api: this.url, web: this.webUrl };
    this.store = new Store({ owner: this.owner, repo: this.repo, app: this.app, urls, now: this.o.now ?? (() => new Date()), refs: this.o.refs ?? {} });
    this.faults = [];
    this.log = [];
    this.refused = [];
    this.badAnswers = [];
  }

  // ---- what tests look at ------------------------------------------------

  /** Every request, in order, with its answer's status. */
  requests(filter: { method?: string; operation?: string } = {}): RecordedRequest[] {
    return this.log.filter((r) => (!filter.method || r.method === filter.method) && (!filter.operation || r.operation === filter.operation));
  }

  /** Requests that changed something on GitHub (non-GET answered 2xx): what the API-economy counts. */
  writes(): RecordedRequest[] {
    return this.log.filter((r) => r.method !== 'GET' && r.status >= 200 && r.status < 300);
  }

  /** Requests GitHub would have refused (bad route, path, query or body, or a documented rule). Tests assert it is empty. */
  rejections(): Rejection[] {
    return [...this.refused];
  }

  /** The fake's own answers that do not match the documented response schemas (bugs in the fake). */
  responseErrors(): ResponseError[] {
    return [...this.badAnswers];
  }

  /** Check runs, oldest first (optionally of one commit), with all their annotations. */
  checkRuns(headSha?: string): StoredCheckRun[] {
    return [...this.store.checkRuns.values()].filter((r) => !headSha || r.head_sha === headSha).sort((a, b) => a.id - b.id);
  }

  /** Commit statuses, oldest first (optionally of one commit). */
  statuses(sha?: string): StoredStatus[] {
    return this.store.statuses.filter((s) => !sha || s.sha === sha);
  }

  /** GitHub's combined state of a commit: `failure`, `pending` or `success`. */
  combinedState(sha: string): string {
    return this.store.combinedState(sha);
  }

  deployments(): StoredDeployment[] {
    return [...this.store.deployments.values()];
  }

  deploymentStatuses(deploymentId?: number): StoredDeploymentStatus[] {
    return this.store.deploymentStatuses.filter((s) => deploymentId === undefined || s.deploymentId === deploymentId);
  }

  // ---- what tests set up ---------------------------------------------------

  inject(rule: FaultRule): void {
    this.faults.push({ times: 1, skip: 0, retryAfter: 1, ...rule });
  }

  /** Faults still armed (times not used up). */
  pendingFaults(): FaultRule[] {
    return this.faults.filter((f) => f.times > 0);
  }

  setChecksPermission(mode: 'write' | 'read' | 'none'): void {
    this.checksMode = mode;
  }

  /** A check run made by another app or an earlier job, e.g. `{ app: { id: 1, slug: 'other', name: 'Other' } }`. */
  seedCheckRun(body: { name: string; head_sha: string; status?: string; conclusion?: string; external_id?: string }, app: FakeApp = this.app): StoredCheckRun {
    return this.store.createCheckRun({ ...body }, app);
  }

  /** Environment for a process that should talk to this fake as if on a runner (see env.ts for the full set). */
  get apiEnv(): Record<string, string> {
    return { GITHUB_API_URL: this.url, GITHUB_TOKEN: this.token, GITHUB_REPOSITORY: `${this.owner}/${this.repo}`, GITHUB_REPOSITORY_OWNER: this.owner, GITHUB_SERVER_URL: this.webUrl };
  }

  // ---- the HTTP side -------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    let pathname = url.pathname;
    const record: RecordedRequest = { method, path: pathname, query: Object.fromEntries(url.searchParams), body: undefined, status: 0 };
    let body: unknown;
    const answer = (a: Answer): void => {
      record.status = a.status;
      this.log.push(record);
      this.send(res, a);
    };
    const refuse = (status: number, reason: Rejection['reason'], message: string, errors: ValidationError[] = [], extra: Record<string, unknown> = {}): void => {
      record.rejected = true;
      this.refused.push({ method, path: record.path, operation: record.operation, status, reason, message, errors, body });
      answer({ status, body: { message, documentation_url: DOCS, status: String(status), ...extra } });
    };

    if (this.prefix) {
      if (!pathname.startsWith(`${this.prefix}/`)) return refuse(404, 'unknown-route', `Not Found (this server answers under ${this.prefix})`);
      pathname = pathname.slice(this.prefix.length);
      record.path = pathname;
    }
    const auth = req.headers.authorization ?? '';
    const presented = /^(?:token|bearer)\s+(.+)$/i.exec(auth)?.[1];
    if (!presented) return refuse(401, 'unauthorized', 'Requires authentication');
    const ext = this.o.extension;
    if (!(ext?.authenticate(pathname, presented) ?? presented === this.token)) return refuse(401, 'unauthorized', 'Bad credentials');

    const match = this.validator.routes.match(method, pathname);
    if (!match) {
      const methods = this.validator.routes.methodsFor(pathname);
      return refuse(404, 'unknown-route', methods.length ? `Not Found (GitHub describes ${methods.join(', ')} for this path, not ${method})` : 'Not Found (no such route in GitHub\'s OpenAPI description)');
    }
    const key = `${match.route.method} ${match.route.path}`;
    record.operation = key;
    const op = this.validator.spec.operations[key];
    if (!op) return refuse(501, 'not-implemented', `fake GitHub does not implement ${key} (${match.route.operationId})`);

    const hasBody = raw.length > 0;
    if (hasBody) {
      if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(req.headers['content-type'] ?? '')) {
        return refuse(415, 'bad-json', `Unsupported content type ${JSON.stringify(req.headers['content-type'] ?? '')}; send application/json`);
      }
      try {
        body = JSON.parse(raw);
      } catch {
        return refuse(400, 'bad-json', 'Problems parsing JSON');
      }
      record.body = body;
    }
    const ours = match.params.owner?.toLowerCase() === this.owner.toLowerCase() && match.params.repo?.toLowerCase() === this.repo.toLowerCase();
    if (!ours && !ext?.serves(key, match.params)) {
      return refuse(404, 'unknown-repository', `Not Found (this fake serves ${this.owner}/${this.repo})`);
    }
    const checked = this.validator.request(op, { params: match.params, query: url.searchParams, body, hasBody });
    if (checked.errors.length > 0) {
      const lines = checked.errors.map((e) => `${e.in} ${e.at} ${e.message}`);
      return refuse(422, 'invalid-request', `Invalid request.\n\n${lines.join('\n')}`, checked.errors, { errors: checked.errors });
    }

    const fault = this.takeFault(op);
    if (fault) {
      record.fault = fault.fault;
      return answer(this.faultAnswer(fault));
    }
    if (pathname.includes('/check-runs') && (this.checksMode === 'none' || (this.checksMode === 'read' && method !== 'GET'))) {
      record.fault = 'checks-forbidden';
      return answer({ status: 403, body: { message: FORBIDDEN_MESSAGE, documentation_url: op.documentationUrl ?? DOCS, status: '403' } });
    }

    let result: Answer;
    try {
      const c = { op, path: checked.path, query: checked.query, body: (body ?? {}) as Record<string, unknown>, url };
      result = ext?.dispatch({ key, path: c.path, query: c.query, body: c.body, headers: req.headers, api: this.url, web: this.webUrl }) ?? this.dispatch(c);
    } catch (e) {
      if (!(e instanceof HttpError)) throw e;
      if (e.semantic) return refuse(e.status, 'refused', e.message, [], e.extra);
      return answer({ status: e.status, body: { message: e.message, documentation_url: op.documentationUrl ?? DOCS, status: String(e.status), ...e.extra } });
    }
    if (result.status >= 200 && result.status < 300 && result.raw === undefined) {
      const errors = this.validator.response(op, result.status, result.body);
      if (errors.length > 0) this.badAnswers.push({ operation: key, status: result.status, errors });
    }
    answer(result);
  }

  private send(res: ServerResponse, a: Answer): void {
    this.requestCounter++;
    const reset = Math.floor(Date.now() / 1000) + 3600;
    res.statusCode = a.status;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.setHeader('x-github-api-version-selected', '2022-11-28');
    res.setHeader('x-github-request-id', `FAKE:${this.requestCounter.toString(16).toUpperCase()}`);
    res.setHeader('x-ratelimit-limit', '5000');
    res.setHeader('x-ratelimit-remaining', String(Math.max(0, 5000 - this.requestCounter)));
    res.setHeader('x-ratelimit-reset', String(reset));
    res.setHeader('x-ratelimit-used', String(this.requestCounter));
    res.setHeader('x-ratelimit-resource', 'core');
    for (const [k, v] of Object.entries(a.headers ?? {})) res.setHeader(k, v);
    res.end(a.raw ?? (a.body === undefined ? '' : JSON.stringify(a.body)));
  }

  private takeFault(op: OperationSpec): (FaultRule & { retryAfter: number }) | undefined {
    for (const f of this.faults) {
      if (f.times <= 0) continue;
      const hit = !f.operation || f.operation === op.key || f.operation === op.method || f.operation === op.operationId;
      if (!hit) continue;
      if (f.skip > 0) {
        f.skip--;
        continue;
      }
      f.times--;
      return f;
    }
    return undefined;
  }

  private faultAnswer(f: FaultRule & { retryAfter: number }): Answer {
    if (f.fault === '502') return { status: 502, body: { message: 'Server Error' } };
    if (f.fault === 'secondary-rate-limit') {
      return {
        status: f.status ?? 403,
        headers: { 'retry-after': String(f.retryAfter) },
        body: { message: `${SECONDARY_MESSAGE}FAKE:${this.requestCounter + 1}.`, documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits', status: String(f.status ?? 403) },
      };
    }
    // Primary: the hourly quota is spent until x-ratelimit-reset. (send() sets the usual headers first; these override them.)
    return {
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + f.retryAfter) },
      body: { message: 'API rate limit exceeded for installation ID 12345678.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-rate-limits', status: '403' },
    };
  }

  // ---- operations ----------------------------------------------------------

  private page<T>(items: T[], c: Context): { items: T[]; headers: Record<string, string> } {
    const perPage = Math.min(100, Math.max(1, (c.query.per_page as number | undefined) ?? 30));
    const page = Math.max(1, (c.query.page as number | undefined) ?? 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (p: number, rel: string) => {
      const u = new URL(c.url.pathname + c.url.search, this.origin);
      u.searchParams.set('page', String(p));
      u.searchParams.set('per_page', String(perPage));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'), link(1, 'first'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    return { items: items.slice((page - 1) * perPage, page * perPage), headers: links.length ? { link: links.join(', ') } : {} };
  }

  private dispatch(c: Context): Answer {
    const s = this.store;
    const key = c.op.key as OperationKey;
    switch (key) {
      case 'POST /repos/{owner}/{repo}/check-runs':
        return { status: 201, body: s.checkRunJson(s.createCheckRun(c.body)) };
      case 'GET /repos/{owner}/{repo}/check-runs/{check_run_id}':
        return { status: 200, body: s.checkRunJson(s.getCheckRun(c.path.check_run_id as number)) };
      case 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}':
        return { status: 200, body: s.checkRunJson(s.updateCheckRun(c.path.check_run_id as number, c.body)) };
      case 'GET /repos/{owner}/{repo}/check-runs/{check_run_id}/annotations': {
        const run = s.getCheckRun(c.path.check_run_id as number);
        const p = this.page(run.annotations, c);
        return { status: 200, body: p.items.map((a) => s.annotationJson(a, run.head_sha)), headers: p.headers };
      }
      case 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs': {
        const runs = s.listCheckRuns(s.resolveRef(c.path.ref as string), c.query as { check_name?: string; status?: string; filter?: string; app_id?: number });
        const p = this.page(runs, c);
        return { status: 200, body: { total_count: runs.length, check_runs: p.items.map((r) => s.checkRunJson(r)) }, headers: p.headers };
      }
      case 'POST /repos/{owner}/{repo}/statuses/{sha}':
        return { status: 201, body: s.statusJson(s.createStatus(c.path.sha as string, c.body)) };
      case 'GET /repos/{owner}/{repo}/commits/{ref}/status': {
        const sha = s.resolveRef(c.path.ref as string);
        const latest = s.latestStatuses(sha);
        const p = this.page(latest, c);
        return { status: 200, body: s.combinedJson(sha, p.items, latest.length), headers: p.headers };
      }
      case 'GET /repos/{owner}/{repo}/commits/{ref}/statuses': {
        const p = this.page(s.statusesOf(s.resolveRef(c.path.ref as string)), c);
        return { status: 200, body: p.items.map((x) => s.statusJson(x)), headers: p.headers };
      }
      case 'POST /repos/{owner}/{repo}/deployments': {
        const r = s.createDeployment(c.body);
        return { status: r.status, body: s.deploymentJson(r.deployment!) };
      }
      case 'GET /repos/{owner}/{repo}/deployments': {
        const p = this.page(s.listDeployments(c.query as { sha?: string; ref?: string; task?: string; environment?: string }), c);
        return { status: 200, body: p.items.map((d) => s.deploymentJson(d)), headers: p.headers };
      }
      case 'GET /repos/{owner}/{repo}/deployments/{deployment_id}':
        return { status: 200, body: s.deploymentJson(s.getDeployment(c.path.deployment_id as number)) };
      case 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses':
        return { status: 201, body: s.deploymentStatusJson(s.createDeploymentStatus(c.path.deployment_id as number, c.body)) };
      case 'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses': {
        const p = this.page(s.deploymentStatusesOf(s.getDeployment(c.path.deployment_id as number).id), c);
        return { status: 200, body: p.items.map((x) => s.deploymentStatusJson(x)), headers: p.headers };
      }
    }
    throw new HttpError(501, `fake GitHub has no handler for ${c.op.key}`);
  }
}

export { IMPLEMENTED };
