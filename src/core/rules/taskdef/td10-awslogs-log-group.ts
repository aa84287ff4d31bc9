import { entry } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { awslogs, AWSLOGS_OPTIONS, taskdefExample } from './examples.js';
import { awslogsContainers, optionsRange } from './awslogs.js';
import { label, taskDefs } from './util.js';

export const td10AwslogsLogGroup: Rule = {
  id: 'TD-10',
  title: 'awslogs log group must exist',
  severity: 'warning',
  files: ['taskdef'],
  docs: {
    what: 'A container that logs with `awslogs` and does not set `"awslogs-create-group": "true"` writes to a log group that must already exist. Create the group with your infrastructure code, or let ECS create it with `awslogs-create-group` (then the task execution role also needs `logs:CreateLogGroup`, which the managed AmazonECSTaskExecutionRolePolicy does not grant).',
    why: 'If the group is missing, the container cannot start: the task stops with `failed to create Cloudwatch log stream: ResourceNotFoundException: The specified log group does not exist`, and the CodeDeploy replacement task set never becomes healthy.',
    bad: [{ file: 'taskdef.json', text: taskdefExample({ container: [awslogs({ ...AWSLOGS_OPTIONS })] }) }],
    good: [{ file: 'taskdef.json', text: taskdefExample({ container: [awslogs({ ...AWSLOGS_OPTIONS, 'awslogs-create-group': 'true' })] }) }],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      for (const l of awslogsContainers(root)) {
        if (l.values.get('awslogs-create-group')?.toLowerCase() === 'true') continue;
        const group = l.values.get('awslogs-group');
        // Without a group TD-09 already reports the configuration as broken.
        if (group === undefined) continue;
        const range = entry(l.options, 'awslogs-group')?.keyRange ?? optionsRange(l);
        report({
          doc,
          range,
          message: `log group "${group}" (container ${label(l.container)}) must exist before the first task starts, or the task stops with "The specified log group does not exist"; create it with your infrastructure code, or add "awslogs-create-group": "true" and grant the execution role logs:CreateLogGroup`,
        });
      }
    }
  },
};
