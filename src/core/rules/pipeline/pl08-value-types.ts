import { toPlain } from '../../config/node.js';
import { pipelineActions } from '../../config/pipeline.js';
import { docsOf } from '../../model.js';
import { actualType, enumMessage, nullMessage, typeMessage, where } from '../../shapes/messages.js';
import { codepipeline, pipelineProblems } from '../../shapes/targets.js';
import type { WrongType } from '../../shapes/validate.js';
import type { Node } from '../../types.js';
import type { Rule } from '../rule.js';

// ActionConfiguration in the CodePipeline API reference: keys 1-50, values 1-1000 characters.
const MAX_KEY = 50;
const MAX_VALUE = 1000;

/** PL-08: configuration values are strings, and other members have their model types. */
export const pl08ValueTypes: Rule = {
  id: 'PL-08',
  title: 'Pipeline value of the wrong type',
  severity: 'error',
  files: ['pipeline'],
  docs: {
    what:
      'Every value in an action\'s `configuration` is a string of 1 to 1000 characters under a key of at most 50, even when it means a boolean, a number or a list ' +
      '(`"PollForSourceChanges": "false"`, `"EnvironmentVariables": "[{…}]"` as JSON text). The other members have the types of the CodePipeline API model: ' +
      '`runOrder` and the pipeline `version` are numbers, `actionTypeId.version` is a string such as `"1"`, and enumerated members (`pipelineType`, `executionMode`, trigger and condition fields) use the listed values.',
    why:
      'The configuration is a string-to-string map in the API. The AWS CLI stops with `Invalid type for parameter pipeline.stages[0].actions[0].configuration.PollForSourceChanges, value: False, type: <class \'bool\'>, valid types: <class \'str\'>`, ' +
      'and CodePipeline rejects empty or over-long values with a validation error.',
    bad: [
      {
        file: 'pipeline.json',
        text: '{\n  "name": "Source",\n  "actionTypeId": { "category": "Source", "owner": "AWS", "provider": "S3", "version": 1 },\n  "runOrder": "1",\n  "configuration": {\n    "S3Bucket": "myapp-source-us-east-1",\n    "S3ObjectKey": "myapp.zip",\n    "PollForSourceChanges": false\n  },\n  "outputArtifacts": [{ "name": "SourceOutput" }]\n}\n',
      },
    ],
    good: [
      {
        file: 'pipeline.json',
        text: '{\n  "name": "Source",\n  "actionTypeId": { "category": "Source", "owner": "AWS", "provider": "S3", "version": "1" },\n  "runOrder": 1,\n  "configuration": {\n    "S3Bucket": "myapp-source-us-east-1",\n    "S3ObjectKey": "myapp.zip",\n    "PollForSourceChanges": "false"\n  },\n  "outputArtifacts": [{ "name": "SourceOutput" }]\n}\n',
      },
    ],
  },
  check({ project, report }) {
    for (const doc of docsOf(project, 'pipeline')) {
      const root = doc.root;
      const nulls: WrongType[] = [];
      for (const p of pipelineProblems(doc)) {
        if (p.kind === 'type' && p.node.type === 'null') nulls.push(p);
        else if (p.kind === 'type') {
          const message = p.path[p.path.length - 2] === 'configuration' ? configurationMessage(root, p) : typeMessage(root, p, codepipeline);
          report({ doc, range: p.node.range, message });
        } else if (p.kind === 'enum' && !ownedByPl02(p.path)) {
          report({ doc, range: p.node.range, message: enumMessage(root, p) });
        }
      }
      if (nulls.length > 0) report({ doc, range: nulls[0].node.range, message: nullMessage(root, nulls, codepipeline) });
      for (const action of pipelineActions(root)) {
        for (const e of action.configurationNode?.entries ?? []) {
          if (e.key.length > MAX_KEY) {
            report({ doc, range: e.keyRange, message: `action "${action.name}": configuration key "${e.key.slice(0, 60)}…" is ${e.key.length} characters long; CodePipeline allows at most ${MAX_KEY}` });
          }
          if (e.value.type !== 'string') continue;
          const length = (e.value.value as string).length;
          if (length === 0) report({ doc, range: e.value.range, message: `action "${action.name}": configuration value ${e.key} is empty; give a value or remove the key` });
          else if (length > MAX_VALUE) {
            report({ doc, range: e.value.range, message: `action "${action.name}": configuration value ${e.key} is ${length} characters long; CodePipeline allows at most ${MAX_VALUE}` });
          }
        }
      }
    }
  },
};

/** PL-02 reports a wrong action category or owner, with the required fields. */
function ownedByPl02(path: readonly (string | number)[]): boolean {
  const last = path[path.length - 1];
  return path[path.length - 2] === 'actionTypeId' && (last === 'category' || last === 'owner');
}

function configurationMessage(root: Node | undefined, p: WrongType): string {
  const key = p.path[p.path.length - 1];
  const head = `${where(root, p.path.slice(0, -2))}: configuration value ${key} must be a string, not ${actualType(p.node)}`;
  const node = p.node;
  if (node.type === 'boolean' || node.type === 'number') return `${head}; write it as a string: ${JSON.stringify(String(node.source ?? node.value))}`;
  if (node.type === 'object' || node.type === 'array') {
    const json = JSON.stringify(toPlain(node)) ?? '';
    const shown = json.length > 80 ? `${json.slice(0, 77)}…` : json;
    return `${head}; encode it as JSON text in a string: ${JSON.stringify(shown)}`;
  }
  return `${head}; remove the key or give a string`;
}
