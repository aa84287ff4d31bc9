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
  const changed = input.sections.some((s) => !s.diff || s.diff.changes.some((c) => !c.expected));
  const drifted = input.drift !== undefined && (input.drift.items.length > 0 || input.drift.unavailable !== undefined);
  return changed || drifted ? 'neutral' : 'success';
}

/** What the preview found, in numbers (the action's outputs, the CLI's last line). */
export interface PreviewCounts {
  /** Changes of the service, the expected new image left out. */
  changes: number;
  risky: number;
  /** Deploy-breaking problems. */
  problems: number;
  drift: number;
  /** Sections (and the drift) whose live side could not be read. */
  unavailable: number;
}

export function previewCounts(input: PreviewInput): PreviewCounts {
  const changes = input.sections.flatMap((s) => s.diff?.changes ?? []).filter((c) => !c.expected);
  return {
    changes: changes.length,
    risky: changes.filter((c) => c.risky).length,
    problems: input.sections.reduce((n, s) => n + (s.diff?.problems.length ?? 0), 0),
    drift: input.drift?.items.length ?? 0,
    unavailable: input.sections.filter((s) => !s.diff).length + (input.drift?.unavailable !== undefined ? 1 : 0),
  };
}

/** The check run's title: what changes, else why the preview is incomplete, else that nothing changes. */
export function previewTitle(input: PreviewInput): string {
  const n = previewCounts(input);
  const parts: string[] = [];
  if (n.problems > 0) parts.push(`${n.problems} deploy-breaking problem${n.problems === 1 ? '' : 's'}`);
  if (n.changes > 0) parts.push(`${n.changes} change${n.changes === 1 ? '' : 's'}${n.risky ? ` (${n.risky} risky)` : ''}${changedFields(input)}`);
  if (n.drift > 0) parts.push(`pipeline drift (${n.drift})`);
  const unavailable = [...input.sections.map((s) => (s.diff ? undefined : (s.unavailable ?? 'the live task definition is unknown'))), input.drift?.unavailable].filter((u): u is string => u !== undefined);
  if (parts.length === 0 && unavailable.length > 0) return oneLine(`Preview incomplete: ${unavailable[0]}`, TITLE_MAX);
  if (parts.length === 0) {
    const expected = input.sections.some((s) => s.diff?.changes.some((c) => c.expected));
    return input.sections.length === 0 ? 'Nothing to preview' : expected ? 'No deployable change besides the new image' : 'No deployable change';
  }
  return oneLine(parts.join(', '), TITLE_MAX);
}

/** `: memory, environment.FEATURE_CHECKOUT` for a few changes; nothing for many (the tables say it). */
function changedFields(input: PreviewInput): string {
  const fields = [...new Set(input.sections.flatMap((s) => s.diff?.changes ?? []).filter((c) => !c.expected).map((c) => c.field))];
  return fields.length > 0 && fields.length <= 3 ? `: ${fields.join(', ')}` : '';
}

export function renderPreview(input: PreviewInput): PreviewReport {
  const conclusion = previewConclusion(input);
  const title = previewTitle(input);

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
  if (s.diff.changes.every((c) => c.category === 'image')) out.push(s.diff.changes.every((c) => c.expected) ? 'Only the image changes: the rest of the task definition matches the one the service runs.' : 'Only the image changes.', '');
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

/**
 * The drift alone, as Markdown: what `mode: track` adds once to the
 * execution's check run. No drift, or a pipeline that cannot be read, is one line.
 */
export function renderDriftSection(d: NonNullable<PreviewInput['drift']>): string {
  if (d.unavailable) return `${RISK} Pipeline drift not compared: ${cell(d.unavailable)}.\n`;
  if (d.items.length === 0) return `No pipeline drift: ${code(d.file)} matches the live pipeline${d.pipeline ? ` ${code(d.pipeline)}` : ''}.\n`;
  return driftSection(d).join('\n').trim() + '\n';
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
      // The new image is on no line the pull request changed.
      if (c.expected) continue;
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
