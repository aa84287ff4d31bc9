import { child, entry, items, str } from '../../config/node.js';
import { codepipeline } from '../../shapes/targets.js';
import type { Rule } from '../rule.js';
import { actionLabel, headOf, pipelines } from './util.js';

// A misspelt category is PL-02's finding; here it is unknown.
const CATEGORIES = codepipeline.enums.ActionCategory ?? ['Approval', 'Build', 'Compute', 'Deploy', 'Invoke', 'Source', 'Test'];

/** PL-05: sources first and only first; something after them. */
export const pl05StageStructure: Rule = {
  id: 'PL-05',
  title: 'Source actions not alone in the first stage',
  severity: 'error',
  files: ['pipeline'],
  docs: {
    what:
      'The pipeline has at least two stages. The first stage holds only Source actions, and at least one; no later stage holds a Source action. ' +
      'So a build, test or deploy action always comes after the sources it works on.',
    why: 'These are structural requirements of CodePipeline: create-pipeline and update-pipeline reject a pipeline with a single stage, a first stage without a source, or a Source action outside the first stage.',
    bad: [
      {
        file: 'pipeline.json',
        text: '"stages": [\n  { "name": "Source", "actions": [\n    { "name": "GitHub", "actionTypeId": { "category": "Source", … } },\n    { "name": "BuildImage", "actionTypeId": { "category": "Build", … } }\n  ] }\n]\n',
      },
    ],
    good: [
      {
        file: 'pipeline.json',
        text: '"stages": [\n  { "name": "Source", "actions": [{ "name": "GitHub", "actionTypeId": { "category": "Source", … } }] },\n  { "name": "Build", "actions": [{ "name": "BuildImage", "actionTypeId": { "category": "Build", … } }] }\n]\n',
      },
    ],
  },
  check({ project, report }) {
    for (const p of pipelines(project)) {
      const stagesEntry = entry(p.pipeline, 'stages');
      const stages = items(stagesEntry?.value);
      if (!stagesEntry || stagesEntry.value.type !== 'array') continue;
      if (stages.length < 2) {
        report({ doc: p.doc, range: stagesEntry.keyRange, message: `the pipeline has ${stages.length} stage${stages.length === 1 ? '' : 's'}; it needs at least two: a first stage of Source actions, then the stages that build and deploy` });
      }
      const first = stages[0];
      if (first && first.type === 'object') {
        const categories = p.actions.filter((a) => a.stageIndex === 0).map((a) => a.category);
        const known = categories.filter((c) => c !== undefined && CATEGORIES.includes(c));
        if (known.length > 0 && !known.includes('Source')) {
          report({ doc: p.doc, range: child(first, 'name')?.range ?? headOf(first), message: `the first stage "${str(child(first, 'name')) ?? '#1'}" has no Source action; a pipeline starts with a stage of Source actions (CodeStarSourceConnection, CodeCommit, S3 or ECR)` });
        }
      }
      for (const a of p.actions) {
        const range = child(child(a.node, 'actionTypeId'), 'category')?.range;
        if (!range || a.category === undefined || !CATEGORIES.includes(a.category)) continue;
        if (a.stageIndex === 0 && a.category !== 'Source') {
          report({ doc: p.doc, range, message: `${actionLabel(a)} is a ${a.category} action in the first stage, which may hold only Source actions; move it to a later stage` });
        } else if (a.stageIndex > 0 && a.category === 'Source') {
          report({ doc: p.doc, range, message: `${actionLabel(a)} is a Source action in stage "${a.stage}"; Source actions belong in the first stage only: move it there` });
        }
      }
    }
  },
};
