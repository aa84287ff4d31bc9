import { child, str } from '../../config/node.js';
import { ecsDeployActions } from '../../config/pipeline.js';
import { docsOf, type Project } from '../../model.js';
import { damerauLevenshtein } from '../../shapes/did-you-mean.js';
import type { Rule } from '../rule.js';
import { APPSPEC_EXAMPLE, ecsAppspecs, properties, templated } from './util.js';

const PLACEHOLDER = '<TASK_DEFINITION>';

/** AS-04: under CodeDeployToECS, TaskDefinition is the `<TASK_DEFINITION>` placeholder. */
export const as04TaskDefinitionPlaceholder: Rule = {
  id: 'AS-04',
  title: 'TaskDefinition is not <TASK_DEFINITION>',
  severity: 'warning',
  files: ['appspec', 'pipeline'],
  docs: {
    what:
      'When the project\'s pipeline deploys with CodeDeployToECS, the AppSpec says `TaskDefinition: <TASK_DEFINITION>`, exactly. ' +
      'Without a pipeline in the project, only a misspelt placeholder is reported (`<TASK_DEFINITON>`, `<task_definition>`): an AppSpec used with `aws deploy create-deployment` legitimately holds a task definition ARN.',
    why:
      'CodeDeployToECS registers taskdef.json as a new revision, then replaces the text `<TASK_DEFINITION>` in the AppSpec with that revision\'s ARN. ' +
      'With a hard-coded ARN, or any other text, nothing is replaced: CodeDeploy deploys the old revision (or fails on an invalid one) and the image you just built never ships.',
    bad: [{ file: 'appspec.yaml', text: APPSPEC_EXAMPLE.replace('TaskDefinition: <TASK_DEFINITION>', 'TaskDefinition: "arn:aws:ecs:us-east-1:123456789012:task-definition/myapp:12"') }],
    good: [{ file: 'appspec.yaml', text: APPSPEC_EXAMPLE }],
  },
  check({ project, report }) {
    const appspecs = ecsAppspecs(project);
    const deployedAny = appspecs.some((a) => a.deployed);
    for (const { doc, root, deployed } of appspecs) {
      const node = child(properties(root), 'TaskDefinition');
      const value = str(node)?.trim();
      if (!node || value === undefined || value === '' || value === PLACEHOLDER) continue;
      if (nearMiss(value)) {
        report({ doc, range: node.range, message: `TaskDefinition "${value}" looks like a misspelt placeholder; CodeDeployToECS replaces only the exact text <TASK_DEFINITION>: write "TaskDefinition: <TASK_DEFINITION>"` });
        continue;
      }
      // The action reads this file (or, when no file matches its path, any ECS AppSpec of the project).
      if (!(deployed || (!deployedAny && hasEcsDeploy(project)))) continue;
      // Filled in by the build (envsubst, a heredoc variable) before the action reads it.
      if (templated(value)) continue;
      const what = /^arn:/.test(value) ? 'a fixed task definition ARN' : `"${value}"`;
      report({ doc, range: node.range, message: `TaskDefinition is ${what}, but the pipeline deploys with CodeDeployToECS, which puts the ARN of the revision it registers only where it finds <TASK_DEFINITION>; write "TaskDefinition: <TASK_DEFINITION>" so that the new image is deployed` });
    }
  },
};

/** `<TASK_DEFINITON>`, `<task_definition>`, `<TASK-DEFINITION>`: meant for the action, spelt otherwise. */
function nearMiss(value: string): boolean {
  if (!/^<.*>$/.test(value)) return false;
  return damerauLevenshtein(value.toUpperCase().replace(/[-\s]/g, '_'), PLACEHOLDER, 2) <= 2;
}

function hasEcsDeploy(project: Project): boolean {
  return docsOf(project, 'pipeline').some((p) => ecsDeployActions(p.root).length > 0);
}
