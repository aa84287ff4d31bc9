import type { CheckAnnotation } from '../pipeline/check-run.js';
import type { Rule } from '../rules/rule.js';
import type { Finding, Severity } from '../types.js';
import { annotationTitle } from './github.js';

/** One annotation of the Checks API (`output.annotations[]` of a check run); a finding's always has a title. */
export type CheckRunAnnotation = CheckAnnotation & { title: string };

/** The Checks API takes at most 50 annotations per request. */
export const ANNOTATIONS_PER_REQUEST = 50;

const LEVEL: Record<Severity, CheckRunAnnotation['annotation_level']> = { error: 'failure', warning: 'warning', notice: 'notice' };
/** API limits: a title of at most 255 characters, a message of at most 64 KiB. */
const MAX_TITLE = 255;
const MAX_MESSAGE = 65535;

function clip(s: string, max: number): string {
  return s.length <= max ? s : s.slice(0, max - 1) + '…';
}

export function toCheckRunAnnotation(f: Finding, lookup: (id: string) => Rule | undefined): CheckRunAnnotation {
  const a: CheckRunAnnotation = {
    path: f.file,
    start_line: f.line,
    end_line: Math.max(f.line, f.endLine),
    annotation_level: LEVEL[f.severity],
    message: clip(f.message, MAX_MESSAGE),
    title: clip(annotationTitle(f, lookup), MAX_TITLE),
  };
  // The API rejects columns on an annotation that spans several lines.
  if (a.start_line === a.end_line) {
    a.start_column = f.column;
    a.end_column = Math.max(f.column, f.endColumn);
  }
  return a;
}

/** Splits annotations into the requests GitHub accepts: the first goes with the create (or update), the rest by updates. */
export function annotationBatches<T>(annotations: readonly T[] | undefined, size = ANNOTATIONS_PER_REQUEST): T[][] {
  const list = annotations ?? [];
  const batches: T[][] = [];
  for (let i = 0; i < list.length; i += size) batches.push(list.slice(i, i + size));
  return batches;
}
