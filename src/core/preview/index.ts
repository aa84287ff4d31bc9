/** Deploy preview: what merging would change in the running service, and pipeline drift. Pure; the live side is read by adapters. */
export { effectiveTaskdefs, wouldBeImages, taggedImages, locate, fieldKey, type EffectiveTaskdef, type EffectiveOptions, type FieldLocation, type ImageChoice, type ImageUse, type LoadBalancerTarget } from './effective.js';
export { diffTaskdef, type TaskdefDiff, type TaskdefChange, type ChangeCategory, type DeployProblem, type DiffOptions } from './diff.js';
export { diffPipeline, type DriftItem, type DriftKind, type DriftOptions } from './pipeline-diff.js';
export { renderPreview, renderDriftSection, previewConclusion, previewCounts, previewTitle, PREVIEW_CHECK_NAME, type PreviewCounts, type PreviewInput, type PreviewReport, type PreviewSection } from './render.js';
export { renderPreviewText, type PreviewTextOptions } from './text.js';
export { normalizeTaskdef, READ_ONLY_FIELDS } from './normalize.js';
export { previewCheckRun, previewJobSummary, previewExternalId, type PreviewRunOptions } from './check-run.js';
