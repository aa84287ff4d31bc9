import type { CheckAnnotation } from '../pipeline/check-run.js';
import { cell, clip, code, oneLine, TITLE_MAX } from '../pipeline/md.js';
import type { TaskdefChange, TaskdefDiff } from './diff.js';
import { locate, type EffectiveTaskdef, type FieldLocation } from './effective.js';
import type { DriftItem } from './pipeline-diff.js';

/** The `ECS deploy preview` check run (and job summary, and terminal text) from the diffs. */

export const PREVIEW_CHECK_NAME = 'ECS deploy preview';

export interface PreviewSection {
  effective: EffectiveTaskdef;
  /** Absent when the live task definition could not be read (see `unavailable`). */
  diff?: TaskdefDiff;
  /** The service the deploy targets, for the heading (`my-cluster/myapp`). */
  service?: string;
  /** Why the live side is unknown: `cannot read the service: grant ecs:DescribeServices`. */
  unavailable?: string;
}

export interface PreviewInput {
  sections: PreviewSection[];
  /** Drift of the repository's pipeline file from the live pipeline. */
  drift?: { file: string; pipeline?: string; items: DriftItem[]; unavailable?: string };
}

export interface PreviewReport {
  conclusion: 'success' | 'neutral' | 'failure';
  title: string;
  /** Markdown: the check run's summary and the job summary. */
  summary: string;
  annotations: CheckAnnotation[];
}

const RISK = '⚠️';

/**
 * Failure only when the deployment itself would fail; neutral when anything
 * changes, drifts or cannot be compared; success when nothing deployable changes.
 */
export function previewConclusion(input: PreviewInput): PreviewReport['conclusion'] {
  if (input.sections.some((s) => (s.diff?.problems.length ?? 0) > 0)) return 'failure';
  const changed = input.sections.some((s) => !s.diff || s.diff.changes.length > 0);
  const drifted = input.drift !== undefined && (input.drift.items.length > 0 || input.drift.unavailable !== undefined);
  return changed || drifted ? 'neutral' : 'success';
}

export function renderPreview(input: PreviewInput): PreviewReport {
  const conclusion = previewConclusion(input);
  const changes = input.sections.flatMap((s) => s.diff?.changes ?? []);
  const problems = input.sections.flatMap((s) => s.diff?.problems ?? []);
  const risky = changes.filter((c) => c.risky).length;
  const drift = input.drift?.items.length ?? 0;
  const parts: string[] = [];
  if (problems.length > 0) parts.push(`${problems.length} deploy-breaking problem${problems.length === 1 ? '' : 's'}`);
  if (changes.length > 0) parts.push(`${changes.length} change${changes.length === 1 ? '' : 's'}${risky ? ` (${risky} risky)` : ''}`);
  if (drift > 0) parts.push(`pipeline drift (${drift})`);
  const title = oneLine(parts.length > 0 ? parts.join(', ') : conclusion === 'success' ? 'No deployable change' : 'Preview incomplete', TITLE_MAX);

  const md: string[] = [];
  for (const s of input.sections) md.push(...section(s));
  if (input.drift) md.push(...driftSection(input.drift));
  return { conclusion, title, summary: clip(md.join('\n').trim() + '\n'), annotations: annotations(input) };
}

function section(s: PreviewSection): string[] {
  const e = s.effective;
  const target = e.deploy ? [e.deploy.applicationName, e.deploy.deploymentGroupName].filter(Boolean).join(' / ') : '';
  const from = e.generated ? `${code(e.name)} written by ${code(e.file)}` : code(e.file);
  const out = [`### ${cell(s.service ?? (target || e.name))}`, '', `Task definition from ${from}${e.deploy ? `, deployed by ${cell(`${e.deploy.stage} / ${e.deploy.action}`)}` : ''}.`, ''];
  if (!s.diff) {
    out.push(`Cannot compare with the running service: ${cell(s.unavailable ?? 'the live task definition is unknown')}.`, '');
    return out;
  }
  for (const p of s.diff.problems) out.push(`❌ **Deploy would fail:** ${cell(p.message)}${p.location ? ` (${code(`${p.location.file}:${p.location.line}`)})` : ''}`, '');
  if (s.diff.changes.length === 0) {
    out.push('No deployable change: the task definition this would register matches the one the service runs.', '');
    return out;
  }
  if (s.diff.changes.every((c) => c.category === 'image')) out.push('Only the image changes.', '');
  const groups = new Map<string, TaskdefChange[]>();
  for (const c of s.diff.changes) {
    const k = c.container === undefined ? '' : c.container;
    groups.set(k, [...(groups.get(k) ?? []), c]);
  }
  // Task-level fields first, then each container; risky changes lead inside each table (the diff orders them).
  const keys = [...groups.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0));
  for (const k of keys) {
    out.push(k === '' ? '**Task**' : `**Container ${code(k)}**`, '', '| | Field | Before | After |', '|---|---|---|---|');
    for (const c of groups.get(k)!) {
      const after = c.kind === 'removed' ? '*(removed)*' : value(c.after) + (c.note ? ` *(${cell(c.note)})*` : '');
      const marker = c.risky ? `${RISK}` : '';
      const field = code(c.field) + (c.risky ? `<br>${cell(c.risky)}` : '');
      out.push(`| ${marker} | ${field} | ${c.kind === 'added' ? '*(none)*' : value(c.before)} | ${after} |`);
    }
    out.push('');
  }
  if (s.effective.unresolved.length > 0) out.push(`Values only known at build time: ${s.effective.unresolved.map(code).join(', ')}.`, '');
  return out;
}

function value(v: unknown): string {
  if (v === undefined) return '—';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return code(s.length > 120 ? s.slice(0, 117) + '…' : s);
}

function driftSection(d: NonNullable<PreviewInput['drift']>): string[] {
  const out = [`### Pipeline drift: ${code(d.file)} vs the live pipeline${d.pipeline ? ` ${code(d.pipeline)}` : ''}`, ''];
  if (d.unavailable) return [...out, `Cannot compare: ${cell(d.unavailable)}.`, ''];
  if (d.items.length === 0) return [...out, 'The live pipeline matches the file.', ''];
  for (const i of d.items) out.push(`- ${RISK} ${cell(i.message)}`);
  return [...out, ''];
}

function annotations(input: PreviewInput): CheckAnnotation[] {
  const out: CheckAnnotation[] = [];
  const add = (loc: FieldLocation | undefined, level: CheckAnnotation['annotation_level'], title: string, message: string) => {
    if (loc) out.push({ path: loc.file, start_line: loc.line, end_line: loc.line, annotation_level: level, title, message });
  };
  for (const s of input.sections) {
    for (const p of s.diff?.problems ?? []) add(p.location, 'failure', 'Deploy would fail', p.message);
    for (const c of s.diff?.changes ?? []) {
      const what = `${c.container ? `container ${c.container}: ` : ''}${c.field}`;
      const text = c.kind === 'added' ? `${what} added: ${plain(c.after)}` : c.kind === 'removed' ? `${what} removed (was ${plain(c.before)})` : `${what}: ${plain(c.before)} → ${plain(c.after)}`;
      add(locate(s.effective.locations, c.path), c.risky ? 'warning' : 'notice', `Deploy changes ${c.category}`, c.risky ? `${text}. ${c.risky}` : text);
    }
  }
  for (const i of input.drift?.items ?? []) add(i.location, 'warning', 'Pipeline drift', i.message);
  return out;
}

function plain(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s === undefined ? 'nothing' : s.length > 200 ? s.slice(0, 197) + '…' : s;
}
