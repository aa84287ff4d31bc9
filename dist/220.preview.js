export const id = 220;
export const ids = [220];
export const modules = {

/***/ 6220:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  createGitHubPorts: () => (/* binding */ createGitHubPorts)
});

// UNUSED EXPORTS: ANNOTATIONS_PER_REQUEST, ChecksForbiddenError, GitHubApiError, annotationBatches, annotationsUpdateBody, createCheckRunBody, createChecksPort, createGitHubClient, createStatusesPort, statusBody, updateCheckRunBody

;// CONCATENATED MODULE: ./build/core/report/annotations.js

/** The Checks API takes at most 50 annotations per request. */
const ANNOTATIONS_PER_REQUEST = 50;
const LEVEL = { error: 'failure', warning: 'warning', notice: 'notice' };
/** API limits: a title of at most 255 characters, a message of at most 64 KiB. */
const MAX_TITLE = 255;
const MAX_MESSAGE = 65535;
function clip(s, max) {
    return s.length <= max ? s : s.slice(0, max - 1) + '…';
}
function toCheckRunAnnotation(f, lookup) {
    const a = {
        path: f.file,
        start_line: f.line,
        end_line: Math.max(f.line, f.endLine),
        annotation_level: LEVEL[f.severity],
        message: clip(f.message, MAX_MESSAGE),
        title: clip(annotationTitle(f, lookup), MAX_TITLE),
    };
    // The API rejects columns on an annotation that spans several lines.
    if (a.start_line === a.end_line) {
        a.start_column = f.column;
        a.end_column = Math.max(f.column, f.endColumn);
    }
    return a;
}
/** Splits annotations into the requests GitHub accepts: the first goes with the create (or update), the rest by updates. */
function annotationBatches(annotations, size = ANNOTATIONS_PER_REQUEST) {
    const list = annotations ?? [];
    const batches = [];
    for (let i = 0; i < list.length; i += size)
        batches.push(list.slice(i, i + size));
    return batches;
}

;// CONCATENATED MODULE: ./build/adapters/github/body.js
/**
 * CheckRunModel → the JSON bodies of GitHub's "Create a check run", "Update a
 * check run" and "Create a commit status". Pure, so that the exact bodies are
 * easy to test; the fake GitHub server checks them against the OpenAPI
 * description as well.
 */

// GitHub takes at most 50 annotations per request; more go in later updates, which append.

const TITLE_MAX = 255;
const MARKDOWN_MAX = 65_535;
const STATUS_DESCRIPTION_MAX = 140;
const ELLIPSIS = '…';
/** Cuts `text` to at most `max` UTF-16 units (GitHub's limits are never exceeded), without splitting a surrogate pair. */
function truncate(text, max, marker = ELLIPSIS) {
    if (text.length <= max)
        return text;
    let end = Math.max(0, max - marker.length);
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff)
        end -= 1;
    return text.slice(0, end) + marker;
}
const MARKDOWN_CUT = `\n\n${ELLIPSIS} (cut to GitHub's limit of 65,535 characters)`;
/** Drops undefined members, so that the body holds only what the model sets. */
function defined(o) {
    for (const k of Object.keys(o))
        if (o[k] === undefined)
            delete o[k];
    return o;
}
function annotationBody(a) {
    // GitHub rejects columns on an annotation that spans several lines.
    const sameLine = a.start_line === a.end_line;
    return defined({
        path: a.path,
        start_line: a.start_line,
        end_line: a.end_line,
        start_column: sameLine ? a.start_column : undefined,
        end_column: sameLine ? a.end_column : undefined,
        annotation_level: a.annotation_level,
        message: truncate(a.message, 64 * 1024),
        title: a.title === undefined ? undefined : truncate(a.title, TITLE_MAX),
    });
}
function outputBody(output, annotations, withText = true) {
    return defined({
        title: truncate(output.title, TITLE_MAX),
        summary: truncate(output.summary, MARKDOWN_MAX, MARKDOWN_CUT),
        text: withText && output.text !== undefined ? truncate(output.text, MARKDOWN_MAX, MARKDOWN_CUT) : undefined,
        annotations: annotations && annotations.length > 0 ? annotations.map(annotationBody) : undefined,
    });
}
/**
 * status, conclusion, started_at, completed_at. A conclusion is sent only
 * with `completed` (GitHub would otherwise complete the run), and a completed
 * run must carry one (GitHub answers 422 without it).
 */
function statusFields(run) {
    if (run.status === 'completed') {
        if (!run.conclusion)
            throw new TypeError(`check run "${run.name}" is completed but has no conclusion`);
        return defined({ status: 'completed', conclusion: run.conclusion, started_at: run.startedAt, completed_at: run.completedAt });
    }
    return defined({ status: run.status, started_at: run.startedAt });
}
function actionsBody(run) {
    return run.actions?.slice(0, 3).map((a) => ({
        label: truncate(a.label, 20, ''),
        description: truncate(a.description, 40, ''),
        identifier: truncate(a.identifier, 20, ''),
    }));
}
/** POST /repos/{owner}/{repo}/check-runs, with the first batch of annotations (pass the rest to `annotationsUpdateBody`). */
function createCheckRunBody(run, annotations = annotationBatches(run.output.annotations)[0]) {
    return defined({
        name: run.name,
        head_sha: run.headSha,
        external_id: run.externalId,
        details_url: run.detailsUrl,
        ...statusFields(run),
        output: outputBody(run.output, annotations),
        actions: actionsBody(run),
    });
}
/** PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}; `head_sha` cannot change. */
function updateCheckRunBody(run, annotations = annotationBatches(run.output.annotations)[0]) {
    return defined({
        name: run.name,
        external_id: run.externalId,
        details_url: run.detailsUrl,
        ...statusFields(run),
        output: outputBody(run.output, annotations),
        actions: actionsBody(run),
    });
}
/** A further batch of annotations: GitHub appends them; title and summary are repeated because GitHub requires them with `output`, text is left as it is. */
function annotationsUpdateBody(run, annotations) {
    return { output: outputBody(run.output, annotations, false) };
}
/** POST /repos/{owner}/{repo}/statuses/{sha}; the description is cut to GitHub's 140 characters. */
function statusBody(s) {
    return defined({
        state: s.state,
        context: s.context,
        description: truncate(s.description, STATUS_DESCRIPTION_MAX),
        target_url: s.targetUrl,
    });
}

;// CONCATENATED MODULE: ./build/adapters/github/errors.js
/**
 * Errors the GitHub adapter throws. They carry what GitHub said and which
 * operation failed, never the request's headers: Octokit's own errors hold the
 * request options, and a careless `String(error)` upstream must not be able to
 * print the token.
 */
class GitHubApiError extends Error {
    status;
    operation;
    rateLimited;
    name = 'GitHubApiError';
    constructor(message, 
    /** HTTP status; 0 when no response arrived. */
    status, 
    /** e.g. `POST /repos/{owner}/{repo}/check-runs` */
    operation, 
    /** True when GitHub refused because of a primary or secondary rate limit and the retries gave up. */
    rateLimited = false) {
        super(message);
        this.status = status;
        this.operation = operation;
        this.rateLimited = rateLimited;
    }
}
/**
 * The token may not read or write check runs: GITHUB_TOKEN without
 * `checks: write`, a fork's read-only token, or a personal access token (only
 * GitHub Apps write check runs). The service falls back to commit statuses.
 */
class ChecksForbiddenError extends GitHubApiError {
    name = 'ChecksForbiddenError';
    constructor(message, operation) {
        super(message, 403, operation);
    }
}
function githubMessage(e) {
    const data = e.response?.data;
    if (data && typeof data === 'object' && typeof data.message === 'string') {
        const d = data;
        const details = Array.isArray(d.errors) && d.errors.length > 0 ? ` (${JSON.stringify(d.errors).slice(0, 500)})` : '';
        return d.message + details;
    }
    return typeof e.message === 'string' ? e.message : String(e);
}
function isRateLimit(e) {
    const status = typeof e.status === 'number' ? e.status : 0;
    if (status !== 403 && status !== 429)
        return false;
    return /rate limit/i.test(githubMessage(e)) || String(e.response?.headers?.['x-ratelimit-remaining'] ?? '') === '0';
}
/** Turns whatever Octokit threw into one of ours; `checks` marks the check-runs endpoints, where a 403 means "no permission". */
function toGitHubError(e, operation, checks = false) {
    if (e instanceof GitHubApiError)
        return e;
    const err = (e && typeof e === 'object' ? e : { message: String(e) });
    const status = typeof err.status === 'number' ? err.status : 0;
    const message = githubMessage(err);
    const limited = isRateLimit(err);
    if (checks && status === 403 && !limited) {
        return new ChecksForbiddenError(`GitHub refused ${operation}: ${message}. The token needs \`checks: write\` (and only GitHub Apps, including GITHUB_TOKEN, may write check runs)`, operation);
    }
    return new GitHubApiError(`GitHub ${operation} failed${status ? ` with HTTP ${status}` : ''}: ${message}`, status, operation, limited);
}

;// CONCATENATED MODULE: ./build/adapters/github/checks.js


const LIST = 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs';
const CREATE = 'POST /repos/{owner}/{repo}/check-runs';
const UPDATE = 'PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}';
const STATUS = 'POST /repos/{owner}/{repo}/statuses/{sha}';
/** One request, with whatever Octokit throws turned into GitHubApiError / ChecksForbiddenError. */
async function call(operation, checks, f) {
    try {
        return await f();
    }
    catch (e) {
        throw toGitHubError(e, operation, checks);
    }
}
function createChecksPort(client, o) {
    const repo = { owner: o.owner, repo: o.repo };
    const maxPages = Math.max(1, o.maxPages ?? 10);
    // Annotations past the first 50 go by further updates: GitHub appends them.
    async function appendAnnotations(id, run, batches) {
        for (const batch of batches) {
            await call(UPDATE, true, () => client.request(UPDATE, { ...repo, check_run_id: id, ...annotationsUpdateBody(run, batch) }));
        }
    }
    return {
        async list(headSha) {
            const out = [];
            for (let page = 1; page <= maxPages; page++) {
                const res = await call(LIST, true, () => client.request(LIST, { ...repo, ref: headSha, filter: 'latest', per_page: 100, page, ...(o.appId !== undefined ? { app_id: o.appId } : {}) }));
                const runs = res.data.check_runs ?? [];
                for (const r of runs) {
                    if (o.appSlug !== undefined && r.app?.slug !== o.appSlug)
                        continue;
                    out.push({ id: r.id, name: r.name, ...(r.external_id ? { externalId: r.external_id } : {}), status: r.status, conclusion: r.conclusion ?? null });
                }
                if (runs.length < 100)
                    break;
            }
            return out;
        },
        async create(run) {
            const [first, ...rest] = annotationBatches(run.output.annotations);
            const res = await call(CREATE, true, () => client.request(CREATE, { ...repo, ...createCheckRunBody(run, first) }));
            const id = res.data.id;
            await appendAnnotations(id, run, rest);
            return id;
        },
        async update(id, run) {
            const [first, ...rest] = annotationBatches(run.output.annotations);
            await call(UPDATE, true, () => client.request(UPDATE, { ...repo, check_run_id: id, ...updateCheckRunBody(run, first) }));
            await appendAnnotations(id, run, rest);
        },
    };
}
function createStatusesPort(client, o) {
    return {
        async set(s) {
            await call(STATUS, false, () => client.request(STATUS, { owner: o.owner, repo: o.repo, sha: s.sha, ...statusBody(s) }));
        },
    };
}

;// CONCATENATED MODULE: ./build/adapters/github/client.js
const NO_LOGGER = { info: () => { }, warning: () => { }, debug: () => { } };
function client_text(args) {
    return args.map((a) => (a instanceof Error ? a.message : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
}
async function createGitHubClient(o) {
    const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([
        __webpack_require__.e(/* import() */ 758).then(__webpack_require__.bind(__webpack_require__, 1758)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(735)]).then(__webpack_require__.bind(__webpack_require__, 9735)),
        Promise.all(/* import() */[__webpack_require__.e(251), __webpack_require__.e(856)]).then(__webpack_require__.bind(__webpack_require__, 6856)),
    ]);
    const logger = o.logger ?? NO_LOGGER;
    const unit = o.waitUnitMs ?? 1000;
    const maxRetries = o.rateLimitRetries ?? 3;
    const maxWait = o.maxRetryAfterSeconds ?? 60;
    const onLimit = (kind) => (retryAfter, options, _octokit, retryCount) => {
        // options.url is the route template here (`/repos/{owner}/{repo}/check-runs`): no token, no query.
        const what = `${options.method ?? ''} ${options.url ?? ''}`.trim();
        if (retryCount < maxRetries && retryAfter <= maxWait) {
            logger.warning(`GitHub ${kind} rate limit on ${what}: retrying in ${retryAfter}s (retry ${retryCount + 1} of ${maxRetries})`);
            return true;
        }
        const why = retryAfter > maxWait ? `GitHub asks to wait ${retryAfter}s, more than ${maxWait}s` : `${maxRetries} retries spent`;
        logger.warning(`GitHub ${kind} rate limit on ${what}: giving up (${why})`);
        return false;
    };
    let write;
    if (o.writeIntervalMs !== undefined) {
        // Same shape as the plugin's own write group, with our interval.
        const { default: Bottleneck } = await __webpack_require__.e(/* import() */ 203).then(__webpack_require__.t.bind(__webpack_require__, 2203, 19));
        write = new Bottleneck.Group({ id: 'ecs-codepipeline-write', maxConcurrent: 1, minTime: o.writeIntervalMs });
    }
    return getOctokit(o.token, {
        ...(o.baseUrl ? { baseUrl: o.baseUrl.replace(/\/+$/, '') } : {}),
        ...(o.userAgent ? { userAgent: o.userAgent } : {}),
        ...(o.fetch ? { request: { fetch: o.fetch } } : {}),
        log: {
            debug: (...a) => logger.debug(client_text(a)),
            info: (...a) => logger.debug(client_text(a)),
            warn: (...a) => logger.warning(client_text(a)),
            error: (...a) => logger.warning(client_text(a)),
        },
        retry: {
            retries: o.retries ?? 3,
            retryAfterBaseValue: unit,
            // 403 and 429 belong to the throttling plugin (rate limits) or are final (permissions).
            doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
        },
        throttle: {
            retryAfterBaseValue: unit,
            fallbackSecondaryRateRetryAfter: 60,
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary'),
            ...(write ? { write } : {}),
        },
    }, retry, throttling);
}

;// CONCATENATED MODULE: ./build/adapters/github/index.js




// For callers with a client of their own (a GitHub App installation token, later).


/**
 * Check runs and commit statuses on one repository, through Octokit. The
 * token is handed to Octokit only; errors are GitHubApiError, and a 403 on
 * the check-runs endpoints is ChecksForbiddenError so that the caller can fall
 * back to commit statuses.
 */
async function createGitHubPorts(options) {
    const client = await createGitHubClient(options);
    const repo = { owner: options.owner, repo: options.repo };
    return {
        checks: createChecksPort(client, { ...repo, appSlug: options.appSlug, appId: options.appId }),
        statuses: createStatusesPort(client, repo),
    };
}


/***/ })

};
