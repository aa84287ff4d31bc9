import { analyze } from '../../../../src/core/analyze.js';
import { appspecRules } from '../../../../src/core/rules/appspec/index.js';
import { imagedetailRules } from '../../../../src/core/rules/imagedetail/index.js';
import { pipelineRules } from '../../../../src/core/rules/pipeline/index.js';
import { variablesProblem } from '../../../../src/core/rules/pipeline/pl10-codebuild-config.js';

const rules = [...appspecRules, ...imagedetailRules, ...pipelineRules];

/** Documents of the right kind but the wrong shape everywhere: no rule may throw on them. */
const odd: Array<[string, string]> = [
  ['pipeline.json', '{"pipeline": []}'],
  ['pipeline.json', '{"pipeline": {"stages": "Source"}}'],
  ['pipeline.json', '{"pipeline": {"name": 1, "roleArn": null, "artifactStore": [], "artifactStores": "x", "stages": [1, null, {"name": [], "actions": {"a": 1}}, {"actions": [null, 3, {"actionTypeId": "x", "inputArtifacts": {}, "outputArtifacts": [1, {"name": 2}], "configuration": []}]}]}}'],
  ['pipeline.json', '{"pipeline": {"stages": [{"name": "S", "actions": [{"name": "D", "actionTypeId": {"category": 1, "owner": [], "provider": "CodeDeployToECS", "version": 1}, "runOrder": "x", "region": 5, "configuration": {"Image9ContainerName": [], "TaskDefinitionTemplateArtifact": {}}, "inputArtifacts": [{"name": null}]}]}], "executionMode": 3, "pipelineType": []}}'],
  ['pipeline.json', '{"pipeline": {"stages": [{"name": "B", "actions": [{"name": "B", "actionTypeId": {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"}, "configuration": {"EnvironmentVariables": "[1, {\\"name\\": 2}]", "CombineArtifacts": true}, "inputArtifacts": [{"name": "a"}, {"name": "b"}]}]}]}}'],
  ['appspec.yaml', 'version: 0.0\nResources: 5\nHooks: "x"\n'],
  ['appspec.yaml', 'version: [1]\nResources:\n  - TargetService: 3\n  - null\n'],
  ['appspec.yaml', 'Resources:\n  - TargetService:\n      Type: [x]\n      Properties:\n        TaskDefinition: {}\n        LoadBalancerInfo: [1]\n        NetworkConfiguration: {AwsvpcConfiguration: 3}\n        CapacityProviderStrategy: [1, {Base: x, Weight: []}]\n        PlatformVersion: {}\nHooks:\n  - [1]\n  - {}\n  - {BeforeInstall: [1], AfterInstall: 2}\n'],
  ['appspec.json', '[1, 2]'],
  ['appspec.yaml', '"just text"'],
  ['imageDetail.json', '"x"'],
  ['imageDetail.json', '{"ImageURI": {"a": 1}}'],
  ['imageDetail.json', '{"ImageURI": "@:/::@@"}'],
  ['buildspec.yml', "version: 0.2\nphases:\n  build:\n    commands:\n      - printf '{\"ImageURI\":' > imageDetail.json\n      - echo > imageDetail.json\n      - printf \"$(cat x)\" > imageDetail.json\n      - echo '[1' > imagedetail.json\n      - { 1: 2 }\n"],
];

describe('AS, ID and PL rules on documents of the wrong shape', () => {
  it.each(odd.map(([path, text], i) => [i, path, text] as const))('case %i (%s) gives findings but no internal error', (_i, path, text) => {
    const found = analyze({ files: [{ path, text }], rules });
    expect(found.filter((f) => /internal error/.test(f.message)).map((f) => f.message)).toEqual([]);
  });
});

describe('PL-10 EnvironmentVariables', () => {
  it.each([
    ['[{"name":"IMAGE_TAG","value":"latest","type":"PLAINTEXT"}]', undefined],
    ['[{"name":"TOKEN","value":"/myapp/token","type":"PARAMETER_STORE"},{"name":"A","value":"#{SourceVariables.CommitId}"}]', undefined],
    ['{"name":"IMAGE_TAG","value":"latest"}', /JSON array/],
    ['[{"name":"IMAGE_TAG","value":"latest","type":"PLAIN"}]', /PLAINTEXT/],
    ['[{"Name":"IMAGE_TAG","value":"latest"}]', /did you mean "name"/],
    ['[{"name":"PORT","value":8080}]', /quote it/],
    ['[{"name":"IMAGE_TAG",}]', /not valid JSON/],
  ])('%s', (text, expected) => {
    const problem = variablesProblem(text);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(expected);
  });
});
