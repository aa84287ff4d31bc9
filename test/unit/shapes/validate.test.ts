import { analyze } from '../../../src/core/analyze.js';
import { pipelineShapeRules, taskdefShapeRules } from '../../../src/core/rules/shape-rules.js';
import { service } from '../../../src/core/shapes/model.js';
import { formatPath, isTemplated, validate } from '../../../src/core/shapes/validate.js';
import { parseJson } from '../../../src/core/config/json.js';
import { loadFile } from '../../../src/core/config/load.js';
import { LineIndex } from '../../../src/core/config/position.js';

const rules = [...taskdefShapeRules, ...pipelineShapeRules];
const ecs = service('ecs');

function nodeOf(text: string) {
  const root = parseJson(text, new LineIndex(text)).root;
  if (!root) throw new Error('fixture does not parse');
  return root;
}

function run(files: Record<string, string>) {
  return analyze({ files: Object.entries(files).map(([path, text]) => ({ path, text })), rules });
}

describe('validate', () => {
  it('reports unknown keys, wrong types and enum values with their paths', () => {
    const node = nodeOf('{"family":"myapp","cpu":256,"networkMode":"awsvcp","containerDefinitions":[{"name":"myapp","image":"x","essentail":true}]}');
    const problems = validate({ model: ecs, type: 'RegisterTaskDefinitionRequest', node });
    expect(problems.map((p) => `${p.kind} ${formatPath(p.path)}`)).toEqual(['type cpu', 'enum networkMode', 'unknown-key containerDefinitions[0].essentail']);
    const unknown = problems.find((p) => p.kind === 'unknown-key');
    expect(unknown && unknown.kind === 'unknown-key' && unknown.suggestion).toBe('essential');
  });

  it('leaves the keys of free-form maps alone but checks their values', () => {
    const node = nodeOf('{"name":"a","image":"b","dockerLabels":{"Anything.Goes":"x","n":1},"logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":"/ecs/myapp"}}}');
    const problems = validate({ model: ecs, type: 'ContainerDefinition', node });
    expect(problems.map((p) => `${p.kind} ${formatPath(p.path)}`)).toEqual(['type dockerLabels.n']);
  });

  it('checks inside PascalCase keys as if they were spelt right', () => {
    const node = nodeOf('{"PortMappings":[{"ContainerPort":"80"}]}');
    const problems = validate({ model: ecs, type: 'ContainerDefinition', node });
    expect(problems.map((p) => `${p.kind} ${formatPath(p.path)}`)).toEqual(['unknown-key PortMappings', 'unknown-key PortMappings[0].ContainerPort', 'type PortMappings[0].ContainerPort']);
  });

  it('does not treat inherited object properties as members', () => {
    const node = nodeOf('{"constructor":1,"__proto__":{},"toString":"x"}');
    const problems = validate({ model: ecs, type: 'PortMapping', node });
    expect(problems.map((p) => p.kind)).toEqual(['unknown-key', 'unknown-key', 'unknown-key']);
  });

  it('stops after a bounded number of problems', () => {
    const many = Array.from({ length: 1000 }, (_, i) => `{"name":"c${i}","image":"x","bogus${i}":1}`).join(',');
    const problems = validate({ model: ecs, type: 'RegisterTaskDefinitionRequest', node: nodeOf(`{"containerDefinitions":[${many}]}`) });
    expect(problems.length).toBeLessThanOrEqual(300);
  });
});

describe('isTemplated', () => {
  it.each(['${NETWORK_MODE}', '$MODE', '{{ mode }}', '{% if x %}', '#{variables.Mode}', '<IMAGE1_NAME>'])('%s is a template value', (v) => expect(isTemplated(v)).toBe(true));
  it.each(['awsvpc', 'FARGATE', 'a<b', '100$'])('%s is a plain value', (v) => expect(isTemplated(v)).toBe(false));
});

describe('shape rules on odd input', () => {
  // Called directly, not through analyze(), which would turn a throw into a finding.
  const checkAll = (path: string, text: string, kind: string) => {
    const docs = loadFile({ path, text });
    expect(docs.map((d) => d.kind)).toEqual([kind]);
    const project = { root: '', docs, exists: () => false };
    for (const rule of rules) expect(() => rule.check({ project, report: () => undefined, now: new Date('2026-11-27') })).not.toThrow();
  };

  const odd = ['[]', '"text"', 'null', '42', '{}', '{"containerDefinitions": 5}', '{"containerDefinitions": [null, 1, "x", []]}', '{"taskDefinition": []}', '{"taskDefinition": {"containerDefinitions": {}}}'];
  it.each(odd)('taskdef.json %s', (text) => checkAll('taskdef.json', text, 'taskdef'));

  const oddPipelines = ['{"pipeline": ["stages"]}', '{"pipeline": {"stages": "x"}}', '{"pipeline": {"stages": [null, {"actions": [null, {"configuration": [1]}]}]}}', '{"pipeline": {"stages": [{"actions": [{"configuration": {"A": {"b": [1, 2]}}}]}]}, "metadata": null}'];
  it.each(oddPipelines)('pipeline %s', (text) => checkAll('pipeline.json', text, 'pipeline'));
});

describe('who reads the task definition', () => {
  const taskdef = '{\n  "family": "myapp",\n  "revision": 3,\n  "containerDefinitions": [{ "name": "myapp", "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:1" }]\n}\n';
  const pipeline = (path: string) =>
    JSON.stringify({
      pipeline: {
        name: 'myapp',
        roleArn: 'arn:aws:iam::123456789012:role/CodePipelineServiceRole',
        stages: [
          {
            name: 'Deploy',
            actions: [
              {
                name: 'Deploy',
                actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CodeDeployToECS', version: '1' },
                configuration: { TaskDefinitionTemplatePath: path, AppSpecTemplateArtifact: 'BuildOutput', TaskDefinitionTemplateArtifact: 'BuildOutput' },
                inputArtifacts: [{ name: 'BuildOutput' }],
              },
            ],
          },
        ],
      },
    });
  const severity = (files: Record<string, string>) => run(files).find((f) => f.rule === 'TD-02')?.severity;

  it('is an error for the CLI', () => expect(severity({ 'deploy/taskdef.json': taskdef })).toBe('error'));
  it('is a warning when a CodeDeployToECS action reads it', () => {
    expect(severity({ 'deploy/taskdef.json': taskdef, 'deploy/pipeline.json': pipeline('taskdef.json') })).toBe('warning');
  });
  it('stays an error when the action reads another file', () => {
    expect(severity({ 'deploy/taskdef.json': taskdef, 'deploy/other.json': '{}', 'deploy/pipeline.json': pipeline('other.json') })).toBe('error');
  });
});
