import { DEFAULT_CHECK_NAME } from '../pipeline/render.js';

/** A check run as the badge needs it (GitHub's list-for-ref answer, trimmed). */
export interface BadgeRun {
  id: number;
  name: string;
  status: string;
  conclusion?: string | null;
  started_at?: string | null;
  completed_at?: string | null;
  output?: { summary?: string | null } | null;
}

/** The shields.io endpoint schema (https://shields.io/badges/endpoint-badge). */
export interface Badge {
  schemaVersion: 1;
  label: string;
  message: string;
  color: string;
  /** For caches: the check run the badge came from. */
  runId?: number;
}

const RESULT: Record<string, { text: string; color: string }> = {
  success: { text: 'succeeded', color: 'brightgreen' },
  failure: { text: 'failed', color: 'red' },
  timed_out: { text: 'timed out', color: 'red' },
  cancelled: { text: 'stopped', color: 'lightgrey' },
  action_required: { text: 'needs approval', color: 'yellow' },
  neutral: { text: 'superseded', color: 'lightgrey' },
  skipped: { text: 'skipped', color: 'lightgrey' },
  stale: { text: 'stale', color: 'lightgrey' },
};

/**
 * Whether a run is an execution's run (`ECS pipeline`, or `ECS pipeline: <name>`
 * when a repository has several pipelines), not one of its stages (` / Build`).
 */
export function isPipelineRun(name: string, pipeline?: string): boolean {
  if (name.includes(' / ')) return false;
  if (pipeline !== undefined) return name === `${DEFAULT_CHECK_NAME}: ${pipeline}` || name === DEFAULT_CHECK_NAME;
  return name === DEFAULT_CHECK_NAME || name.startsWith(`${DEFAULT_CHECK_NAME}: `);
}

/** The image tag from the run's "Deployed image" table (`| Tag | `v1.2.3` |`), else the URI's own tag. */
export function imageTagOf(summary: string | null | undefined): string | undefined {
  if (!summary) return undefined;
  const section = summary.split(/^### Deployed image\s*$/m)[1];
  if (!section) return undefined;
  const cell = (key: string) => new RegExp(`^\\| ${key} \\| (\`+) ?(.+?) ?\\1 \\|`, 'm').exec(section)?.[2];
  const tag = cell('Tag');
  if (tag) return tag;
  const uri = cell('URI');
  const m = uri && !uri.includes('@') ? /:([\w][\w.-]{0,127})$/.exec(uri) : undefined;
  return m?.[1];
}

function when(r: BadgeRun): number {
  return Date.parse(r.started_at ?? '') || Date.parse(r.completed_at ?? '') || 0;
}

/** A tag fits a badge when short; long ones (full SHAs) are cut to 12 characters, as short SHAs go. */
function shortTag(tag: string): string {
  return tag.length > 20 ? tag.slice(0, 12) : tag;
}

/**
 * The badge of a branch: the newest pipeline run on its head commit, its
 * result and the image tag it deployed.
 */
export function badgeOf(runs: readonly BadgeRun[], o: { label?: string; pipeline?: string } = {}): Badge {
  const label = o.label ?? 'deploy';
  const run = runs.filter((r) => isPipelineRun(r.name, o.pipeline)).sort((a, b) => when(b) - when(a) || b.id - a.id)[0];
  if (!run) return { schemaVersion: 1, label, message: 'no execution', color: 'lightgrey' };
  if (run.status !== 'completed') return { schemaVersion: 1, label, message: run.status === 'queued' ? 'queued' : 'in progress', color: 'blue', runId: run.id };
  const result = RESULT[run.conclusion ?? ''] ?? { text: run.conclusion ?? 'unknown', color: 'lightgrey' };
  const tag = imageTagOf(run.output?.summary);
  return { schemaVersion: 1, label, message: tag ? `${result.text} · ${shortTag(tag)}` : result.text, color: result.color, runId: run.id };
}
