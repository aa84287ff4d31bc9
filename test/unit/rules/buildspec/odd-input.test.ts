import { analyze } from '../../../../src/core/analyze.js';
import { buildspecRules } from '../../../../src/core/rules/buildspec/index.js';

/** Buildspecs of every wrong shape: the rules report them or stay silent, and never fail. */
const ODD = [
  '',
  '- just\n- a list\n',
  'plain text\n',
  'version:\nphases:\n',
  'version: [0.2]\nphases: [build]\nartifacts: yes\ncache: 3\nreports: [a]\nbatch: x\nenv: [a]\nproxy: 1\nrun-as: [x]\n',
  'version: 0.2\nphases:\n  build: 3\n  install: [a]\n  post_build:\n    commands: {a: b}\n    finally: 7\n    on-failure: [x]\n',
  'version: 0.2\nphases:\n  install:\n    runtime-versions: [nodejs]\n    commands:\n      - [nested]\n      - {a: b}\n      -\n      - 12\n',
  'version: 0.2\nenv:\n  variables: [a]\n  parameter-store: 3\n  secrets-manager:\n    A: [x]\n    B: {c: d}\n    C:\n    D: 5\n  exported-variables: {a: b}\n  shell: [bash]\n  git-credential-helper: {}\n',
  'version: 0.2\nbatch:\n  fast-fail: []\n  build-graph: {a: b}\n  build-list:\n    - 3\n    - identifier: [x]\n      depend-on: y\n  build-matrix: 4\n',
  'version: 0.2\nartifacts:\n  files: {a: b}\n  secondary-artifacts: [x]\nreports:\n  g:\n    files:\n    file-format: [x]\ncache:\n  paths: {}\n  action: [x]\n',
  'version: 0.2\nphases:\n  build:\n    commands:\n      - "echo \\"unterminated $(\\""\n      - "cat <<EOF\\nno end"\n      - "echo ${"\n      - "echo $("\n      - "`"\n',
  'version: 0.2\nenv:\n  exported-variables:\n    - [x]\n    - 3\n    -\nphases:\n  install:\n    runtime-versions:\n      android: [29]\n      java: {a: b}\n',
];

describe('buildspec rules on odd input', () => {
  it.each(ODD.map((text, i) => [i, text] as const))('case %i gives findings, never an internal error', (_i, text) => {
    const files = [
      { path: 'buildspec.yml', text },
      { path: 'codebuild-project.json', text: '{"name": 3, "source": {"buildspec": 7}, "environment": {"computeType": "X", "image": 5, "privilegedMode": "yes", "environmentVariables": {"a": 1}}}' },
      { path: 'pipeline.json', text: '{"pipeline": {"stages": [{"actions": [{"actionTypeId": {"provider": "CodeBuild"}, "configuration": {"EnvironmentVariables": "[{\\"name\\": 3}, null, 5]"}}]}]}}' },
    ];
    const found = analyze({ files, rules: buildspecRules });
    expect(found.filter((f) => /internal error/.test(f.message)).map((f) => f.message)).toEqual([]);
  });
});
