import type { Rule } from '../rule.js';

/** CFG-03: a file named like a pipeline file that cannot be read as text. */
export const unreadable: Rule = {
  id: 'CFG-03',
  title: 'File is not readable text',
  severity: 'error',
  files: ['dockerfile', 'buildspec', 'taskdef', 'appspec', 'pipeline', 'imagedetail', 'imagedefinitions'],
  docs: {
    what: 'A file named like one of the pipeline\'s files (Dockerfile, buildspec.yml, taskdef.json, appspec.yaml, imageDetail.json) is UTF-8 text of a sensible size, not binary.',
    why: 'CodeBuild, the AWS CLI and CodeDeployToECS read these files as UTF-8 text; a binary, a file in another encoding or a file of many megabytes (the CodeDeployToECS input artifact is limited to 3 MB) fails the build or the deploy.',
    bad: [{ file: 'imageDetail.json', text: '(a file saved as UTF-16, or a binary)' }],
    good: [{ file: 'imageDetail.json', text: '{"ImageURI": "123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp:1a2b3c4"}\n' }],
  },
  check({ project, report }) {
    for (const doc of project.docs) {
      for (const p of doc.problems) if (p.kind === 'unreadable') report({ doc, range: p.range, message: p.message });
    }
  },
};
