import { entry, str } from '../../config/node.js';
import type { PipelineAction } from '../../config/pipeline.js';
import { didYouMean } from '../../shapes/did-you-mean.js';
import type { Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { actionLabel, configurationRange, configValue, orList, pipelines, templated } from './util.js';

const VARIABLE_TYPES = ['PLAINTEXT', 'PARAMETER_STORE', 'SECRETS_MANAGER'];
const VARIABLE_KEYS = ['name', 'value', 'type'];

/** PL-10: the configuration of a CodeBuild action. */
export const pl10CodeBuildConfig: Rule = {
  id: 'PL-10',
  title: 'Invalid CodeBuild action configuration',
  severity: 'error',
  files: ['pipeline'],
  docs: {
    what:
      'A CodeBuild action names its `ProjectName`. With more than one input artifact, `PrimarySource` names one of them (the one whose buildspec runs). ' +
      '`EnvironmentVariables` is a string holding a JSON array of `{"name", "value", "type"}` objects, with `type` PLAINTEXT, PARAMETER_STORE or SECRETS_MANAGER. `CombineArtifacts` is only valid together with `BatchEnabled: "true"`.',
    why: 'CodePipeline cannot start the build otherwise: it does not know which project or which source to use, or it cannot read the variables, and the action fails with an invalid-configuration error.',
    bad: [
      {
        file: 'pipeline.json',
        text: '"configuration": {\n  "ProjectName": "myapp-build",\n  "EnvironmentVariables": "[{\\"name\\": \\"IMAGE_TAG\\", \\"value\\": \\"latest\\", \\"type\\": \\"PLAIN\\"}]"\n},\n"inputArtifacts": [{ "name": "SourceOutput" }, { "name": "ConfigOutput" }]\n',
      },
    ],
    good: [
      {
        file: 'pipeline.json',
        text: '"configuration": {\n  "ProjectName": "myapp-build",\n  "PrimarySource": "SourceOutput",\n  "EnvironmentVariables": "[{\\"name\\": \\"IMAGE_TAG\\", \\"value\\": \\"latest\\", \\"type\\": \\"PLAINTEXT\\"}]"\n},\n"inputArtifacts": [{ "name": "SourceOutput" }, { "name": "ConfigOutput" }]\n',
      },
    ],
  },
  check({ project, report }) {
    for (const p of pipelines(project)) {
      for (const a of p.actions) {
        if (a.provider !== 'CodeBuild' || a.owner !== 'AWS') continue;
        const say = (range: Range, message: string) => report({ doc: p.doc, range, message: `${actionLabel(a)} (CodeBuild): ${message}` });
        checkAction(a, say);
      }
    }
  },
};

function checkAction(a: PipelineAction, say: (range: Range, message: string) => void): void {
  const config = a.configurationNode;
  if (config && config.type !== 'object') return;
  if (!config || !entry(config, 'ProjectName')) say(configurationRange(a), 'configuration has no "ProjectName"; name the CodeBuild project to run, e.g. "ProjectName": "myapp-build"');

  const inputs = a.inputs.filter((n) => n !== '');
  const primary = configValue(a, 'PrimarySource');
  const primaryName = str(primary);
  if (inputs.length > 1 && !primary) {
    say(configurationRange(a), `${inputs.length} input artifacts but no "PrimarySource"; set "PrimarySource" to the input whose buildspec.yml runs, one of ${orList(inputs)}`);
  } else if (primary && primaryName !== undefined && !templated(primaryName) && inputs.length > 0 && !inputs.includes(primaryName)) {
    const hint = didYouMean(primaryName, inputs);
    say(primary.range, `PrimarySource "${primaryName}" is not one of its input artifacts; ${hint ? `did you mean "${hint}"?` : `use one of ${orList(inputs)}`}`);
  }

  const vars = configValue(a, 'EnvironmentVariables');
  const text = str(vars);
  if (vars && text !== undefined) {
    const problem = variablesProblem(text);
    if (problem) say(vars.range, problem);
  }

  const combine = entry(config, 'CombineArtifacts');
  if (combine && !/^true$/i.test(a.configuration.get('BatchEnabled') ?? '')) {
    say(combine.keyRange, 'CombineArtifacts works only for batch builds; add "BatchEnabled": "true" or remove CombineArtifacts');
  }
}

/** What is wrong with the EnvironmentVariables JSON text, if anything. */
export function variablesProblem(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return `EnvironmentVariables is not valid JSON (${(e as Error).message}); write a JSON array as a string: "[{\\"name\\":\\"IMAGE_TAG\\",\\"value\\":\\"latest\\",\\"type\\":\\"PLAINTEXT\\"}]"`;
  }
  if (!Array.isArray(value)) return 'EnvironmentVariables must be a JSON array of {"name", "value", "type"} objects, not a JSON object; write [{"name":"IMAGE_TAG","value":"latest","type":"PLAINTEXT"}]';
  for (const [i, v] of value.entries()) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `EnvironmentVariables item ${i + 1} is not an object; each item is {"name", "value", "type"}`;
    const o = v as Record<string, unknown>;
    const unknown = Object.keys(o).find((k) => !VARIABLE_KEYS.includes(k));
    if (unknown !== undefined) {
      const hint = didYouMean(unknown, VARIABLE_KEYS);
      return `EnvironmentVariables item ${i + 1} has the key "${unknown}"; the keys are "name", "value" and "type"${hint ? ` (did you mean "${hint}"?)` : ''}`;
    }
    if (typeof o.name !== 'string' || o.name === '') return `EnvironmentVariables item ${i + 1} has no "name" string; give the variable's name`;
    if (typeof o.value !== 'string') return `EnvironmentVariables item ${i + 1} ("${o.name}") needs a "value" string${o.value !== undefined ? `, not ${JSON.stringify(o.value)}: quote it` : ''}`;
    if (o.type !== undefined && (typeof o.type !== 'string' || !VARIABLE_TYPES.includes(o.type))) {
      const hint = typeof o.type === 'string' ? didYouMean(o.type, VARIABLE_TYPES) : undefined;
      return `EnvironmentVariables item ${i + 1} ("${o.name}") has type ${JSON.stringify(o.type)}; use ${hint ? `"${hint}"` : orList(VARIABLE_TYPES)}`;
    }
  }
  return undefined;
}
