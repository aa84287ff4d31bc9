import { docsOf } from '../../model.js';
import { placeOf } from '../../shapes/messages.js';
import { codepipeline, pipelineProblems } from '../../shapes/targets.js';
import type { UnknownKey } from '../../shapes/validate.js';
import type { Node } from '../../types.js';
import type { Rule } from '../rule.js';

const readOnly = codepipeline.outputOnly.CreatePipelineInput;

/** PL-01: keys create-pipeline does not take, from the CodePipeline API model. */
export const pl01UnknownKeys: Rule = {
  id: 'PL-01',
  title: 'Unknown pipeline key',
  severity: 'error',
  files: ['pipeline'],
  docs: {
    what:
      'The pipeline file is `create-pipeline --cli-input-json` input: `{"pipeline": {…}, "tags": […]}` with the camelCase keys of the current CodePipeline API model (V2 members such as `pipelineType`, `variables` and `triggers` included). ' +
      'Unknown keys are reported with the closest valid name, PascalCase keys copied from a CloudFormation template get their camelCase spelling, and the `metadata` block of `get-pipeline` output is flagged. ' +
      'Keys inside an action\'s `configuration` are free-form here; the provider rules check them.',
    why: 'The AWS CLI validates the whole document before calling CodePipeline and stops at the first unknown key: `Unknown parameter in input: "metadata", must be one of: pipeline, tags` or `Unknown parameter in pipeline.stages[0]: "Actions"`.',
    bad: [
      {
        file: 'pipeline.json',
        text: '{\n  "pipeline": {\n    "name": "myapp-ecs-pipeline",\n    "roleArn": "arn:aws:iam::123456789012:role/CodePipelineServiceRole",\n    "artifactStore": { "type": "S3", "location": "myapp-pipeline-artifacts" },\n    "Stages": []\n  },\n  "metadata": { "pipelineArn": "arn:aws:codepipeline:us-east-1:123456789012:myapp-ecs-pipeline" }\n}\n',
      },
    ],
    good: [
      {
        file: 'pipeline.json',
        text: '{\n  "pipeline": {\n    "name": "myapp-ecs-pipeline",\n    "roleArn": "arn:aws:iam::123456789012:role/CodePipelineServiceRole",\n    "artifactStore": { "type": "S3", "location": "myapp-pipeline-artifacts" },\n    "stages": []\n  }\n}\n',
      },
    ],
  },
  check({ project, report }) {
    for (const doc of docsOf(project, 'pipeline')) {
      for (const p of pipelineProblems(doc)) {
        if (p.kind === 'unknown-key') report({ doc, range: p.entry.keyRange, message: message(doc.root, p) });
      }
    }
  },
};

function message(root: Node | undefined, p: UnknownKey): string {
  const key = p.entry.key;
  const topLevel = p.path.length === 1;
  if (topLevel && readOnly.members.includes(key)) {
    return `"${key}" is ${readOnly.operation} output and create-pipeline does not accept it; remove it`;
  }
  const place = topLevel ? 'at the top level' : placeOf(root, p.path.slice(0, -1));
  const s = p.suggestion;
  if (s && s.toLowerCase() === key.toLowerCase()) {
    return /^[A-Z]/.test(key) && /^[a-z]/.test(s)
      ? `Write "${s}" instead of "${key}" (${place}): the create-pipeline JSON uses camelCase keys, not CloudFormation's PascalCase`
      : `Unknown key "${key}" ${place}: keys are case-sensitive; write "${s}"`;
  }
  if (s) return `Unknown key "${key}" ${place}; did you mean "${s}"?`;
  return `Unknown key "${key}" ${place}: create-pipeline does not accept it (${p.shape}); remove it or check the spelling`;
}
