/**
 * The pure core of tracking (issue 3): what the track/start service asks.
 * Everything here is deterministic; times come in as arguments.
 */
export * from './model.js';
export * from './check-run.js';
export * from './find.js';
export * from './conclusions.js';
export * from './render.js';
export * from './changes.js';
export * from './explain.js';
export * from './poll.js';
export * from './image.js';
export { formatDuration, formatElapsed, toIso, toMillis } from './time.js';
export { OUTPUT_MAX, TITLE_MAX, redact } from './md.js';
