import type { Rule } from '../rule.js';

/** CFG-01: a file that does not parse; everything else about it is unknown. */
export const syntax: Rule = {
  id: 'CFG-01',
  title: 'File does not parse',
  severity: 'error',
  files: ['buildspec', 'taskdef', 'appspec', 'pipeline', 'imagedetail', 'imagedefinitions', 'codebuild-project'],
  docs: {
    what: 'The file is valid JSON (task definition, pipeline, imageDetail.json) or YAML (buildspec, appspec). The finding points at the first syntax error.',
    why: 'CodeBuild fails the build with `YAML_FILE_ERROR`, the CLI refuses the JSON, and CodeDeployToECS cannot read its templates. No other rule can check a file that does not parse.',
    bad: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "containerDefinitions": [\n    { "name": "web", "image": "<IMAGE1_NAME>", }\n  ]\n}\n' }],
    good: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "containerDefinitions": [\n    { "name": "web", "image": "<IMAGE1_NAME>" }\n  ]\n}\n' }],
  },
  check({ project, report }) {
    for (const doc of project.docs) {
      for (const p of doc.problems) if (p.kind === 'syntax') report({ doc, range: p.range, message: p.message });
    }
  },
};
