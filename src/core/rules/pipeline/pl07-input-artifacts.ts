import type { PipelineAction } from '../../config/pipeline.js';
import { didYouMean } from '../../shapes/did-you-mean.js';
import type { Rule } from '../rule.js';
import { actionLabel, artifactRefs, pipelines, templated } from './util.js';

/** PL-07: an input artifact is the output of an action that has finished before. */
export const pl07InputArtifacts: Rule = {
  id: 'PL-07',
  title: 'Input artifact not produced by an earlier action',
  severity: 'error',
  files: ['pipeline'],
  docs: {
    what:
      'Every `inputArtifacts[].name` is, letter for letter, the `outputArtifacts` name of an action that runs before this one: in an earlier stage, or in the same stage with a lower `runOrder`. ' +
      'Actions of one stage with the same `runOrder` run at the same time and cannot feed each other.',
    why: 'CodePipeline rejects a pipeline whose input artifact does not match an output declared by a preceding action, so the pipeline cannot be created or updated.',
    bad: [
      {
        file: 'pipeline.json',
        text: '{ "name": "BuildImage", …, "outputArtifacts": [{ "name": "BuildOutput" }] }\n…\n{ "name": "ECS-BlueGreen", …, "inputArtifacts": [{ "name": "BuildArtifact" }] }\n',
      },
    ],
    good: [
      {
        file: 'pipeline.json',
        text: '{ "name": "BuildImage", …, "outputArtifacts": [{ "name": "BuildOutput" }] }\n…\n{ "name": "ECS-BlueGreen", …, "inputArtifacts": [{ "name": "BuildOutput" }] }\n',
      },
    ],
  },
  check({ project, report }) {
    for (const p of pipelines(project)) {
      const producers = new Map<string, PipelineAction[]>();
      for (const a of p.actions) for (const o of a.outputs) if (o) producers.set(o, [...(producers.get(o) ?? []), a]);
      for (const a of p.actions) {
        for (const ref of artifactRefs(a.node, 'inputArtifacts')) {
          if (!ref.name || templated(ref.name)) continue;
          const all = producers.get(ref.name);
          if (all?.some((x) => runsBefore(x, a))) continue;
          const producer = all?.[0];
          if (!producer) {
            const hint = didYouMean(ref.name, [...producers.keys()]);
            const known = producers.size > 0 ? `; the outputs are ${[...producers.keys()].map((n) => `"${n}"`).join(', ')}` : '';
            report({ doc: p.doc, range: ref.range, message: `${actionLabel(a)} reads input artifact "${ref.name}", but no action outputs it${hint ? `; did you mean "${hint}"?` : known}` });
          } else {
            const when =
              producer === a
                ? "is this action's own output"
                : producer.stageIndex > a.stageIndex
                  ? `comes from ${actionLabel(producer)} in the later stage "${producer.stage}"`
                  : producer.runOrder === a.runOrder
                    ? `comes from ${actionLabel(producer)}, which runs at the same time (both have runOrder ${a.runOrder})`
                    : `comes from ${actionLabel(producer)}, which runs after it (runOrder ${producer.runOrder}, this action ${a.runOrder})`;
            report({ doc: p.doc, range: ref.range, message: `${actionLabel(a)} reads input artifact "${ref.name}", which ${when}; an input must come from an action that finishes earlier (an earlier stage, or a lower runOrder in the same stage)` });
          }
        }
      }
    }
  },
};

function runsBefore(producer: PipelineAction, consumer: PipelineAction): boolean {
  if (producer.stageIndex !== consumer.stageIndex) return producer.stageIndex < consumer.stageIndex;
  return producer.runOrder < consumer.runOrder;
}
