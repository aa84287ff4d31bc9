export const id = 188;
export const ids = [188];
export const modules = {

/***/ 2188:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   driftSection: () => (/* binding */ driftSection),
/* harmony export */   mayHoldPipeline: () => (/* binding */ mayHoldPipeline)
/* harmony export */ });
/* harmony import */ var _core_preview_render_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5469);
/* harmony import */ var _preview_drift_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7411);


/** Only JSON can hold a pipeline definition: the rest of the repository need not be read for drift. */
function mayHoldPipeline(path) {
    return /\.json$/i.test(path);
}
/**
 * For tracking (the action's `mode: track` and the app's tracker): the drift
 * section of the execution's check run, the repository's pipeline file
 * against one GetPipeline, with a line in the log. Undefined when the
 * repository has no file for this pipeline.
 */
async function driftSection(r, port, logger) {
    const drift = await (0,_preview_drift_js__WEBPACK_IMPORTED_MODULE_1__/* .pipelineDrift */ .CP)(r, port);
    if (!drift)
        return undefined;
    if (drift.unavailable)
        logger.warning(`Pipeline drift not compared: ${drift.unavailable}.`);
    else
        logger.info(drift.items.length ? `Pipeline drift: ${drift.items.length} difference(s) between ${drift.file} and the live pipeline.` : `No pipeline drift: ${drift.file} matches the live pipeline.`);
    return (0,_core_preview_render_js__WEBPACK_IMPORTED_MODULE_0__/* .renderDriftSection */ .RX)(drift);
}


/***/ })

};
