import type { Rule } from '../rule.js';

/** CFG-02: a key given twice in one object. */
export const duplicateKey: Rule = {
  id: 'CFG-02',
  title: 'Duplicate key',
  severity: 'warning',
  files: ['buildspec', 'taskdef', 'appspec', 'pipeline', 'imagedetail', 'imagedefinitions', 'codebuild-project'],
  docs: {
    what: 'No object repeats a key.',
    why: 'JSON parsers keep the last value and silently drop the first, and many YAML parsers (CodeBuild\'s among them) reject the file or do the same. Either way one of the two values you wrote is not the one deployed.',
    bad: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "memory": "512",\n  "memory": "1024",\n  "containerDefinitions": []\n}\n' }],
    good: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "memory": "1024",\n  "containerDefinitions": []\n}\n' }],
  },
  check({ project, report }) {
    for (const doc of project.docs) {
      for (const p of doc.problems) if (p.kind === 'duplicate-key') report({ doc, range: p.range, message: p.message });
    }
  },
};
