import { docsOf, pathInProject } from '../../model.js';
import type { Rule } from '../rule.js';
import { contextOf } from './context.js';
import { closest, containersOf, list, targetServices, taskdefsFor, templated } from './templates.js';

/** XF-03: the appspec's load-balancer container and port exist in the task definition. */
export const xf03LoadBalancerContainer: Rule = {
  id: 'XF-03',
  title: 'Appspec load-balancer container is in the task definition',
  severity: 'error',
  files: ['appspec', 'taskdef'],
  docs: {
    what: '`LoadBalancerInfo.ContainerName` in the appspec is the `name` of a container in the task definition, and `ContainerPort` is one of that container\'s `portMappings[].containerPort`.',
    why: 'CodeDeploy attaches the replacement task set to the target group through that container and port. A name that is not in the task definition fails the deployment with "The container myapp-web does not exist in the task definition"; a port the container does not map fails it too. Both must also equal what the ECS service was created with, which cannot be changed later.',
    bad: [
      { file: 'appspec.yaml', text: 'LoadBalancerInfo:\n  ContainerName: "myapp-web"\n  ContainerPort: 80\n' },
      { file: 'taskdef.json', text: '"containerDefinitions": [\n  { "name": "myapp", "portMappings": [{ "containerPort": 8080 }] }\n]\n' },
    ],
    good: [
      { file: 'appspec.yaml', text: 'LoadBalancerInfo:\n  ContainerName: "myapp"\n  ContainerPort: 8080\n' },
      { file: 'taskdef.json', text: '"containerDefinitions": [\n  { "name": "myapp", "portMappings": [{ "containerPort": 8080 }] }\n]\n' },
    ],
  },
  check({ project, report }) {
    const ctx = contextOf(project);
    for (const appspec of docsOf(project, 'appspec')) {
      for (const ts of targetServices(appspec)) {
        const name = ts.containerName;
        if (name === undefined || !ts.nameNode || templated(name) || /^<.*>$/.test(name)) continue;
        const taskdefs = taskdefsFor(ctx, appspec, ts);
        if (taskdefs.length === 0) continue;
        const all = taskdefs.map((doc) => ({ doc, containers: containersOf(doc) }));
        // Only what is wrong with every task definition it may be deployed with is certain.
        if (all.some((t) => t.containers.length === 0 || t.containers.some((c) => c.name === undefined || templated(c.name)))) continue;
        const holders = all.filter((t) => t.containers.some((c) => c.name === name));
        const label = (doc: (typeof all)[number]['doc']) => pathInProject(project, doc);
        if (holders.length === 0) {
          const t = all[0];
          const names = t.containers.map((c) => c.name!);
          const hint = names.length === 1 ? names[0] : closest(name, names);
          report({
            doc: appspec,
            range: ts.nameNode.range,
            message: `LoadBalancerInfo.ContainerName "${name}" is not a container of ${label(t.doc)} (it has ${list(names)}); CodeDeploy fails with "The container ${name} does not exist in the task definition". ${hint ? `Set ContainerName: "${hint}"` : 'Use the name of the container that serves traffic'}`,
          });
          continue;
        }
        if (ts.port === undefined || !ts.portNode) continue;
        const ports = holders.map((t) => t.containers.find((c) => c.name === name)!.ports);
        if (ports.some((ps) => ps.some((p) => p.port === undefined))) continue;
        if (ports.some((ps) => ps.some((p) => p.port === ts.port))) continue;
        const mapped = [...new Set(ports.flat().map((p) => String(p.port)))];
        report({
          doc: appspec,
          range: ts.portNode.range,
          message: mapped.length === 0
            ? `LoadBalancerInfo.ContainerPort ${ts.port}: container "${name}" in ${label(holders[0].doc)} has no portMappings; add "portMappings": [{ "containerPort": ${ts.port}, "protocol": "tcp" }] to it`
            : `LoadBalancerInfo.ContainerPort ${ts.port} is not a containerPort of "${name}" in ${label(holders[0].doc)} (it maps ${list(mapped, false)}); set ContainerPort: ${mapped[0]}, or map ${ts.port} in the task definition`,
        });
      }
    }
  },
};
