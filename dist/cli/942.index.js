export const id = 942;
export const ids = [942];
export const modules = {

/***/ 6440:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GQ: () => (/* binding */ TITLE_MAX),
  Hn: () => (/* reexport */ summary_cell),
  $Q: () => (/* binding */ clip),
  aY: () => (/* binding */ code),
  TN: () => (/* binding */ oneLine)
});

// UNUSED EXPORTS: OUTPUT_MAX, clipTail, fence, link, redact, safeUrl

;// CONCATENATED MODULE: ./build/core/report/summary.js


/** A job summary may be at most 1 MiB; past this many rows the rest is counted, not listed. */
const MAX_ROWS = 1000;
const ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' };
/**
 * A table cell: one line, pipes escaped, and outside code spans the Markdown
 * punctuation escaped too, so that `<IMAGE1_NAME>` or `buildspec*.yml` show as written.
 */
function summary_cell(s) {
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
            out.push(`| ${place} | ${ICON[f.severity]} ${f.severity} | [${summary_cell(f.rule)}](${ruleUrl(f.rule, docsUrl)}) | ${summary_cell(f.message)} |`);
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
const SECRET_PATTERNS = (/* unused pure expression or super */ null && ([
    /\b(?:AKIA|ASIA|AROA|AIDA)[0-9A-Z]{16}\b/g,
    /((?:aws_secret_access_key|aws_session_token|secret_access_key|session_token|password|passwd|token)\s*[=:]\s*["']?)[^\s"',;]{8,}/gi,
    /\bgh[pousr]_[A-Za-z0-9]{20,}\b/g,
    /\bBearer\s+[A-Za-z0-9._~+/-]{16,}=*/g,
]));
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

/***/ 5228:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DZ: () => (/* binding */ wouldBeImages),
/* harmony export */   be: () => (/* binding */ taggedImages),
/* harmony export */   fG: () => (/* binding */ effectiveTaskdefs),
/* harmony export */   x5: () => (/* binding */ locate)
/* harmony export */ });
/* unused harmony export fieldKey */
/* harmony import */ var _config_node_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2417);
/* harmony import */ var _model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1295);
/* harmony import */ var _rules_crossfile_context_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7940);
/* harmony import */ var _rules_crossfile_shell_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(337);
/* harmony import */ var _rules_crossfile_templates_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1612);
/* harmony import */ var _normalize_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3278);






/** Stable key of a field path (`["containerDefinitions","web","memory"]`). */
function fieldKey(path) {
    return path.join('\u001f');
}
/** The nearest located field at or above a path: a removed variable points to its list. */
function locate(locations, path) {
    for (let n = path.length; n > 0; n--) {
        const hit = locations.get(fieldKey(path.slice(0, n)));
        if (hit)
            return hit;
    }
    return undefined;
}
/**
 * Every task definition a CodeDeployToECS action of the project registers;
 * without a pipeline, the project's only task definition (with its only appspec).
 */
function effectiveTaskdefs(project, options = {}) {
    const ctx = (0,_rules_crossfile_context_js__WEBPACK_IMPORTED_MODULE_1__/* .contextOf */ .Vm)(project);
    const out = [];
    for (const p of ctx.pipelines) {
        for (const d of p.deploys) {
            const doc = (0,_rules_crossfile_context_js__WEBPACK_IMPORTED_MODULE_1__/* .deployTaskdef */ .S3)(ctx, p, d);
            if (!doc)
                continue;
            const appspecArtifact = d.configuration.get('AppSpecTemplateArtifact');
            const appspec = appspecArtifact ? ctx.lookup(ctx.origin(p, appspecArtifact), d.appspecPath).docs.filter((x) => x.kind === 'appspec' && x.root).pop() : undefined;
            out.push(build({ doc, appspec, placeholders: placeholdersOf(d), options, deploy: deployInfo(p, d) }));
        }
    }
    if (out.length > 0 || ctx.pipelines.some((p) => p.deploys.length > 0))
        return out;
    const taskdefs = (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .docsOf */ .fE)(project, 'taskdef');
    const appspecs = (0,_model_js__WEBPACK_IMPORTED_MODULE_0__/* .docsOf */ .fE)(project, 'appspec');
    if (taskdefs.length !== 1)
        return [];
    return [build({ doc: taskdefs[0], appspec: appspecs.length === 1 ? appspecs[0] : undefined, placeholders: ['IMAGE1_NAME'], options })];
}
function deployInfo(p, d) {
    return {
        pipeline: (0,_config_node_js__WEBPACK_IMPORTED_MODULE_5__/* .str */ .gx)((0,_config_node_js__WEBPACK_IMPORTED_MODULE_5__/* .child */ .jf)((0,_config_node_js__WEBPACK_IMPORTED_MODULE_5__/* .child */ .jf)(p.doc.root, 'pipeline'), 'name')) ?? p.doc.path,
        stage: d.stage,
        action: d.name,
        applicationName: d.configuration.get('ApplicationName'),
        deploymentGroupName: d.configuration.get('DeploymentGroupName'),
    };
}
/** The placeholder names the action fills in; an artifact without a container name uses `IMAGE<N>_NAME`. */
function placeholdersOf(d) {
    return (0,_rules_crossfile_context_js__WEBPACK_IMPORTED_MODULE_1__/* .imageSlots */ .Lq)(d).map((s) => s.placeholder ?? `IMAGE${s.n}_NAME`);
}
function build(o) {
    const root = (0,_rules_crossfile_templates_js__WEBPACK_IMPORTED_MODULE_3__/* .taskdefRoot */ .Pg)(o.doc);
    const plain = (0,_config_node_js__WEBPACK_IMPORTED_MODULE_5__/* .toPlain */ .Ul)(root);
    const taskdef = (0,_normalize_js__WEBPACK_IMPORTED_MODULE_4__/* .isObj */ .sA)(plain) ? plain : {};
    const images = [];
    const known = new Set(o.placeholders);
    const byName = new Map();
    for (const c of Array.isArray(taskdef.containerDefinitions) ? taskdef.containerDefinitions : []) {
        if ((0,_normalize_js__WEBPACK_IMPORTED_MODULE_4__/* .isObj */ .sA)(c) && typeof c.name === 'string')
            byName.set(c.name, c);
    }
    for (const c of (0,_rules_crossfile_templates_js__WEBPACK_IMPORTED_MODULE_3__/* .containersOf */ .Mz)(o.doc)) {
        if (c.image === undefined || c.name === undefined)
            continue;
        const target = byName.get(c.name);
        let image = c.image;
        for (const ph of (0,_rules_crossfile_templates_js__WEBPACK_IMPORTED_MODULE_3__/* .placeholdersIn */ .Qf)(c.image)) {
            if (!known.has(ph))
                continue;
            const choice = o.options.images?.[ph];
            images.push({ container: c.name, placeholder: ph, uri: choice?.uri, wouldBe: choice?.wouldBe ?? false });
            if (choice)
                image = image.split(`<${ph}>`).join(choice.uri);
        }
        if (target)
            target.image = image;
    }
    const locations = new Map();
    walk(root, [], o.doc.path, locations);
    return {
        taskdef,
        file: o.doc.path,
        name: o.doc.name,
        generated: o.doc.embedded !== undefined,
        deploy: o.deploy,
        images,
        loadBalancers: o.appspec ? loadBalancersOf(o.appspec) : [],
        unresolved: o.doc.embedded ? o.doc.embedded.unresolved.map((n) => '$' + n) : [],
        locations,
    };
}
function loadBalancersOf(appspec) {
    return (0,_rules_crossfile_templates_js__WEBPACK_IMPORTED_MODULE_3__/* .targetServices */ .qm)(appspec)
        .filter((t) => t.nameNode || t.portNode)
        .map((t) => ({
        containerName: t.containerName,
        containerPort: t.port,
        location: t.nameNode ? toLocation(appspec.path, t.nameNode) : t.portNode ? toLocation(appspec.path, t.portNode) : undefined,
    }));
}
function toLocation(file, node, from = node.range.start) {
    return { file, line: from.line, column: from.column, endLine: node.range.end.line, endColumn: node.range.end.column };
}
const ID_FIELDS = ['name', 'containerPort', 'containerPath', 'containerName', 'namespace', 'hostname'];
/** Records where each field stands, keyed as normalizeTaskdef keys them. */
function walk(node, path, file, out) {
    if (!node)
        return;
    if (node.type === 'object') {
        for (const e of (0,_config_node_js__WEBPACK_IMPORTED_MODULE_5__/* .entries */ .jO)(node)) {
            const p = [...path, e.key];
            out.set(fieldKey(p), toLocation(file, e.value, e.keyRange.start));
            if (e.value.type === 'array') {
                for (const item of (0,_config_node_js__WEBPACK_IMPORTED_MODULE_5__/* .items */ .ld)(e.value)) {
                    const key = (0,_normalize_js__WEBPACK_IMPORTED_MODULE_4__/* .itemKey */ .Dh)(e.key, (0,_config_node_js__WEBPACK_IMPORTED_MODULE_5__/* .toPlain */ .Ul)(item));
                    if (key === undefined)
                        continue;
                    // The item's identity (`"name": "LOG_LEVEL"`) is the line a reviewer looks for, even when the item spans several.
                    const id = ID_FIELDS.map((k) => (0,_config_node_js__WEBPACK_IMPORTED_MODULE_5__/* .entry */ .f_)(item, k)).find((x) => x !== undefined);
                    out.set(fieldKey([...p, key]), id ? toLocation(file, id.value, id.keyRange.start) : toLocation(file, item));
                    walk(item, [...p, key], file, out);
                }
            }
            else
                walk(e.value, p, file, out);
        }
    }
}
/**
 * For a pull request: the images a build of the head commit would push, by
 * placeholder. Known when the buildspec pushes one repository whose name it
 * spells out and tags it with a value computed at build time (the commit):
 * that tag is taken to be the 7-character short SHA, as in the blog's buildspec.
 */
function wouldBeImages(project, headSha) {
    return taggedImages(project, headSha.slice(0, 7), { wouldBe: true });
}
/**
 * The images of the repository the buildspec pushes, with this tag, by
 * placeholder (`ecs-codepipeline preview --image-tag 1a2b3c4`); empty when
 * the buildspec does not name exactly one repository.
 */
function taggedImages(project, tag, o = { wouldBe: false }) {
    const ctx = (0,_rules_crossfile_context_js__WEBPACK_IMPORTED_MODULE_1__/* .contextOf */ .Vm)(project);
    const repos = new Set();
    for (const b of ctx.buildspecs) {
        const ws = ctx.workspace(b);
        for (const p of ws.pushes) {
            const slash = p.ref.lastIndexOf('/');
            const colon = p.ref.lastIndexOf(':');
            if (colon <= slash || p.ref.includes('@'))
                continue;
            const repo = p.ref.slice(0, colon);
            const tag = p.ref.slice(colon + 1);
            if (!(0,_rules_crossfile_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .hasSymbols */ .sD)(repo) && (0,_rules_crossfile_shell_js__WEBPACK_IMPORTED_MODULE_2__/* .hasSymbols */ .sD)(tag))
                repos.add(repo);
        }
    }
    if (repos.size !== 1)
        return {};
    const uri = `${[...repos][0]}:${tag}`;
    const out = {};
    for (const p of ctx.pipelines)
        for (const d of p.deploys)
            for (const ph of placeholdersOf(d))
                out[ph] = { uri, wouldBe: o.wouldBe };
    if (ctx.pipelines.every((p) => p.deploys.length === 0))
        out.IMAGE1_NAME = { uri, wouldBe: o.wouldBe };
    return out;
}


/***/ }),

/***/ 3278:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dh: () => (/* binding */ itemKey),
/* harmony export */   FB: () => (/* binding */ same),
/* harmony export */   Ii: () => (/* binding */ memoryMiB),
/* harmony export */   JH: () => (/* binding */ KEYED_LISTS),
/* harmony export */   aF: () => (/* binding */ secretValue),
/* harmony export */   oE: () => (/* binding */ secretLooking),
/* harmony export */   qW: () => (/* binding */ normalizeTaskdef),
/* harmony export */   sA: () => (/* binding */ isObj),
/* harmony export */   v5: () => (/* binding */ MASK)
/* harmony export */ });
/* unused harmony exports READ_ONLY_FIELDS, cpuUnits */
/**
 * One shape for both sides of the task definition diff: the template the
 * deploy registers and DescribeTaskDefinition output. Lists whose items have
 * an identity (containers, variables, ports …) become objects keyed by it, and
 * the defaults the ECS API fills in are written out, so that equal task
 * definitions normalise to equal values.
 */
/** Set by ECS on registration: never part of what a deploy changes. */
const READ_ONLY_FIELDS = new Set([
    'taskDefinitionArn',
    'revision',
    'status',
    'requiresAttributes',
    'compatibilities',
    'registeredAt',
    'registeredBy',
    'deregisteredAt',
]);
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
/**
 * The identity of an item of a list, by the list's key (`environment`,
 * `portMappings` …); undefined for lists compared as a whole (`command`).
 */
function itemKey(list, item) {
    if (!isObj(item))
        return undefined;
    const s = (v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : undefined);
    switch (list) {
        case 'containerDefinitions':
        case 'environment':
        case 'secrets':
        case 'volumes':
        case 'ulimits':
        case 'inferenceAccelerators':
        case 'secretOptions':
            return s(item.name);
        case 'portMappings': {
            const port = s(item.containerPort) ?? (s(item.containerPortRange) ? `range ${s(item.containerPortRange)}` : undefined);
            return port === undefined ? undefined : `${port}/${(s(item.protocol) ?? 'tcp').toLowerCase()}`;
        }
        case 'mountPoints':
            return s(item.containerPath);
        case 'dependsOn':
            return s(item.containerName);
        case 'systemControls':
            return s(item.namespace);
        case 'extraHosts':
            return s(item.hostname);
        default:
            return undefined;
    }
}
/** Lists whose items itemKey identifies: compared item by item even when the whole list appears or goes. */
const KEYED_LISTS = new Set(['containerDefinitions', 'environment', 'secrets', 'volumes', 'ulimits', 'inferenceAccelerators', 'secretOptions', 'portMappings', 'mountPoints', 'dependsOn', 'systemControls', 'extraHosts']);
/** Lists whose items are name/value pairs: compared as name → value. */
const VALUE_OF = { environment: 'value', secrets: 'valueFrom', secretOptions: 'valueFrom' };
/** `"1 vCPU"` → 1024, `"256"` → 256; undefined when it is not a CPU amount. */
function cpuUnits(v) {
    if (typeof v === 'number')
        return v;
    if (typeof v !== 'string')
        return undefined;
    const m = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(v);
    if (!m)
        return undefined;
    return m[2] ? Math.round(Number(m[1]) * 1024) : Number(m[1]);
}
/** `"1 GB"` → 1024, `"512"` → 512 (MiB); undefined when it is not a memory amount. */
function memoryMiB(v) {
    if (typeof v === 'number')
        return v;
    if (typeof v !== 'string')
        return undefined;
    const m = /^\s*(\d+(?:\.\d+)?)\s*(gb|gib|mb|mib)?\s*$/i.exec(v);
    if (!m)
        return undefined;
    return /^g/i.test(m[2] ?? '') ? Math.round(Number(m[1]) * 1024) : Number(m[1]);
}
const HEALTH_DEFAULTS = { interval: 30, timeout: 5, retries: 3 };
/** The normalised task definition; the input is not modified. Accepts DescribeTaskDefinition output as is. */
function normalizeTaskdef(input) {
    const raw = isObj(input) && isObj(input.taskDefinition) && !('containerDefinitions' in input) ? input.taskDefinition : input;
    if (!isObj(raw))
        return {};
    const td = { ...raw };
    for (const k of READ_ONLY_FIELDS)
        delete td[k];
    const awsvpc = td.networkMode === 'awsvpc';
    if (td.cpu !== undefined)
        td.cpu = cpuUnits(td.cpu) ?? td.cpu;
    if (td.memory !== undefined)
        td.memory = memoryMiB(td.memory) ?? td.memory;
    if (Array.isArray(td.requiresCompatibilities))
        td.requiresCompatibilities = [...td.requiresCompatibilities].map(String).sort();
    if (Array.isArray(td.containerDefinitions)) {
        td.containerDefinitions = td.containerDefinitions.map((c) => (isObj(c) ? normalizeContainer(c, awsvpc) : c));
    }
    return clean(keyLists(td, ''));
}
function normalizeContainer(input, awsvpc) {
    const c = { ...input };
    if (c.essential === undefined)
        c.essential = true;
    // The API reports an unset container cpu as 0.
    if (c.cpu === 0 || c.cpu === '0')
        delete c.cpu;
    for (const k of ['cpu', 'memory', 'memoryReservation']) {
        if (c[k] !== undefined)
            c[k] = (k === 'cpu' ? cpuUnits(c[k]) : memoryMiB(c[k])) ?? c[k];
    }
    if (Array.isArray(c.portMappings)) {
        c.portMappings = c.portMappings.map((p) => {
            if (!isObj(p))
                return p;
            const q = { ...p, protocol: typeof p.protocol === 'string' ? p.protocol.toLowerCase() : 'tcp' };
            if (typeof q.containerPort === 'string' && /^\d+$/.test(q.containerPort))
                q.containerPort = Number(q.containerPort);
            if (typeof q.hostPort === 'string' && /^\d+$/.test(q.hostPort))
                q.hostPort = Number(q.hostPort);
            // With awsvpc the host port is the container port; the API writes it out.
            if (awsvpc && q.hostPort === undefined && q.containerPort !== undefined)
                q.hostPort = q.containerPort;
            return q;
        });
    }
    if (isObj(c.healthCheck))
        c.healthCheck = { ...HEALTH_DEFAULTS, ...c.healthCheck };
    if (Array.isArray(c.environment)) {
        c.environment = c.environment.map((e) => (isObj(e) && e.value !== undefined && e.value !== null ? { ...e, value: String(e.value) } : e));
    }
    return c;
}
/** Turns keyed lists into objects (name → item, or name → value for pairs), recursively. */
function keyLists(v, name) {
    if (Array.isArray(v)) {
        const keys = v.map((item) => itemKey(name, item));
        if (v.length > 0 && keys.every((k) => k !== undefined) && new Set(keys).size === keys.length) {
            const o = {};
            v.forEach((item, i) => {
                const field = VALUE_OF[name];
                o[keys[i]] = field ? item[field] : keyLists(item, '');
            });
            return o;
        }
        return v.map((item) => keyLists(item, ''));
    }
    if (isObj(v)) {
        const o = {};
        for (const [k, x] of Object.entries(v))
            o[k] = keyLists(x, k);
        return o;
    }
    return v;
}
/** Drops nulls, empty lists and empty objects: the API returns `[]` where a template says nothing. */
function clean(v) {
    if (Array.isArray(v))
        return v.map(clean);
    if (!isObj(v))
        return v;
    const o = {};
    for (const [k, x] of Object.entries(v)) {
        const c = clean(x);
        if (c === null || c === undefined)
            continue;
        if (Array.isArray(c) && c.length === 0)
            continue;
        if (isObj(c) && Object.keys(c).length === 0)
            continue;
        o[k] = c;
    }
    return o;
}
/** Names whose values must not be shown, even in a task definition's plain environment. */
function secretLooking(name) {
    return /pass(word|wd)?|secret|token|api_?key|private|credential|access_?key|auth|dsn|conn(ection)?_?str/i.test(name);
}
/**
 * Values that are credentials whatever the variable is called: a URL with a
 * password (`postgres://app:s3cret@db/…`), access keys, tokens, private keys.
 */
const SECRET_VALUES = [
    /:\/\/[^/\s:@]+:[^/\s@]+@/,
    /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/,
    /-----BEGIN [A-Z ]*PRIVATE KEY-----/,
    /\bgh[pousr]_[A-Za-z0-9]{20,}\b/,
    /\bxox[abprs]-[A-Za-z0-9-]{10,}/,
    /\b[sr]k_(?:live|test)_[A-Za-z0-9]{8,}/,
];
function secretValue(v) {
    return typeof v === 'string' && SECRET_VALUES.some((re) => re.test(v));
}
const MASK = '••••••';
/** Deep equality of plain values (object key order ignored). */
function same(a, b) {
    if (a === b)
        return true;
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((x, i) => same(x, b[i]));
    if (isObj(a) && isObj(b)) {
        const ka = Object.keys(a);
        return ka.length === Object.keys(b).length && ka.every((k) => k in b && same(a[k], b[k]));
    }
    return false;
}


/***/ }),

/***/ 5469:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bt: () => (/* binding */ renderPreview),
/* harmony export */   Vf: () => (/* binding */ previewTitle),
/* harmony export */   gX: () => (/* binding */ previewConclusion),
/* harmony export */   hL: () => (/* binding */ previewCounts)
/* harmony export */ });
/* unused harmony exports PREVIEW_CHECK_NAME, renderDriftSection */
/* harmony import */ var _pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6440);
/* harmony import */ var _effective_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5228);


/** The `ECS deploy preview` check run (and job summary, and terminal text) from the diffs. */
const PREVIEW_CHECK_NAME = 'ECS deploy preview';
const RISK = '⚠️';
/**
 * Failure only when the deployment itself would fail; neutral when anything
 * changes, drifts or cannot be compared; success when nothing deployable changes.
 */
function previewConclusion(input) {
    if (input.sections.some((s) => (s.diff?.problems.length ?? 0) > 0))
        return 'failure';
    const changed = input.sections.some((s) => !s.diff || s.diff.changes.some((c) => !c.expected));
    const drifted = input.drift !== undefined && (input.drift.items.length > 0 || input.drift.unavailable !== undefined);
    return changed || drifted ? 'neutral' : 'success';
}
function previewCounts(input) {
    const changes = input.sections.flatMap((s) => s.diff?.changes ?? []).filter((c) => !c.expected);
    return {
        changes: changes.length,
        risky: changes.filter((c) => c.risky).length,
        problems: input.sections.reduce((n, s) => n + (s.diff?.problems.length ?? 0), 0),
        drift: input.drift?.items.length ?? 0,
        unavailable: input.sections.filter((s) => !s.diff).length + (input.drift?.unavailable !== undefined ? 1 : 0),
    };
}
/** The check run's title: what changes, else why the preview is incomplete, else that nothing changes. */
function previewTitle(input) {
    const n = previewCounts(input);
    const parts = [];
    if (n.problems > 0)
        parts.push(`${n.problems} deploy-breaking problem${n.problems === 1 ? '' : 's'}`);
    if (n.changes > 0)
        parts.push(`${n.changes} change${n.changes === 1 ? '' : 's'}${n.risky ? ` (${n.risky} risky)` : ''}${changedFields(input)}`);
    if (n.drift > 0)
        parts.push(`pipeline drift (${n.drift})`);
    const unavailable = [...input.sections.map((s) => (s.diff ? undefined : (s.unavailable ?? 'the live task definition is unknown'))), input.drift?.unavailable].filter((u) => u !== undefined);
    if (parts.length === 0 && unavailable.length > 0)
        return (0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(`Preview incomplete: ${unavailable[0]}`, _pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .TITLE_MAX */ .GQ);
    if (parts.length === 0) {
        const expected = input.sections.some((s) => s.diff?.changes.some((c) => c.expected));
        return input.sections.length === 0 ? 'Nothing to preview' : expected ? 'No deployable change besides the new image' : 'No deployable change';
    }
    return (0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .oneLine */ .TN)(parts.join(', '), _pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .TITLE_MAX */ .GQ);
}
/** `: memory, environment.FEATURE_CHECKOUT` for a few changes; nothing for many (the tables say it). */
function changedFields(input) {
    const fields = [...new Set(input.sections.flatMap((s) => s.diff?.changes ?? []).filter((c) => !c.expected).map((c) => c.field))];
    return fields.length > 0 && fields.length <= 3 ? `: ${fields.join(', ')}` : '';
}
function renderPreview(input) {
    const conclusion = previewConclusion(input);
    const title = previewTitle(input);
    const md = [];
    for (const s of input.sections)
        md.push(...section(s));
    if (input.drift)
        md.push(...driftSection(input.drift));
    return { conclusion, title, summary: (0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .clip */ .$Q)(md.join('\n').trim() + '\n'), annotations: annotations(input) };
}
function section(s) {
    const e = s.effective;
    const target = e.deploy ? [e.deploy.applicationName, e.deploy.deploymentGroupName].filter(Boolean).join(' / ') : '';
    const from = e.generated ? `${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(e.name)} written by ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(e.file)}` : (0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(e.file);
    const out = [`### ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(s.service ?? (target || e.name))}`, '', `Task definition from ${from}${e.deploy ? `, deployed by ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(`${e.deploy.stage} / ${e.deploy.action}`)}` : ''}.`, ''];
    if (!s.diff) {
        out.push(`Cannot compare with the running service: ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(s.unavailable ?? 'the live task definition is unknown')}.`, '');
        return out;
    }
    for (const p of s.diff.problems)
        out.push(`❌ **Deploy would fail:** ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(p.message)}${p.location ? ` (${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(`${p.location.file}:${p.location.line}`)})` : ''}`, '');
    if (s.diff.changes.length === 0) {
        out.push('No deployable change: the task definition this would register matches the one the service runs.', '');
        return out;
    }
    if (s.diff.changes.every((c) => c.category === 'image'))
        out.push(s.diff.changes.every((c) => c.expected) ? 'Only the image changes: the rest of the task definition matches the one the service runs.' : 'Only the image changes.', '');
    const groups = new Map();
    for (const c of s.diff.changes) {
        const k = c.container === undefined ? '' : c.container;
        groups.set(k, [...(groups.get(k) ?? []), c]);
    }
    // Task-level fields first, then each container; risky changes lead inside each table (the diff orders them).
    const keys = [...groups.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0));
    for (const k of keys) {
        out.push(k === '' ? '**Task**' : `**Container ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(k)}**`, '', '| | Field | Before | After |', '|---|---|---|---|');
        for (const c of groups.get(k)) {
            const after = c.kind === 'removed' ? '*(removed)*' : value(c.after) + (c.note ? ` *(${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(c.note)})*` : '');
            const marker = c.risky ? `${RISK}` : '';
            const field = (0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(c.field) + (c.risky ? `<br>${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(c.risky)}` : '');
            out.push(`| ${marker} | ${field} | ${c.kind === 'added' ? '*(none)*' : value(c.before)} | ${after} |`);
        }
        out.push('');
    }
    if (s.effective.unresolved.length > 0)
        out.push(`Values only known at build time: ${s.effective.unresolved.map(_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY).join(', ')}.`, '');
    return out;
}
function value(v) {
    if (v === undefined)
        return '—';
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return (0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(s.length > 120 ? s.slice(0, 117) + '…' : s);
}
/**
 * The drift alone, as Markdown: what `mode: track` adds once to the
 * execution's check run. No drift, or a pipeline that cannot be read, is one line.
 */
function renderDriftSection(d) {
    if (d.unavailable)
        return `${RISK} Pipeline drift not compared: ${cell(d.unavailable)}.\n`;
    if (d.items.length === 0)
        return `No pipeline drift: ${code(d.file)} matches the live pipeline${d.pipeline ? ` ${code(d.pipeline)}` : ''}.\n`;
    return driftSection(d).join('\n').trim() + '\n';
}
function driftSection(d) {
    const out = [`### Pipeline drift: ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(d.file)} vs the live pipeline${d.pipeline ? ` ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .code */ .aY)(d.pipeline)}` : ''}`, ''];
    if (d.unavailable)
        return [...out, `Cannot compare: ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(d.unavailable)}.`, ''];
    if (d.items.length === 0)
        return [...out, 'The live pipeline matches the file.', ''];
    for (const i of d.items)
        out.push(`- ${RISK} ${(0,_pipeline_md_js__WEBPACK_IMPORTED_MODULE_0__/* .cell */ .Hn)(i.message)}`);
    return [...out, ''];
}
function annotations(input) {
    const out = [];
    const add = (loc, level, title, message) => {
        if (loc)
            out.push({ path: loc.file, start_line: loc.line, end_line: loc.line, annotation_level: level, title, message });
    };
    for (const s of input.sections) {
        for (const p of s.diff?.problems ?? [])
            add(p.location, 'failure', 'Deploy would fail', p.message);
        for (const c of s.diff?.changes ?? []) {
            // The new image is on no line the pull request changed.
            if (c.expected)
                continue;
            const what = `${c.container ? `container ${c.container}: ` : ''}${c.field}`;
            const text = c.kind === 'added' ? `${what} added: ${plain(c.after)}` : c.kind === 'removed' ? `${what} removed (was ${plain(c.before)})` : `${what}: ${plain(c.before)} → ${plain(c.after)}`;
            add((0,_effective_js__WEBPACK_IMPORTED_MODULE_1__/* .locate */ .x5)(s.effective.locations, c.path), c.risky ? 'warning' : 'notice', `Deploy changes ${c.category}`, c.risky ? `${text}. ${c.risky}` : text);
        }
    }
    for (const i of input.drift?.items ?? [])
        add(i.location, 'warning', 'Pipeline drift', i.message);
    return out;
}
function plain(v) {
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return s === undefined ? 'nothing' : s.length > 200 ? s.slice(0, 197) + '…' : s;
}


/***/ }),

/***/ 942:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderPreviewText: () => (/* binding */ renderPreviewText)
/* harmony export */ });
/* harmony import */ var _render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5469);

const COLOR = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1, underline: 4 };
function paint(on, code, s) {
    return on ? `\u001b[${code}m${s}\u001b[0m` : s;
}
/** One line, so that a value never breaks the layout. */
function flat(v, max = 100) {
    if (v === undefined)
        return '(none)';
    const s = (typeof v === 'string' ? v : JSON.stringify(v)).replace(/\s*[\r\n]+\s*/g, ' ');
    return s.length > max ? s.slice(0, max - 1) + '…' : s;
}
function changeLine(c, width, color) {
    const mark = c.risky ? paint(color, COLOR.yellow, '⚠') : ' ';
    const before = c.kind === 'added' ? '(none)' : flat(c.before);
    const after = c.kind === 'removed' ? '(removed)' : flat(c.after);
    const out = [`    ${mark} ${c.field.padEnd(width)}  ${paint(color, COLOR.dim, before)} → ${after}${c.note ? paint(color, COLOR.dim, `  (${c.note})`) : ''}`];
    if (c.risky)
        out.push(`      ${' '.repeat(width)}  ${paint(color, COLOR.yellow, c.risky)}`);
    return out;
}
function renderPreviewText(input, options = {}) {
    const color = options.color === true;
    const out = [];
    for (const s of input.sections) {
        const e = s.effective;
        const target = e.deploy ? [e.deploy.applicationName, e.deploy.deploymentGroupName].filter(Boolean).join(' / ') : '';
        const by = e.deploy ? `${e.deploy.stage} / ${e.deploy.action}, ` : '';
        const from = e.generated ? `${e.name} written by ${e.file}` : e.file;
        out.push(`${paint(color, COLOR.underline, s.service ?? (target || e.name))}  ${paint(color, COLOR.dim, `(${by}task definition from ${from})`)}`);
        if (!s.diff) {
            out.push(`  ${paint(color, COLOR.yellow, 'cannot compare')}: ${s.unavailable ?? 'the live task definition is unknown'}`, '');
            continue;
        }
        for (const p of s.diff.problems)
            out.push(`  ${paint(color, COLOR.red, '✖ deploy would fail')}: ${flat(p.message, 1000)}${p.location ? paint(color, COLOR.dim, `  ${p.location.file}:${p.location.line}`) : ''}`);
        if (s.diff.changes.length === 0)
            out.push('  no deployable change: the task definition matches the one the service runs');
        const groups = new Map();
        for (const c of s.diff.changes)
            groups.set(c.container ?? '', [...(groups.get(c.container ?? '') ?? []), c]);
        const width = Math.min(40, Math.max(0, ...s.diff.changes.map((c) => c.field.length)));
        for (const k of [...groups.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0))) {
            out.push(`  ${k === '' ? 'task' : `container ${k}`}`);
            for (const c of groups.get(k))
                out.push(...changeLine(c, width, color));
        }
        if (e.unresolved.length > 0)
            out.push(paint(color, COLOR.dim, `  values only known at build time: ${e.unresolved.join(', ')}`));
        out.push('');
    }
    const d = input.drift;
    if (d) {
        out.push(`${paint(color, COLOR.underline, `pipeline drift: ${d.file} vs the live pipeline${d.pipeline ? ` ${d.pipeline}` : ''}`)}`);
        if (d.unavailable)
            out.push(`  ${paint(color, COLOR.yellow, 'cannot compare')}: ${d.unavailable}`);
        else if (d.items.length === 0)
            out.push('  the live pipeline matches the file');
        for (const i of d.items)
            out.push(`  ${paint(color, COLOR.yellow, '⚠')} ${flat(i.message, 1000)}${i.location ? paint(color, COLOR.dim, `  ${i.location.file}:${i.location.line}`) : ''}`);
        out.push('');
    }
    const conclusion = (0,_render_js__WEBPACK_IMPORTED_MODULE_0__/* .previewConclusion */ .gX)(input);
    const last = (0,_render_js__WEBPACK_IMPORTED_MODULE_0__/* .previewTitle */ .Vf)(input);
    out.push(conclusion === 'failure' ? paint(color, COLOR.red, `✖ ${last}`) : conclusion === 'success' ? paint(color, COLOR.green, `✔ ${last}`) : paint(color, COLOR.yellow, `● ${last}`));
    return out.join('\n') + '\n';
}


/***/ })

};
