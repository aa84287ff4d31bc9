import { at, child, str } from '../../config/node.js';
import { docsOf, type Project } from '../../model.js';
import type { Rule } from '../rule.js';
import { APPSPEC_EXAMPLE, ecsAppspecs, properties, templated } from './util.js';

const CURRENT = ['LATEST', '1.4.0', '1.3.0'];
// Retired on 14 December 2020: tasks can no longer start on them.
const RETIRED = ['1.0.0', '1.1.0', '1.2.0'];
// Fargate Windows has its own numbering, where 1.0.0 is current.
const WINDOWS = '1.0.0';

/** AS-06: PlatformVersion names a Fargate platform version that still runs tasks. */
export const as06PlatformVersion: Rule = {
  id: 'AS-06',
  title: 'AppSpec PlatformVersion retired or unknown',
  severity: 'warning',
  files: ['appspec'],
  docs: {
    what: '`PlatformVersion`, when given, is `LATEST`, `1.4.0` or `1.3.0`, written as a string (for a Windows task definition, `1.0.0` as well). Leaving it out means LATEST.',
    why: 'Fargate platform versions 1.0.0 to 1.2.0 were retired on 14 December 2020, so the replacement task set cannot start on them and the blue/green deployment fails. A version that does not exist is refused as well.',
    bad: [{ file: 'appspec.yaml', text: APPSPEC_EXAMPLE + '        PlatformVersion: "1.2.0"\n' }],
    good: [{ file: 'appspec.yaml', text: APPSPEC_EXAMPLE + '        PlatformVersion: "LATEST"\n' }],
  },
  check({ project, report }) {
    const windows = runsWindows(project);
    for (const { doc, root } of ecsAppspecs(project)) {
      const node = child(properties(root), 'PlatformVersion');
      if (!node || node.type === 'null') continue;
      const text = String(node.source ?? node.value ?? '').trim().replace(/^["']|["']$/g, '');
      if (node.type === 'string' && (CURRENT.includes(text) || templated(text) || (windows && text === WINDOWS))) continue;
      if (node.type === 'number' && /^\d+\.\d+$/.test(text)) {
        report({ doc, range: node.range, message: `PlatformVersion ${text} is read as a number; write the full version as a string, e.g. PlatformVersion: "${text}.0", or "LATEST"` });
      } else if (RETIRED.includes(text)) {
        report({ doc, range: node.range, message: `Fargate platform version ${text} was retired in December 2020 and cannot start tasks; use "LATEST" or "1.4.0"` });
      } else if (text.toUpperCase() === 'LATEST') {
        report({ doc, range: node.range, message: `PlatformVersion "${text}" is not valid; write it in capitals: "LATEST"` });
      } else {
        report({ doc, range: node.range, message: `PlatformVersion "${text}" is not a Fargate Linux platform version; use "LATEST", "1.4.0" or "1.3.0"` });
      }
    }
  },
};

/** A task definition of the project runs on Windows. */
function runsWindows(project: Project): boolean {
  return docsOf(project, 'taskdef').some((d) => /^WINDOWS/.test(str(at(d.root, 'runtimePlatform.operatingSystemFamily')) ?? ''));
}
