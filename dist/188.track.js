export const id = 188;
export const ids = [188];
export const modules = {

/***/ 2188:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   driftSection: () => (/* binding */ driftSection),
/* harmony export */   mayHoldPipeline: () => (/* binding */ mayHoldPipeline)
/* harmony export */ });
/* unused harmony exports pipelineNameFirst, driftOfFiles */
/* harmony import */ var _core_config_detect_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8742);
/* harmony import */ var _core_preview_render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5469);
/* harmony import */ var _preview_drift_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7411);



/** JSON files that tools of their own own: never a pipeline definition, so never read for drift. */
const NOT_PIPELINES = /(^|\/)((package(-lock)?|npm-shrinkwrap|composer|tsconfig[^/]*|jsconfig|deno|bower|lerna|nx|renovate|\.?eslintrc|\.prettierrc|\.babelrc|babel\.config|cdk|cdk\.context|angular|vercel|firebase|turbo)\.json|\.vscode\/[^/]*\.json)$/i;
/**
 * Whether a file may hold a pipeline definition, by its name alone: JSON
 * (the only format `create-pipeline --cli-input-json` reads), other than
 * the files the checker knows by name (task definitions, appspecs,
 * imageDetail.json …) and the well-known files of other tools
 * (package.json, tsconfig.json …). The rest of a repository need not be read
 * for drift.
 */
function mayHoldPipeline(path) {
    return /\.json$/i.test(path) && (0,_core_config_detect_js__WEBPACK_IMPORTED_MODULE_2__/* .kindByName */ .vt)(path) === undefined && !NOT_PIPELINES.test(path);
}
/** Files whose name says pipeline come first when only some can be read. */
function pipelineNameFirst(a, b) {
    return Number(/pipeline/i.test(b)) - Number(/pipeline/i.test(a));
}
/**
 * For tracking (the action's `mode: track` and the app's tracker): the drift
 * section of the execution's check run, the repository's pipeline file
 * against one GetPipeline, with a line in the log. Undefined when the
 * repository has no file for this pipeline.
 */
async function driftSection(r, port, logger) {
    return (await driftOfFiles(r, port, logger))?.section;
}
/** The same, with the path of the pipeline file it compared (the app remembers where each pipeline's file is). */
async function driftOfFiles(r, port, logger) {
    const drift = await (0,_preview_drift_js__WEBPACK_IMPORTED_MODULE_1__/* .pipelineDrift */ .CP)(r, port);
    if (!drift)
        return undefined;
    if (drift.unavailable)
        logger.warning(`Pipeline drift not compared: ${drift.unavailable}.`);
    else
        logger.info(drift.items.length ? `Pipeline drift: ${drift.items.length} difference(s) between ${drift.file} and the live pipeline.` : `No pipeline drift: ${drift.file} matches the live pipeline.`);
    return { section: (0,_core_preview_render_js__WEBPACK_IMPORTED_MODULE_0__/* .renderDriftSection */ .RX)(drift), file: drift.file };
}


/***/ })

};
