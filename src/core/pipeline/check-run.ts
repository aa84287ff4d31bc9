/** What one check run (or commit status) should show; the GitHub adapter writes it. */

export type CheckStatus = 'queued' | 'in_progress' | 'completed';
export type CheckConclusion = 'success' | 'failure' | 'neutral' | 'cancelled' | 'timed_out' | 'action_required' | 'skipped';

export interface CheckAction {
  /** ≤ 20 characters */
  label: string;
  /** ≤ 40 characters */
  description: string;
  /** ≤ 20 characters */
  identifier: string;
}

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: 'notice' | 'warning' | 'failure';
  message: string;
  title?: string;
}

export interface CheckRunModel {
  /** Stable, so that branch protection can require it: `ECS pipeline` or `ECS pipeline / Build`. */
  name: string;
  headSha: string;
  /** The execution id (and stage), so a restarted tracker finds its runs again. */
  externalId?: string;
  status: CheckStatus;
  conclusion?: CheckConclusion;
  startedAt?: string;
  completedAt?: string;
  detailsUrl?: string;
  /** title ≤ 255, summary and text ≤ 65,535 characters. */
  output: { title: string; summary: string; text?: string; annotations?: CheckAnnotation[] };
  /** Buttons (the app only; at most 3). */
  actions?: CheckAction[];
}
