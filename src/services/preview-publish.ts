import type { CheckRunModel } from '../core/pipeline/check-run.js';
import type { ChecksPort } from './ports.js';

/**
 * Whether the commit already has this preview's run (same name and external
 * id): the app, whose webhooks may be redelivered, then leaves it alone.
 */
export async function hasPreviewRun(checks: ChecksPort, run: Pick<CheckRunModel, 'headSha' | 'name' | 'externalId'>): Promise<boolean> {
  return (await checks.list(run.headSha)).some((r) => r.name === run.name && r.externalId === run.externalId);
}

/**
 * Writes the preview's check run. GitHub appends annotations on every update,
 * so a run is never rewritten: a re-run of the workflow creates a new one
 * (GitHub shows the latest of a name). ChecksPort errors propagate (a 403 is
 * ChecksForbiddenError).
 */
export async function publishPreviewRun(checks: ChecksPort, run: CheckRunModel): Promise<{ action: 'created'; id: number }> {
  return { action: 'created', id: await checks.create(run) };
}
