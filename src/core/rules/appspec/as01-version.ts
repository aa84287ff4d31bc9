import { entry } from '../../config/node.js';
import type { Node } from '../../types.js';
import type { Rule } from '../rule.js';
import { APPSPEC_EXAMPLE, ecsAppspecs, fileRange, looseEntry } from './util.js';

/** AS-01: `version: 0.0`, the only AppSpec version there is. */
export const as01Version: Rule = {
  id: 'AS-01',
  title: 'AppSpec version missing or not 0.0',
  severity: 'error',
  files: ['appspec'],
  docs: {
    what: 'The AppSpec starts with `version: 0.0` (in appspec.json, `"version": 0.0`). The key is lower-case.',
    why: 'CodeDeploy requires the key, and 0.0 is the only value it accepts (the version is reserved for future use); with anything else the deployment fails as soon as CodeDeploy reads the AppSpec.',
    bad: [{ file: 'appspec.yaml', text: APPSPEC_EXAMPLE.replace('version: 0.0', 'version: 1') }],
    good: [{ file: 'appspec.yaml', text: APPSPEC_EXAMPLE }],
  },
  check({ project, report }) {
    for (const { doc, root } of ecsAppspecs(project)) {
      const exact = entry(root, 'version');
      if (!exact) {
        const other = looseEntry(root, 'version');
        if (other) report({ doc, range: other.keyRange, message: `"${other.key}" is not read as the version: keys are case-sensitive; write "version: 0.0"` });
        else report({ doc, range: fileRange(doc), message: 'the AppSpec has no version; add "version: 0.0" as its first line' });
        continue;
      }
      if (!isZero(exact.value)) {
        const shown = exact.value.source ?? JSON.stringify(exact.value.value ?? null);
        report({ doc, range: exact.value.range, message: `version ${shown} is not valid: CodeDeploy accepts only 0.0; write "version: 0.0"` });
      }
    }
  },
};

/** `0.0` parses as the number 0; a quoted "0.0" spells the same version and is not flagged. */
function isZero(node: Node): boolean {
  if (node.type === 'number') return node.value === 0;
  return node.type === 'string' && /^0(\.0+)?$/.test(String(node.value).trim());
}
