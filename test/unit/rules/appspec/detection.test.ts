import { analyze } from '../../../../src/core/analyze.js';
import type { SourceFile } from '../../../../src/core/model.js';
import { appspecRules } from '../../../../src/core/rules/appspec/index.js';

/** The AS rules judge ECS AppSpecs only; EC2/on-premises and Lambda AppSpecs have other rules of their own. */
function asFindings(files: SourceFile[]): string[] {
  return analyze({ files, rules: appspecRules }).map((f) => `${f.rule} ${f.file}:${f.line}`);
}

const lambda = `version: 0.0
Resources:
  - myapp-function:
      Type: AWS::Lambda::Function
      Properties:
        Name: "myapp-function"
        Alias: "live"
        CurrentVersion: "1"
        TargetVersion: "2"
Hooks:
  - BeforeAllowTraffic: "myapp-before"
`;

const ec2 = `version: 0.0
os: linux
files:
  - source: /
    destination: /var/www/myapp
hooks:
  ApplicationStart:
    - location: scripts/start.sh
      timeout: 300
`;

const ecsPipeline = `{
  "pipeline": {
    "name": "myapp-ecs-pipeline",
    "stages": [
      { "name": "Deploy", "actions": [{ "name": "ECS", "actionTypeId": { "category": "Deploy", "owner": "AWS", "provider": "CodeDeployToECS", "version": "1" },
        "configuration": { "AppSpecTemplateArtifact": "BuildOutput", "AppSpecTemplatePath": "appspec.yaml" }, "inputArtifacts": [{ "name": "BuildOutput" }] }] }
    ]
  }
}
`;

describe('which AppSpecs the AS rules check', () => {
  it('leaves a Lambda AppSpec alone', () => {
    expect(asFindings([{ path: 'appspec.yaml', text: lambda }])).toEqual([]);
  });

  it('leaves an EC2/on-premises AppSpec alone', () => {
    expect(asFindings([{ path: 'appspec.yml', text: ec2 }])).toEqual([]);
  });

  it('checks a file with no ECS markers when the CodeDeployToECS action reads it', () => {
    const text = 'version: 0.0\nResource:\n  - TargetService: {}\n';
    expect(asFindings([{ path: 'appspec.yaml', text }])).toEqual([]);
    expect(asFindings([{ path: 'appspec.yaml', text }, { path: 'pipeline.json', text: ecsPipeline }])).toEqual(['AS-02 appspec.yaml:2']);
  });

  it('recognises an ECS AppSpec by its TargetService alone', () => {
    expect(asFindings([{ path: 'appspec.yaml', text: 'Resources:\n  - TargetService:\n      Type: AWS::ECS::Service\n' }])).toEqual(['AS-01 appspec.yaml:1', 'AS-02 appspec.yaml:2']);
  });
});
