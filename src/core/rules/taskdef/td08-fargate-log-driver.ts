import { child, str } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { containers, isFargate, label, taskDefs } from './util.js';

const FARGATE_DRIVERS = ['awslogs', 'splunk', 'awsfirelens'];
/** Valid drivers that Fargate does not run; unknown names are TD-03's. */
const EC2_ONLY = ['json-file', 'syslog', 'journald', 'gelf', 'fluentd'];

export const td08FargateLogDriver: Rule = {
  id: 'TD-08',
  title: 'Log driver supported on Fargate',
  severity: 'error',
  files: ['taskdef'],
  docs: {
    what: 'On Fargate, every `logConfiguration.logDriver` is `awslogs`, `splunk` or `awsfirelens`.',
    why: 'The other Docker drivers (`json-file`, `syslog`, `journald`, `gelf`, `fluentd`) need access to the host, which Fargate does not give; the task definition is rejected. To ship logs to Fluentd or another destination, use `awsfirelens` with a Fluent Bit sidecar.',
    bad: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "requiresCompatibilities": ["FARGATE"],\n  "networkMode": "awsvpc",\n  "cpu": "256",\n  "memory": "512",\n  "containerDefinitions": [\n    {\n      "name": "myapp",\n      "image": "<IMAGE1_NAME>",\n      "logConfiguration": { "logDriver": "json-file" }\n    }\n  ]\n}\n' }],
    good: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "requiresCompatibilities": ["FARGATE"],\n  "networkMode": "awsvpc",\n  "cpu": "256",\n  "memory": "512",\n  "containerDefinitions": [\n    {\n      "name": "myapp",\n      "image": "<IMAGE1_NAME>",\n      "logConfiguration": {\n        "logDriver": "awslogs",\n        "options": { "awslogs-group": "/ecs/myapp", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "ecs" }\n      }\n    }\n  ]\n}\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      if (!isFargate(root)) continue;
      for (const c of containers(root)) {
        const node = child(child(c.node, 'logConfiguration'), 'logDriver');
        const driver = str(node);
        if (driver === undefined || !EC2_ONLY.includes(driver)) continue;
        report({ doc, range: node!.range, message: `Fargate does not support the "${driver}" log driver (container ${label(c)}); use ${FARGATE_DRIVERS.map((d) => `"${d}"`).join(', ').replace(/, ([^,]*)$/, ' or $1')}` });
      }
    }
  },
};
