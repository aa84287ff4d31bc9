export const id = 399;
export const ids = [399];
export const modules = {

/***/ 1399:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PREVIEW_CHECK_NAME: () => (/* reexport */ render/* PREVIEW_CHECK_NAME */.qp),
  READ_ONLY_FIELDS: () => (/* reexport */ normalize/* READ_ONLY_FIELDS */.O6),
  diffPipeline: () => (/* reexport */ diffPipeline),
  diffTaskdef: () => (/* reexport */ diffTaskdef),
  effectiveTaskdefs: () => (/* reexport */ effective/* effectiveTaskdefs */.fG),
  fieldKey: () => (/* reexport */ effective/* fieldKey */.aF),
  locate: () => (/* reexport */ effective/* locate */.x5),
  normalizeTaskdef: () => (/* reexport */ normalize/* normalizeTaskdef */.qW),
  previewCheckRun: () => (/* reexport */ previewCheckRun),
  previewConclusion: () => (/* reexport */ render/* previewConclusion */.gX),
  previewCounts: () => (/* reexport */ render/* previewCounts */.hL),
  previewExternalId: () => (/* reexport */ previewExternalId),
  previewJobSummary: () => (/* reexport */ previewJobSummary),
  previewTitle: () => (/* reexport */ render/* previewTitle */.Vf),
  renderDriftSection: () => (/* reexport */ render.renderDriftSection),
  renderPreview: () => (/* reexport */ render/* renderPreview */.Bt),
  renderPreviewText: () => (/* reexport */ renderPreviewText),
  taggedImages: () => (/* reexport */ effective/* taggedImages */.be),
  wouldBeImages: () => (/* reexport */ effective/* wouldBeImages */.DZ)
});

// EXTERNAL MODULE: ./build/core/preview/effective.js + 5 modules
var effective = __webpack_require__(1042);
// EXTERNAL MODULE: ./build/core/preview/normalize.js
var normalize = __webpack_require__(3278);
;// CONCATENATED MODULE: ./build/core/preview/diff.js

const CATEGORY = {
    image: 'image',
    cpu: 'resources',
    memory: 'resources',
    memoryReservation: 'resources',
    ephemeralStorage: 'resources',
    resourceRequirements: 'resources',
    environment: 'environment',
    environmentFiles: 'environment',
    secrets: 'secrets',
    repositoryCredentials: 'secrets',
    portMappings: 'ports',
    healthCheck: 'health check',
    logConfiguration: 'logging',
    firelensConfiguration: 'logging',
    executionRoleArn: 'roles',
    taskRoleArn: 'roles',
};
function diffTaskdef(o) {
    const after = (0,normalize/* normalizeTaskdef */.qW)(o.effective);
    const before = (0,normalize/* normalizeTaskdef */.qW)(o.live);
    const changes = [];
    compare(before, after, [], changes);
    for (const c of changes)
        describe(c, o.images ?? []);
    const problems = checkLoadBalancers(after, o.loadBalancers ?? [], changes);
    const ordered = [...changes.filter((c) => c.risky), ...changes.filter((c) => !c.risky)];
    return { changes: ordered, problems };
}
function compare(a, b, path, out) {
    if ((0,normalize/* same */.FB)(a, b))
        return;
    if (normalize/* KEYED_LISTS */.JH.has(path[path.length - 1] ?? '') && !isPortMapping(path)) {
        // All variables removed is one change per variable, as one removed would be.
        if (a === undefined && (0,normalize/* isObj */.sA)(b))
            a = {};
        if (b === undefined && (0,normalize/* isObj */.sA)(a))
            b = {};
    }
    if ((0,normalize/* isObj */.sA)(a) && (0,normalize/* isObj */.sA)(b) && !isPortMapping(path)) {
        // The new task definition's order first: the order a reviewer reads the file in.
        for (const k of [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))])
            compare(a[k], b[k], [...path, k], out);
        return;
    }
    const kind = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
    out.push({ path, field: '', kind, category: 'other', before: a, after: b });
}
/** Port mappings are shown whole (`8080/tcp` with its host port and name), not field by field. */
function isPortMapping(path) {
    return path.length === 4 && path[0] === 'containerDefinitions' && path[2] === 'portMappings';
}
function describe(c, images) {
    const inContainer = c.path[0] === 'containerDefinitions' && c.path.length >= 2;
    c.container = inContainer ? c.path[1] : undefined;
    const rest = inContainer ? c.path.slice(2) : c.path;
    c.field = rest.length === 0 ? 'container' : rest.join('.');
    c.category = rest.length === 0 ? 'other' : (CATEGORY[rest[0]] ?? (rest[0] === 'logConfiguration' ? 'logging' : 'other'));
    if (c.category === 'environment' && rest[0] === 'environment' && rest[1] !== undefined && ((0,normalize/* secretLooking */.oE)(rest[1]) || (0,normalize/* secretValue */.aF)(c.before) || (0,normalize/* secretValue */.aF)(c.after))) {
        if (c.before !== undefined)
            c.before = normalize/* MASK */.v5;
        if (c.after !== undefined)
            c.after = normalize/* MASK */.v5;
        c.masked = true;
    }
    if (c.category === 'image' && c.container !== undefined) {
        const use = images.find((i) => i.container === c.container);
        if (use?.wouldBe)
            c.note = 'would be: the image a build of this commit tags';
        else if (use && use.uri === undefined)
            c.note = `<${use.placeholder}> is replaced by the image the pipeline builds`;
        if (use?.wouldBe || (use && use.uri === undefined))
            c.expected = true;
    }
    if (c.category === 'roles')
        c.risky = `${rest[0]} ${c.kind}: the tasks get other permissions`;
    if (c.category === 'secrets' && c.kind === 'removed' && rest[0] === 'secrets')
        c.risky = `secret ${rest[1] ?? ''} removed: the container no longer receives it`.replace('  ', ' ');
    if (c.category === 'resources' && (rest[rest.length - 1] === 'memory' || rest[rest.length - 1] === 'memoryReservation')) {
        const was = (0,normalize/* memoryMiB */.Ii)(c.before);
        const now = (0,normalize/* memoryMiB */.Ii)(c.after);
        if (was !== undefined && now !== undefined && now < was)
            c.risky = `memory lowered from ${was} to ${now} MiB: tasks may run out of memory`;
    }
    if (c.kind === 'removed' && rest.length === 0)
        c.risky = c.risky ?? `container ${c.container} removed`;
}
/**
 * The appspec sends traffic to a container name and port: the new task
 * definition must have both, or CodeDeploy cannot create the replacement task set.
 */
function checkLoadBalancers(after, targets, changes) {
    const problems = [];
    const containers = (0,normalize/* isObj */.sA)(after.containerDefinitions) ? after.containerDefinitions : {};
    for (const t of targets) {
        if (t.containerName === undefined)
            continue;
        const c = containers[t.containerName];
        if (!(0,normalize/* isObj */.sA)(c)) {
            const names = Object.keys(containers);
            problems.push({
                message: `the appspec's LoadBalancerInfo sends traffic to container "${t.containerName}", which the new task definition does not have${names.length ? ` (it has ${names.map((n) => `"${n}"`).join(', ')})` : ''}; rename the container or change ContainerName in the appspec`,
                location: t.location,
            });
            for (const ch of changes)
                if (ch.path.length === 2 && ch.container === t.containerName)
                    ch.risky = `container ${t.containerName} removed: the appspec's load balancer mapping no longer matches`;
            continue;
        }
        if (t.containerPort === undefined)
            continue;
        const ports = (0,normalize/* isObj */.sA)(c.portMappings) ? Object.values(c.portMappings).filter(normalize/* isObj */.sA).map((p) => p.containerPort) : [];
        if (ports.includes(t.containerPort))
            continue;
        problems.push({
            message: `the appspec's LoadBalancerInfo sends traffic to port ${t.containerPort} of container "${t.containerName}", which maps ${ports.length ? `only ${ports.join(', ')}` : 'no port'} in the new task definition; change ContainerPort in the appspec or the container's portMappings`,
            location: t.location,
        });
        for (const ch of changes) {
            if (ch.container !== t.containerName || ch.category !== 'ports')
                continue;
            ch.risky = `the appspec's load balancer mapping expects port ${t.containerPort}`;
        }
    }
    return problems;
}

// EXTERNAL MODULE: ./build/core/config/node.js
var node = __webpack_require__(2417);
;// CONCATENATED MODULE: ./build/core/preview/pipeline-diff.js


/** Top-level fields CodePipeline fills in when the file leaves them out: compared only when the file sets them. */
const DEFAULTED = new Set(['pipelineType', 'executionMode', 'triggers', 'variables']);
const IGNORED = new Set(['version', 'metadata', 'stages']);
/** GetPipeline hides secret configuration values (a GitHub OAuth token) behind asterisks. */
const HIDDEN = /^\*+$/;
function diffPipeline(o) {
    const repoNode = (0,node/* child */.jf)(o.repository.root, 'pipeline') ?? o.repository.root;
    const repo = (0,node/* toPlain */.Ul)(repoNode);
    const live = (0,normalize/* isObj */.sA)(o.live) && (0,normalize/* isObj */.sA)(o.live.pipeline) ? o.live.pipeline : o.live;
    if (!(0,normalize/* isObj */.sA)(repo) || !(0,normalize/* isObj */.sA)(live))
        return [];
    const loc = (node, from) => (node ? pipeline_diff_location(o.repository.path, node, from) : undefined);
    const out = [];
    for (const k of new Set([...Object.keys(repo), ...Object.keys(live)])) {
        if (IGNORED.has(k) || (DEFAULTED.has(k) && !(k in repo)))
            continue;
        if ((0,normalize/* same */.FB)(repo[k], live[k]))
            continue;
        out.push({
            kind: 'pipeline-changed',
            field: k,
            repository: repo[k],
            live: live[k],
            location: loc((0,node/* entry */.f_)(repoNode, k)?.value),
            message: `pipeline ${k} differs: the repository has ${show(repo[k])}, the live pipeline ${show(live[k])}`,
        });
    }
    const stagesNode = (0,node/* child */.jf)(repoNode, 'stages');
    const stagesKey = (0,node/* entry */.f_)(repoNode, 'stages');
    const stagesLoc = stagesKey ? pipeline_diff_location(o.repository.path, { range: stagesKey.keyRange }) : undefined;
    const repoStages = byName(repo.stages);
    const liveStages = byName(live.stages);
    const stageNode = (name) => (0,node/* items */.ld)(stagesNode).find((n) => (0,node/* str */.gx)((0,node/* child */.jf)(n, 'name')) === name);
    for (const [name, ls] of liveStages) {
        if (repoStages.has(name))
            continue;
        const actions = byName(ls.actions);
        out.push({
            kind: 'stage-added',
            stage: name,
            live: ls,
            location: stagesLoc,
            message: `stage "${name}"${actions.size ? ` (${[...actions.keys()].map((a) => `"${a}"`).join(', ')})` : ''} exists in the live pipeline but not in the repository; add it to the file or remove it from the pipeline`,
        });
    }
    for (const [name] of repoStages) {
        if (liveStages.has(name))
            continue;
        out.push({ kind: 'stage-removed', stage: name, location: loc(stageNode(name)), message: `stage "${name}" is in the repository but not in the live pipeline; it was removed in the console or never applied` });
    }
    const commonRepo = [...repoStages.keys()].filter((n) => liveStages.has(n));
    const commonLive = [...liveStages.keys()].filter((n) => repoStages.has(n));
    if (commonRepo.join('\n') !== commonLive.join('\n')) {
        out.push({ kind: 'stage-moved', location: stagesLoc, repository: commonRepo, live: commonLive, message: `stages run in another order: the repository has ${commonRepo.join(' → ')}, the live pipeline ${commonLive.join(' → ')}` });
    }
    for (const name of commonRepo) {
        const rs = repoStages.get(name);
        const ls = liveStages.get(name);
        const sNode = stageNode(name);
        for (const k of new Set([...Object.keys(rs), ...Object.keys(ls)])) {
            if (k === 'name' || k === 'actions' || (0,normalize/* same */.FB)(rs[k], ls[k]))
                continue;
            out.push({ kind: 'stage-changed', stage: name, field: k, repository: rs[k], live: ls[k], location: loc((0,node/* entry */.f_)(sNode, k)?.value ?? sNode), message: `stage "${name}": ${k} differs` });
        }
        diffActions({ stage: name, repo: byName(rs.actions), live: byName(ls.actions), stageNode: sNode, loc, out });
    }
    return out;
}
function diffActions(o) {
    const actionNode = (name) => (0,node/* items */.ld)((0,node/* child */.jf)(o.stageNode, 'actions')).find((n) => (0,node/* str */.gx)((0,node/* child */.jf)(n, 'name')) === name);
    for (const [name] of o.live) {
        if (!o.repo.has(name))
            o.out.push({ kind: 'action-added', stage: o.stage, action: name, location: o.loc((0,node/* child */.jf)(o.stageNode, 'actions') ?? o.stageNode), message: `action "${name}" of stage "${o.stage}" exists only in the live pipeline` });
    }
    for (const [name, ra] of o.repo) {
        const la = o.live.get(name);
        const aNode = actionNode(name);
        if (!la) {
            o.out.push({ kind: 'action-removed', stage: o.stage, action: name, location: o.loc(aNode), message: `action "${name}" of stage "${o.stage}" is not in the live pipeline` });
            continue;
        }
        const r = normalizeAction(ra);
        const l = normalizeAction(la);
        for (const k of new Set([...Object.keys(r), ...Object.keys(l)])) {
            if (k === 'configuration')
                continue;
            if ((0,normalize/* same */.FB)(r[k], l[k]))
                continue;
            o.out.push({ kind: 'action-changed', stage: o.stage, action: name, field: k, repository: r[k], live: l[k], location: o.loc((0,node/* child */.jf)(aNode, k) ?? aNode), message: `action "${name}": ${k} is ${show(l[k])} live, ${show(r[k])} in the repository` });
        }
        const rc = (0,normalize/* isObj */.sA)(r.configuration) ? r.configuration : {};
        const lc = (0,normalize/* isObj */.sA)(l.configuration) ? l.configuration : {};
        const cNode = (0,node/* child */.jf)(aNode, 'configuration');
        for (const k of new Set([...Object.keys(rc), ...Object.keys(lc)])) {
            if (typeof lc[k] === 'string' && HIDDEN.test(lc[k]))
                continue;
            if ((0,normalize/* same */.FB)(rc[k], lc[k]))
                continue;
            o.out.push({
                kind: 'action-changed',
                stage: o.stage,
                action: name,
                field: `configuration.${k}`,
                repository: rc[k],
                live: lc[k],
                location: o.loc((0,node/* entry */.f_)(cNode, k)?.value ?? cNode ?? aNode, (0,node/* entry */.f_)(cNode, k)?.value),
                message: `action "${name}": configuration ${k} is ${show(lc[k])} live, ${show(rc[k])} in the repository`,
            });
        }
    }
}
/** Defaults CodePipeline writes out, and artifacts as lists of names. */
function normalizeAction(a) {
    const out = { ...a, runOrder: a.runOrder ?? 1 };
    delete out.name;
    for (const k of ['inputArtifacts', 'outputArtifacts']) {
        const list = Array.isArray(a[k]) ? a[k] : [];
        out[k] = list.map((x) => ((0,normalize/* isObj */.sA)(x) ? x.name : x));
    }
    if ((0,normalize/* isObj */.sA)(a.configuration)) {
        const c = {};
        for (const [k, v] of Object.entries(a.configuration))
            c[k] = typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
        out.configuration = c;
    }
    for (const k of Object.keys(out)) {
        const v = out[k];
        if (v === undefined || v === null || (Array.isArray(v) && v.length === 0) || ((0,normalize/* isObj */.sA)(v) && Object.keys(v).length === 0))
            delete out[k];
    }
    return out;
}
function byName(list) {
    const out = new Map();
    if (!Array.isArray(list))
        return out;
    list.forEach((x, i) => {
        if ((0,normalize/* isObj */.sA)(x))
            out.set(typeof x.name === 'string' ? x.name : `#${i + 1}`, x);
    });
    return out;
}
function pipeline_diff_location(file, node, from) {
    const n = from ?? node;
    return { file, line: n.range.start.line, column: n.range.start.column, endLine: n.range.end.line, endColumn: n.range.end.column };
}
function show(v) {
    if (v === undefined)
        return 'nothing';
    if ((0,normalize/* secretValue */.aF)(typeof v === 'string' ? v : JSON.stringify(v)))
        return normalize/* MASK */.v5;
    const s = typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
    return s.length > 80 ? s.slice(0, 77) + '…' : s;
}

// EXTERNAL MODULE: ./build/core/preview/render.js
var render = __webpack_require__(5469);
;// CONCATENATED MODULE: ./build/core/preview/text.js

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
    const conclusion = (0,render/* previewConclusion */.gX)(input);
    const last = (0,render/* previewTitle */.Vf)(input);
    out.push(conclusion === 'failure' ? paint(color, COLOR.red, `✖ ${last}`) : conclusion === 'success' ? paint(color, COLOR.green, `✔ ${last}`) : paint(color, COLOR.yellow, `● ${last}`));
    return out.join('\n') + '\n';
}

// EXTERNAL MODULE: ./build/core/pipeline/md.js + 1 modules
var md = __webpack_require__(6440);
;// CONCATENATED MODULE: ./build/core/preview/check-run.js


/** The run's external id: a re-run of the workflow, or a redelivered webhook, updates the same run. */
function previewExternalId(pipelineName) {
    return `preview:${pipelineName}`;
}
function body(report, o) {
    const head = `**Pipeline** ${(0,md/* code */.aY)(o.pipelineName)} · **Commit** ${(0,md/* code */.aY)(o.headSha.slice(0, 7))}`;
    const notes = (o.notes ?? []).map((n) => `> ${(0,md/* cell */.Hn)(n)}`);
    return [head, '', ...(notes.length ? [...notes, ''] : []), report.summary].join('\n');
}
function previewCheckRun(report, o) {
    const details = (0,md/* safeUrl */.Pl)(o.detailsUrl);
    return {
        name: o.name ?? render/* PREVIEW_CHECK_NAME */.qp,
        headSha: o.headSha,
        externalId: previewExternalId(o.pipelineName),
        status: 'completed',
        conclusion: report.conclusion,
        completedAt: o.now,
        ...(details ? { detailsUrl: details } : {}),
        output: { title: report.title, summary: (0,md/* clip */.$Q)(body(report, o), md/* OUTPUT_MAX */.Vq, 'the job summary has the whole preview'), annotations: report.annotations },
    };
}
const ICON = { success: '✅', neutral: '🔎', failure: '❌' };
function previewJobSummary(report, o) {
    return `## ${ICON[report.conclusion]} ${(0,md/* cell */.Hn)(o.name ?? render/* PREVIEW_CHECK_NAME */.qp)}: ${(0,md/* cell */.Hn)(report.title)}\n\n${body(report, o)}`;
}

;// CONCATENATED MODULE: ./build/core/preview/index.js
/** Deploy preview: what merging would change in the running service, and pipeline drift. Pure; the live side is read by adapters. */









/***/ })

};
