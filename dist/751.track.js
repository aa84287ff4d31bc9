export const id = 751;
export const ids = [751];
export const modules = {

/***/ 6440:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Vq: () => (/* binding */ OUTPUT_MAX),
  GQ: () => (/* binding */ TITLE_MAX),
  Hn: () => (/* reexport */ cell),
  $Q: () => (/* binding */ clip),
  DH: () => (/* binding */ clipTail),
  aY: () => (/* binding */ code),
  EU: () => (/* binding */ fence),
  nf: () => (/* binding */ md_link),
  TN: () => (/* binding */ oneLine),
  E$: () => (/* binding */ redact),
  Pl: () => (/* binding */ safeUrl)
});

;// CONCATENATED MODULE: ./build/core/report/summary.js


/** A job summary may be at most 1 MiB; past this many rows the rest is counted, not listed. */
const MAX_ROWS = 1000;
const ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
/**
 * A table cell: one line, pipes escaped, and outside code spans the Markdown
 * punctuation escaped too, so that `<IMAGE1_NAME>` or `buildspec*.yml` show as written.
 */
function cell(s) {
    const flat = s.replace(/\s*[\r\n]+\s*/g, ' ');
    let out = '';
    let last = 0;
    for (const m of flat.matchAll(/(`+)[^`]+?\1(?!`)/g)) {
        out += escapeText(flat.slice(last, m.index)) + m[0].replace(/\|/g, '\\|');
        last = m.index + m[0].length;
    }
    return out + escapeText(flat.slice(last));
}
function escapeText(s) {
    return s.replace(/[\\`*_[\]<>|~]/g, (c) => '\\' + c);
}
function codeSpan(s) {
    const ticks = '`'.repeat(Math.max(0, ...(s.match(/`+/g) ?? []).map((t) => t.length)) + 1);
    const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${s.replace(/\|/g, '\\|')}${pad}${ticks}`;
}
function encodePath(path) {
    return path.split('/').map(encodeURIComponent).join('/');
}
/**
 * The job summary (GitHub-flavoured Markdown): counts, then one table per
 * file with each finding's place, severity, rule (linked to docs/rules.md)
 * and message.
 */
function renderSummary(findings, options = {}) {
    const docsUrl = options.docsUrl ?? DEFAULT_DOCS_URL;
    const counts = countFindings(findings);
    const files = byFile(findings);
    const out = [];
    out.push(`## ecs-codepipeline check${options.checked ? ` of ${codeSpan(options.checked)}` : ''}`, '');
    out.push(`${ICON.error} ${plural(counts.error, 'error')} · ${ICON.warning} ${plural(counts.warning, 'warning')} · ${ICON.notice} ${plural(counts.notice, 'notice')}${files.size ? ` in ${plural(files.size, 'file')}` : ''}`, '');
    if (findings.length === 0) {
        out.push('No problems found.', '');
        return out.join('\n');
    }
    let rows = 0;
    for (const [file, list] of files) {
        if (rows >= MAX_ROWS)
            break;
        out.push(`### ${codeSpan(file)}`, '', '| Line | Severity | Rule | Message |', '| ---: | --- | --- | --- |');
        for (const f of list) {
            if (rows >= MAX_ROWS)
                break;
            rows++;
            const where = `${f.line}:${f.column}`;
            const place = options.blobUrl ? `[${where}](${options.blobUrl}/${encodePath(f.file)}#L${f.line})` : where;
            out.push(`| ${place} | ${ICON[f.severity]} ${f.severity} | [${cell(f.rule)}](${ruleUrl(f.rule, docsUrl)}) | ${cell(f.message)} |`);
        }
        out.push('');
    }
    if (rows < findings.length) {
        out.push(`…and ${plural(findings.length - rows, 'more finding')}, not listed here: see the annotations or run \`npx ecs-codepipeline check\`.`, '');
    }
    out.push(`Rules and fixes: [docs/rules.md](${docsUrl})`, '');
    return out.join('\n');
}

;// CONCATENATED MODULE: ./build/core/pipeline/md.js
/**
 * Markdown and text helpers for check runs: everything that goes to GitHub
 * passes through here, so limits, escaping and redaction live in one place.
 */


/** GitHub's limits for a check run's output. */
const TITLE_MAX = 255;
const OUTPUT_MAX = 65_535;
/** An inline code span that survives backticks and pipes inside the value (for table cells too). */
function code(s) {
    const flat = s.replace(/\s*[\r\n]+\s*/g, ' ');
    const ticks = '`'.repeat(Math.max(0, ...(flat.match(/`+/g) ?? []).map((t) => t.length)) + 1);
    const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
    return `${ticks}${pad}${flat.replace(/\|/g, '\\|')}${pad}${ticks}`;
}
/** A fenced block whose fence is longer than any backtick run inside, so foreign text cannot close it. */
function fence(text, lang = '') {
    const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((t) => t.length));
    const f = '`'.repeat(longest + 1);
    return `${f}${lang}\n${text.replace(/\n+$/, '')}\n${f}`;
}
/** Only http(s) URLs become links; anything else (javascript:, garbage) is dropped. */
function safeUrl(url) {
    if (!url)
        return undefined;
    const trimmed = url.trim();
    if (!/^https?:\/\/[^\s<>"]+$/i.test(trimmed))
        return undefined;
    return trimmed;
}
function md_link(label, url) {
    const u = safeUrl(url);
    if (!u)
        return cell(label);
    return `[${cell(label)}](${u.replace(/\(/g, '%28').replace(/\)/g, '%29')})`;
}
/** One line, at most `max` characters, ending with `…` when cut. */
function oneLine(s, max) {
    const flat = s.replace(/\s+/g, ' ').trim();
    return flat.length <= max ? flat : cutAt(flat, max - 1).trimEnd() + '…';
}
/** Cut at `n` UTF-16 units without splitting a surrogate pair. */
function cutAt(s, n) {
    if (n <= 0)
        return '';
    let end = Math.min(n, s.length);
    const c = s.charCodeAt(end - 1);
    if (c >= 0xd800 && c <= 0xdbff)
        end--;
    return s.slice(0, end);
}
function cutFrom(s, n) {
    let start = Math.max(0, s.length - n);
    const c = s.charCodeAt(start);
    if (c >= 0xdc00 && c <= 0xdfff)
        start++;
    return s.slice(start);
}
/** Fence lines that are open at the end of `s` (so a cut can close them). */
function openFence(s) {
    let open;
    for (const m of s.matchAll(/^(`{3,})[^`\n]*$/gm)) {
        if (open === undefined)
            open = m[1];
        else if (m[1].length >= open.length)
            open = undefined;
    }
    return open;
}
/**
 * Keep the head of a Markdown text within `max` characters. A cut inside a
 * code block closes the block, and a note says what was left out.
 */
function clip(s, max = OUTPUT_MAX, note = 'the rest is in the CodePipeline console') {
    if (s.length <= max)
        return s;
    const tail = (omitted) => `\n\n_… ${omitted.toLocaleString('en-US')} characters cut to fit GitHub's limit; ${note}._`;
    let budget = max - tail(s.length).length - 8;
    for (;;) {
        let head = cutAt(s, budget);
        const nl = head.lastIndexOf('\n');
        if (nl > budget * 0.8)
            head = head.slice(0, nl);
        const fenceOpen = openFence(head);
        const out = `${head}${fenceOpen ? `\n${fenceOpen}` : ''}${tail(s.length - head.length)}`;
        if (out.length <= max || budget <= 0)
            return out.slice(0, max);
        budget -= out.length - max;
    }
}
/** Keep the end of a plain text (a log: the last lines matter most) within `max` characters. */
function clipTail(s, max) {
    if (s.length <= max)
        return s;
    const head = `… ${(s.length - max).toLocaleString('en-US')} characters cut …\n`;
    let kept = cutFrom(s, max - head.length - 12);
    const nl = kept.indexOf('\n');
    if (nl >= 0 && nl < kept.length * 0.2)
        kept = kept.slice(nl + 1);
    return head + kept;
}
/** Access keys, secret keys and session tokens that a log line or message might echo. */
const SECRET_PATTERNS = [
    /\b(?:AKIA|ASIA|AROA|AIDA)[0-9A-Z]{16}\b/g,
    /((?:aws_secret_access_key|aws_session_token|secret_access_key|session_token|password|passwd|token)\s*[=:]\s*["']?)[^\s"',;]{8,}/gi,
    /\bgh[pousr]_[A-Za-z0-9]{20,}\b/g,
    /\bBearer\s+[A-Za-z0-9._~+/-]{16,}=*/g,
];
/**
 * Remove known secrets (the approval tokens of this execution) and anything
 * that looks like a credential from text that goes to GitHub.
 */
function redact(s, secrets = []) {
    let out = s;
    for (const secret of secrets)
        if (secret && secret.length >= 6)
            out = out.split(secret).join('***');
    for (const re of SECRET_PATTERNS) {
        out = out.replace(re, (m, keep) => (typeof keep === 'string' && keep.length > 0 && m.startsWith(keep) ? `${keep}***` : '***'));
    }
    return out;
}


/***/ }),

/***/ 4751:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_FIND_TIMEOUT_SECONDS: () => (/* reexport */ DEFAULT_FIND_TIMEOUT_SECONDS),
  DEFAULT_MAX_PAGES: () => (/* reexport */ DEFAULT_MAX_PAGES),
  DEFAULT_TIMEOUT_MINUTES: () => (/* reexport */ DEFAULT_TIMEOUT_MINUTES),
  MAX_FAILED_TICKS: () => (/* reexport */ MAX_FAILED_TICKS),
  PAGE_SIZE: () => (/* reexport */ PAGE_SIZE),
  REPORT_MODES: () => (/* reexport */ REPORT_MODES),
  Reporter: () => (/* reexport */ Reporter),
  TrackError: () => (/* reexport */ TrackError),
  isChecksForbidden: () => (/* reexport */ isChecksForbidden),
  locate: () => (/* reexport */ locate),
  trackExecution: () => (/* reexport */ trackExecution),
  waitForExecution: () => (/* reexport */ waitForExecution),
  withDrift: () => (/* reexport */ withDrift)
});

// EXTERNAL MODULE: ./build/core/pipeline/md.js + 1 modules
var md = __webpack_require__(6440);
;// CONCATENATED MODULE: ./build/core/pipeline/conclusions.js

const FINAL = new Set(['Succeeded', 'Failed', 'Stopped', 'Cancelled', 'Superseded']);
/** The execution will not change any more. `Stopping` is not final: it ends as Stopped. */
function isFinal(status) {
    return FINAL.has(status);
}
const COMPLETED = {
    Succeeded: 'success',
    Failed: 'failure',
    Stopped: 'cancelled',
    Cancelled: 'cancelled',
    Superseded: 'neutral',
    Skipped: 'skipped',
    Abandoned: 'cancelled',
};
function completed(conclusion) {
    return { status: 'completed', conclusion };
}
/** The whole execution's run. */
function executionCheckState(status, o = {}) {
    const conclusion = COMPLETED[status];
    if (conclusion)
        return completed(conclusion);
    return o.timedOut ? completed('timed_out') : { status: 'in_progress' };
}
/** The manual approval this stage is waiting on, if any. */
function waitingApproval(stage) {
    return stage.actions.find((a) => a.category === 'Approval' && a.status === 'InProgress');
}
/**
 * Why a stage the execution never reached ended the way it did: after a
 * failure, stop or cancel it is `cancelled` (a required check must not pass
 * when the pipeline broke before it); after a supersede it is `neutral` like
 * the execution; after a success (a stage skipped by a condition) `skipped`.
 */
function notReached(execution) {
    switch (execution) {
        case 'Succeeded':
            return 'skipped';
        case 'Superseded':
            return 'neutral';
        case 'Failed':
        case 'Stopped':
        case 'Cancelled':
            return 'cancelled';
        default:
            return undefined;
    }
}
/** One stage's run, given the execution's status (a stage left behind by a final execution is completed too). */
function stageCheckState(stage, o) {
    const own = COMPLETED[stage.status];
    if (own)
        return completed(own);
    if (isFinal(o.execution)) {
        // The execution ended but this stage still reads NotStarted or InProgress (it
        // was never reached, or GetPipelineState lags): it ends with the execution.
        const c = stage.status !== 'NotStarted' && o.execution === 'Succeeded' ? 'success' : notReached(o.execution);
        if (c)
            return completed(c);
    }
    if (o.timedOut)
        return completed('timed_out');
    if (stage.status === 'NotStarted')
        return { status: 'queued' };
    return { status: 'in_progress' };
}
function actionCheckState(status) {
    const c = COMPLETED[status];
    if (c)
        return completed(c);
    return status === 'NotStarted' ? { status: 'queued' } : { status: 'in_progress' };
}
/** Actions still running, as `Stage / Action`, for the timeout message. */
function stillRunning(snapshot) {
    const out = [];
    for (const stage of snapshot.stages) {
        for (const a of stage.actions)
            if (a.status === 'InProgress')
                out.push(`${stage.name} / ${a.name}`);
        if (stage.actions.every((a) => a.status !== 'InProgress') && (stage.status === 'InProgress' || stage.status === 'Stopping'))
            out.push(stage.name);
    }
    return out;
}
/** `timeout-minutes` ran out: which stage and action were still running. */
function timeoutMessage(snapshot, minutes) {
    const running = stillRunning(snapshot);
    const next = snapshot.stages.find((s) => s.status === 'NotStarted');
    const what = running.length
        ? `still running: ${running.join(', ')}`
        : next
            ? `${next.name} had not started`
            : `the execution was ${snapshot.status}`;
    return `Timed out after ${minutes} minute${minutes === 1 ? '' : 's'} (timeout-minutes) waiting for execution ${snapshot.executionId} of ${snapshot.pipelineName}; ${what}. The execution goes on in AWS; the check runs are marked timed_out.`;
}
/**
 * The action's `status` output and whether the step fails: it fails when the
 * execution failed, was stopped or cancelled, or the tracker timed out; it
 * passes on success and on superseded (the newer execution carries the change)
 * and, with `wait: false`, on an execution still in progress.
 */
function stepResult(status, o = {}) {
    switch (status) {
        case 'Succeeded':
            return { outcome: 'succeeded', fails: false };
        case 'Superseded':
            return { outcome: 'superseded', fails: false };
        case 'Failed':
            return { outcome: 'failed', fails: true };
        case 'Stopped':
            return { outcome: 'stopped', fails: true };
        case 'Cancelled':
            return { outcome: 'cancelled', fails: true };
        default:
            return o.timedOut ? { outcome: 'timed_out', fails: true } : { outcome: 'in_progress', fails: false };
    }
}
/** GitHub's limit for a commit status description. */
const STATUS_DESCRIPTION_MAX = 140;
/**
 * A check run's state as a commit status, which has only four states:
 * success, neutral and skipped → success (GitHub's branch protection treats
 * those conclusions as passing too); failure → failure; cancelled, timed_out,
 * stale → error (the pipeline did not finish); action_required → failure;
 * queued and in_progress → pending.
 */
function commitState(run) {
    if (run.status !== 'completed')
        return 'pending';
    switch (run.conclusion) {
        case 'success':
        case 'neutral':
        case 'skipped':
            return 'success';
        case 'failure':
        case 'action_required':
            return 'failure';
        default:
            return 'error';
    }
}
/** The commit status that stands in for a check run (same name as context), for `report: statuses` or the 403 fallback. */
function commitStatusFor(run) {
    return {
        sha: run.headSha,
        context: run.name,
        state: commitState(run),
        description: (0,md/* oneLine */.TN)(run.output.title, STATUS_DESCRIPTION_MAX),
        ...(run.detailsUrl ? { targetUrl: run.detailsUrl } : {}),
    };
}

;// CONCATENATED MODULE: ./build/core/pipeline/time.js
function toMillis(t) {
    if (typeof t === 'number')
        return Number.isFinite(t) ? t : undefined;
    if (typeof t !== 'string' || t === '')
        return undefined;
    const ms = Date.parse(t);
    return Number.isNaN(ms) ? undefined : ms;
}
function toIso(t) {
    const ms = toMillis(t);
    return ms === undefined ? undefined : new Date(ms).toISOString();
}
/** Milliseconds from `start` to `end`, or undefined when either is unknown or the order is wrong. */
function between(start, end) {
    const a = toMillis(start);
    const b = toMillis(end);
    if (a === undefined || b === undefined || b < a)
        return undefined;
    return b - a;
}
/** `45s`, `3m 12s`, `1h 4m`: what a person reads in a title. */
function formatDuration(ms) {
    const s = Math.max(0, Math.round(ms / 1000));
    if (s < 60)
        return `${s}s`;
    const m = Math.floor(s / 60);
    if (m < 60)
        return `${m}m ${s % 60}s`;
    return `${Math.floor(m / 60)}h ${m % 60}m`;
}
/**
 * A running duration at minute precision (`under 1m`, `4m`, `1h 4m`), so that
 * it changes rarely; the check run only shows it as of its last update.
 */
function formatElapsed(ms) {
    const m = Math.floor(Math.max(0, ms) / 60_000);
    if (m < 1)
        return 'under 1m';
    if (m < 60)
        return `${m}m`;
    return `${Math.floor(m / 60)}h ${m % 60}m`;
}
/** `14:03 UTC` for a time of day that a summary can show without ticking. */
function clockUtc(t) {
    const iso = toIso(t);
    return iso ? `${iso.slice(11, 16)} UTC` : undefined;
}

;// CONCATENATED MODULE: ./build/core/pipeline/poll.js

const DEFAULT_POLL_SECONDS = 10;
const MIN_POLL_SECONDS = 1;
const APPROVAL_POLL_SECONDS = 60;
const DEPLOY_POLL_SECONDS = 30;
/** A deployment running this long has its tasks up and waits on traffic shifting or bake time. */
const DEPLOY_SLOW_AFTER_SECONDS = 120;
/** The `poll-interval-seconds` input: default 10, at least 1; non-numbers fall back to the default. */
function pollIntervalSeconds(input) {
    const n = typeof input === 'number' ? input : typeof input === 'string' && input.trim() !== '' ? Number(input) : NaN;
    if (!Number.isFinite(n))
        return DEFAULT_POLL_SECONDS;
    return Math.max(MIN_POLL_SECONDS, n);
}
const DEPLOY_PROVIDERS = new Set(['CodeDeployToECS', 'CodeDeploy', 'ECS']);
/**
 * What the execution is waiting on, when everything still running is slow:
 * only manual approvals, or only deployments that have been running for a while.
 */
function slowWait(snapshot, now) {
    const running = snapshot.stages.flatMap((s) => s.actions.filter((a) => a.status === 'InProgress'));
    if (running.length === 0)
        return undefined;
    let approvals = 0;
    for (const a of running) {
        if (a.category === 'Approval') {
            approvals++;
            continue;
        }
        if (!DEPLOY_PROVIDERS.has(a.provider ?? ''))
            return undefined;
        const ms = between(a.startTime ?? a.lastStatusChange, now);
        if (ms === undefined || ms < DEPLOY_SLOW_AFTER_SECONDS * 1000)
            return undefined;
    }
    return approvals === running.length
        ? { reason: 'approval', ceilingSeconds: APPROVAL_POLL_SECONDS }
        : { reason: 'deploy', ceilingSeconds: DEPLOY_POLL_SECONDS };
}
function nextPollSeconds(o) {
    const base = Math.max(MIN_POLL_SECONDS, o.baseSeconds);
    let seconds = base;
    let reason = 'poll-interval-seconds';
    const slow = o.changed ? undefined : slowWait(o.snapshot, o.now);
    if (slow) {
        const ceiling = Math.max(base, slow.ceilingSeconds);
        seconds = Math.min(ceiling, Math.max(base, (o.previousSeconds ?? base / 2) * 2));
        reason = slow.reason === 'approval' ? 'waiting for a manual approval' : 'waiting for a CodeDeploy deployment';
    }
    else if (o.changed)
        reason = 'something changed';
    if (o.remainingSeconds !== undefined && o.remainingSeconds < seconds) {
        return { seconds: Math.max(0, o.remainingSeconds), reason: 'timeout-minutes is near' };
    }
    return { seconds, reason };
}
/** Waits while the execution has not appeared yet: 1, 2, 4 … seconds, capped. `attempt` counts from 0. */
function findBackoffSeconds(attempt, o = {}) {
    const initial = o.initialSeconds ?? 1;
    const max = o.maxSeconds ?? 30;
    const n = Math.max(0, Math.floor(attempt));
    return Math.min(max, initial * 2 ** Math.min(n, 30));
}
/** The whole wait schedule within `find-timeout-seconds` (its sum never exceeds the timeout). */
function findSchedule(timeoutSeconds, o = {}) {
    const out = [];
    let total = 0;
    for (let i = 0; total < timeoutSeconds && i < 10_000; i++) {
        const wait = Math.min(findBackoffSeconds(i, o), timeoutSeconds - total);
        if (wait <= 0)
            break;
        out.push(wait);
        total += wait;
    }
    return out;
}

// EXTERNAL MODULE: ./build/core/report/links.js
var links = __webpack_require__(2148);
;// CONCATENATED MODULE: ./build/core/pipeline/find.js

/** Git shows 7 characters by default; shorter prefixes are too ambiguous to trust. */
const MIN_SHORT_SHA = 7;
/** Lower-case hex of 7 to 64 characters (SHA-1 or SHA-256 repositories), else undefined. */
function normalizeSha(sha) {
    if (typeof sha !== 'string')
        return undefined;
    const s = sha.trim().toLowerCase();
    return /^[0-9a-f]{7,64}$/.test(s) ? s : undefined;
}
/** The 7-character short SHA (the seed's image tag). */
function shortSha(sha) {
    return sha.trim().slice(0, MIN_SHORT_SHA).toLowerCase();
}
/**
 * A revision is the commit when both are the same SHA, or when one is a
 * prefix of at least 7 characters of the other (a short SHA on either side).
 */
function revisionMatches(revisionId, sha) {
    const a = normalizeSha(revisionId);
    const b = normalizeSha(sha);
    if (!a || !b)
        return false;
    return a.length <= b.length ? b.startsWith(a) : a.startsWith(b);
}
function matchesCommit(execution, sha, options = {}) {
    const revisions = Array.isArray(execution.sourceRevisions) ? execution.sourceRevisions : [];
    return revisions.some((r) => (!options.sourceAction || r.actionName === options.sourceAction) && revisionMatches(r.revisionId, sha));
}
/** Newest first by start time; executions without one keep their page order (ListPipelineExecutions is newest first). */
function newestFirst(items) {
    return items
        .map((e, i) => ({ e, i, t: toMillis(e.startTime) }))
        .sort((x, y) => (x.t !== undefined && y.t !== undefined && x.t !== y.t ? y.t - x.t : x.i - y.i))
        .map((x) => x.e);
}
/**
 * The newest execution of the commit among `items` (one or more pages).
 * STANDARD executions are preferred to ROLLBACK ones, see FindOptions.
 */
function findExecution(items, sha, options = {}) {
    const matches = newestFirst(items).filter((e) => matchesCommit(e, sha, options));
    if (options.preferStandard === false)
        return matches[0];
    return matches.find((e) => e.executionType !== 'ROLLBACK') ?? matches[0];
}
/**
 * The execution that carries on for a superseded one: the oldest execution
 * that started after it and was not itself superseded (in SUPERSEDED mode a
 * newer execution overtakes the one waiting at a stage boundary, and may be
 * overtaken in turn).
 */
function supersedingExecution(items, target) {
    const start = toMillis(target.startTime);
    const ordered = newestFirst(items);
    const index = ordered.findIndex((e) => e.executionId === target.executionId);
    const newer = ordered.filter((e, i) => {
        if (e.executionId === target.executionId || e.executionType === 'ROLLBACK')
            return false;
        const t = toMillis(e.startTime);
        if (start !== undefined && t !== undefined)
            return t > start;
        return index >= 0 && i < index;
    });
    return [...newer].reverse().find((e) => e.status !== 'Superseded');
}
function revisionsText(e) {
    const revs = (e.sourceRevisions ?? []).map((r) => `${r.actionName}@${(r.revisionId ?? '').slice(0, 12)}`);
    return revs.length ? revs.join(', ') : 'no source revisions';
}
/** The failure message when no execution appeared: what was searched, where, for how long, and what was found instead. */
function notFoundMessage(r) {
    const where = `pipeline ${r.pipelineName}${r.region ? ` in ${r.region}` : ''}`;
    const what = `source revision ${r.sha}${r.sourceAction ? ` on source action ${r.sourceAction}` : ''}`;
    const waited = `after waiting ${Math.round(r.waitedSeconds)}s${r.timeoutSeconds !== undefined ? ` (find-timeout-seconds: ${r.timeoutSeconds})` : ''}`;
    const parts = [`No execution of ${where} has ${what} ${waited}.`];
    const scope = `Searched ${r.executions} execution${r.executions === 1 ? '' : 's'} on ${r.pages} page${r.pages === 1 ? '' : 's'} of ListPipelineExecutions${r.moreHistory ? ' (older history was not read)' : ''}`;
    if (r.newest) {
        const newest = `the newest is ${r.newest.executionId} (${r.newest.status}${r.newest.startTime ? `, started ${r.newest.startTime}` : ''}, ${revisionsText(r.newest)})`;
        parts.push(`${scope}; ${newest}.`);
    }
    else
        parts.push(`${scope}; the pipeline has no executions.`);
    parts.push('Check that the pipeline\'s source action watches this repository and branch and that the commit was pushed there, or use `mode: start` to start an execution for this commit.');
    return parts.join(' ');
}
/** Small, stable string hash (53-bit), hex; for ids and fingerprints, not security. */
function hash53(s) {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        h1 = Math.imul(h1 ^ c, 2654435761);
        h2 = Math.imul(h2 ^ c, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16).padStart(14, '0');
}
/**
 * StartPipelineExecution's `clientRequestToken` (1–128 of `[a-zA-Z0-9-]`):
 * the same repository, commit and run attempt always give the same token, so a
 * retried call cannot start a second execution.
 */
function startRequestToken(o) {
    const slug = o.repository.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'repo';
    const sha = (normalizeSha(o.sha) ?? o.sha.replace(/[^A-Za-z0-9]/g, '')).slice(0, 40);
    const attempt = String(o.runAttempt ?? 1).replace(/[^0-9A-Za-z]/g, '').slice(0, 10) || '1';
    return `ecp-${slug}-${hash53(o.repository).slice(-8)}-${sha}-${attempt}`.slice(0, 128);
}
/** Source providers whose revision is a commit id. */
const GIT_SOURCE_PROVIDERS = new Set(['CodeStarSourceConnection', 'CodeCommit', 'GitHub', 'GitHubEnterpriseServer', 'GitLab', 'Bitbucket']);
/**
 * StartPipelineExecution's `sourceRevisions` for a commit: the one Git source
 * action (or the named one). With several Git sources the commit belongs to
 * one repository only, so the caller must name the action.
 */
function startSourceRevisions(actions, sha, sourceAction) {
    if (sourceAction) {
        const named = actions.find((a) => a.name === sourceAction);
        if (!named)
            return { ok: false, message: `The pipeline has no source action named ${sourceAction}; its source actions are ${actions.map((a) => a.name).join(', ') || 'none'}.` };
        return { ok: true, sourceRevisions: [{ actionName: named.name, revisionType: 'COMMIT_ID', revisionValue: sha }] };
    }
    const git = actions.filter((a) => GIT_SOURCE_PROVIDERS.has(a.provider));
    if (git.length === 1)
        return { ok: true, sourceRevisions: [{ actionName: git[0].name, revisionType: 'COMMIT_ID', revisionValue: sha }] };
    if (git.length === 0) {
        return { ok: false, message: `The pipeline has no Git source action (found ${actions.map((a) => `${a.name} (${a.provider})`).join(', ') || 'none'}), so a commit cannot be given to StartPipelineExecution.` };
    }
    return { ok: false, message: `The pipeline has ${git.length} Git source actions (${git.map((a) => a.name).join(', ')}); say which one builds this repository.` };
}

;// CONCATENATED MODULE: ./build/core/pipeline/changes.js


const ELAPSED_OPEN = '<!--elapsed-->';
const ELAPSED_CLOSE = '<!--/elapsed-->';
/** Mark text that changes with time alone. */
function elapsed(text) {
    return `${ELAPSED_OPEN}${text}${ELAPSED_CLOSE}`;
}
const ELAPSED_RE = /<!--elapsed-->[\s\S]*?<!--\/elapsed-->/g;
/** The text without its time-only parts. */
function stripElapsed(s) {
    return s.replace(ELAPSED_RE, '');
}
/**
 * What a user sees of a check run, as a short stable hash: name, status,
 * conclusion, title, summary, text, details URL, external id, annotations and
 * buttons; not running durations nor started/completed times (those change
 * only together with the status).
 */
function fingerprint(run) {
    return hash53(JSON.stringify([
        run.name,
        run.headSha,
        run.status,
        run.conclusion ?? null,
        run.output.title,
        stripElapsed(run.output.summary),
        stripElapsed(run.output.text ?? ''),
        run.detailsUrl ?? null,
        run.externalId ?? null,
        run.output.annotations ?? null,
        run.actions ?? null,
    ]));
}
/**
 * The GitHub writes for this tick: a create for each run not known yet, an
 * update for each known run whose fingerprint changed, nothing otherwise.
 */
function planWrites(runs, known) {
    const out = [];
    for (const run of runs) {
        const fp = fingerprint(run);
        const k = known.get(run.name);
        if (!k)
            out.push({ kind: 'create', run, fingerprint: fp });
        else if (k.fingerprint !== fp)
            out.push({ kind: 'update', id: k.id, run, fingerprint: fp });
    }
    return out;
}
/**
 * Check runs already on the commit (from an earlier run of the workflow), by
 * name, so that they are updated rather than duplicated. With several runs of
 * one name, the newest (highest id) is kept.
 */
function knownFromExisting(existing, names) {
    const out = new Map();
    for (const r of existing) {
        if (names && !names.has(r.name))
            continue;
        const prev = out.get(r.name);
        if (!prev || r.id > prev.id)
            out.set(r.name, { id: r.id });
    }
    return out;
}
/** A commit status's visible parts as a fingerprint (for `report: statuses`). */
function statusFingerprint(s) {
    return hash53(JSON.stringify([s.context, s.state, s.description, s.targetUrl ?? null]));
}
function actionKey(stage, action) {
    return `${stage}\u0000${action}`;
}
/**
 * Actions that changed since the previous tick (status, status time or
 * external run id). On the first tick, every action that has started counts.
 * Call ListActionExecutions only when this is not empty.
 */
function actionChanges(prev, next) {
    const before = new Map();
    if (prev && prev.executionId === next.executionId) {
        for (const s of prev.stages)
            for (const a of s.actions)
                before.set(actionKey(s.name, a.name), a);
    }
    const out = [];
    for (const s of next.stages) {
        for (const a of s.actions) {
            const b = before.get(actionKey(s.name, a.name));
            if (!b) {
                if (a.status !== 'NotStarted')
                    out.push({ stage: s.name, action: a.name, to: a.status });
                continue;
            }
            if (b.status !== a.status || b.lastStatusChange !== a.lastStatusChange || b.externalExecutionId !== a.externalExecutionId) {
                out.push({ stage: s.name, action: a.name, from: b.status, to: a.status });
            }
        }
    }
    return out;
}
/** Fields that only ListActionExecutions knows, or knows better. */
function detailFields(d, sameRun) {
    const out = {};
    if (d.configuration)
        out.configuration = d.configuration;
    if (d.inputArtifacts)
        out.inputArtifacts = d.inputArtifacts;
    if (d.provider)
        out.provider = d.provider;
    if (d.category)
        out.category = d.category;
    if (!sameRun)
        return out;
    for (const k of ['startTime', 'outputVariables', 'externalExecutionId', 'externalExecutionUrl', 'summary', 'errorCode', 'errorMessage', 'diagnostics', 'logTail']) {
        if (d[k] !== undefined)
            out[k] = d[k];
    }
    return out;
}
/**
 * The snapshot completed with ListActionExecutions' details (output
 * variables, configuration, artifacts, start times, external links, and the
 * `diagnostics` / `logTail` the service adds to a detail it fetched them for). The
 * snapshot's own status and times win; details of an earlier attempt of a
 * retried action only contribute its configuration. Approval tokens are never
 * copied from details.
 */
function mergeActionDetails(snapshot, details) {
    const latest = new Map();
    for (const d of details) {
        const key = actionKey(d.stage, d.name);
        const prev = latest.get(key);
        if (!prev || (toMillis(d.startTime) ?? -Infinity) > (toMillis(prev.startTime) ?? -Infinity))
            latest.set(key, d);
    }
    return {
        ...snapshot,
        stages: snapshot.stages.map((s) => ({
            ...s,
            actions: s.actions.map((a) => {
                const d = latest.get(actionKey(s.name, a.name));
                if (!d)
                    return a;
                const sameRun = !a.externalExecutionId || !d.externalExecutionId || a.externalExecutionId === d.externalExecutionId;
                const merged = { ...detailFields(d, sameRun), ...stripUndefined(a) };
                if (a.token === undefined)
                    delete merged.token;
                return merged;
            }),
        })),
    };
}
function stripUndefined(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

;// CONCATENATED MODULE: ./build/core/pipeline/buttons.js

/** GitHub's limits: at most 3 buttons; label ≤ 20, description ≤ 40, identifier ≤ 20 characters. */
const MAX_BUTTONS = 3;
const BUTTONS = {
    approve: { label: 'Approve', description: 'Approve this manual approval in AWS', identifier: 'approve' },
    reject: { label: 'Reject', description: 'Reject it: the execution fails here', identifier: 'reject' },
    retry: { label: 'Retry', description: 'Retry the failed actions of this stage', identifier: 'retry' },
    stop: { label: 'Stop', description: 'Stop this execution (no new actions)', identifier: 'stop' },
};
function isButtonId(s) {
    return typeof s === 'string' && Object.prototype.hasOwnProperty.call(BUTTONS, s);
}
/** A stage's run: Approve and Reject while it waits on a manual approval; Retry once it failed. */
function stageButtons(snapshot, stage) {
    if (snapshot.status === 'InProgress' && stage.status === 'InProgress' && waitingApproval(stage))
        return [BUTTONS.approve, BUTTONS.reject];
    if (stage.status === 'Failed')
        return [BUTTONS.retry];
    return [];
}
/** The whole execution's run: Stop while it runs (not while it is already stopping). */
function executionButtons(snapshot) {
    return snapshot.status === 'InProgress' ? [BUTTONS.stop] : [];
}

;// CONCATENATED MODULE: ./build/core/pipeline/explain.js
/**
 * The failure explainer: known failure texts (an action's summary and error
 * message, CodeBuild phase contexts, CodeDeploy error information, ECS service
 * events, the end of a build log) → a plain cause and fix, with the checker
 * rules that catch the mistake before a push.
 *
 * Causes and fixes are Markdown written here; values taken from the failure
 * text (a repository, a role) are put in code spans, never trusted as Markdown.
 */

/** The CodeBuild role's ECR push permissions, as in the seed blog post. */
const ECR_PUSH_POLICY = {
    Version: '2012-10-17',
    Statement: [
        {
            Effect: 'Allow',
            Action: [
                'ecr:BatchCheckLayerAvailability',
                'ecr:CompleteLayerUpload',
                'ecr:GetAuthorizationToken',
                'ecr:InitiateLayerUpload',
                'ecr:PutImage',
                'ecr:UploadLayerPart',
            ],
            Resource: '*',
        },
    ],
};
const POLICY_BLOCK = '```json\n' + JSON.stringify(ECR_PUSH_POLICY, null, 2) + '\n```';
const DOCS = {
    dockerDaemon: { label: 'CodeBuild troubleshooting: Docker daemon', url: 'https://docs.aws.amazon.com/codebuild/latest/userguide/troubleshooting.html#troubleshooting-cannot-connect-to-docker-daemon' },
    buildspec: { label: 'Buildspec reference', url: 'https://docs.aws.amazon.com/codebuild/latest/userguide/build-spec-ref.html' },
    imageDetail: { label: 'imageDetail.json reference', url: 'https://docs.aws.amazon.com/codepipeline/latest/userguide/file-reference.html' },
    ecsBlueGreenAction: { label: 'CodeDeployToECS action reference', url: 'https://docs.aws.amazon.com/codepipeline/latest/userguide/action-reference-ECSbluegreen.html' },
    executionRole: { label: 'ECS task execution role', url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html' },
    awslogs: { label: 'The awslogs log driver', url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html' },
    dockerHub: { label: 'Docker Hub rate limit in CodeBuild', url: 'https://aws.amazon.com/premiumsupport/knowledge-center/codebuild-docker-pull-image-error/' },
    execFormat: { label: 'exec format error on ECS', url: 'https://repost.aws/knowledge-center/ecs-task-exec-format-error' },
    fargateSizes: { label: 'Fargate CPU and memory', url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html' },
    lbTroubleshoot: { label: 'ECS load balancer troubleshooting', url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/troubleshoot-service-load-balancers.html' },
    blueGreen: { label: 'ECS blue/green deployments', url: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-bluegreen.html' },
    codeDeployErrors: { label: 'CodeDeploy error codes', url: 'https://docs.aws.amazon.com/codedeploy/latest/userguide/error-codes.html' },
};
function project(input) {
    const name = input.configuration?.ProjectName;
    return name ? ` ${(0,md/* code */.aY)(name)}` : '';
}
/** Specific explainers first; the order is the order of the result. */
const EXPLAINERS = [
    {
        id: 'docker-daemon',
        title: 'Docker is not running in the build',
        patterns: [/Cannot connect to the Docker daemon[^\n]*/i, /Is the docker daemon running\?/i, /permission denied while trying to connect to the Docker daemon[^\n]*/i],
        rules: ['BS-09'],
        links: [DOCS.dockerDaemon],
        build: (_m, input) => ({
            cause: `\`docker\` found no Docker daemon: the CodeBuild project${project(input)} runs without privileged mode, and Docker builds need it.`,
            fix: `Turn on privileged mode for the project${project(input)}: in the console, Edit → Environment → Privileged; with the CLI, \`aws codebuild update-project\` with the whole \`--environment\` block and \`"privilegedMode": true\`. A custom build image must also start \`dockerd\` itself.`,
        }),
    },
    {
        id: 'get-login-removed',
        title: '`aws ecr get-login` no longer exists',
        patterns: [/aws ecr get-login(?!-password)\b[^\n]*/],
        rules: ['BS-10'],
        build: () => ({
            cause: 'The buildspec logs in with `aws ecr get-login`, which AWS CLI v2 (on every current CodeBuild image) removed.',
            fix: 'Log in with `aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin $AWS_ACCOUNT_ID.dkr.ecr.$AWS_DEFAULT_REGION.amazonaws.com` in `pre_build`.',
        }),
    },
    {
        id: 'docker-hub-rate-limit',
        title: 'Docker Hub pull rate limit',
        patterns: [/toomanyrequests[^\n]*/i, /You have reached your pull rate limit[^\n]*/i],
        rules: ['DF-06'],
        links: [DOCS.dockerHub],
        build: () => ({
            cause: 'Docker Hub refused an anonymous pull: CodeBuild shares its IP addresses with other builds, so they exhaust the anonymous rate limit together.',
            fix: 'Pull base images from ECR Public instead (`FROM public.ecr.aws/docker/library/node:20-alpine`) or through an ECR pull-through cache, or `docker login` to Docker Hub with credentials from Secrets Manager before `docker build`.',
        }),
    },
    {
        id: 'npm-ci-lockfile',
        title: '`npm ci` has no lockfile',
        patterns: [/`?npm ci`? (?:command )?can only install[^\n]*/i],
        rules: ['DF-03'],
        build: () => ({
            cause: '`npm ci` found no `package-lock.json` (or one out of sync with `package.json`) in the image when it ran.',
            fix: '`COPY package.json package-lock.json ./` before `RUN npm ci`, commit the lockfile, and run `npm install` locally once if it is out of date.',
        }),
    },
    {
        id: 'yaml-file-error',
        title: 'CodeBuild cannot read the buildspec',
        patterns: [/YAML_FILE_ERROR[^\n]*/],
        rules: ['BS-01', 'BS-03'],
        links: [DOCS.buildspec],
        build: (m) => {
            const text = m[0];
            const missing = /stat (\S*buildspec[^:\s]*): no such file or directory/i.exec(text);
            if (missing) {
                return {
                    cause: `CodeBuild found no buildspec at ${(0,md/* code */.aY)(missing[1])}.`,
                    fix: 'Commit `buildspec.yml` at the root of the source (names are case-sensitive), or set the project\'s buildspec name to where the file is.',
                    rules: [],
                };
            }
            const runtime = /Unknown runtime version named '([^']+)' of (\w+)/i.exec(text);
            if (runtime) {
                return {
                    title: 'Unknown runtime version in the buildspec',
                    cause: `The build image has no ${(0,md/* code */.aY)(runtime[2])} runtime version ${(0,md/* code */.aY)(runtime[1])}.`,
                    fix: `Use a version the project's image lists for ${(0,md/* code */.aY)(runtime[2])} under \`install.runtime-versions\`${runtime[2].toLowerCase() === 'docker' ? '; Docker needs no runtime-versions entry at all (privileged mode provides it), so remove the line' : ''}.`,
                    rules: ['BS-07', 'BS-08'],
                };
            }
            return {
                cause: 'The buildspec is not valid YAML or does not have the structure CodeBuild expects (for example a command containing `: ` that is not quoted, or `commands` that are not a list of strings).',
                fix: 'Run `ecs-codepipeline check` on the repository: it shows the line at fault.',
            };
        },
    },
    {
        id: 'no-artifact-paths',
        title: 'The build artifacts were not there',
        patterns: [/no matching artifact paths found[^\n]*/i],
        rules: ['XF-07', 'BS-13'],
        build: () => ({
            cause: 'None of the paths under `artifacts.files` existed when the build ended, so CodeBuild produced no output artifact.',
            fix: 'Write `imageDetail.json`, `taskdef.json` and the appspec during the build, list their exact paths (relative to `base-directory` when it is set) under `artifacts.files`, and check the log for an earlier command that failed quietly.',
        }),
    },
    {
        id: 'docker-tag-invalid',
        title: 'An empty variable in an image name',
        patterns: [/invalid reference format[^\n]*/i],
        rules: ['BS-12'],
        build: () => ({
            cause: 'A `docker build -t`, `docker tag` or `docker push` got an invalid image name, usually because a variable such as `$REPOSITORY_URI` or `$IMAGE_TAG` is empty.',
            fix: 'Define every variable the docker commands use in `env.variables` (or the project or pipeline environment), e.g. `IMAGE_TAG=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)` in `pre_build`.',
        }),
    },
    {
        id: 'ecr-repository-missing',
        title: 'The ECR repository does not exist',
        patterns: [/The repository with name '([^']+)' does not exist(?: in the registry with id '(\d+)')?[^\n]*/i],
        rules: ['XF-12'],
        build: (m) => ({
            cause: `ECR has no repository ${(0,md/* code */.aY)(m[1])}${m[2] ? ` in account ${(0,md/* code */.aY)(m[2])}` : ''}, so the image could not be pushed or pulled.`,
            fix: `Create it (\`aws ecr create-repository --repository-name ${m[1].replace(/[^a-z0-9._/-]/g, '')}\`) or correct the repository URI in the buildspec: \`<account>.dkr.ecr.<region>.amazonaws.com/<name>\`, in the Region the service runs in.`,
        }),
    },
    {
        id: 'ecr-pull-denied',
        title: 'The task cannot pull its image',
        patterns: [
            /CannotPullContainerError[^\n]*?(?:AccessDenied|403 Forbidden|not authorized|no basic auth credentials|unauthorized)[^\n]*/i,
            /ResourceInitializationError: unable to pull secrets or registry auth[^\n]*/i,
            /is not authorized to perform: ecr:(?:BatchGetImage|GetDownloadUrlForLayer)[^\n]*/i,
        ],
        rules: ['TD-11', 'TD-12'],
        links: [DOCS.executionRole],
        build: () => ({
            cause: 'ECS could not pull the image or read the task\'s secrets: the task execution role lacks the permissions, or the task has no network route to ECR.',
            fix: 'Set `executionRoleArn` in the task definition to a role with the `AmazonECSTaskExecutionRolePolicy` managed policy (ECR pull and CloudWatch Logs); with `secrets`, also allow `ssm:GetParameters` or `secretsmanager:GetSecretValue` on them. Fargate tasks in private subnets need a NAT gateway or VPC endpoints for ECR, S3 and CloudWatch Logs.',
        }),
    },
    {
        id: 'ecr-login-missing',
        title: '`docker push` is not logged in to ECR',
        patterns: [/^(?![^\n]*CannotPullContainerError)[^\n]*no basic auth credentials[^\n]*/im],
        rules: ['BS-10'],
        build: () => ({
            cause: '`docker push` ran without a login to the ECR registry.',
            fix: 'In `pre_build`, run `aws ecr get-login-password --region $AWS_DEFAULT_REGION | docker login --username AWS --password-stdin <account>.dkr.ecr.<region>.amazonaws.com` for the registry you push to.',
        }),
    },
    {
        id: 'ecr-permissions',
        title: 'The build role may not push to ECR',
        patterns: [
            /User: (arn:[^\s]+) is not authorized to perform: (ecr:(?!BatchGetImage|GetDownloadUrlForLayer)\w+)[^\n]*/i,
            /not authorized to perform: (ecr:(?!BatchGetImage|GetDownloadUrlForLayer)\w+)[^\n]*/i,
            /denied: requested access to the resource is denied[^\n]*/i,
        ],
        rules: [],
        build: (m) => {
            const who = m[1]?.startsWith('arn:') ? m[1] : undefined;
            const action = who ? m[2] : m[1]?.startsWith('ecr:') ? m[1] : undefined;
            return {
                cause: `${who ? `The role ${(0,md/* code */.aY)(who)}` : 'The CodeBuild service role'} may not ${action ? `call ${(0,md/* code */.aY)(action)}` : 'push to the repository'}, which \`docker login\` and \`docker push\` need.`,
                fix: `Attach this policy to the CodeBuild service role (narrow \`Resource\` to the repository ARN, except for \`ecr:GetAuthorizationToken\`, which needs \`*\`):\n\n${POLICY_BLOCK}`,
            };
        },
    },
    {
        id: 'image-not-found',
        title: 'The image to deploy does not exist',
        patterns: [
            /CannotPullContainerError[^\n]*?(?:not found|manifest unknown|does not exist)[^\n]*/i,
            /manifest for (\S+) not found[^\n]*/i,
            /ImageNotFoundException[^\n]*/,
            /\bimage not found\b[^\n]*/i,
        ],
        rules: ['XF-12', 'BS-11', 'ID-03'],
        unless: ['ecr-repository-missing', 'ecr-pull-denied'],
        build: () => ({
            cause: 'ECS could not find the image the task definition names: no image with that tag or digest was pushed to the repository.',
            fix: `Make the buildspec push exactly the \`repo:tag\` it writes into \`imageDetail.json\`, guard the push so it does not run after a failed build (post_build runs anyway), and check the repository exists in the service's Region. If the push was refused, the CodeBuild role needs these permissions:\n\n${POLICY_BLOCK}`,
        }),
    },
    {
        id: 'image-artifact',
        title: 'No imageDetail.json in the build output',
        patterns: [/Exception while trying to read the image artifact file(?: from the artifact:?\s*([A-Za-z0-9_-]+))?[^\n]*/i],
        rules: ['ID-01', 'ID-02', 'XF-07', 'XF-08'],
        links: [DOCS.imageDetail],
        build: (m) => ({
            cause: `The CodeDeployToECS action found no readable \`imageDetail.json\`${m[1] ? ` in artifact ${(0,md/* code */.aY)(m[1])}` : ''}: the file is missing from the artifact, named differently (\`imagedefinitions.json\` belongs to the standard ECS action), or is not \`{"ImageURI": "…"}\`.`,
            fix: 'In the buildspec, write `printf \'{"ImageURI":"%s"}\' "$REPOSITORY_URI:$IMAGE_TAG" > imageDetail.json`, list `imageDetail.json` under `artifacts.files`, and set `Image1ArtifactName` to that build output artifact.',
        }),
    },
    {
        id: 'template-artifact',
        title: 'The deploy action cannot read its templates',
        patterns: [/Exception while trying to read the (?:task definition|appspec)[^\n]*/i],
        rules: ['XF-05', 'XF-06', 'XF-07'],
        links: [DOCS.ecsBlueGreenAction],
        build: () => ({
            cause: 'The CodeDeployToECS action did not find `taskdef.json` or the appspec at the configured path in the configured artifact.',
            fix: 'The defaults are `taskdef.json` and `appspec.yaml` (not `.yml`) at the artifact root: set `TaskDefinitionTemplatePath` / `AppSpecTemplatePath` to the real names, point `TaskDefinitionTemplateArtifact` / `AppSpecTemplateArtifact` at the artifact that holds them (the build output when the buildspec writes them), and list them under `artifacts.files`.',
        }),
    },
    {
        id: 'invalid-image-placeholder',
        title: 'The image placeholder was not replaced',
        patterns: [/Container\.image (?:contains invalid characters|should not be (?:null|blank))[^\n]*/i],
        rules: ['TD-18', 'XF-01', 'XF-02'],
        build: () => ({
            cause: 'The task definition was registered with an invalid `image`, usually a `<IMAGE1_NAME>` placeholder that the deploy action did not replace.',
            fix: 'Set `Image1ContainerName` to the placeholder text without angle brackets (`IMAGE1_NAME` for `"image": "<IMAGE1_NAME>"`) — not the container name — and feed `Image1ArtifactName` an artifact with `imageDetail.json`.',
        }),
    },
    {
        id: 'fargate-cpu-memory',
        title: 'Invalid Fargate CPU and memory',
        patterns: [/No Fargate configuration exists for given values[^\n]*/i],
        rules: ['TD-05'],
        links: [DOCS.fargateSizes],
        build: () => ({
            cause: 'The task-level `cpu` and `memory` are not a combination Fargate offers.',
            fix: 'Pick a valid pair, e.g. cpu `"256"` with memory `"512"`, `"1024"` or `"2048"`; cpu `"512"` with `"1024"` to `"4096"`.',
        }),
    },
    {
        id: 'target-type',
        title: 'Target groups do not fit awsvpc',
        patterns: [/target type (instance|ip),? which is incompatible with the (\w+) network mode[^\n]*/i],
        rules: ['XF-14'],
        links: [DOCS.lbTroubleshoot],
        build: (m) => ({
            cause: `The load balancer's target groups use target type ${(0,md/* code */.aY)(m[1])}, which does not work with the task definition's ${(0,md/* code */.aY)(m[2])} network mode (awsvpc tasks register by IP address).`,
            fix: 'Create both target groups (blue and green) with `--target-type ip` — the type cannot be changed — and point the listeners, the ECS service and the CodeDeploy deployment group at them.',
        }),
    },
    {
        id: 'launch-type',
        title: 'The task definition does not fit the service',
        patterns: [
            /does not support launch_type (\w+)[^\n]*/i,
            /Fargate only supports network mode[^\n]*/i,
            /task definition[^\n]{0,60}(?:not compatible|incompatible)[^\n]*/i,
            /not compatible with the (?:\w+ )?(?:launch type|network mode)[^\n]*/i,
        ],
        rules: ['TD-04', 'TD-05'],
        unless: ['target-type'],
        build: (m) => ({
            cause: `The task definition's \`requiresCompatibilities\` or \`networkMode\` do not match the ECS service${m[1] ? `, which runs on ${(0,md/* code */.aY)(m[1])}` : ''}.`,
            fix: 'Make `taskdef.json` match the service: for Fargate, `"requiresCompatibilities": ["FARGATE"]`, `"networkMode": "awsvpc"` and task-level `cpu` and `memory`; for EC2, the network mode the service was created with. A deployment cannot change the service\'s launch type or network configuration.',
        }),
    },
    {
        id: 'container-not-in-taskdef',
        title: 'The load balancer container is not in the task definition',
        patterns: [/The container (\S+?) does not exist in the task definition[^\n]*/i],
        rules: ['XF-03'],
        links: [DOCS.lbTroubleshoot],
        build: (m) => ({
            cause: `The appspec's \`LoadBalancerInfo.ContainerName\` (and the service's load balancer) name container ${(0,md/* code */.aY)(m[1])}, but the registered task definition has no container with that name.`,
            fix: 'Use the same name in the appspec\'s `ContainerName` and in `containerDefinitions[].name`; it must be the container the ECS service was created with, and `ContainerPort` one of its `containerPort`s.',
        }),
    },
    {
        id: 'exec-format',
        title: 'The image is built for another CPU architecture',
        patterns: [/exec format error[^\n]*/i],
        rules: ['XF-13'],
        links: [DOCS.execFormat],
        build: () => ({
            cause: 'The container\'s entry point is for a different CPU architecture than the task runs on (for example an ARM64 image on X86_64 Fargate).',
            fix: 'Build on a matching CodeBuild environment (`LINUX_CONTAINER` for X86_64, `ARM_CONTAINER` for ARM64) or with `docker build --platform linux/amd64`, and set `runtimePlatform.cpuArchitecture` in `taskdef.json` to the same.',
        }),
    },
    {
        id: 'log-group-missing',
        title: 'The log group does not exist',
        patterns: [/The specified log group does not exist[^\n]*/i],
        rules: ['TD-10'],
        links: [DOCS.awslogs],
        build: () => ({
            cause: 'The task\'s `awslogs-group` does not exist, so the container cannot start its log stream.',
            fix: 'Create it (`aws logs create-log-group --log-group-name <awslogs-group>`), or add `"awslogs-create-group": "true"` to the log options and allow `logs:CreateLogGroup` to the execution role.',
        }),
    },
    {
        id: 'pass-role',
        title: 'The pipeline may not pass a role to ECS',
        patterns: [/(?:User: (\S+) )?is not authorized to perform: iam:PassRole on resource: (arn:[^\s"',]+)[^\n]*/i],
        rules: [],
        links: [DOCS.ecsBlueGreenAction],
        build: (m) => {
            const role = m[2].replace(/[.]+$/, '');
            const statement = { Effect: 'Allow', Action: 'iam:PassRole', Resource: role, Condition: { StringEqualsIfExists: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } } };
            return {
                cause: `${m[1] ? `${(0,md/* code */.aY)(m[1])}` : 'The deploy action\'s role'} may not pass ${(0,md/* code */.aY)(role)} to ECS. Registering the task definition passes its task role and execution role, which needs \`iam:PassRole\` on both.`,
                fix: `Add this statement to the CodePipeline service role (or the action's \`roleArn\`), once per role the task definition names:\n\n\`\`\`json\n${JSON.stringify(statement, null, 2)}\n\`\`\``,
            };
        },
    },
    {
        id: 'code-deploy-controller',
        title: 'A blue/green service needs the CodeDeployToECS action',
        patterns: [/CODE_DEPLOY deployment controller[^\n]*/i],
        rules: [],
        links: [DOCS.ecsBlueGreenAction],
        build: () => ({
            cause: 'The ECS service uses the CodeDeploy (blue/green) deployment controller, which the standard `ECS` deploy action cannot update.',
            fix: 'Deploy with the `CodeDeployToECS` provider (taskdef.json, appspec and imageDetail.json), or recreate the service with the ECS deployment controller.',
        }),
    },
    {
        id: 'health-check',
        title: 'The new tasks failed their health checks',
        patterns: [
            /Task failed (?:ELB|container) health checks[^\n]*/i,
            /failed (?:ELB|container) health checks[^\n]*/i,
            /health ?checks? fail[^\n]*/i,
            /\bunhealthy\b[^\n]*/i,
        ],
        rules: ['XF-14', 'DF-02', 'TD-15'],
        links: [DOCS.blueGreen],
        build: () => ({
            cause: 'The new (replacement) tasks did not pass their health checks, so traffic was not shifted and the deployment rolled back.',
            fix: 'Read the ECS service\'s Events and the stopped tasks\' reasons and logs. Check that the target group\'s health-check path answers 200 on the port the appspec routes to (the same as `containerPort` and the app\'s port), that a container `healthCheck` command exists in the image (`node:*-alpine` has no `curl`), and give slow starters a health-check grace period or `startPeriod`.',
        }),
    },
    {
        id: 'deploy-timeout',
        title: 'The deployment timed out',
        patterns: [/The deployment timed out[^\n]*/i, /replacement task set to become healthy[^\n]*/i],
        rules: ['XF-14', 'AS-08'],
        links: [DOCS.codeDeployErrors, DOCS.blueGreen],
        build: () => ({
            cause: 'CodeDeploy waited for the replacement task set to become healthy (or for a lifecycle hook to report back) and gave up.',
            fix: 'Look at the ECS service\'s Events for why the new tasks stop or stay unhealthy (health check, image pull, missing log group, wrong port). A hook Lambda must call `PutLifecycleEventHookExecutionStatus`. If the app is just slow to start, raise the health-check grace period.',
        }),
    },
    {
        id: 'command-failed',
        title: 'A build command failed',
        generic: true,
        patterns: [
            /Phase: (\w+), Code: COMMAND_EXECUTION_ERROR, Message: Error while executing command: ([^\n]{1,500}?)\. Reason: exit status (\d+)/,
            /COMMAND_EXECUTION_ERROR:? ?(?:Message: )?Error while executing command: ([^\n]{1,500}?)\. Reason: exit status (\d+)/,
        ],
        rules: [],
        build: (m) => {
            const [phase, command, status] = m.length === 4 ? [m[1], m[2], m[3]] : [undefined, m[1], m[2]];
            return {
                cause: `The buildspec command ${(0,md/* code */.aY)((0,md/* oneLine */.TN)(command, 200))} exited with status ${status}${phase ? ` in the ${phase} phase` : ''}.`,
                fix: 'The log below shows its output. Run the command locally (or in CodeBuild local) to reproduce it; remember that `post_build` still runs after a failed `build`.',
            };
        },
    },
];
/** Ids of all explainers, in order. */
const EXPLAINER_IDS = EXPLAINERS.map((e) => e.id);
/** The rule ids explanations can point at (for a test that they exist). */
function referencedRules() {
    return [...new Set(EXPLAINERS.flatMap((e) => e.rules).concat(['BS-07', 'BS-08']))];
}
/** Long texts are cut before matching so that no pattern works on unbounded input. */
const MAX_TEXT = 20_000;
function texts(input) {
    const out = [];
    const add = (s) => {
        if (typeof s === 'string' && s.trim())
            out.push(s.length > MAX_TEXT ? s.slice(-MAX_TEXT) : s);
    };
    add(input.summary);
    add(input.errorMessage);
    for (const d of input.diagnostics ?? [])
        add(d);
    if (input.logLines?.length)
        add(input.logLines.join('\n'));
    return out;
}
function lineAround(text, index) {
    const start = text.lastIndexOf('\n', index) + 1;
    const end = text.indexOf('\n', index);
    return text.slice(start, end < 0 ? undefined : end);
}
/**
 * Every explanation that matches, specific ones first; the catch-all
 * `command-failed` only when nothing specific matched.
 */
function explainFailure(input) {
    const all = texts(input);
    const found = [];
    for (const ex of EXPLAINERS) {
        if (ex.generic && found.length)
            continue;
        if (ex.unless?.some((id) => found.some((f) => f.id === id)))
            continue;
        let hit;
        for (const text of all) {
            for (const re of ex.patterns) {
                const m = re.exec(text);
                if (m) {
                    hit = { m, text };
                    break;
                }
            }
            if (hit)
                break;
        }
        if (!hit)
            continue;
        const built = ex.build(hit.m, input);
        found.push({
            id: ex.id,
            title: built.title ?? ex.title,
            cause: built.cause,
            fix: built.fix,
            rules: built.rules ?? ex.rules,
            links: ex.links ?? [],
            evidence: (0,md/* oneLine */.TN)(lineAround(hit.text, hit.m.index ?? 0), 300),
            ...(ex.generic ? { generic: true } : {}),
        });
    }
    return found;
}

;// CONCATENATED MODULE: ./build/core/pipeline/render.js
/**
 * ExecutionSnapshot → the check runs a user sees: one for the whole execution
 * (`ECS pipeline`) and one per stage (`ECS pipeline / Build`), plus the job
 * summary. Pure: times come from the snapshot and `now`.
 *
 * Nothing secret is rendered: approval tokens are never read, and every
 * foreign text (summaries, error messages, logs) goes through `redact`.
 */








const DEFAULT_CHECK_NAME = 'ECS pipeline';
/** Lines of a failed build's log shown in the check run's text. */
const LOG_LINES = 30;
/** Explanations shown per failed action. */
const MAX_EXPLANATIONS = 2;
/** The CodePipeline console page of an execution. */
function consoleUrl(region, pipelineName, executionId) {
    const r = encodeURIComponent(region);
    return `https://${r}.console.aws.amazon.com/codesuite/codepipeline/pipelines/${encodeURIComponent(pipelineName)}/executions/${encodeURIComponent(executionId)}/timeline?region=${r}`;
}
function stageCheckName(checkName, stageName) {
    return `${checkName} / ${stageName}`;
}
/** All check run names for a pipeline's stages, in order (the execution's first). */
function checkNames(snapshot, checkName = DEFAULT_CHECK_NAME) {
    return [checkName, ...snapshot.stages.map((s) => stageCheckName(checkName, s.name))];
}
function context(snap, o) {
    const secrets = snap.stages.flatMap((s) => s.actions.map((a) => a.token).filter((t) => typeof t === 'string'));
    return {
        snap,
        o,
        now: toMillis(o.now),
        secrets,
        console: consoleUrl(snap.region, snap.pipelineName, snap.executionId),
        rollback: snap.executionType === 'ROLLBACK' ? 'Rollback: ' : '',
    };
}
const COMPLETED_ACTION = new Set(['Succeeded', 'Failed', 'Abandoned']);
function actionTimes(a) {
    const done = COMPLETED_ACTION.has(a.status);
    const start = toMillis(a.startTime) ?? (a.status === 'InProgress' ? toMillis(a.lastStatusChange) : undefined);
    const end = done ? toMillis(a.lastStatusChange) : undefined;
    return { start, end };
}
function stageTimes(stage, state) {
    const times = stage.actions.map(actionTimes);
    const starts = times.map((t) => t.start).filter((t) => t !== undefined);
    const ends = times.map((t) => t.end).filter((t) => t !== undefined);
    const start = starts.length ? Math.min(...starts) : undefined;
    const end = state.status === 'completed' && ends.length ? Math.max(...ends) : undefined;
    return { start, end: end !== undefined && start !== undefined && end < start ? undefined : end };
}
function durationText(start, end, now) {
    if (start === undefined)
        return '—';
    if (end !== undefined)
        return formatDuration(end - start);
    if (now !== undefined && now >= start)
        return elapsed(`${formatElapsed(now - start)} so far`);
    return `since ${clockUtc(start)}`;
}
function supersededTitle(snap) {
    const by = snap.supersededBy;
    if (!by)
        return 'Superseded by a newer execution';
    return `Superseded by execution ${by.executionId}${by.revisionId ? ` (commit ${shortSha(by.revisionId)})` : ''}`;
}
function explanationsOf(a) {
    return explainFailure({
        provider: a.provider,
        summary: a.summary,
        errorCode: a.errorCode,
        errorMessage: a.errorMessage,
        diagnostics: a.diagnostics,
        logLines: a.logTail,
        configuration: a.configuration,
    }).slice(0, MAX_EXPLANATIONS);
}
const STATE_WORD = {
    success: '✅ Succeeded',
    failure: '❌ Failed',
    neutral: '⏭️ Superseded',
    skipped: '⏭️ Skipped',
    timed_out: '⌛ Timed out',
    action_required: '✋ Action required',
};
function stageWord(stage, state) {
    if (state.status === 'queued')
        return '⏸️ Not started';
    if (state.status === 'in_progress') {
        if (waitingApproval(stage))
            return '✋ Waiting for approval';
        return stage.status === 'Stopping' ? '⏹️ Stopping' : '⏳ In progress';
    }
    if (state.conclusion === 'cancelled') {
        if (stage.status === 'Stopped')
            return '⏹️ Stopped';
        if (stage.status === 'Cancelled')
            return '🚫 Cancelled';
        return '⏸️ Did not run';
    }
    if (state.conclusion === 'neutral' && stage.status === 'NotStarted')
        return '⏭️ Superseded before it started';
    return STATE_WORD[state.conclusion ?? ''] ?? String(state.conclusion);
}
function actionWord(a) {
    switch (a.status) {
        case 'Succeeded':
            return '✅ Succeeded';
        case 'Failed':
            return '❌ Failed';
        case 'Abandoned':
            return '🚫 Abandoned';
        case 'InProgress':
            return a.category === 'Approval' ? '✋ Waiting for approval' : '⏳ In progress';
        default:
            return '⏸️ Not started';
    }
}
const LINK_LABEL = {
    CodeBuild: 'Build',
    CodeDeployToECS: 'Deployment',
    CodeDeploy: 'Deployment',
    ECS: 'Service',
    CodeStarSourceConnection: 'Commit',
    CodeCommit: 'Commit',
    GitHub: 'Commit',
    ECR: 'Image',
    S3: 'Object',
};
function actionLink(a, ctx) {
    if (a.category === 'Approval' && a.status === 'InProgress')
        return (0,md/* link */.nf)('Review in console', ctx.console);
    const url = (0,md/* safeUrl */.Pl)(a.externalExecutionUrl);
    return url ? (0,md/* link */.nf)(LINK_LABEL[a.provider ?? ''] ?? 'Details', url) : '—';
}
function actionsTable(stage, ctx) {
    const rows = stage.actions.map((a) => {
        const t = actionTimes(a);
        return `| ${(0,md/* cell */.Hn)(a.name)} | ${(0,md/* cell */.Hn)(a.provider ?? '—')} | ${actionWord(a)} | ${durationText(t.start, t.end, ctx.now)} | ${actionLink(a, ctx)} |`;
    });
    return ['| Action | Provider | Status | Duration | Link |', '|---|---|---|---|---|', ...rows].join('\n');
}
function ruleLinks(rules, ctx) {
    const known = rules.filter((id) => !ctx.o.ruleExists || ctx.o.ruleExists(id));
    return known.map((id) => `[${id}](${(0,links/* ruleUrl */.QB)(id, ctx.o.docsUrl ?? links/* DEFAULT_DOCS_URL */.Sl)})`).join(', ');
}
/** The failure of one action: what AWS said, then the explanation. */
function failureSection(stage, a, ctx, level = '###') {
    const out = [`${level} ❌ ${(0,md/* cell */.Hn)(stage.name)} / ${(0,md/* cell */.Hn)(a.name)} failed`];
    // The summary is often the first words of the error message: show each text once.
    const texts = [a.summary, a.errorMessage, ...(a.diagnostics ?? []).slice(0, 5)].filter((s) => typeof s === 'string' && s.trim() !== '').map((s) => s.trim());
    const said = texts.filter((s, i) => !texts.some((x, j) => j !== i && x.includes(s) && (x !== s || j < i)));
    if (said.length)
        out.push((0,md/* fence */.EU)((0,md/* clipTail */.DH)((0,md/* redact */.E$)(said.map((s) => (0,md/* clipTail */.DH)(s, 2_000)).join('\n'), ctx.secrets), 6_000)));
    if (a.errorCode && a.errorCode !== 'JobFailed')
        out.push(`Error code: ${(0,md/* code */.aY)(a.errorCode)}`);
    const ex = explanationsOf(a);
    for (const e of ex) {
        out.push(`**${(0,md/* cell */.Hn)(e.title)}.** ${e.cause}`, `**Fix:** ${e.fix}`);
        const refs = [ruleLinks(e.rules, ctx) && `Checked by ${ruleLinks(e.rules, ctx)} in \`ecs-codepipeline check\``, e.links.map((l) => (0,md/* link */.nf)(l.label, l.url)).join(', ')].filter(Boolean);
        if (refs.length)
            out.push(refs.join(' · '));
    }
    if (!ex.length)
        out.push('No known cause matched this failure; the link above leads to the full log or deployment.');
    return out.join('\n\n');
}
function failedActions(stage) {
    return stage.actions.filter((a) => a.status === 'Failed');
}
/** The action a stage's details_url should open: its only relevant action with an external URL. */
function stageDetailsUrl(stage, ctx) {
    if (waitingApproval(stage))
        return ctx.console;
    const failed = failedActions(stage);
    const running = stage.actions.filter((a) => a.status === 'InProgress');
    const relevant = failed.length ? failed : running.length ? running : stage.actions;
    if (relevant.length === 1 && relevant[0].category !== 'Approval')
        return (0,md/* safeUrl */.Pl)(relevant[0].externalExecutionUrl) ?? ctx.console;
    return ctx.console;
}
function firstCause(stage) {
    const a = failedActions(stage)[0];
    if (!a)
        return {};
    return { action: a, title: explanationsOf(a)[0]?.title.replace(/`/g, '') };
}
/** Where the execution stopped: the first failed, stopped or running stage. */
function stageOfInterest(snap) {
    return (snap.stages.find((s) => s.status === 'Failed') ??
        snap.stages.find((s) => s.status === 'Stopped' || s.status === 'Stopping' || s.status === 'Cancelled') ??
        snap.stages.find((s) => s.status === 'InProgress'));
}
function stageTitle(stage, state, ctx) {
    const { snap } = ctx;
    const t = stageTimes(stage, state);
    const took = t.start !== undefined && t.end !== undefined ? formatDuration(t.end - t.start) : undefined;
    if (state.status === 'queued') {
        const before = snap.stages[snap.stages.indexOf(stage) - 1];
        return `${ctx.rollback}${stage.name} has not started${before ? `; waiting for ${before.name}` : ''}`;
    }
    if (state.status === 'in_progress') {
        if (waitingApproval(stage))
            return 'Waiting for approval';
        if (stage.status === 'Stopping')
            return `${ctx.rollback}${stage.name} is stopping`;
        const running = stage.actions.filter((a) => a.status === 'InProgress').map((a) => a.name);
        return `${ctx.rollback}${stage.name} in progress${running.length ? `: ${running.join(', ')}` : ''}`;
    }
    switch (state.conclusion) {
        case 'success':
            return `${ctx.rollback}${stage.name} succeeded${took ? ` in ${took}` : ''}`;
        case 'failure': {
            const c = firstCause(stage);
            return `${ctx.rollback}${stage.name} failed${took ? ` after ${took}` : ''}${c.action ? ` in ${c.action.name}` : ''}${c.title ? `: ${c.title}` : ''}`;
        }
        case 'neutral':
            return supersededTitle(snap);
        case 'skipped':
            return `${ctx.rollback}${stage.name} was skipped`;
        case 'timed_out': {
            const running = stage.actions.filter((a) => a.status === 'InProgress').map((a) => a.name);
            const after = ctx.o.timeoutMinutes !== undefined ? ` after ${ctx.o.timeoutMinutes} min` : '';
            if (stage.status === 'NotStarted')
                return `Timed out${after} before ${stage.name} started`;
            return `Timed out${after} waiting for ${stage.name}${running.length ? ` / ${running.join(', ')}` : ''}`;
        }
        case 'cancelled': {
            if (stage.status === 'Stopped' || stage.status === 'Cancelled')
                return `${ctx.rollback}${stage.name} was ${stage.status === 'Stopped' ? 'stopped' : 'cancelled'}${took ? ` after ${took}` : ''}`;
            const where = stageOfInterest(snap);
            const why = snap.status === 'Failed' ? 'failed' : snap.status === 'Stopped' ? 'was stopped' : 'was cancelled';
            return `${ctx.rollback}${stage.name} did not run: the execution ${why}${where && where !== stage ? ` in ${where.name}` : ''}`;
        }
        default:
            return `${ctx.rollback}${stage.name}: ${state.conclusion}`;
    }
}
function header(ctx) {
    const { snap } = ctx;
    const rev = snap.sourceRevisions.find((r) => r.revisionId) ?? undefined;
    const parts = [
        `**Pipeline** ${(0,md/* code */.aY)(snap.pipelineName)} (${(0,md/* cell */.Hn)(snap.region)})`,
        `**Execution** ${(0,md/* link */.nf)(snap.executionId, ctx.console)}`,
        `**Commit** ${(0,md/* code */.aY)(shortSha(rev?.revisionId ?? ctx.o.headSha))}`,
    ];
    const message = commitMessage(rev?.revisionSummary);
    const lines = [parts.join(' · ')];
    if (message)
        lines.push(`> ${(0,md/* cell */.Hn)((0,md/* oneLine */.TN)((0,md/* redact */.E$)(message, ctx.secrets), 120))}`);
    if (snap.executionType === 'ROLLBACK') {
        lines.push(`↩️ **This is a rollback execution**: it redeploys the source revisions of ${snap.rollbackTargetExecutionId ? `execution ${(0,md/* code */.aY)(snap.rollbackTargetExecutionId)}` : 'an earlier execution'}.`);
    }
    if (snap.status === 'Superseded')
        lines.push(`⏭️ **${(0,md/* cell */.Hn)(supersededTitle(snap))}**, which carries this commit's change.`);
    return lines.join('\n\n');
}
/** CodeStar connections put `{"ProviderType":…,"CommitMessage":…}` in revisionSummary; others a plain message. */
function commitMessage(summary) {
    if (!summary)
        return undefined;
    try {
        const j = JSON.parse(summary);
        if (j && typeof j === 'object' && typeof j.CommitMessage === 'string')
            return j.CommitMessage;
    }
    catch {
        // a plain message
    }
    return summary;
}
function imageSection(image, ctx) {
    if (!image)
        return undefined;
    const rows = [
        ['URI', (0,md/* code */.aY)(image.uri)],
        ...(image.tag ? [['Tag', (0,md/* code */.aY)(image.tag)]] : []),
        ...(image.digest ? [['Digest', (0,md/* code */.aY)(image.digest)]] : []),
        ...(image.pushedAt ? [['Pushed', (0,md/* cell */.Hn)(toIso(image.pushedAt) ?? image.pushedAt)]] : []),
        ...(image.scanFindings && Object.keys(image.scanFindings).length
            ? [['Scan findings', (0,md/* cell */.Hn)(Object.entries(image.scanFindings).map(([k, v]) => `${k} ${v}`).join(', '))]]
            : []),
        ['Found in', image.foundDetail ? (0,md/* redact */.E$)(image.foundDetail, ctx.secrets).replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ') : (0,md/* cell */.Hn)(image.foundIn)],
    ];
    return ['### Deployed image', '', '| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join('\n');
}
function stagesTable(ctx, states) {
    const rows = ctx.snap.stages.map((s, i) => {
        const t = stageTimes(s, states[i]);
        return `| ${(0,md/* link */.nf)(s.name, stageDetailsUrl(s, ctx))} | ${stageWord(s, states[i])} | ${durationText(t.start, t.end, ctx.now)} |`;
    });
    return ['| Stage | Status | Duration |', '|---|---|---|', ...rows].join('\n');
}
function executionTitle(state, ctx) {
    const { snap } = ctx;
    const name = snap.pipelineName;
    const start = toMillis(snap.startTime);
    const end = isFinal(snap.status) ? toMillis(snap.lastUpdateTime) : undefined;
    const took = start !== undefined && end !== undefined && end >= start ? formatDuration(end - start) : undefined;
    const prefix = snap.executionType === 'ROLLBACK' ? `Rollback of ${name}` : name;
    const where = stageOfInterest(snap);
    if (state.status !== 'completed') {
        const approval = snap.stages.map((s) => ({ s, a: waitingApproval(s) })).find((x) => x.a);
        if (approval)
            return `Waiting for approval in ${approval.s.name}`;
        if (snap.status === 'Stopping')
            return `${prefix} is stopping`;
        return `${prefix} in progress${where ? `: ${where.name}` : ''}`;
    }
    switch (state.conclusion) {
        case 'success':
            return `${prefix} succeeded${took ? ` in ${took}` : ''}`;
        case 'failure': {
            const c = where ? firstCause(where) : {};
            return `${prefix} failed${where ? ` in ${where.name}${c.action ? ` / ${c.action.name}` : ''}` : ''}${c.title ? `: ${c.title}` : ''}`;
        }
        case 'cancelled':
            return `${prefix} was ${snap.status === 'Stopped' ? 'stopped' : 'cancelled'}${where ? ` in ${where.name}` : ''}`;
        case 'neutral':
            return supersededTitle(snap);
        case 'timed_out': {
            const running = stillRunning(snap);
            const after = ctx.o.timeoutMinutes !== undefined ? ` after ${ctx.o.timeoutMinutes} min` : '';
            return `Timed out${after}${running.length ? `; still running: ${running.join(', ')}` : ''}`;
        }
        default:
            return `${prefix}: ${state.conclusion}`;
    }
}
function title(s) {
    return (0,md/* oneLine */.TN)(s, md/* TITLE_MAX */.GQ);
}
function finish(run, ctx) {
    const summary = (0,md/* clip */.$Q)((0,md/* redact */.E$)(run.output.summary, ctx.secrets), md/* OUTPUT_MAX */.Vq);
    const text = run.output.text ? (0,md/* clip */.$Q)((0,md/* redact */.E$)(run.output.text, ctx.secrets), md/* OUTPUT_MAX */.Vq) : undefined;
    return { ...run, output: { title: title((0,md/* redact */.E$)(run.output.title, ctx.secrets)), summary, ...(text ? { text } : {}) } };
}
function completion(state, end, ctx) {
    if (state.status !== 'completed')
        return undefined;
    return toIso(end ?? ctx.now);
}
function executionBody(ctx, state) {
    const states = ctx.snap.stages.map((s) => stageCheckState(s, { execution: ctx.snap.status, timedOut: ctx.o.timedOut }));
    const parts = [header(ctx), stagesTable(ctx, states)];
    const image = imageSection(ctx.o.image, ctx);
    if (image)
        parts.push(image);
    if (state.conclusion === 'timed_out' && ctx.o.timeoutMinutes !== undefined) {
        parts.push(`⌛ The tracker stopped waiting after ${ctx.o.timeoutMinutes} minutes (\`timeout-minutes\`); the execution goes on in AWS.`);
    }
    for (const s of ctx.snap.stages)
        for (const a of failedActions(s))
            parts.push(failureSection(s, a, ctx));
    return parts.join('\n\n');
}
/** The run for the whole execution, named `check-name`. */
function renderExecution(snapshot, o) {
    const ctx = context(snapshot, o);
    const state = executionCheckState(snapshot.status, { timedOut: o.timedOut });
    const end = isFinal(snapshot.status) ? toMillis(snapshot.lastUpdateTime) : undefined;
    const startedAt = toIso(snapshot.startTime);
    const completedAt = completion(state, end, ctx);
    return finish({
        name: o.checkName ?? DEFAULT_CHECK_NAME,
        headSha: o.headSha,
        externalId: snapshot.executionId,
        status: state.status,
        ...(state.conclusion ? { conclusion: state.conclusion } : {}),
        ...(startedAt ? { startedAt } : {}),
        ...(completedAt ? { completedAt } : {}),
        detailsUrl: ctx.console,
        output: { title: executionTitle(state, ctx), summary: executionBody(ctx, state) },
        ...(o.buttons ? { actions: executionButtons(snapshot) } : {}),
    }, ctx);
}
function logText(stage, ctx) {
    const parts = [];
    for (const a of failedActions(stage)) {
        if (!a.logTail?.length)
            continue;
        const lines = a.logTail.slice(-LOG_LINES);
        parts.push(`### Last ${lines.length} lines of the ${(0,md/* cell */.Hn)(a.name)} log`, (0,md/* fence */.EU)((0,md/* clipTail */.DH)((0,md/* redact */.E$)(lines.join('\n'), ctx.secrets), 30_000)));
    }
    return parts.length ? parts.join('\n\n') : undefined;
}
/** The run for one stage, named `check-name / stage`. */
function renderStage(snapshot, stage, o) {
    const ctx = context(snapshot, o);
    const checkName = o.checkName ?? DEFAULT_CHECK_NAME;
    const state = stageCheckState(stage, { execution: snapshot.status, timedOut: o.timedOut });
    const t = stageTimes(stage, state);
    const parts = [header(ctx), stage.actions.length ? actionsTable(stage, ctx) : '_This stage has no actions._'];
    const approval = waitingApproval(stage);
    if (approval && state.status === 'in_progress') {
        const review = (0,md/* safeUrl */.Pl)(approval.externalExecutionUrl);
        parts.push(`✋ ${(0,md/* cell */.Hn)(approval.name)} is waiting for a manual approval${approval.summary ? `: ${(0,md/* cell */.Hn)((0,md/* oneLine */.TN)((0,md/* redact */.E$)(approval.summary, ctx.secrets), 300))}` : ''}. Approve or reject it ${o.buttons ? `with the buttons above (people with write access) or ` : ''}in the ${(0,md/* link */.nf)('CodePipeline console', ctx.console)}${review ? ` after reviewing ${(0,md/* link */.nf)('the linked page', review)}` : ''}.`);
    }
    for (const a of failedActions(stage))
        parts.push(failureSection(stage, a, ctx));
    const startedAt = toIso(t.start);
    const completedAt = completion(state, t.end ?? (isFinal(snapshot.status) ? toMillis(snapshot.lastUpdateTime) : undefined), ctx);
    const text = logText(stage, ctx);
    return finish({
        name: stageCheckName(checkName, stage.name),
        headSha: o.headSha,
        externalId: `${snapshot.executionId}/${stage.name}`,
        status: state.status,
        ...(state.conclusion ? { conclusion: state.conclusion } : {}),
        ...(startedAt ? { startedAt } : {}),
        ...(completedAt ? { completedAt } : {}),
        detailsUrl: stageDetailsUrl(stage, ctx),
        output: { title: stageTitle(stage, state, ctx), summary: parts.join('\n\n'), ...(text ? { text } : {}) },
        ...(o.buttons ? { actions: stageButtons(snapshot, stage) } : {}),
    }, ctx);
}
/** Every check run for the execution: the whole execution's first, then one per stage in pipeline order. */
function renderRuns(snapshot, o) {
    return [renderExecution(snapshot, o), ...snapshot.stages.map((s) => renderStage(snapshot, s, o))];
}
const TITLE_ICON = {
    success: '✅',
    failure: '❌',
    cancelled: '⏹️',
    neutral: '⏭️',
    skipped: '⏭️',
    timed_out: '⌛',
};
/** The job summary (GitHub-flavoured Markdown): the execution's title, header, stage table, image and failures. */
function renderJobSummary(snapshot, o) {
    const ctx = context(snapshot, o);
    const state = executionCheckState(snapshot.status, { timedOut: o.timedOut });
    const icon = state.status === 'completed' ? (TITLE_ICON[state.conclusion ?? ''] ?? '') : '⏳';
    const heading = `## ${icon} ${(0,md/* cell */.Hn)(o.checkName ?? DEFAULT_CHECK_NAME)}: ${(0,md/* cell */.Hn)(title((0,md/* redact */.E$)(executionTitle(state, ctx), ctx.secrets)))}`;
    // A job summary may be 1 MiB; the check-run limit keeps it far below that.
    return (0,md/* clip */.$Q)((0,md/* redact */.E$)(`${heading}\n\n${executionBody(ctx, state)}\n`, ctx.secrets), md/* OUTPUT_MAX */.Vq);
}

;// CONCATENATED MODULE: ./build/core/pipeline/image.js
const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/;
const REPO = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,299}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;
/**
 * `registry/repository[:tag][@digest]` → parts; undefined when it is not an
 * image reference (an unreplaced `<IMAGE1_NAME>`, spaces, an empty name).
 */
function parseImageUri(uri) {
    if (typeof uri !== 'string')
        return undefined;
    let rest = uri.trim();
    if (!rest || /\s/.test(rest))
        return undefined;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            return undefined;
    }
    let tag;
    const slash = rest.lastIndexOf('/');
    const colon = rest.lastIndexOf(':');
    if (colon > slash) {
        tag = rest.slice(colon + 1);
        rest = rest.slice(0, colon);
        if (!TAG.test(tag))
            return undefined;
    }
    const first = rest.split('/')[0];
    const hasRegistry = rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
    const registry = hasRegistry ? first.toLowerCase() : 'docker.io';
    let repository = hasRegistry ? rest.slice(first.length + 1) : rest;
    if (!hasRegistry && !repository.includes('/'))
        repository = `library/${repository}`;
    if (!REPO.test(repository))
        return undefined;
    const ecr = ECR_HOST.exec(registry);
    return {
        registry,
        repository,
        ...(tag !== undefined ? { tag } : {}),
        ...(digest !== undefined ? { digest } : {}),
        ...(ecr ? { account: ecr[1], region: ecr[2] } : {}),
        isEcr: !!ecr,
    };
}
/** Private ECR repository URIs in free texts (buildspec variables, commands). */
function ecrRepositoriesIn(texts) {
    const seen = new Map();
    const re = /\b\d{12}\.dkr\.ecr(?:-fips)?\.[a-z]{2}(?:-[a-z]+)+-\d\.amazonaws\.com(?:\.cn)?\/[a-z0-9][a-z0-9._\/-]*/g;
    for (const text of texts) {
        for (const m of String(text).matchAll(re)) {
            const parsed = parseImageUri(m[0].replace(/[._\/-]+$/, ''));
            if (!parsed?.isEcr)
                continue;
            const { tag: _tag, digest: _digest, ...repo } = parsed;
            seen.set(`${repo.registry}/${repo.repository}`, repo);
        }
    }
    return [...seen.values()];
}
function lookup(vars, names) {
    const byUpper = new Map(Object.entries(vars).map(([k, v]) => [k.toUpperCase().replace(/[^A-Z0-9]/g, ''), [k, v]]));
    for (const n of names) {
        const hit = byUpper.get(n.toUpperCase().replace(/[^A-Z0-9]/g, ''));
        if (hit && typeof hit[1] === 'string' && hit[1].trim())
            return [hit[0], hit[1].trim()];
    }
    return undefined;
}
function fromUri(uri, base) {
    const p = parseImageUri(uri);
    if (!p)
        return undefined;
    return {
        ...base,
        uri: uri.trim(),
        ...(p.isEcr ? { repository: p.repository, registryId: p.account } : {}),
        ...(p.tag ? { tag: p.tag } : {}),
        ...(p.digest ? { digest: p.digest } : {}),
    };
}
/**
 * A repository given as a name (`myapp`) or a URI
 * (`123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp`); the input
 * `ecr-repository` accepts both.
 */
function parseRepository(repo) {
    if (!repo || !repo.trim())
        return undefined;
    const r = repo.trim().replace(/\/+$/, '');
    if (r.includes('.') && r.includes('/')) {
        const p = parseImageUri(r);
        if (!p || p.tag || p.digest)
            return undefined;
        return { name: p.repository, uri: `${p.registry}/${p.repository}`, ...(p.account ? { registryId: p.account } : {}) };
    }
    return REPO.test(r) ? { name: r } : undefined;
}
const URI_VARS = ['IMAGE_URI', 'ImageURI', 'IMAGE_URL', 'IMAGE'];
const TAG_VARS = ['IMAGE_TAG', 'ImageTag', 'TAG'];
const REPO_VARS = ['REPOSITORY_URI', 'ECR_REPO', 'ECR_REPOSITORY_URI', 'ECR_REPOSITORY', 'IMAGE_REPO', 'IMAGE_REPO_NAME'];
const DIGEST_VARS = ['IMAGE_DIGEST', 'ImageDigest', 'DIGEST'];
/**
 * From a CodeBuild action's exported variables: `IMAGE_URI`; else `IMAGE_TAG`
 * with the `ecr-repository` input, else with a repository variable.
 */
function candidateFromOutputVariables(vars, o) {
    if (!vars || typeof vars !== 'object')
        return undefined;
    const digest = lookup(vars, DIGEST_VARS)?.[1];
    const validDigest = digest && DIGEST.test(digest) ? digest : undefined;
    const uri = lookup(vars, URI_VARS);
    if (uri) {
        const c = fromUri(uri[1], { foundIn: 'output-variables', foundDetail: `${o.where} output variable \`${uri[0]}\`` });
        if (c)
            return validDigest && !c.digest ? { ...c, digest: validDigest } : c;
    }
    const tag = lookup(vars, TAG_VARS);
    if (!tag || !TAG.test(tag[1]))
        return undefined;
    const fromInput = parseRepository(o.ecrRepository);
    const repoVar = lookup(vars, REPO_VARS);
    const repo = fromInput ?? (repoVar ? parseRepository(repoVar[1]) : undefined);
    if (!repo)
        return undefined;
    const detail = `${o.where} output variable \`${tag[0]}\` with ${fromInput ? 'the `ecr-repository` input' : `\`${repoVar[0]}\``}`;
    return {
        foundIn: 'output-variables',
        foundDetail: detail,
        ...(repo.uri ? { uri: `${repo.uri}:${tag[1]}` } : {}),
        repository: repo.name,
        ...(repo.registryId ? { registryId: repo.registryId } : {}),
        tag: tag[1],
        ...(validDigest ? { digest: validDigest } : {}),
    };
}
/** The first CodeBuild action (in pipeline order) whose output variables name an image. */
function candidateFromSnapshot(snapshot, o = {}) {
    for (const stage of snapshot.stages) {
        for (const a of stage.actions) {
            if (a.provider !== 'CodeBuild' || a.status !== 'Succeeded')
                continue;
            const c = candidateFromOutputVariables(a.outputVariables, { where: `${stage.name} / ${a.name}`, ecrRepository: o.ecrRepository });
            if (c)
                return c;
        }
    }
    return undefined;
}
/** imageDetail.json text (`{"ImageURI": …}`, possibly with the ECR source action's other keys). */
function candidateFromImageDetail(text, where = 'imageDetail.json') {
    if (typeof text !== 'string')
        return undefined;
    let doc;
    try {
        doc = JSON.parse(text.replace(/^\uFEFF/, ''));
    }
    catch {
        return undefined;
    }
    if (!doc || typeof doc !== 'object' || Array.isArray(doc))
        return undefined;
    const d = doc;
    if (typeof d.ImageURI !== 'string')
        return undefined;
    const c = fromUri(d.ImageURI, { foundIn: 'imageDetail.json', foundDetail: where });
    if (!c)
        return undefined;
    const digest = typeof d.ImageDigest === 'string' && DIGEST.test(d.ImageDigest) ? d.ImageDigest : undefined;
    return digest && !c.digest ? { ...c, digest } : c;
}
/**
 * The S3 object of the deploy action's image artifact (`Image1ArtifactName`,
 * else the only input artifact): where imageDetail.json is.
 */
function imageDetailArtifact(snapshot) {
    for (const stage of snapshot.stages) {
        for (const a of stage.actions) {
            if (a.provider !== 'CodeDeployToECS')
                continue;
            const inputs = (a.inputArtifacts ?? []).filter((x) => x.bucket && x.key);
            const wanted = a.configuration?.Image1ArtifactName;
            const artifact = (wanted ? inputs.find((x) => x.name === wanted) : undefined) ?? (inputs.length === 1 ? inputs[0] : undefined);
            if (artifact)
                return { ...artifact, where: `imageDetail.json in artifact \`${artifact.name}\` of ${stage.name} / ${a.name}` };
        }
    }
    return undefined;
}
/** The last resort: the image tagged with the commit's short SHA (the seed's tag) in the repository. */
function candidateFromEcrTag(sha, ecrRepository) {
    const repo = parseRepository(ecrRepository);
    const tag = sha.trim().slice(0, 7).toLowerCase();
    if (!repo || !/^[0-9a-f]{7}$/.test(tag))
        return undefined;
    return {
        foundIn: 'ecr-tag',
        foundDetail: `ECR tag \`${tag}\` in \`${repo.name}\``,
        ...(repo.uri ? { uri: `${repo.uri}:${tag}` } : {}),
        repository: repo.name,
        ...(repo.registryId ? { registryId: repo.registryId } : {}),
        tag,
    };
}
/** ImagePort.describe's input, or undefined for an image outside private ECR (nothing to describe). */
function describeQuery(c) {
    if (!c.repository)
        return undefined;
    if (!c.tag && !c.digest)
        return undefined;
    return {
        repository: c.repository,
        ...(c.registryId ? { registryId: c.registryId } : {}),
        ...(c.digest ? { digest: c.digest } : { tag: c.tag }),
    };
}
/**
 * The image for the outputs and summaries: the candidate, completed by ECR
 * DescribeImages (digest, push time, scan findings) when it answered.
 */
function toDeployedImage(c, described) {
    const uri = c.uri ?? described?.uri;
    if (!uri)
        return undefined;
    const tag = c.tag ?? parseImageUri(uri)?.tag ?? described?.tag;
    const digest = c.digest ?? described?.digest;
    return {
        uri,
        ...(tag ? { tag } : {}),
        ...(digest ? { digest } : {}),
        ...(described?.pushedAt ? { pushedAt: described.pushedAt } : {}),
        ...(described?.scanFindings ? { scanFindings: described.scanFindings } : {}),
        foundIn: c.foundIn,
        foundDetail: c.foundDetail,
    };
}

// EXTERNAL MODULE: ./build/core/error-text.js
var error_text = __webpack_require__(370);
;// CONCATENATED MODULE: ./build/services/track/enrich.js
/**
 * What a tick adds to GetPipelineExecution + GetPipelineState: action details
 * (ListActionExecutions, only when an action changed), the end of a failed
 * build's log, the execution that superseded this one, and the deployed image.
 */





/** Per execution: everything learnt across ticks. */
class Enricher {
    o;
    ports;
    counts;
    prev;
    details = [];
    /** Build logs by external execution id (the CodeBuild build id): fetched once per failed build. */
    logs = new Map();
    supersededBy;
    supersedeLooked = false;
    image;
    imageDetailTried = new Set();
    ecrTagTried = false;
    settledOnce = false;
    constructor(o, ports, counts) {
        this.o = o;
        this.ports = ports;
        this.counts = counts;
    }
    /**
     * One tick's snapshot, completed; `changed` when an action changed since the
     * previous tick (the caller polls sooner and the image may have appeared).
     */
    async tick(first, o) {
        const settled = o.last ? await this.settle(first) : undefined;
        const raw = settled ?? first;
        const changes = actionChanges(this.prev, raw);
        this.prev = raw;
        if (changes.length > 0 && !settled) {
            try {
                this.details = await this.ports.pipeline.actionExecutions({ pipelineName: this.o.pipelineName, executionId: raw.executionId });
                this.counts.actionExecutions++;
            }
            catch (e) {
                // The summaries and links wait for the next change; the statuses are already right.
                this.ports.logger.warning(`ListActionExecutions failed: ${(0,error_text/* errorText */.k)(e)}`);
            }
        }
        let snapshot = mergeActionDetails(raw, this.details);
        await this.fetchLogs(snapshot);
        snapshot = this.withLogs(snapshot);
        if (snapshot.status === 'Superseded')
            snapshot = await this.withSupersededBy(snapshot);
        if (!this.image && (changes.length > 0 || o.last))
            await this.resolveImage(snapshot, o.last);
        return { snapshot, changed: changes.length > 0 };
    }
    /**
     * An execution that failed or stopped, seen ended in stages that newer
     * executions have run since: GetPipelineState no longer shows where it
     * stopped (the adapter says NotStarted), as after a restart of the app or a
     * late event. Its own action runs do: on the last tick, read them
     * (ListActionExecutions) and the snapshot again, which the adapter then
     * derives from them. Once per execution, and only when no stage shows the
     * failure; undefined when not needed.
     */
    async settle(raw) {
        const ended = raw.status === 'Failed' || raw.status === 'Stopped';
        if (this.settledOnce || !ended || raw.stages.some((st) => st.status === 'Failed' || st.status === 'Stopped' || st.status === 'Stopping'))
            return undefined;
        this.settledOnce = true;
        try {
            this.details = await this.ports.pipeline.actionExecutions({ pipelineName: this.o.pipelineName, executionId: raw.executionId });
            this.counts.actionExecutions++;
            const again = await this.ports.pipeline.snapshot({ pipelineName: this.o.pipelineName, executionId: raw.executionId });
            this.counts.snapshots++;
            return again;
        }
        catch (e) {
            this.ports.logger.warning(`Reading where execution ${raw.executionId} stopped failed: ${(0,error_text/* errorText */.k)(e)}`);
            return undefined;
        }
    }
    failedBuilds(snapshot) {
        return snapshot.stages.flatMap((s) => s.actions.filter((a) => a.provider === 'CodeBuild' && a.status === 'Failed' && a.externalExecutionId));
    }
    async fetchLogs(snapshot) {
        const logs = this.ports.logs;
        if (!logs)
            return;
        for (const a of this.failedBuilds(snapshot)) {
            const buildId = a.externalExecutionId;
            if (this.logs.has(buildId))
                continue;
            try {
                if (logs.details) {
                    const d = await logs.details({ buildId, lines: LOG_LINES });
                    this.logs.set(buildId, { lines: d.lines, diagnostics: d.diagnostics });
                }
                else
                    this.logs.set(buildId, { lines: await logs.tail({ buildId, lines: LOG_LINES }), diagnostics: [] });
            }
            catch (e) {
                this.logs.set(buildId, undefined);
                this.ports.logger.warning(`Could not read the log of build ${buildId}: ${(0,error_text/* errorText */.k)(e)}`);
            }
        }
    }
    withLogs(snapshot) {
        if (this.logs.size === 0)
            return snapshot;
        return {
            ...snapshot,
            stages: snapshot.stages.map((s) => ({
                ...s,
                actions: s.actions.map((a) => {
                    const log = a.status === 'Failed' && a.externalExecutionId ? this.logs.get(a.externalExecutionId) : undefined;
                    if (!log)
                        return a;
                    const diagnostics = [...(a.diagnostics ?? []), ...log.diagnostics.filter((d) => !(a.diagnostics ?? []).includes(d))];
                    return { ...a, ...(log.lines.length ? { logTail: log.lines.slice(-LOG_LINES) } : {}), ...(diagnostics.length ? { diagnostics } : {}) };
                }),
            })),
        };
    }
    /** One ListPipelineExecutions page, once: the newer execution that carries the change. */
    async withSupersededBy(snapshot) {
        if (snapshot.supersededBy)
            return snapshot;
        if (!this.supersedeLooked) {
            this.supersedeLooked = true;
            try {
                const page = await this.ports.pipeline.listExecutions({ pipelineName: this.o.pipelineName, maxResults: 50 });
                this.counts.listExecutions++;
                const self = page.items.find((e) => e.executionId === snapshot.executionId);
                const by = supersedingExecution(page.items, { executionId: snapshot.executionId, startTime: snapshot.startTime ?? self?.startTime });
                if (by)
                    this.supersededBy = { executionId: by.executionId, ...(by.sourceRevisions[0]?.revisionId ? { revisionId: by.sourceRevisions[0].revisionId } : {}) };
            }
            catch (e) {
                this.ports.logger.warning(`Could not find the execution that superseded ${snapshot.executionId}: ${(0,error_text/* errorText */.k)(e)}`);
            }
        }
        return this.supersededBy ? { ...snapshot, supersededBy: this.supersededBy } : snapshot;
    }
    /**
     * The image, in the order of issue 3 item 6: the build's output variables,
     * imageDetail.json in the deploy action's input artifact, then (on the last
     * tick only) the ECR image tagged with the short SHA.
     */
    async resolveImage(snapshot, last) {
        const images = this.ports.images;
        try {
            let c = candidateFromSnapshot(snapshot, { ecrRepository: this.o.ecrRepository });
            if (!c && images) {
                const artifact = imageDetailArtifact(snapshot);
                const key = artifact ? `${artifact.bucket}/${artifact.key}` : undefined;
                if (artifact?.bucket && artifact.key && key && !this.imageDetailTried.has(key)) {
                    this.imageDetailTried.add(key);
                    c = candidateFromImageDetail(await images.imageDetailFromArtifact({ bucket: artifact.bucket, key: artifact.key }), artifact.where);
                }
            }
            let fromTag = false;
            if (!c && last && !this.ecrTagTried) {
                this.ecrTagTried = true;
                c = candidateFromEcrTag(this.o.sha, this.o.ecrRepository);
                fromTag = c !== undefined;
            }
            if (!c)
                return;
            const query = describeQuery(c);
            const described = query && images ? await images.describe(query) : undefined;
            // A short-SHA tag is only a guess: without an image behind it there is nothing to show.
            if (fromTag && !described)
                return;
            this.image = toDeployedImage(c, described);
            if (this.image)
                this.ports.logger.info(`Deployed image: ${this.image.uri}${this.image.digest ? ` (${this.image.digest})` : ''}, from ${c.foundDetail}.`);
        }
        catch (e) {
            this.ports.logger.warning(`Could not look up the deployed image: ${(0,error_text/* errorText */.k)(e)}`);
        }
    }
}

;// CONCATENATED MODULE: ./build/services/track/options.js
const REPORT_MODES = ['checks', 'statuses', 'both', 'none'];
const DEFAULT_FIND_TIMEOUT_SECONDS = 300;
const DEFAULT_TIMEOUT_MINUTES = 60;
/** ListPipelineExecutions pages (of PAGE_SIZE) read on the first search; a busy pipeline's commit is rarely older. */
const DEFAULT_MAX_PAGES = 3;
const PAGE_SIZE = 50;
/** The tracker cannot go on (no execution, a pipeline it cannot start): the message says what to do. */
class TrackError extends Error {
    name = 'TrackError';
}

;// CONCATENATED MODULE: ./build/services/track/locate.js
/**
 * Finding the commit's execution (paging ListPipelineExecutions newest first,
 * waiting for it to appear) and, in mode start, starting one.
 */



/**
 * One search. The first reads up to `maxPages`; later ones stop at the first
 * page that holds an execution already read, since history only grows at the
 * top (newest first).
 */
async function searchOnce(o, ports, s, counts) {
    const first = s.seen.size === 0;
    const maxPages = Math.max(1, o.maxPages ?? DEFAULT_MAX_PAGES);
    let nextToken;
    let pages = 0;
    let newest;
    const items = [];
    do {
        const page = await ports.pipeline.listExecutions({ pipelineName: o.pipelineName, maxResults: PAGE_SIZE, ...(nextToken ? { nextToken } : {}) });
        counts.listExecutions++;
        pages++;
        newest ??= page.items[0];
        items.push(...page.items);
        const found = findExecution(items, o.sha, { sourceAction: o.sourceAction });
        const reachedKnown = page.items.some((e) => s.seen.has(e.executionId));
        for (const e of page.items)
            s.seen.add(e.executionId);
        // A rollback to this commit is newer than the commit's own execution: look a little further for that one.
        if (found && found.executionType !== 'ROLLBACK')
            return found;
        nextToken = page.nextToken;
        if (!first && reachedKnown)
            break;
    } while (nextToken && pages < maxPages);
    const rollback = findExecution(items, o.sha, { sourceAction: o.sourceAction });
    if (rollback)
        return rollback;
    s.pages = first ? pages : s.pages;
    s.executions = s.seen.size;
    if (newest)
        s.newest = newest;
    if (first && items.length)
        s.oldest = items[items.length - 1];
    if (first)
        s.moreHistory = Boolean(nextToken);
    return undefined;
}
function newSearch() {
    return { seen: new Set(), pages: 0, executions: 0, moreHistory: false };
}
function aborted(o) {
    return o.signal?.aborted === true;
}
/**
 * The newest execution of the commit, waiting up to find-timeout-seconds with
 * backoff (1, 2, 4 … 30 s) for it to appear; TrackError with notFoundMessage
 * when it does not, or undefined when the signal aborted the wait.
 */
async function waitForExecution(o, ports, counts, timeoutSeconds) {
    const s = newSearch();
    const begin = ports.clock.now();
    const schedule = findSchedule(timeoutSeconds);
    for (let attempt = 0;; attempt++) {
        const found = await searchOnce(o, ports, s, counts);
        if (found)
            return found;
        const wait = schedule[attempt];
        if (wait === undefined || aborted(o))
            break;
        if (attempt === 0)
            ports.logger.info(`No execution of ${o.pipelineName} for ${o.sha} yet; waiting up to ${timeoutSeconds}s for it to appear.`);
        await ports.clock.sleep(wait * 1000, o.signal);
        if (aborted(o))
            break;
    }
    if (aborted(o))
        return undefined;
    throw new TrackError(notFoundMessage({
        pipelineName: o.pipelineName,
        region: o.region,
        sha: o.sha,
        sourceAction: o.sourceAction,
        pages: s.pages,
        executions: s.executions,
        newest: s.newest,
        oldest: s.oldest,
        waitedSeconds: (ports.clock.now() - begin) / 1000,
        timeoutSeconds,
        moreHistory: s.moreHistory,
    }));
}
/** Mode start: the commit's execution if it has one, else a new one (idempotent through clientRequestToken). */
async function findOrStart(o, ports, counts) {
    const existing = await searchOnce(o, ports, newSearch(), counts);
    if (existing) {
        ports.logger.info(`Execution ${existing.executionId} (${existing.status}) already runs commit ${o.sha}; tracking it instead of starting another.`);
        return { execution: existing, started: false };
    }
    const actions = await ports.pipeline.sourceActions(o.pipelineName);
    const revisions = startSourceRevisions(actions, o.sha, o.sourceAction);
    if (!revisions.ok)
        throw new TrackError(`Cannot start ${o.pipelineName} for commit ${o.sha}: ${revisions.message}`);
    const clientRequestToken = startRequestToken({ repository: o.repository, sha: o.sha, runAttempt: o.runAttempt });
    const executionId = await ports.pipeline.start({ pipelineName: o.pipelineName, sourceRevisions: revisions.sourceRevisions, clientRequestToken });
    ports.logger.info(`Started execution ${executionId} of ${o.pipelineName} for commit ${o.sha} (source action ${revisions.sourceRevisions[0].actionName}).`);
    const now = new Date(ports.clock.now()).toISOString();
    return {
        execution: {
            executionId,
            status: 'InProgress',
            startTime: now,
            sourceRevisions: revisions.sourceRevisions.map((r) => ({ actionName: r.actionName, revisionId: r.revisionValue })),
            executionType: 'STANDARD',
        },
        started: true,
    };
}
/** The execution to track, or undefined when the signal aborted the search. */
async function locate(o, ports, counts) {
    if (o.mode === 'start')
        return findOrStart(o, ports, counts);
    if (o.execution)
        return { execution: o.execution, started: false };
    const execution = await waitForExecution(o, ports, counts, o.findTimeoutSeconds ?? DEFAULT_FIND_TIMEOUT_SECONDS);
    return execution ? { execution, started: false } : undefined;
}

;// CONCATENATED MODULE: ./build/services/track/reporter.js



/**
 * The GitHub adapter throws an error named `ChecksForbiddenError` for a 403 on
 * the check-runs endpoints (see src/adapters/github/errors.ts); matched by name
 * so that the service does not depend on the adapter.
 */
function isChecksForbidden(e) {
    return e instanceof Error && e.name === 'ChecksForbiddenError';
}
/**
 * The runs on the commit that this tracker wrote, in this or an earlier
 * workflow run: same name, and an external id of ours (`<execution>` for the
 * execution's run, `<execution>/<stage>` for a stage's). A job's own check run
 * or another app's run that happens to share a name is left alone.
 */
function ours(existing, runs) {
    const wanted = new Map(runs.map((r) => [r.name, r.externalId]));
    const stageRunsOf = new Set(existing.map((e) => e.externalId?.split('/')).filter((p) => p !== undefined && p.length === 2).map((p) => p[0]));
    return existing.filter((e) => {
        const expected = wanted.get(e.name);
        if (!e.externalId || expected === undefined)
            return false;
        if (e.externalId === expected)
            return true;
        const slash = expected.indexOf('/');
        // An earlier execution of the same commit: its stage runs carry the stage name after the id.
        if (slash >= 0)
            return e.externalId.includes('/') && e.externalId.slice(e.externalId.indexOf('/') + 1) === expected.slice(slash + 1);
        return !e.externalId.includes('/') && stageRunsOf.has(e.externalId);
    });
}
class Reporter {
    sha;
    ports;
    counts;
    checksOn;
    statusesOn;
    /** Check runs by name: ours, or found on the commit (a re-run of the workflow). */
    known = new Map();
    /** Check runs are listed before the first write, and again after a create that failed (it may have gone through). */
    needsList = true;
    statusPrints = new Map();
    fellBack = false;
    constructor(mode, sha, ports, counts) {
        this.sha = sha;
        this.ports = ports;
        this.counts = counts;
        this.checksOn = (mode === 'checks' || mode === 'both') && ports.checks !== undefined;
        this.statusesOn = (mode === 'statuses' || mode === 'both') && ports.statuses !== undefined;
        if ((mode === 'checks' || mode === 'both') && !ports.checks)
            ports.logger.warning('No GitHub client for check runs; nothing is reported as check runs.');
        if ((mode === 'statuses' || mode === 'both') && !ports.statuses)
            ports.logger.warning('No GitHub client for commit statuses; nothing is reported as commit statuses.');
    }
    /** Whether anything goes to GitHub. */
    get active() {
        return this.checksOn || this.statusesOn;
    }
    /** Check run ids by name (for tests and logs). */
    get checkRunIds() {
        return new Map([...this.known].map(([k, v]) => [k, v.id]));
    }
    /** Writes what changed; returns the number of writes made. Never throws for GitHub trouble: it is logged, and the next tick retries. */
    async report(runs) {
        let writes = 0;
        if (this.checksOn)
            writes += await this.writeChecks(runs);
        if (this.statusesOn)
            writes += await this.writeStatuses(runs);
        return writes;
    }
    fallBack(e) {
        this.checksOn = false;
        if (this.fellBack)
            return;
        this.fellBack = true;
        if (!this.ports.statuses) {
            this.ports.logger.warning(`${(0,error_text/* errorText */.k)(e)}. No commit statuses either: nothing is reported to GitHub.`);
            return;
        }
        if (!this.statusesOn) {
            this.statusesOn = true;
            this.ports.logger.warning(`${(0,error_text/* errorText */.k)(e)}. Reporting commit statuses with the same names instead (give the job \`checks: write\` to get check runs).`);
        }
        else
            this.ports.logger.warning(`${(0,error_text/* errorText */.k)(e)}. Reporting commit statuses only.`);
    }
    async list(runs) {
        const existing = await this.ports.checks.list(this.sha);
        const found = knownFromExisting(ours(existing, runs), new Set(runs.map((r) => r.name)));
        // Runs we wrote keep their fingerprints; runs found on the commit are updated once.
        for (const [name, run] of found) {
            const mine = this.known.get(name);
            if (!mine || mine.id !== run.id)
                this.known.set(name, run);
        }
        this.needsList = false;
    }
    async writeChecks(runs) {
        const checks = this.ports.checks;
        let writes = 0;
        try {
            if (this.needsList)
                await this.list(runs);
            for (const w of planWrites(runs, this.known)) {
                try {
                    if (w.kind === 'create') {
                        const id = await checks.create(w.run);
                        this.counts.checkCreates++;
                        this.known.set(w.run.name, { id, fingerprint: w.fingerprint });
                    }
                    else {
                        await checks.update(w.id, w.run);
                        this.counts.checkUpdates++;
                        this.known.set(w.run.name, { id: w.id, fingerprint: w.fingerprint });
                    }
                    writes++;
                }
                catch (e) {
                    if (isChecksForbidden(e))
                        throw e;
                    // A create that failed may still have happened: list again before creating it anew, so that no duplicate appears.
                    if (w.kind === 'create')
                        this.needsList = true;
                    this.ports.logger.warning(`Could not ${w.kind} check run '${w.run.name}': ${(0,error_text/* errorText */.k)(e)}; retrying on the next poll.`);
                }
            }
        }
        catch (e) {
            if (!isChecksForbidden(e)) {
                this.ports.logger.warning(`Could not read the check runs of ${this.sha}: ${(0,error_text/* errorText */.k)(e)}; retrying on the next poll.`);
                return writes;
            }
            // report() writes the statuses next, now that they are on.
            this.fallBack(e);
        }
        return writes;
    }
    async writeStatuses(runs) {
        const statuses = this.ports.statuses;
        let writes = 0;
        for (const run of runs) {
            const s = commitStatusFor(run);
            const fp = statusFingerprint(s);
            if (this.statusPrints.get(s.context) === fp)
                continue;
            try {
                await statuses.set(s);
                this.counts.statusWrites++;
                this.statusPrints.set(s.context, fp);
                writes++;
            }
            catch (e) {
                this.ports.logger.warning(`Could not set commit status '${s.context}': ${(0,error_text/* errorText */.k)(e)}; retrying on the next poll.`);
            }
        }
        return writes;
    }
}

;// CONCATENATED MODULE: ./build/services/track/track.js









/** Ticks in a row whose snapshot failed (after the SDK's own retries) before the tracker gives up. */
const MAX_FAILED_TICKS = 5;
const STOP_REASON = 'Stopped by ecs-codepipeline: the GitHub workflow run was cancelled (stop-on-cancel).';
function newCounts() {
    return { ticks: 0, listExecutions: 0, snapshots: 0, actionExecutions: 0, checkCreates: 0, checkUpdates: 0, statusWrites: 0 };
}
/** After StopPipelineExecution: the execution as it will end, so that every run completes as cancelled now. */
function stoppedView(s) {
    if (isFinal(s.status))
        return s;
    return {
        ...s,
        status: 'Stopped',
        statusSummary: STOP_REASON,
        stages: s.stages.map((st) => (st.status === 'InProgress' || st.status === 'Stopping' ? { ...st, status: 'Stopped' } : st)),
    };
}
/** Without stop-on-cancel the execution goes on; the tracker leaves no run open behind it. */
function abandonOpenRuns(runs, note, nowIso) {
    return runs.map((r) => r.status === 'completed'
        ? r
        : {
            ...r,
            status: 'completed',
            conclusion: 'cancelled',
            completedAt: nowIso,
            output: { ...r.output, title: 'Tracking cancelled; the execution goes on in AWS', summary: `⏹️ ${note}\n\n${r.output.summary}` },
        });
}
/** The execution's run (the first) carries the pipeline drift, read once before tracking (issue 6). */
function withDrift(runs, drift) {
    if (!drift || runs.length === 0)
        return runs;
    const [exec, ...rest] = runs;
    return [{ ...exec, output: { ...exec.output, summary: (0,md/* clip */.$Q)(`${exec.output.summary}\n\n${drift}`, md/* OUTPUT_MAX */.Vq) } }, ...rest];
}
async function snapshotWithRetries(l, baseSeconds) {
    for (let failures = 1;; failures++) {
        try {
            const s = await l.ports.pipeline.snapshot({ pipelineName: l.o.pipelineName, executionId: l.executionId });
            l.counts.snapshots++;
            return s;
        }
        catch (e) {
            if (failures >= MAX_FAILED_TICKS || l.o.signal?.aborted)
                throw e;
            l.ports.logger.warning(`Reading execution ${l.executionId} failed (${failures} of ${MAX_FAILED_TICKS}): ${(0,error_text/* errorText */.k)(e)}`);
            await l.ports.clock.sleep(baseSeconds * 1000 * failures, l.o.signal);
        }
    }
}
function logChanges(l, runs, titles) {
    for (const r of runs) {
        const line = `${r.status === 'completed' ? r.conclusion : r.status}: ${r.output.title}`;
        if (titles.get(r.name) === line)
            continue;
        titles.set(r.name, line);
        l.ports.logger.info(`${r.name} — ${line}`);
    }
}
async function trackExecution(o, ports) {
    const counts = newCounts();
    const clock = ports.clock;
    const begin = clock.now();
    const timeoutMinutes = o.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES;
    const deadline = begin + timeoutMinutes * 60_000;
    const baseSeconds = pollIntervalSeconds(o.pollIntervalSeconds);
    const located = await locate(o, ports, counts);
    if (!located)
        throw new TrackError(`The workflow run was cancelled before an execution of ${o.pipelineName} for commit ${o.sha} appeared; nothing was reported.`);
    const executionId = located.execution.executionId;
    const executionUrl = consoleUrl(o.region, o.pipelineName, executionId);
    ports.logger.info(`Tracking execution ${executionId} of ${o.pipelineName}: ${executionUrl}`);
    const l = {
        o,
        ports,
        counts,
        executionId,
        render: { checkName: o.checkName, headSha: o.sha, timeoutMinutes, docsUrl: o.docsUrl, ruleExists: o.ruleExists, buttons: o.buttons },
        reporter: new Reporter(o.report ?? 'checks', o.sha, ports, counts),
        enricher: new Enricher(o, ports, counts),
    };
    const titles = new Map();
    let snapshot;
    let timedOut = false;
    let cancelled = false;
    let previousSeconds;
    for (;;) {
        counts.ticks++;
        let raw;
        try {
            raw = await snapshotWithRetries(l, baseSeconds);
        }
        catch (e) {
            if (!o.signal?.aborted || !snapshot)
                throw e;
            cancelled = true;
            break;
        }
        const now = clock.now();
        const final = isFinal(raw.status);
        timedOut = !final && now >= deadline;
        const last = final || timedOut || o.wait === false || o.signal?.aborted === true;
        const tick = await l.enricher.tick(raw, { last });
        snapshot = tick.snapshot;
        if (o.signal?.aborted && !final) {
            cancelled = true;
            break;
        }
        const runs = withDrift(renderRuns(snapshot, { ...l.render, now, image: l.enricher.image, timedOut }), o.pipelineDrift);
        logChanges(l, runs, titles);
        const writes = await l.reporter.report(runs);
        if (ports.onSnapshot)
            await ports.onSnapshot(snapshot, { image: l.enricher.image, final }).catch((e) => ports.logger.warning(`After the check runs: ${(0,error_text/* errorText */.k)(e)}; trying again on the next poll.`));
        if (last)
            break;
        const next = nextPollSeconds({
            baseSeconds,
            snapshot,
            changed: tick.changed || writes > 0,
            previousSeconds,
            now,
            remainingSeconds: Math.max(0, (deadline - clock.now()) / 1000),
        });
        previousSeconds = next.seconds;
        ports.logger.debug(`Next poll in ${next.seconds}s (${next.reason})`);
        await clock.sleep(next.seconds * 1000, o.signal);
        if (o.signal?.aborted) {
            cancelled = true;
            break;
        }
    }
    if (cancelled)
        snapshot = await onCancel(l, snapshot, titles);
    const end = snapshot;
    const now = clock.now();
    const renderNow = { ...l.render, now, image: l.enricher.image, timedOut };
    const execRun = renderRuns(end, renderNow)[0];
    const result = cancelled && !isFinal(end.status) ? { outcome: 'cancelled', fails: true } : stepResult(end.status, { timedOut });
    let message;
    if (timedOut)
        message = timeoutMessage(end, timeoutMinutes);
    else if (cancelled && !isFinal(end.status))
        message = `The workflow run was cancelled; execution ${executionId} goes on in AWS (${executionUrl}).`;
    else
        message = `${execRun.output.title} (${executionUrl})`;
    let summaryMarkdown = renderJobSummary(end, renderNow);
    if (o.pipelineDrift)
        summaryMarkdown = (0,md/* clip */.$Q)(`${summaryMarkdown}\n${o.pipelineDrift}`, md/* OUTPUT_MAX */.Vq);
    if (cancelled)
        summaryMarkdown += `\n${o.stopOnCancel ? '⏹️ The workflow run was cancelled: the execution was stopped (`stop-on-cancel`).' : '⏹️ The workflow run was cancelled while tracking; the execution goes on in AWS.'}\n`;
    return {
        executionId,
        executionUrl,
        status: end.status,
        outcome: result.outcome,
        fails: result.fails,
        message,
        ...(l.enricher.image ? { image: l.enricher.image } : {}),
        summaryMarkdown,
        started: located.started,
        cancelled,
        counts,
    };
}
/**
 * The signal aborted (SIGINT/SIGTERM: the workflow run was cancelled). With
 * stop-on-cancel, StopPipelineExecution and complete every run as cancelled;
 * without it, close the open runs as cancelled too, saying that the execution
 * goes on. Returns the snapshot the result describes.
 */
async function onCancel(l, last, titles) {
    const { o, ports } = l;
    let snapshot = last;
    const now = () => ports.clock.now();
    if (isFinal(snapshot.status))
        return snapshot;
    if (o.stopOnCancel) {
        ports.logger.warning(`The workflow run was cancelled: stopping execution ${l.executionId} (stop-on-cancel).`);
        try {
            await ports.pipeline.stop({ pipelineName: o.pipelineName, executionId: l.executionId, reason: STOP_REASON });
        }
        catch (e) {
            ports.logger.warning(`StopPipelineExecution failed: ${(0,error_text/* errorText */.k)(e)}`);
        }
        try {
            const raw = await ports.pipeline.snapshot({ pipelineName: o.pipelineName, executionId: l.executionId });
            l.counts.snapshots++;
            snapshot = (await l.enricher.tick(raw, { last: true })).snapshot;
        }
        catch (e) {
            ports.logger.debug(`Reading the execution after the stop failed: ${(0,error_text/* errorText */.k)(e)}`);
        }
        snapshot = stoppedView(snapshot);
        const runs = withDrift(renderRuns(snapshot, { ...l.render, now: now(), image: l.enricher.image }), o.pipelineDrift);
        logChanges(l, runs, titles);
        await l.reporter.report(runs);
        return snapshot;
    }
    ports.logger.warning(`The workflow run was cancelled: execution ${l.executionId} goes on in AWS (set stop-on-cancel: true to stop it).`);
    const runs = withDrift(renderRuns(snapshot, { ...l.render, now: now(), image: l.enricher.image }), o.pipelineDrift);
    const note = `The workflow run was cancelled while tracking; execution ${l.executionId} goes on in AWS.`;
    const closed = abandonOpenRuns(runs, note, new Date(now()).toISOString());
    logChanges(l, closed, titles);
    await l.reporter.report(closed);
    return snapshot;
}

;// CONCATENATED MODULE: ./build/services/track/index.js
/** Track or start the commit's CodePipeline execution and report it to GitHub (issue 3). */






/***/ })

};
