export const id = 63;
export const ids = [63];
export const modules = {

/***/ 3063:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   publishPreviewRun: () => (/* binding */ publishPreviewRun)
/* harmony export */ });
/* unused harmony export hasPreviewRun */
/**
 * Whether the commit already has this preview's run (same name and external
 * id): the app, whose webhooks may be redelivered, then leaves it alone.
 */
async function hasPreviewRun(checks, run) {
    return (await checks.list(run.headSha)).some((r) => r.name === run.name && r.externalId === run.externalId);
}
/**
 * Writes the preview's check run. GitHub appends annotations on every update,
 * so a run is never rewritten: a re-run of the workflow creates a new one
 * (GitHub shows the latest of a name). ChecksPort errors propagate (a 403 is
 * ChecksForbiddenError).
 */
async function publishPreviewRun(checks, run) {
    return { action: 'created', id: await checks.create(run) };
}


/***/ })

};
