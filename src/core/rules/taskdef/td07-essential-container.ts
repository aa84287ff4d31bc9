import { bool, child, entry } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { containers, label, taskDefs } from './util.js';

export const td07EssentialContainer: Rule = {
  id: 'TD-07',
  title: 'At least one essential container',
  severity: 'error',
  files: ['taskdef'],
  docs: {
    what: 'At least one container of the task is essential. A container without `essential` is essential; only `"essential": false` makes it optional.',
    why: 'ECS refuses the registration ("All tasks must have at least one essential container"): a task is only stopped and replaced when an essential container stops, so a task of optional containers would never be.',
    bad: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "containerDefinitions": [\n    { "name": "myapp", "image": "<IMAGE1_NAME>", "essential": false },\n    { "name": "log-router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", "essential": false }\n  ]\n}\n' }],
    good: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "containerDefinitions": [\n    { "name": "myapp", "image": "<IMAGE1_NAME>", "essential": true },\n    { "name": "log-router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", "essential": false }\n  ]\n}\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      const list = containers(root);
      if (list.length === 0) continue;
      // Only an explicit false is optional; a missing, null or mistyped value is left to the API default (and to TD-03).
      if (!list.every((c) => bool(child(c.node, 'essential')) === false)) continue;
      const first = list[0];
      const names = list.map(label).join(', ');
      report({
        doc,
        range: entry(first.node, 'essential')!.value.range,
        message: list.length === 1
          ? `the only container, ${label(first)}, is not essential, and a task needs at least one essential container; set "essential": true (or remove the key)`
          : `none of the containers (${names}) is essential, and a task needs at least one; set "essential": true on the main container`,
      });
    }
  },
};
