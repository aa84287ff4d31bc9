import { child, entry, items, num } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { taskdefExample } from './examples.js';
import { taskDefs } from './util.js';

export const td19Limits: Rule = {
  id: 'TD-19',
  title: 'Task definition limits',
  severity: 'error',
  files: ['taskdef'],
  docs: {
    what: '`ephemeralStorage.sizeInGiB` is a whole number from 21 to 200 (20 GiB is what a Fargate task gets without the setting; it needs platform 1.4.0, which XF-04 checks against the appspec). A task definition has at most 50 `tags` and at most 10 `placementConstraints` (on Fargate, none: TD-13 reports those).',
    why: 'These are documented API limits; RegisterTaskDefinition rejects a task definition that exceeds them.',
    bad: [{ file: 'taskdef.json', text: taskdefExample({ task: ['"ephemeralStorage": { "sizeInGiB": 20 }'] }) }],
    good: [{ file: 'taskdef.json', text: taskdefExample({ task: ['"ephemeralStorage": { "sizeInGiB": 50 }'] }) }],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      const size = child(child(root, 'ephemeralStorage'), 'sizeInGiB');
      const v = num(size);
      if (v !== undefined && (v < 21 || v > 200 || !Number.isInteger(v))) {
        const fix = v <= 20 && v >= 0 ? 'tasks get 20 GiB without the setting, so remove ephemeralStorage or ask for 21 to 200' : 'use a whole number from 21 to 200';
        report({ doc, range: size!.range, message: `ephemeralStorage.sizeInGiB is ${v}; ${fix}` });
      }
      const tags = child(root, 'tags');
      if (items(tags).length > 50) report({ doc, range: entry(root, 'tags')!.keyRange, message: `the task definition has ${items(tags).length} tags; ECS allows at most 50, so remove ${items(tags).length - 50}` });
      const constraints = child(root, 'placementConstraints');
      if (items(constraints).length > 10) report({ doc, range: entry(root, 'placementConstraints')!.keyRange, message: `the task definition has ${items(constraints).length} placementConstraints; ECS allows at most 10` });
    }
  },
};
