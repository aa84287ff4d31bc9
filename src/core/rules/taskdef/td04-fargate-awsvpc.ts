import { child, str } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { fargateRange, isFargate, present, taskDefs, templated } from './util.js';

export const td04FargateAwsvpc: Rule = {
  id: 'TD-04',
  title: 'Fargate needs awsvpc',
  severity: 'error',
  files: ['taskdef'],
  docs: {
    what: 'A task definition whose `requiresCompatibilities` contains `FARGATE` sets `"networkMode": "awsvpc"`. Leaving `networkMode` out does not help: the default is `bridge`.',
    why: 'Fargate gives every task its own network interface and supports no other network mode, so registration fails with a ClientException about the network mode, and the CodeDeployToECS action stops before the deployment starts.',
    bad: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "requiresCompatibilities": ["FARGATE"],\n  "networkMode": "bridge",\n  "cpu": "256",\n  "memory": "512",\n  "containerDefinitions": [{ "name": "myapp", "image": "<IMAGE1_NAME>" }]\n}\n' }],
    good: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "requiresCompatibilities": ["FARGATE"],\n  "networkMode": "awsvpc",\n  "cpu": "256",\n  "memory": "512",\n  "containerDefinitions": [{ "name": "myapp", "image": "<IMAGE1_NAME>" }]\n}\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      if (!isFargate(root)) continue;
      const node = child(root, 'networkMode');
      if (!present(node)) {
        report({ doc, range: fargateRange(root), message: 'Fargate tasks need "networkMode": "awsvpc", and without networkMode the task uses bridge; add "networkMode": "awsvpc"' });
        continue;
      }
      const mode = str(node);
      // Other types and unknown values are TD-03's; a template is filled in later.
      if (mode === undefined || mode === 'awsvpc' || templated(mode) || !['bridge', 'host', 'none'].includes(mode)) continue;
      report({ doc, range: node.range, message: `Fargate does not support networkMode "${mode}"; use "awsvpc" (each task gets its own network interface, so hostPort must equal containerPort or be left out)` });
    }
  },
};
