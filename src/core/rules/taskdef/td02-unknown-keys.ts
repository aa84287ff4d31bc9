import { entry } from '../../config/node.js';
import { docsOf } from '../../model.js';
import { placeOf } from '../../shapes/messages.js';
import { ecs, readByCodeDeployToEcs, taskdefProblems } from '../../shapes/targets.js';
import type { UnknownKey } from '../../shapes/validate.js';
import type { Node } from '../../types.js';
import type { Rule } from '../rule.js';

const readOnly = ecs.outputOnly.RegisterTaskDefinitionRequest;

/** TD-02: keys RegisterTaskDefinition does not take, from its AWS model. */
export const td02UnknownKeys: Rule = {
  id: 'TD-02',
  title: 'Unknown or read-only task definition key',
  severity: 'error',
  files: ['taskdef'],
  docs: {
    what:
      'Every key of the task definition, at any depth, is a parameter of `register-task-definition` in the current ECS API model. ' +
      'Keys that only `describe-task-definition` returns (`taskDefinitionArn`, `revision`, `status`, `requiresAttributes`, `compatibilities`, `registeredAt`, `registeredBy` …) are named as such; ' +
      'other unknown keys come with the closest valid name. Keys inside free-form maps (`dockerLabels`, `logConfiguration.options`) are not checked here. ' +
      'A CloudFormation template saved as taskdef.json is not register-task-definition input and is skipped.',
    why:
      'The AWS CLI and SDKs refuse the whole file (`Unknown parameter in input: "registeredAt"`, `Unexpected key \'revision\' found in params`). ' +
      'A misspelt key is never applied: `"essentail": false` leaves the container essential. ' +
      'When only CodeDeployToECS reads the file, the read-only keys are a warning: the action\'s handling of them is not documented.',
    bad: [
      {
        file: 'taskdef.json',
        text: '{\n  "taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/myapp:7",\n  "revision": 7,\n  "family": "myapp",\n  "containerDefinitions": [\n    { "name": "myapp", "image": "<IMAGE1_NAME>", "essentail": true }\n  ]\n}\n',
      },
    ],
    good: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "containerDefinitions": [\n    { "name": "myapp", "image": "<IMAGE1_NAME>", "essential": true }\n  ]\n}\n' }],
  },
  check({ project, report }) {
    for (const doc of docsOf(project, 'taskdef')) {
      const { target, problems } = taskdefProblems(doc);
      if (!target) continue;
      const viaCodeDeploy = readByCodeDeployToEcs(project, doc, target);
      if (target.wrapper) {
        const tags = entry(doc.root, 'tags') ? ', and move "tags" into it' : '';
        report({
          doc,
          range: target.wrapper.keyRange,
          message: `This is ${readOnly.operation} output, not register-task-definition input: make the object under "${target.wrapper.key}" the top level of the file${tags}`,
        });
      }
      for (const p of problems) {
        if (p.kind !== 'unknown-key') continue;
        const topLevel = p.path.length === target.path.length + 1;
        if (topLevel && readOnly.members.includes(p.entry.key)) {
          report({
            doc,
            range: p.entry.keyRange,
            message: `"${p.entry.key}" is returned by ${readOnly.operation} and is not a register-task-definition parameter; remove it`,
            severity: viaCodeDeploy ? 'warning' : undefined,
          });
          continue;
        }
        report({ doc, range: p.entry.keyRange, message: unknownKeyMessage(doc.root, p, topLevel) });
      }
    }
  },
};

function unknownKeyMessage(root: Node | undefined, p: UnknownKey, topLevel: boolean): string {
  const place = topLevel ? 'at the top level' : placeOf(root, p.path.slice(0, -1));
  const key = p.entry.key;
  if (p.suggestion && p.suggestion.toLowerCase() === key.toLowerCase()) {
    return `Unknown key "${key}" ${place}: keys are case-sensitive; write "${p.suggestion}"`;
  }
  if (p.suggestion) return `Unknown key "${key}" ${place}; did you mean "${p.suggestion}"?`;
  const pair = pairFix(p);
  if (pair) return `Unknown key "${key}" ${place}: ${pair}`;
  return `Unknown key "${key}" ${place}: register-task-definition does not accept it (${p.shape}); remove it or check the spelling`;
}

/** `{"NODE_ENV": "production"}` written where ECS wants `{"name": "NODE_ENV", "value": "production"}`. */
function pairFix(p: UnknownKey): string | undefined {
  const members = Object.keys(ecs.shapes[p.shape]?.members ?? {});
  const valueKey = ['value', 'valueFrom'].find((k) => members.includes(k));
  const value = p.entry.value;
  if (!members.includes('name') || !valueKey || (value.type !== 'string' && value.type !== 'number' && value.type !== 'boolean')) return undefined;
  return `each entry is an object with "name" and "${valueKey}"; write ${JSON.stringify({ name: p.entry.key, [valueKey]: String(value.value) })}`;
}
