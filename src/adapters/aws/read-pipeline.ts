import type { CodePipelineClient, GetPipelineCommandOutput } from '@aws-sdk/client-codepipeline';
import type { LiveRead } from '../../services/ports.js';
import { partitionOf, unavailable } from './unavailable.js';

/**
 * GetPipeline as the pipeline drift compares it: `{ pipeline, metadata }` as
 * plain JSON, or what to grant when it cannot be read. Shared by the deploy
 * preview's clients and the tracker's (the app compares drift on the pooled
 * clients it already holds).
 */
export async function readPipeline(
  c: { sdk: typeof import('@aws-sdk/client-codepipeline'); client: CodePipelineClient; region: string; get?: (name: string) => Promise<GetPipelineCommandOutput> },
  name: string,
): Promise<LiveRead<Record<string, unknown>>> {
  try {
    // `get`: a caller's own (shared, briefly reused) GetPipeline read.
    const res = c.get ? await c.get(name) : await c.client.send(new c.sdk.GetPipelineCommand({ name }));
    return { ok: true, value: JSON.parse(JSON.stringify({ pipeline: res.pipeline, metadata: res.metadata })) as Record<string, unknown> };
  } catch (e) {
    return unavailable(e, {
      what: `the pipeline ${name}`,
      action: 'codepipeline:GetPipeline',
      resource: `arn:${partitionOf(c.region)}:codepipeline:${c.region}:*:${name}`,
      missing: { PipelineNotFoundException: `there is no pipeline ${name} in ${c.region}; check the pipeline name and region` },
    });
  }
}
