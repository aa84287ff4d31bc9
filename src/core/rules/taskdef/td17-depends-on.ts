import { bool, child, items, str } from '../../config/node.js';
import { didYouMean } from '../../shapes/did-you-mean.js';
import type { Rule } from '../rule.js';
import { taskdefExample } from './examples.js';
import { containers, label, present, taskDefs, templated } from './util.js';

export const td17DependsOn: Rule = {
  id: 'TD-17',
  title: 'Container dependencies',
  severity: 'error',
  files: ['taskdef'],
  docs: {
    what: 'Each `dependsOn[].containerName` names a container of the same task. A `COMPLETE` or `SUCCESS` condition waits for a container that is not essential (one that is meant to exit), and a `HEALTHY` condition waits for a container that has a `healthCheck`.',
    why: 'RegisterTaskDefinition rejects a dependency on a missing container, an exit condition on an essential container (whose exit would stop the task), and a HEALTHY condition that no health check can ever satisfy.',
    bad: [
      {
        file: 'taskdef.json',
        text: taskdefExample({
          container: ['"dependsOn": [{ "containerName": "migrate", "condition": "SUCCESS" }]'],
          more: ['{ "name": "migrate", "image": "<IMAGE1_NAME>", "command": ["npm", "run", "migrate"] }'],
        }),
      },
    ],
    good: [
      {
        file: 'taskdef.json',
        text: taskdefExample({
          container: ['"dependsOn": [{ "containerName": "migrate", "condition": "SUCCESS" }]'],
          more: ['{ "name": "migrate", "image": "<IMAGE1_NAME>", "essential": false, "command": ["npm", "run", "migrate"] }'],
        }),
      },
    ],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      const list = containers(root);
      const names = list.map((c) => c.name).filter((n): n is string => n !== undefined);
      // A templated name may become any container; checking against it would guess.
      if (names.some(templated)) continue;
      for (const c of list) {
        for (const dep of items(child(c.node, 'dependsOn'))) {
          const nameNode = child(dep, 'containerName');
          const target = str(nameNode);
          if (target === undefined || templated(target)) continue;
          const other = list.find((o) => o.name === target);
          if (!other) {
            const hint = didYouMean(target, names);
            report({ doc, range: nameNode!.range, message: `container ${label(c)} depends on "${target}", which is not a container of this task${hint ? `; did you mean "${hint}"?` : `; use one of ${names.map((n) => `"${n}"`).join(', ')}`}` });
            continue;
          }
          const condNode = child(dep, 'condition');
          const condition = str(condNode);
          if ((condition === 'COMPLETE' || condition === 'SUCCESS') && bool(child(other.node, 'essential')) !== false) {
            report({ doc, range: condNode!.range, message: `container ${label(c)} waits for ${label(other)} to ${condition === 'SUCCESS' ? 'exit successfully' : 'exit'}, but ${label(other)} is essential, and an essential container that exits stops the task; set "essential": false on ${label(other)}` });
          }
          if (condition === 'HEALTHY' && !present(child(other.node, 'healthCheck'))) {
            report({ doc, range: condNode!.range, message: `container ${label(c)} waits for ${label(other)} to be HEALTHY, but ${label(other)} has no healthCheck; add one to ${label(other)} or use the condition "START"` });
          }
        }
      }
    }
  },
};
