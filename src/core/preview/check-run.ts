import type { CheckRunModel } from '../pipeline/check-run.js';
import { cell, clip, code, OUTPUT_MAX, safeUrl } from '../pipeline/md.js';
import { PREVIEW_CHECK_NAME, type PreviewReport } from './render.js';

/** The `ECS deploy preview` check run and job summary of a report (the action and the app write the same). */

export interface PreviewRunOptions {
  /** Default `ECS deploy preview`. */
  name?: string;
  headSha: string;
  pipelineName: string;
  /** Completion time (ISO), from the caller's clock. */
  now: string;
  /** The workflow run or the app's page. */
  detailsUrl?: string;
  /** What the preview could not do, said above the report (no pipeline file …). */
  notes?: readonly string[];
}

/** The run's external id: a re-run of the workflow, or a redelivered webhook, updates the same run. */
export function previewExternalId(pipelineName: string): string {
  return `preview:${pipelineName}`;
}

function body(report: PreviewReport, o: PreviewRunOptions): string {
  const head = `**Pipeline** ${code(o.pipelineName)} · **Commit** ${code(o.headSha.slice(0, 7))}`;
  const notes = (o.notes ?? []).map((n) => `> ${cell(n)}`);
  return [head, '', ...(notes.length ? [...notes, ''] : []), report.summary].join('\n');
}

export function previewCheckRun(report: PreviewReport, o: PreviewRunOptions): CheckRunModel {
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

const ICON: Record<PreviewReport['conclusion'], string> = { success: '✅', neutral: '🔎', failure: '❌' };

export function previewJobSummary(report: PreviewReport, o: PreviewRunOptions): string {
  return `## ${ICON[report.conclusion]} ${cell(o.name ?? PREVIEW_CHECK_NAME)}: ${cell(report.title)}\n\n${body(report, o)}`;
}
