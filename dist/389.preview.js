export const id = 389;
export const ids = [389];
export const modules = {

/***/ 4389:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   previewDeploy: () => (/* binding */ previewDeploy)
/* harmony export */ });
/* harmony import */ var _core_model_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1295);
/* harmony import */ var _core_preview_index_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1399);
/* harmony import */ var _preview_drift_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7411);
/**
 * The deploy preview (issue 6) over the ports: the task definition each
 * CodeDeployToECS action of the pipeline would register, against the one its
 * service runs, and the pipeline file against the live pipeline.
 */



function imagesFor(o, project) {
    if (o.images)
        return o.images;
    if (o.imageTag)
        return (0,_core_preview_index_js__WEBPACK_IMPORTED_MODULE_1__.taggedImages)(project, o.imageTag);
    if (o.headSha)
        return (0,_core_preview_index_js__WEBPACK_IMPORTED_MODULE_1__.wouldBeImages)(project, o.headSha);
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
    const diff = (0,_core_preview_index_js__WEBPACK_IMPORTED_MODULE_1__.diffTaskdef)({ effective: e.taskdef, live, loadBalancers: e.loadBalancers, images: e.images });
    return { effective: e, service: arn ? `${name} (runs ${revisionOf(arn)})` : `${name} (runs no task definition yet)`, diff };
}
async function previewDeploy(o, livePort) {
    const port = cached(livePort);
    const loaded = (0,_preview_drift_js__WEBPACK_IMPORTED_MODULE_2__/* .loadRepository */ .rV)(o);
    const found = (0,_preview_drift_js__WEBPACK_IMPORTED_MODULE_2__/* .findPipelineDoc */ .gK)(loaded, o.pipelineName);
    const notes = [];
    let effective = [];
    let drift;
    if (found.doc && found.project) {
        effective = (0,_core_preview_index_js__WEBPACK_IMPORTED_MODULE_1__.effectiveTaskdefs)(found.project, { images: imagesFor(o, found.project) });
        if (effective.length === 0)
            notes.push(`${found.doc.path} has no CodeDeployToECS action whose task definition template is in the repository (or written by its buildspec); nothing to compare.`);
        if (o.drift !== false)
            drift = (0,_preview_drift_js__WEBPACK_IMPORTED_MODULE_2__/* .driftOf */ .$p)(found.doc, o.pipelineName, await port.pipeline(o.pipelineName));
    }
    else {
        notes.push(`No pipeline file for ${o.pipelineName} in the checked files${found.others.length ? ` (found ${found.others.join(', ')})` : ''}; its deploy actions come from the live pipeline, and pipeline drift is not compared.`);
        effective = await fromLivePipeline(o, loaded.projects, port, notes);
    }
    const sections = await Promise.all(effective.map((e) => sectionOf(e, port)));
    const input = { sections, ...(drift ? { drift } : {}) };
    return { input, report: (0,_core_preview_index_js__WEBPACK_IMPORTED_MODULE_1__.renderPreview)(input), counts: (0,_core_preview_index_js__WEBPACK_IMPORTED_MODULE_1__.previewCounts)(input), notes };
}
/**
 * Without a pipeline file: the live pipeline's only CodeDeployToECS action,
 * with the repository's only task definition (committed or written by a
 * buildspec) as its template.
 */
async function fromLivePipeline(o, projects, port, notes) {
    const candidates = projects.filter((p) => (0,_core_model_js__WEBPACK_IMPORTED_MODULE_0__/* .docsOf */ .fE)(p, 'taskdef').length === 1);
    if (candidates.length !== 1) {
        notes.push(candidates.length === 0 ? 'No task definition found in the checked files.' : `Several task definitions found (${candidates.map((p) => (0,_core_model_js__WEBPACK_IMPORTED_MODULE_0__/* .docsOf */ .fE)(p, 'taskdef')[0].path).join(', ')}); commit the pipeline definition so that the preview knows which one each deploy action reads.`);
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
    return (0,_core_preview_index_js__WEBPACK_IMPORTED_MODULE_1__.effectiveTaskdefs)(project, { images: imagesFor(o, project) }).map((e) => ({ ...e, deploy: { pipeline: o.pipelineName, ...deploys[0] } }));
}


/***/ })

};
