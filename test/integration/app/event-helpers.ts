import { SECRET_HEADER } from '../../../src/app/http/eventbridge.js';
import { seededRandom } from '../../fakes/aws/index.js';

/**
 * CodePipeline's EventBridge events for one execution, as an API destination
 * posts them: one per pipeline, stage and action state change.
 */

export interface EventTarget {
  region: string;
  account?: string;
  pipeline: string;
  executionId: string;
  /** Stage name → its action names, in pipeline order. */
  stages: Array<{ name: string; actions: string[] }>;
}

const PIPELINE = 'CodePipeline Pipeline Execution State Change';
const STAGE = 'CodePipeline Stage Execution State Change';
const ACTION = 'CodePipeline Action Execution State Change';

function envelope(t: EventTarget, detailType: string, detail: Record<string, unknown>, n: number): Record<string, unknown> {
  return {
    version: '0',
    id: `${t.executionId.slice(0, 8)}-evt-${n}`,
    'detail-type': detailType,
    source: 'aws.codepipeline',
    account: t.account ?? '123456789012',
    time: new Date(Date.UTC(2025, 4, 6, 9, 0, n)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: t.region,
    resources: [`arn:aws:codepipeline:${t.region}:${t.account ?? '123456789012'}:${t.pipeline}`],
    detail: { pipeline: t.pipeline, 'execution-id': t.executionId, version: 3, ...detail },
  };
}

/** Every event of a successful run, in the order CodePipeline sends them. */
export function executionEvents(t: EventTarget, final: 'SUCCEEDED' | 'FAILED' = 'SUCCEEDED'): Record<string, unknown>[] {
  let n = 0;
  const out = [envelope(t, PIPELINE, { state: 'STARTED' }, n++)];
  for (const s of t.stages) {
    out.push(envelope(t, STAGE, { stage: s.name, state: 'STARTED' }, n++));
    for (const a of s.actions) {
      out.push(envelope(t, ACTION, { stage: s.name, action: a, state: 'STARTED', type: { owner: 'AWS', category: 'Build', provider: 'CodeBuild', version: '1' } }, n++));
      out.push(envelope(t, ACTION, { stage: s.name, action: a, state: final === 'SUCCEEDED' ? 'SUCCEEDED' : 'FAILED', type: { owner: 'AWS', category: 'Build', provider: 'CodeBuild', version: '1' } }, n++));
    }
    out.push(envelope(t, STAGE, { stage: s.name, state: final }, n++));
  }
  out.push(envelope(t, PIPELINE, { state: final }, n++));
  return out;
}

/** `count` events drawn from `events` (each at least once while they last), in a seeded random order: redeliveries and disorder. */
export function shuffled<T>(events: readonly T[], count: number, seed: number): T[] {
  const random = seededRandom(seed);
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(i < events.length ? events[i] : events[Math.floor(random() * events.length)]);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export async function postEvent(url: string, secret: string, event: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${url}/eventbridge`, { method: 'POST', headers: { 'content-type': 'application/json', [SECRET_HEADER]: secret }, body: JSON.stringify(event) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/** Posts the events `parallel` at a time; returns the statuses in order. */
export async function postAll(url: string, secret: string, events: readonly unknown[], parallel: number): Promise<number[]> {
  const statuses: number[] = new Array(events.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < events.length) {
      const i = next++;
      statuses[i] = (await postEvent(url, secret, events[i])).status;
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return statuses;
}
