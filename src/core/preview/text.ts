import type { TaskdefChange } from './diff.js';
import { type PreviewInput, previewConclusion, previewTitle } from './render.js';

/** The preview in the terminal (`ecs-codepipeline preview`): one block per deploy, one line per change. */

export interface PreviewTextOptions {
  /** ANSI colours; the caller decides (a terminal, NO_COLOR, FORCE_COLOR). */
  color?: boolean;
}

const COLOR = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1, underline: 4 } as const;

function paint(on: boolean, code: number, s: string): string {
  return on ? `\u001b[${code}m${s}\u001b[0m` : s;
}

/** One line, so that a value never breaks the layout. */
function flat(v: unknown, max = 100): string {
  if (v === undefined) return '(none)';
  const s = (typeof v === 'string' ? v : JSON.stringify(v)).replace(/\s*[\r\n]+\s*/g, ' ');
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

function changeLine(c: TaskdefChange, width: number, color: boolean): string[] {
  const mark = c.risky ? paint(color, COLOR.yellow, '⚠') : ' ';
  const before = c.kind === 'added' ? '(none)' : flat(c.before);
  const after = c.kind === 'removed' ? '(removed)' : flat(c.after);
  const out = [`    ${mark} ${c.field.padEnd(width)}  ${paint(color, COLOR.dim, before)} → ${after}${c.note ? paint(color, COLOR.dim, `  (${c.note})`) : ''}`];
  if (c.risky) out.push(`      ${' '.repeat(width)}  ${paint(color, COLOR.yellow, c.risky)}`);
  return out;
}

export function renderPreviewText(input: PreviewInput, options: PreviewTextOptions = {}): string {
  const color = options.color === true;
  const out: string[] = [];
  for (const s of input.sections) {
    const e = s.effective;
    const target = e.deploy ? [e.deploy.applicationName, e.deploy.deploymentGroupName].filter(Boolean).join(' / ') : '';
    const by = e.deploy ? `${e.deploy.stage} / ${e.deploy.action}, ` : '';
    const from = e.generated ? `${e.name} written by ${e.file}` : e.file;
    out.push(`${paint(color, COLOR.underline, s.service ?? (target || e.name))}  ${paint(color, COLOR.dim, `(${by}task definition from ${from})`)}`);
    if (!s.diff) {
      out.push(`  ${paint(color, COLOR.yellow, 'cannot compare')}: ${s.unavailable ?? 'the live task definition is unknown'}`, '');
      continue;
    }
    for (const p of s.diff.problems) out.push(`  ${paint(color, COLOR.red, '✖ deploy would fail')}: ${flat(p.message, 1000)}${p.location ? paint(color, COLOR.dim, `  ${p.location.file}:${p.location.line}`) : ''}`);
    if (s.diff.changes.length === 0) out.push('  no deployable change: the task definition matches the one the service runs');
    const groups = new Map<string, TaskdefChange[]>();
    for (const c of s.diff.changes) groups.set(c.container ?? '', [...(groups.get(c.container ?? '') ?? []), c]);
    const width = Math.min(40, Math.max(0, ...s.diff.changes.map((c) => c.field.length)));
    for (const k of [...groups.keys()].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : 0))) {
      out.push(`  ${k === '' ? 'task' : `container ${k}`}`);
      for (const c of groups.get(k)!) out.push(...changeLine(c, width, color));
    }
    if (e.unresolved.length > 0) out.push(paint(color, COLOR.dim, `  values only known at build time: ${e.unresolved.join(', ')}`));
    out.push('');
  }
  const d = input.drift;
  if (d) {
    out.push(`${paint(color, COLOR.underline, `pipeline drift: ${d.file} vs the live pipeline${d.pipeline ? ` ${d.pipeline}` : ''}`)}`);
    if (d.unavailable) out.push(`  ${paint(color, COLOR.yellow, 'cannot compare')}: ${d.unavailable}`);
    else if (d.items.length === 0) out.push('  the live pipeline matches the file');
    for (const i of d.items) out.push(`  ${paint(color, COLOR.yellow, '⚠')} ${flat(i.message, 1000)}${i.location ? paint(color, COLOR.dim, `  ${i.location.file}:${i.location.line}`) : ''}`);
    out.push('');
  }
  const conclusion = previewConclusion(input);
  const last = previewTitle(input);
  out.push(conclusion === 'failure' ? paint(color, COLOR.red, `✖ ${last}`) : conclusion === 'success' ? paint(color, COLOR.green, `✔ ${last}`) : paint(color, COLOR.yellow, `● ${last}`));
  return out.join('\n') + '\n';
}
