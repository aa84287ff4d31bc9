export const id = 783;
export const ids = [783];
export const modules = {

/***/ 6783:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  previewDeploy: () => (/* binding */ previewDeploy)
});

// EXTERNAL MODULE: ./build/core/model.js
var model = __webpack_require__(1295);
// EXTERNAL MODULE: ./build/core/preview/effective.js
var preview_effective = __webpack_require__(5228);
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
// EXTERNAL MODULE: ./build/core/preview/text.js
var preview_text = __webpack_require__(942);
// EXTERNAL MODULE: ./build/core/pipeline/md.js + 1 modules
var md = __webpack_require__(6440);
;// CONCATENATED MODULE: ./build/core/preview/check-run.js


/** The run's external id: a re-run of the workflow, or a redelivered webhook, updates the same run. */
function previewExternalId(pipelineName) {
    return `preview:${pipelineName}`;
}
function body(report, o) {
    const head = `**Pipeline** ${code(o.pipelineName)} · **Commit** ${code(o.headSha.slice(0, 7))}`;
    const notes = (o.notes ?? []).map((n) => `> ${cell(n)}`);
    return [head, '', ...(notes.length ? [...notes, ''] : []), report.summary].join('\n');
}
function previewCheckRun(report, o) {
    const details = safeUrl(o.detailsUrl);
    return {
        name: o.name ?? PREVIEW_CHECK_NAME,
        headSha: o.headSha,
        externalId: previewExternalId(o.pipelineName),
        status: 'completed',
        conclusion: report.conclusion,
        completedAt: o.now,
        ...(details ? { detailsUrl: details } : {}),
        output: { title: report.title, summary: clip(body(report, o), OUTPUT_MAX, 'the job summary has the whole preview'), annotations: report.annotations },
    };
}
const ICON = { success: '✅', neutral: '🔎', failure: '❌' };
function previewJobSummary(report, o) {
    return `## ${ICON[report.conclusion]} ${cell(o.name ?? PREVIEW_CHECK_NAME)}: ${cell(report.title)}\n\n${body(report, o)}`;
}

;// CONCATENATED MODULE: ./build/core/preview/index.js
/** Deploy preview: what merging would change in the running service, and pipeline drift. Pure; the live side is read by adapters. */








// EXTERNAL MODULE: ./build/core/config/load.js + 7 modules
var load = __webpack_require__(6382);
// EXTERNAL MODULE: ./build/core/group.js
var group = __webpack_require__(1181);
;// CONCATENATED MODULE: ./build/services/preview-drift.js




function loadRepository(r) {
    const docs = r.files.flatMap(load/* loadFile */.ZN);
    const projects = (0,group/* groupDocs */.VN)(docs, new Set(r.tree ?? r.files.map((f) => f.path)));
    return { docs, projects };
}
/** The name a pipeline definition gives (`{"pipeline": {"name"}}`, or a bare pipeline object). */
function pipelineNameOf(doc) {
    return (0,node/* str */.gx)((0,node/* child */.jf)((0,node/* child */.jf)(doc.root, 'pipeline') ?? doc.root, 'name'));
}
/**
 * The repository's definition of the pipeline: the pipeline file that names
 * it, else the only pipeline file when it names none. `others` lists the
 * names the other pipeline files give, for a message.
 */
function findPipelineDoc(loaded, pipelineName) {
    const pipelines = loaded.docs.filter((d) => d.kind === 'pipeline' && !d.embedded && d.root !== undefined);
    const named = pipelines.filter((d) => pipelineNameOf(d) === pipelineName);
    const unnamed = pipelines.filter((d) => pipelineNameOf(d) === undefined);
    const doc = named[0] ?? (pipelines.length === 1 && unnamed.length === 1 ? unnamed[0] : undefined);
    const project = doc ? loaded.projects.find((p) => p.docs.includes(doc)) : undefined;
    const others = pipelines.filter((d) => d !== doc).map((d) => `${d.path}${pipelineNameOf(d) ? ` (${pipelineNameOf(d)})` : ''}`);
    return { ...(doc ? { doc } : {}), ...(project ? { project } : {}), others };
}
/** Drift of the pipeline file from the live pipeline; a live pipeline that cannot be read is said, not thrown. */
function driftOf(doc, pipelineName, live) {
    if (!live.ok)
        return { file: doc.path, pipeline: pipelineName, items: [], unavailable: live.message };
    return { file: doc.path, pipeline: pipelineName, items: diffPipeline({ repository: doc, live: live.value }) };
}
/**
 * For `mode: track`: drift of the repository's pipeline file from the live
 * pipeline (one GetPipeline), or undefined when the repository has no file
 * for this pipeline.
 */
async function pipelineDrift(r, port) {
    const found = findPipelineDoc(loadRepository(r), r.pipelineName);
    if (!found.doc)
        return undefined;
    return driftOf(found.doc, r.pipelineName, await port.pipeline(r.pipelineName));
}

;// CONCATENATED MODULE: ./build/services/preview.js
/**
 * The deploy preview (issue 6) over the ports: the task definition each
 * CodeDeployToECS action of the pipeline would register, against the one its
 * service runs, and the pipeline file against the live pipeline.
 */



function imagesFor(o, project) {
    if (o.images)
        return o.images;
    if (o.imageTag)
        return (0,preview_effective/* taggedImages */.be)(project, o.imageTag);
    if (o.headSha)
        return (0,preview_effective/* wouldBeImages */.DZ)(project, o.headSha);
    return {};
}
/** The CodeDeployToECS actions of a GetPipeline answer. */
function liveDeployActions(live) {
    const p = live.pipeline;
    return (p?.stages ?? []).flatMap((s) => (s.actions ?? [])
        .filter((a) => a.actionTypeId?.provider === 'CodeDeployToECS')
        .map((a) => ({ stage: s.name ?? '', action: a.name ?? '', applicationName: a.configuration?.ApplicationName, deploymentGroupName: a.configuration?.DeploymentGroupName })));
}
/** One read per deployment group, service and task definition, however many sections share them. */
function cached(port) {
    const memo = new Map();
    const once = (key, f) => {
        let p = memo.get(key);
        if (!p)
            memo.set(key, (p = f()));
        return p;
    };
    return {
        deploymentGroup: (q) => once(`dg\u0000${q.applicationName}\u0000${q.deploymentGroupName}`, () => port.deploymentGroup(q)),
        service: (q) => once(`svc\u0000${q.cluster}\u0000${q.service}`, () => port.service(q)),
        taskDefinition: (arn) => once(`td\u0000${arn}`, () => port.taskDefinition(arn)),
        pipeline: (name) => once(`pl\u0000${name}`, () => port.pipeline(name)),
    };
}
/** `family:revision` of a task definition ARN. */
function revisionOf(arn) {
    return arn.slice(arn.lastIndexOf('/') + 1);
}
async function sectionOf(e, port) {
    const d = e.deploy;
    if (!d?.applicationName || !d.deploymentGroupName) {
        return { effective: e, unavailable: `the deploy action${d ? ` ${d.stage} / ${d.action}` : ''} names no ApplicationName and DeploymentGroupName, so the service it deploys to is unknown` };
    }
    const group = await port.deploymentGroup({ applicationName: d.applicationName, deploymentGroupName: d.deploymentGroupName });
    if (!group.ok)
        return { effective: e, unavailable: group.message };
    const { cluster, service } = group.value;
    const svc = await port.service({ cluster, service });
    const name = `${cluster}/${service}`;
    if (!svc.ok)
        return { effective: e, service: name, unavailable: svc.message };
    const arn = svc.value.taskDefinitionArn;
    let live;
    if (arn) {
        const read = await port.taskDefinition(arn);
        if (!read.ok)
            return { effective: e, service: name, unavailable: read.message };
        live = read.value;
    }
    const diff = diffTaskdef({ effective: e.taskdef, live, loadBalancers: e.loadBalancers, images: e.images });
    return { effective: e, service: arn ? `${name} (runs ${revisionOf(arn)})` : `${name} (runs no task definition yet)`, diff };
}
async function previewDeploy(o, livePort) {
    const port = cached(livePort);
    const loaded = loadRepository(o);
    const found = findPipelineDoc(loaded, o.pipelineName);
    const notes = [];
    let effective = [];
    let drift;
    if (found.doc && found.project) {
        effective = (0,preview_effective/* effectiveTaskdefs */.fG)(found.project, { images: imagesFor(o, found.project) });
        if (effective.length === 0)
            notes.push(`${found.doc.path} has no CodeDeployToECS action whose task definition template is in the repository (or written by its buildspec); nothing to compare.`);
        if (o.drift !== false)
            drift = driftOf(found.doc, o.pipelineName, await port.pipeline(o.pipelineName));
    }
    else {
        notes.push(`No pipeline file for ${o.pipelineName} in the checked files${found.others.length ? ` (found ${found.others.join(', ')})` : ''}; its deploy actions come from the live pipeline, and pipeline drift is not compared.`);
        effective = await fromLivePipeline(o, loaded.projects, port, notes);
    }
    const sections = await Promise.all(effective.map((e) => sectionOf(e, port)));
    const input = { sections, ...(drift ? { drift } : {}) };
    return { input, report: (0,render/* renderPreview */.Bt)(input), counts: (0,render/* previewCounts */.hL)(input), notes };
}
/**
 * Without a pipeline file: the live pipeline's only CodeDeployToECS action,
 * with the repository's only task definition (committed or written by a
 * buildspec) as its template.
 */
async function fromLivePipeline(o, projects, port, notes) {
    const candidates = projects.filter((p) => (0,model/* docsOf */.fE)(p, 'taskdef').length === 1);
    if (candidates.length !== 1) {
        notes.push(candidates.length === 0 ? 'No task definition found in the checked files.' : `Several task definitions found (${candidates.map((p) => (0,model/* docsOf */.fE)(p, 'taskdef')[0].path).join(', ')}); commit the pipeline definition so that the preview knows which one each deploy action reads.`);
        return [];
    }
    const live = await port.pipeline(o.pipelineName);
    if (!live.ok) {
        notes.push(`The deploy target is unknown: ${live.message}.`);
        return [];
    }
    const deploys = liveDeployActions(live.value);
    if (deploys.length !== 1) {
        notes.push(deploys.length === 0 ? `The live pipeline ${o.pipelineName} has no CodeDeployToECS action.` : `The live pipeline ${o.pipelineName} has ${deploys.length} CodeDeployToECS actions; commit the pipeline definition so that the preview knows which task definition each one reads.`);
        return [];
    }
    const project = candidates[0];
    return (0,preview_effective/* effectiveTaskdefs */.fG)(project, { images: imagesFor(o, project) }).map((e) => ({ ...e, deploy: { pipeline: o.pipelineName, ...deploys[0] } }));
}


/***/ })

};
