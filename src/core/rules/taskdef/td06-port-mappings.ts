import { child, entry, items } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { containers, integer, isFargate, label, networkMode, nonEmpty, taskDefs } from './util.js';

export const td06PortMappings: Rule = {
  id: 'TD-06',
  title: 'Port mappings fit the network mode',
  severity: 'error',
  files: ['taskdef'],
  docs: {
    what: 'With `networkMode` `awsvpc` (always the case on Fargate) or `host`, each `portMappings` entry leaves `hostPort` out or sets it equal to `containerPort`. With `networkMode` `none`, containers have no `portMappings`.',
    why: 'In awsvpc and host mode the container listens on the task\'s (or instance\'s) own interface, so there is no port translation: RegisterTaskDefinition rejects a different hostPort, and a task without networking cannot publish ports.',
    bad: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "networkMode": "awsvpc",\n  "containerDefinitions": [\n    {\n      "name": "myapp",\n      "image": "<IMAGE1_NAME>",\n      "portMappings": [{ "containerPort": 8080, "hostPort": 80 }]\n    }\n  ]\n}\n' }],
    good: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "networkMode": "awsvpc",\n  "containerDefinitions": [\n    {\n      "name": "myapp",\n      "image": "<IMAGE1_NAME>",\n      "portMappings": [{ "containerPort": 8080, "protocol": "tcp" }]\n    }\n  ]\n}\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      // A Fargate task with another mode is TD-04's finding; its ports are judged as awsvpc, which it must become.
      const mode = isFargate(root) ? 'awsvpc' : networkMode(root);
      for (const c of containers(root)) {
        const mappings = child(c.node, 'portMappings');
        if (mode === 'none') {
          if (nonEmpty(mappings) && mappings.type === 'array') {
            report({ doc, range: entry(c.node, 'portMappings')!.keyRange, message: `container ${label(c)} has portMappings, but networkMode "none" gives the task no network; remove portMappings or use "awsvpc"` });
          }
          continue;
        }
        if (mode !== 'awsvpc' && mode !== 'host') continue;
        for (const m of items(mappings)) {
          const hostNode = child(m, 'hostPort');
          const host = integer(hostNode);
          const container = integer(child(m, 'containerPort'));
          if (host === undefined || container === undefined || host === container) continue;
          report({
            doc,
            range: hostNode!.range,
            message: `with networkMode "${mode}", hostPort must equal containerPort; hostPort ${host} differs from containerPort ${container} in container ${label(c)}: remove hostPort or set it to ${container}`,
          });
        }
      }
    }
  },
};
