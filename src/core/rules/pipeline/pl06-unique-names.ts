import { child, items, str } from '../../config/node.js';
import type { Node } from '../../types.js';
import type { Rule } from '../rule.js';
import { actionLabel, artifactRefs, pipelines } from './util.js';

/** PL-06: stage names, action names within a stage, and output artifact names are unique. */
export const pl06UniqueNames: Rule = {
  id: 'PL-06',
  title: 'Duplicate stage, action or output artifact name',
  severity: 'error',
  files: ['pipeline'],
  docs: {
    what: 'Stage names are unique in the pipeline, action names are unique within their stage, and no two actions anywhere in the pipeline declare an output artifact of the same name.',
    why: 'CodePipeline rejects the pipeline. Output artifact names identify what later actions receive, so two producers of `BuildOutput` would make the input of the deploy action ambiguous.',
    bad: [
      {
        file: 'pipeline.json',
        text: '{ "name": "BuildImage", …, "outputArtifacts": [{ "name": "BuildOutput" }] },\n{ "name": "RunTests", …, "outputArtifacts": [{ "name": "BuildOutput" }] }\n',
      },
    ],
    good: [
      {
        file: 'pipeline.json',
        text: '{ "name": "BuildImage", …, "outputArtifacts": [{ "name": "BuildOutput" }] },\n{ "name": "RunTests", …, "outputArtifacts": [{ "name": "TestReports" }] }\n',
      },
    ],
  },
  check({ project, report }) {
    for (const p of pipelines(project)) {
      const stageNames = new Map<string, number>();
      items(child(p.pipeline, 'stages')).forEach((stage, i) => {
        const node = child(stage, 'name');
        const name = str(node);
        if (!node || name === undefined) return;
        const before = stageNames.get(name);
        if (before !== undefined) report({ doc: p.doc, range: node.range, message: `stage name "${name}" is also stage #${before + 1}'s; give each stage its own name` });
        else stageNames.set(name, i);
      });

      const actionNames = new Map<string, Node>();
      const outputs = new Map<string, string>();
      for (const a of p.actions) {
        const node = child(a.node, 'name');
        if (node && a.name) {
          const key = `${a.stageIndex}\u0000${a.name}`;
          if (actionNames.has(key)) report({ doc: p.doc, range: node.range, message: `stage "${a.stage}" has two actions named "${a.name}"; action names must be unique within a stage: rename one` });
          else actionNames.set(key, node);
        }
        for (const ref of artifactRefs(a.node, 'outputArtifacts')) {
          if (!ref.name) continue;
          const producer = outputs.get(ref.name);
          if (producer !== undefined) {
            report({ doc: p.doc, range: ref.range, message: `${actionLabel(a)} outputs "${ref.name}", which ${producer} already outputs; output artifact names must be unique in the pipeline: rename this one and the inputs that read it` });
          } else outputs.set(ref.name, actionLabel(a));
        }
      }
    }
  },
};
