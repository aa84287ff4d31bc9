import { bool, child, entry } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { containers, isFargate, label, networkMode, nonEmpty, taskDefs } from './util.js';

const KEYS = ['links', 'hostname', 'dnsServers', 'dnsSearchDomains', 'extraHosts'];
/** On Fargate, TD-13 already reports these; only hostname is left to this rule. */
const FARGATE_REPORTED = ['links', 'dnsServers', 'dnsSearchDomains', 'extraHosts', 'disableNetworking'];

const FIX: Record<string, string> = {
  links: 'containers of one awsvpc task reach each other on localhost',
  hostname: 'the task\'s network interface has its own DNS name',
  dnsServers: 'DNS comes from the VPC (DHCP options set)',
  dnsSearchDomains: 'DNS comes from the VPC (DHCP options set)',
  extraHosts: 'use DNS (for example a Route 53 private zone) instead',
  disableNetworking: 'use networkMode "none" for a task without networking',
};

export const td14AwsvpcParameters: Rule = {
  id: 'TD-14',
  title: 'Parameters awsvpc does not accept',
  severity: 'error',
  files: ['taskdef'],
  docs: {
    what: 'In a task with `"networkMode": "awsvpc"`, containers do not set `links`, `hostname`, `dnsServers`, `dnsSearchDomains`, `extraHosts` or `"disableNetworking": true`. Each is reported at its key. (On Fargate, TD-13 reports all of them but `hostname`.)',
    why: 'These Docker networking options are not supported in awsvpc mode, where each task has its own elastic network interface, and RegisterTaskDefinition rejects them.',
    bad: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "networkMode": "awsvpc",\n  "containerDefinitions": [\n    { "name": "myapp", "image": "<IMAGE1_NAME>", "hostname": "myapp", "links": ["redis"] },\n    { "name": "redis", "image": "public.ecr.aws/docker/library/redis:7" }\n  ]\n}\n' }],
    good: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "networkMode": "awsvpc",\n  "containerDefinitions": [\n    { "name": "myapp", "image": "<IMAGE1_NAME>", "environment": [{ "name": "REDIS_URL", "value": "redis://localhost:6379" }] },\n    { "name": "redis", "image": "public.ecr.aws/docker/library/redis:7" }\n  ]\n}\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      if (networkMode(root) !== 'awsvpc') continue;
      const fargate = isFargate(root);
      for (const c of containers(root)) {
        const bad = KEYS.filter((k) => nonEmpty(child(c.node, k)));
        if (bool(child(c.node, 'disableNetworking')) === true) bad.push('disableNetworking');
        for (const key of bad) {
          if (fargate && FARGATE_REPORTED.includes(key)) continue;
          report({ doc, range: entry(c.node, key)!.keyRange, message: `networkMode "awsvpc" does not support "${key}" (container ${label(c)}); remove it: ${FIX[key]}` });
        }
      }
    }
  },
};
