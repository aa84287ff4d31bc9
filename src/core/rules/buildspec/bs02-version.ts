import { child } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { buildspecs, written } from './util.js';

/** BS-02: `version: 0.2`, the version whose commands share one shell. */
export const bs02Version: Rule = {
  id: 'BS-02',
  title: 'Buildspec version is not 0.2',
  severity: 'warning',
  files: ['buildspec'],
  docs: {
    what: 'The buildspec says `version: 0.2` (quoted or not).',
    why:
      'Under `version: 0.1` CodeBuild starts a new shell for every command, so a `cd`, an `export` or an `IMAGE_TAG=…` assignment is gone by the next line and `docker push $ECR_REPO:$IMAGE_TAG` pushes `myapp:`. ' +
      'CodeBuild knows no other versions: any other value stops the build with YAML_FILE_ERROR.',
    bad: [{ file: 'buildspec.yml', text: 'version: 0.1\nphases:\n  build:\n    commands:\n      - IMAGE_TAG=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)\n      - docker build -t myapp:$IMAGE_TAG .\n' }],
    good: [{ file: 'buildspec.yml', text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - IMAGE_TAG=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)\n      - docker build -t myapp:$IMAGE_TAG .\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of buildspecs(project)) {
      const node = child(root, 'version');
      if (!node) continue;
      const text = written(node)?.trim();
      if (text === '0.2' || (node.type === 'number' && node.value === 0.2)) continue;
      if (text === '0.1' || (node.type === 'number' && node.value === 0.1)) {
        report({ doc, range: node.range, message: 'version 0.1 runs every command in a new shell, so "cd", "export" and variables set by one command are lost by the next; use "version: 0.2"' });
      } else {
        report({ doc, range: node.range, severity: 'error', message: `version ${text === undefined || text === '' ? '(empty)' : `"${text}"`} is not a buildspec version; CodeBuild knows 0.1 and 0.2, write "version: 0.2"` });
      }
    }
  },
};
