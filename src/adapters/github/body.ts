import type { CheckAnnotation, CheckRunModel } from '../../core/pipeline/check-run.js';

/**
 * CheckRunModel → the JSON bodies of GitHub's "Create a check run", "Update a
 * check run" and "Create a commit status". Pure, so that the exact bodies are
 * easy to test; the fake GitHub server checks them against the OpenAPI
 * description as well.
 */

import { annotationBatches } from '../../core/report/annotations.js';

// GitHub takes at most 50 annotations per request; more go in later updates, which append.
export { ANNOTATIONS_PER_REQUEST, annotationBatches } from '../../core/report/annotations.js';
export const TITLE_MAX = 255;
export const MARKDOWN_MAX = 65_535;
export const STATUS_DESCRIPTION_MAX = 140;

const ELLIPSIS = '…';

/** Cuts `text` to at most `max` UTF-16 units (GitHub's limits are never exceeded), without splitting a surrogate pair. */
export function truncate(text: string, max: number, marker = ELLIPSIS): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - marker.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end) + marker;
}

const MARKDOWN_CUT = `\n\n${ELLIPSIS} (cut to GitHub's limit of 65,535 characters)`;


type Json = Record<string, unknown>;

/** Drops undefined members, so that the body holds only what the model sets. */
function defined<T extends Json>(o: T): T {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}

function annotationBody(a: CheckAnnotation): Json {
  // GitHub rejects columns on an annotation that spans several lines.
  const sameLine = a.start_line === a.end_line;
  return defined({
    path: a.path,
    start_line: a.start_line,
    end_line: a.end_line,
    start_column: sameLine ? a.start_column : undefined,
    end_column: sameLine ? a.end_column : undefined,
    annotation_level: a.annotation_level,
    message: truncate(a.message, 64 * 1024),
    title: a.title === undefined ? undefined : truncate(a.title, TITLE_MAX),
  });
}

export function outputBody(output: CheckRunModel['output'], annotations?: readonly CheckAnnotation[], withText = true): Json {
  return defined({
    title: truncate(output.title, TITLE_MAX),
    summary: truncate(output.summary, MARKDOWN_MAX, MARKDOWN_CUT),
    text: withText && output.text !== undefined ? truncate(output.text, MARKDOWN_MAX, MARKDOWN_CUT) : undefined,
    annotations: annotations && annotations.length > 0 ? annotations.map(annotationBody) : undefined,
  });
}

/**
 * status, conclusion, started_at, completed_at. A conclusion is sent only
 * with `completed` (GitHub would otherwise complete the run), and a completed
 * run must carry one (GitHub answers 422 without it).
 */
function statusFields(run: CheckRunModel): Json {
  if (run.status === 'completed') {
    if (!run.conclusion) throw new TypeError(`check run "${run.name}" is completed but has no conclusion`);
    return defined({ status: 'completed', conclusion: run.conclusion, started_at: run.startedAt, completed_at: run.completedAt });
  }
  return defined({ status: run.status, started_at: run.startedAt });
}

function actionsBody(run: CheckRunModel): Json[] | undefined {
  return run.actions?.slice(0, 3).map((a) => ({
    label: truncate(a.label, 20, ''),
    description: truncate(a.description, 40, ''),
    identifier: truncate(a.identifier, 20, ''),
  }));
}

/** POST /repos/{owner}/{repo}/check-runs, with the first batch of annotations (pass the rest to `annotationsUpdateBody`). */
export function createCheckRunBody(run: CheckRunModel, annotations = annotationBatches(run.output.annotations)[0]): Json {
  return defined({
    name: run.name,
    head_sha: run.headSha,
    external_id: run.externalId,
    details_url: run.detailsUrl,
    ...statusFields(run),
    output: outputBody(run.output, annotations),
    actions: actionsBody(run),
  });
}

/** PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}; `head_sha` cannot change. */
export function updateCheckRunBody(run: CheckRunModel, annotations = annotationBatches(run.output.annotations)[0]): Json {
  return defined({
    name: run.name,
    external_id: run.externalId,
    details_url: run.detailsUrl,
    ...statusFields(run),
    output: outputBody(run.output, annotations),
    actions: actionsBody(run),
  });
}

/** A further batch of annotations: GitHub appends them; title and summary are repeated because GitHub requires them with `output`, text is left as it is. */
export function annotationsUpdateBody(run: CheckRunModel, annotations: readonly CheckAnnotation[]): Json {
  return { output: outputBody(run.output, annotations, false) };
}

export interface StatusInput {
  state: 'error' | 'failure' | 'pending' | 'success';
  context: string;
  description: string;
  targetUrl?: string;
}

/** POST /repos/{owner}/{repo}/statuses/{sha}; the description is cut to GitHub's 140 characters. */
export function statusBody(s: StatusInput): Json {
  return defined({
    state: s.state,
    context: s.context,
    description: truncate(s.description, STATUS_DESCRIPTION_MAX),
    target_url: s.targetUrl,
  });
}
