/** Track or start the commit's CodePipeline execution and report it to GitHub (issue 3). */
export { trackExecution, withDrift, MAX_FAILED_TICKS } from './track.js';
export { Reporter, isChecksForbidden } from './reporter.js';
export { locate, waitForExecution } from './locate.js';
export {
  DEFAULT_FIND_TIMEOUT_SECONDS,
  DEFAULT_MAX_PAGES,
  DEFAULT_TIMEOUT_MINUTES,
  PAGE_SIZE,
  REPORT_MODES,
  TrackError,
  type ReportMode,
  type TrackCounts,
  type TrackOptions,
  type TrackPorts,
  type TrackResult,
} from './options.js';
