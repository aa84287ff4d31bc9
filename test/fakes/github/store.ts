import { actionsBot, type FakeApp, integration, isoSeconds, minimalRepository, nodeId, type Urls } from './objects.js';

/**
 * The fake's memory: check runs (with their suites and annotations), commit
 * statuses, deployments and deployment statuses, and the behaviour GitHub
 * documents for them beyond the schemas (a completed run needs a conclusion,
 * annotations append, status descriptions stop at 140 characters …). A
 * handler answers `{ status, body }` or throws HttpError.
 */

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    /** True when GitHub refuses what the request asks (422): the tests count these as rejections. */
    readonly semantic = false,
  ) {
    super(message);
  }
}

function unprocessable(message: string, errors: unknown[] = []): HttpError {
  return new HttpError(422, message, errors.length ? { errors } : {}, true);
}

export interface StoredAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: string;
  message: string;
  title?: string;
  raw_details?: string;
}

export interface StoredCheckRun {
  id: number;
  app: FakeApp;
  checkSuiteId: number;
  head_sha: string;
  name: string;
  external_id: string;
  status: string;
  conclusion: string | null;
  started_at: string | null;
  completed_at: string | null;
  details_url: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: StoredAnnotation[];
  actions: Array<{ label: string; description: string; identifier: string }>;
}

export interface StoredStatus {
  id: number;
  sha: string;
  state: string;
  context: string;
  description: string | null;
  target_url: string | null;
  created_at: string;
  updated_at: string;
}

export interface StoredDeployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  payload: unknown;
  environment: string;
  original_environment: string;
  description: string | null;
  transient_environment: boolean;
  production_environment: boolean;
  created_at: string;
  updated_at: string;
}

export interface StoredDeploymentStatus {
  id: number;
  deploymentId: number;
  state: string;
  description: string;
  environment: string;
  target_url: string;
  log_url: string;
  environment_url: string;
  created_at: string;
  updated_at: string;
}

export interface StoreOptions {
  owner: string;
  repo: string;
  app: FakeApp;
  urls: Urls;
  now: () => Date;
  /** Branch or tag names (`main`, `heads/main`, `tags/v1`) → commit SHA. A 40-hex ref is a SHA already. */
  refs: Record<string, string>;
}

const SHA = /^[0-9a-f]{40}$/;
const MAX_STATUSES_PER_CONTEXT = 1000;

type Body = Record<string, unknown>;

export class Store {
  readonly checkRuns = new Map<number, StoredCheckRun>();
  readonly suites = new Map<string, number>();
  readonly statuses: StoredStatus[] = [];
  readonly deployments = new Map<number, StoredDeployment>();
  readonly deploymentStatuses: StoredDeploymentStatus[] = [];
  private nextId = 4_000_000_001;

  constructor(readonly o: StoreOptions) {}

  private id(): number {
    return this.nextId++;
  }

  private now(): string {
    return isoSeconds(this.o.now());
  }

  get repoUrl(): string {
    return `${this.o.urls.api}/repos/${this.o.owner}/${this.o.repo}`;
  }

  /** A commit SHA for a ref, as GitHub resolves `{ref}`: a SHA, a branch or a tag; 422 when unknown. */
  resolveRef(ref: string): string {
    if (SHA.test(ref)) return ref;
    const sha = this.o.refs[ref] ?? this.o.refs[`heads/${ref}`] ?? this.o.refs[`tags/${ref}`];
    if (sha) return sha;
    throw unprocessable(`No commit found for SHA: ${ref}`);
  }

  // ---- check runs ----------------------------------------------------------

  private suiteFor(app: FakeApp, sha: string): number {
    const key = `${app.id} ${sha}`;
    let id = this.suites.get(key);
    if (id === undefined) {
      id = this.id();
      this.suites.set(key, id);
    }
    return id;
  }

  /** Rules GitHub applies on top of the schema, for create and update alike. */
  private checkRunRules(b: Body, existing?: StoredCheckRun): void {
    const status = b.status as string | undefined;
    if ((status === 'completed' || b.completed_at !== undefined) && b.conclusion === undefined && !(existing?.conclusion && status === undefined)) {
      throw unprocessable('Invalid request.\n\n"conclusion" wasn\'t supplied.', [{ resource: 'CheckRun', field: 'conclusion', code: 'missing_field' }]);
    }
    if (b.conclusion === 'stale') throw unprocessable('Invalid request.\n\nOnly GitHub can set a conclusion of "stale".');
    const output = b.output as Body | undefined;
    if (output && existing && typeof output.title !== 'string') {
      throw unprocessable('Invalid request.\n\n"title" wasn\'t supplied.', [{ resource: 'CheckRun', field: 'output.title', code: 'missing_field' }]);
    }
    for (const a of (output?.annotations as StoredAnnotation[] | undefined) ?? []) {
      if (a.start_line !== a.end_line && (a.start_column !== undefined || a.end_column !== undefined)) {
        throw unprocessable('Invalid request.\n\nstart_column and end_column are only supported on annotations of a single line.');
      }
      if (a.end_line < a.start_line) throw unprocessable('Invalid request.\n\nend_line is before start_line.');
    }
  }

  private applyCheckRun(run: StoredCheckRun, b: Body): void {
    if (typeof b.name === 'string') run.name = b.name;
    if (typeof b.external_id === 'string') run.external_id = b.external_id;
    if (typeof b.details_url === 'string') run.details_url = b.details_url;
    if (typeof b.started_at === 'string') run.started_at = isoSeconds(b.started_at);
    if (typeof b.status === 'string') run.status = b.status;
    if (typeof b.conclusion === 'string') {
      // A conclusion completes the run, whatever `status` says.
      run.conclusion = b.conclusion;
      run.status = 'completed';
    }
    if (run.status === 'completed') {
      run.completed_at = typeof b.completed_at === 'string' ? isoSeconds(b.completed_at) : (run.completed_at ?? this.now());
    } else {
      run.conclusion = null;
      run.completed_at = null;
    }
    const output = b.output as Body | undefined;
    if (output) {
      if (typeof output.title === 'string') run.output.title = output.title;
      if (typeof output.summary === 'string') run.output.summary = output.summary;
      if (typeof output.text === 'string') run.output.text = output.text;
      run.annotations.push(...(((output.annotations as StoredAnnotation[] | undefined) ?? []).map((a) => ({ ...a }))));
    }
    if (Array.isArray(b.actions)) run.actions = (b.actions as StoredCheckRun['actions']).map((a) => ({ ...a }));
  }

  createCheckRun(b: Body, app = this.o.app): StoredCheckRun {
    this.checkRunRules(b);
    const sha = b.head_sha as string;
    if (!SHA.test(sha)) throw unprocessable(`No commit found for SHA: ${sha}`);
    const run: StoredCheckRun = {
      id: this.id(),
      app,
      checkSuiteId: this.suiteFor(app, sha),
      head_sha: sha,
      name: b.name as string,
      external_id: '',
      status: 'queued',
      conclusion: null,
      started_at: this.now(),
      completed_at: null,
      details_url: null,
      output: { title: null, summary: null, text: null },
      annotations: [],
      actions: [],
    };
    this.applyCheckRun(run, b);
    this.checkRuns.set(run.id, run);
    return run;
  }

  getCheckRun(id: number): StoredCheckRun {
    const run = this.checkRuns.get(id);
    if (!run) throw new HttpError(404, 'Not Found');
    return run;
  }

  updateCheckRun(id: number, b: Body): StoredCheckRun {
    const run = this.getCheckRun(id);
    if (run.app.id !== this.o.app.id) throw new HttpError(403, 'Invalid app_id: the check run belongs to another app');
    this.checkRunRules(b, run);
    this.applyCheckRun(run, b);
    return run;
  }

  /**
   * Runs on a commit. `latest` keeps, per app and name, the most recently
   * created run (GitHub: "the most recent check runs"); newest first.
   */
  listCheckRuns(sha: string, q: { check_name?: string; status?: string; filter?: string; app_id?: number }): StoredCheckRun[] {
    let runs = [...this.checkRuns.values()].filter((r) => r.head_sha === sha).sort((a, b) => b.id - a.id);
    if (q.filter !== 'all') {
      const seen = new Set<string>();
      runs = runs.filter((r) => {
        const key = `${r.app.id} ${r.name}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
    }
    return runs.filter(
      (r) => (q.check_name === undefined || r.name === q.check_name) && (q.status === undefined || r.status === q.status) && (q.app_id === undefined || r.app.id === q.app_id),
    );
  }

  checkRunJson(run: StoredCheckRun): Record<string, unknown> {
    const urls = this.o.urls;
    return {
      id: run.id,
      head_sha: run.head_sha,
      node_id: nodeId('CheckRun', run.id),
      external_id: run.external_id,
      url: `${this.repoUrl}/check-runs/${run.id}`,
      html_url: `${urls.web}/${this.o.owner}/${this.o.repo}/runs/${run.id}`,
      details_url: run.details_url ?? `${urls.web}/apps/${run.app.slug}`,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.started_at,
      completed_at: run.completed_at,
      output: {
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text,
        annotations_count: run.annotations.length,
        annotations_url: `${this.repoUrl}/check-runs/${run.id}/annotations`,
      },
      name: run.name,
      check_suite: { id: run.checkSuiteId },
      app: integration(urls, run.app),
      pull_requests: [],
    };
  }

  annotationJson(a: StoredAnnotation, sha: string): Record<string, unknown> {
    return {
      path: a.path,
      start_line: a.start_line,
      end_line: a.end_line,
      start_column: a.start_column ?? null,
      end_column: a.end_column ?? null,
      annotation_level: a.annotation_level,
      title: a.title ?? null,
      message: a.message,
      raw_details: a.raw_details ?? null,
      blob_href: `${this.o.urls.web}/${this.o.owner}/${this.o.repo}/blob/${sha}/${a.path}`,
    };
  }

  // ---- commit statuses -----------------------------------------------------

  createStatus(sha: string, b: Body): StoredStatus {
    if (!SHA.test(sha)) throw unprocessable(`No commit found for SHA: ${sha}`);
    const description = (b.description as string | null | undefined) ?? null;
    if (description !== null && description.length > 140) {
      throw unprocessable('Validation Failed', [{ resource: 'Status', code: 'custom', field: 'description', message: 'description is too long (maximum is 140 characters)' }]);
    }
    const context = (b.context as string | undefined) ?? 'default';
    if (this.statuses.filter((s) => s.sha === sha && s.context.toLowerCase() === context.toLowerCase()).length >= MAX_STATUSES_PER_CONTEXT) {
      throw unprocessable('Validation Failed', [{ resource: 'Status', code: 'custom', message: 'This SHA and context has reached the maximum number of statuses.' }]);
    }
    const now = this.now();
    const status: StoredStatus = {
      id: this.id(),
      sha,
      state: b.state as string,
      context,
      description,
      target_url: (b.target_url as string | null | undefined) ?? null,
      created_at: now,
      updated_at: now,
    };
    this.statuses.push(status);
    return status;
  }

  /** All statuses of a commit, newest first. */
  statusesOf(sha: string): StoredStatus[] {
    return this.statuses.filter((s) => s.sha === sha).sort((a, b) => b.id - a.id);
  }

  /** The newest status per context (contexts are case-insensitive), newest first. */
  latestStatuses(sha: string): StoredStatus[] {
    const seen = new Set<string>();
    return this.statusesOf(sha).filter((s) => {
      const key = s.context.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** GitHub's combined state: failure if any error or failure, pending if any pending or none at all, else success. */
  combinedState(sha: string): string {
    const states = this.latestStatuses(sha).map((s) => s.state);
    if (states.some((s) => s === 'error' || s === 'failure')) return 'failure';
    if (states.length === 0 || states.includes('pending')) return 'pending';
    return 'success';
  }

  statusJson(s: StoredStatus): Record<string, unknown> {
    return {
      url: `${this.repoUrl}/statuses/${s.sha}`,
      avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
      id: s.id,
      node_id: nodeId('StatusContext', s.id),
      state: s.state,
      description: s.description,
      target_url: s.target_url,
      context: s.context,
      created_at: s.created_at,
      updated_at: s.updated_at,
      creator: actionsBot(this.o.urls),
    };
  }

  combinedJson(sha: string, statuses: StoredStatus[], total: number): Record<string, unknown> {
    return {
      state: this.combinedState(sha),
      statuses: statuses.map((s) => {
        const { creator: _creator, ...rest } = this.statusJson(s);
        return rest;
      }),
      sha,
      total_count: total,
      repository: minimalRepository(this.o.urls, { owner: this.o.owner, repo: this.o.repo, id: 123456789 }),
      commit_url: `${this.repoUrl}/commits/${sha}`,
      url: `${this.repoUrl}/commits/${sha}/status`,
    };
  }

  // ---- deployments ---------------------------------------------------------

  createDeployment(b: Body): { status: number; deployment?: StoredDeployment; body?: Record<string, unknown> } {
    const ref = b.ref as string;
    const sha = this.resolveRef(ref);
    // Without required_contexts GitHub verifies every context on the commit; [] skips the check.
    const required = (b.required_contexts as string[] | undefined) ?? this.latestStatuses(sha).map((s) => s.context);
    const latest = new Map(this.latestStatuses(sha).map((s) => [s.context.toLowerCase(), s.state]));
    const failing = required.filter((c) => latest.get(c.toLowerCase()) !== 'success');
    if (failing.length > 0) {
      throw new HttpError(409, `Conflict: Commit status checks failed for ${ref}.`, {
        errors: [{ contexts: failing.map((c) => ({ context: c, state: latest.get(c.toLowerCase()) ?? 'missing' })), resource: 'Deployment', field: 'required_contexts', code: 'invalid' }],
      });
    }
    const environment = (b.environment as string | undefined) ?? 'production';
    const now = this.now();
    const d: StoredDeployment = {
      id: this.id(),
      sha,
      ref,
      task: (b.task as string | undefined) ?? 'deploy',
      payload: b.payload ?? {},
      environment,
      original_environment: environment,
      description: (b.description as string | null | undefined) ?? null,
      transient_environment: (b.transient_environment as boolean | undefined) ?? false,
      production_environment: (b.production_environment as boolean | undefined) ?? environment === 'production',
      created_at: now,
      updated_at: now,
    };
    this.deployments.set(d.id, d);
    return { status: 201, deployment: d };
  }

  getDeployment(id: number): StoredDeployment {
    const d = this.deployments.get(id);
    if (!d) throw new HttpError(404, 'Not Found');
    return d;
  }

  listDeployments(q: { sha?: string; ref?: string; task?: string; environment?: string | null }): StoredDeployment[] {
    return [...this.deployments.values()]
      .filter((d) => (q.sha === undefined || d.sha === q.sha) && (q.ref === undefined || d.ref === q.ref) && (q.task === undefined || d.task === q.task) && (q.environment == null || d.environment === q.environment))
      .sort((a, b) => b.id - a.id);
  }

  deploymentJson(d: StoredDeployment): Record<string, unknown> {
    return {
      url: `${this.repoUrl}/deployments/${d.id}`,
      id: d.id,
      node_id: nodeId('Deployment', d.id),
      sha: d.sha,
      ref: d.ref,
      task: d.task,
      payload: d.payload,
      original_environment: d.original_environment,
      environment: d.environment,
      description: d.description,
      creator: actionsBot(this.o.urls),
      created_at: d.created_at,
      updated_at: d.updated_at,
      statuses_url: `${this.repoUrl}/deployments/${d.id}/statuses`,
      repository_url: this.repoUrl,
      transient_environment: d.transient_environment,
      production_environment: d.production_environment,
      performed_via_github_app: integration(this.o.urls, this.o.app),
    };
  }

  createDeploymentStatus(deploymentId: number, b: Body): StoredDeploymentStatus {
    const d = this.getDeployment(deploymentId);
    const now = this.now();
    const state = b.state as string;
    const s: StoredDeploymentStatus = {
      id: this.id(),
      deploymentId,
      state,
      description: (b.description as string | undefined) ?? '',
      environment: (b.environment as string | undefined) ?? d.environment,
      target_url: (b.target_url as string | undefined) ?? (b.log_url as string | undefined) ?? '',
      log_url: (b.log_url as string | undefined) ?? (b.target_url as string | undefined) ?? '',
      environment_url: (b.environment_url as string | undefined) ?? '',
      created_at: now,
      updated_at: now,
    };
    if (s.description.length > 140) {
      throw unprocessable('Validation Failed', [{ resource: 'DeploymentStatus', code: 'custom', field: 'description', message: 'description is too long (maximum is 140 characters)' }]);
    }
    this.deploymentStatuses.push(s);
    // auto_inactive (default true): a new success makes the earlier successful deployments of the environment inactive.
    if (state === 'success' && b.auto_inactive !== false) {
      for (const other of this.deployments.values()) {
        if (other.id === d.id || other.environment !== s.environment || other.transient_environment) continue;
        if (this.deploymentStatusesOf(other.id)[0]?.state === 'success') {
          this.deploymentStatuses.push({ ...s, id: this.id(), deploymentId: other.id, state: 'inactive', description: '' });
        }
      }
    }
    return s;
  }

  /** Statuses of one deployment, newest first. */
  deploymentStatusesOf(deploymentId: number): StoredDeploymentStatus[] {
    return this.deploymentStatuses.filter((s) => s.deploymentId === deploymentId).sort((a, b) => b.id - a.id);
  }

  deploymentStatusJson(s: StoredDeploymentStatus): Record<string, unknown> {
    return {
      url: `${this.repoUrl}/deployments/${s.deploymentId}/statuses/${s.id}`,
      id: s.id,
      node_id: nodeId('DeploymentStatus', s.id),
      state: s.state,
      creator: actionsBot(this.o.urls),
      description: s.description,
      environment: s.environment,
      target_url: s.target_url,
      created_at: s.created_at,
      updated_at: s.updated_at,
      deployment_url: `${this.repoUrl}/deployments/${s.deploymentId}`,
      repository_url: this.repoUrl,
      environment_url: s.environment_url,
      log_url: s.log_url,
      performed_via_github_app: integration(this.o.urls, this.o.app),
    };
  }
}
