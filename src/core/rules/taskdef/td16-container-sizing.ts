import { child, entry, num } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { containers, isFargate, label, parseCpu, parseMemory, present, taskDefs } from './util.js';

export const td16ContainerSizing: Rule = {
  id: 'TD-16',
  title: 'Container cpu and memory fit the task',
  severity: 'error',
  files: ['taskdef'],
  docs: {
    what: 'Container sizes agree with each other and with the task: a container\'s `memory` (hard limit) is not below its `memoryReservation` (soft limit); the containers\' `cpu` values add up to no more than the task `cpu`, and their reserved memory (`memoryReservation`, else `memory`) to no more than the task `memory`, when those are set. Without a task-level `memory` (possible outside Fargate), every container sets `memory` or `memoryReservation`.',
    why: 'RegisterTaskDefinition enforces these constraints, so the CodeDeployToECS action fails before deploying. It is easy to get wrong when a task grows a sidecar or the task size is lowered.',
    bad: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "cpu": "256",\n  "memory": "512",\n  "containerDefinitions": [\n    { "name": "myapp", "image": "<IMAGE1_NAME>", "cpu": 256, "memoryReservation": 512 },\n    { "name": "xray-daemon", "image": "public.ecr.aws/xray/aws-xray-daemon:3.x", "cpu": 32, "memoryReservation": 256 }\n  ]\n}\n' }],
    good: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "cpu": "256",\n  "memory": "512",\n  "containerDefinitions": [\n    { "name": "myapp", "image": "<IMAGE1_NAME>", "cpu": 224, "memoryReservation": 384 },\n    { "name": "xray-daemon", "image": "public.ecr.aws/xray/aws-xray-daemon:3.x", "cpu": 32, "memoryReservation": 128 }\n  ]\n}\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      const list = containers(root);
      if (list.length === 0) continue;
      const taskCpu = parseCpu(child(root, 'cpu'));
      const taskMemory = parseMemory(child(root, 'memory'));

      for (const c of list) {
        const hard = num(child(c.node, 'memory'));
        const soft = num(child(c.node, 'memoryReservation'));
        if (hard !== undefined && soft !== undefined && hard < soft) {
          report({ doc, range: entry(c.node, 'memoryReservation')!.value.range, message: `container ${label(c)} reserves ${soft} MiB (memoryReservation) but is limited to ${hard} MiB (memory); the hard limit must be above the reservation: lower memoryReservation or raise memory` });
        }
      }

      const cpus = list.map((c) => ({ c, v: num(child(c.node, 'cpu')) }));
      const cpuSum = cpus.reduce((s, x) => s + (x.v ?? 0), 0);
      if (taskCpu !== undefined && cpuSum > taskCpu) {
        const last = [...cpus].reverse().find((x) => (x.v ?? 0) > 0)!;
        report({ doc, range: entry(last.c.node, 'cpu')!.value.range, message: `the containers ask for ${cpuSum} cpu units in all (${cpus.filter((x) => x.v).map((x) => `${label(x.c)} ${x.v}`).join(', ')}), more than the task's ${taskCpu}; lower the container cpu values or raise the task cpu` });
      }

      const reserved = list.map((c) => {
        const soft = entry(c.node, 'memoryReservation');
        const hard = entry(c.node, 'memory');
        const use = num(soft?.value) !== undefined ? soft : num(hard?.value) !== undefined ? hard : undefined;
        return { c, entry: use, v: use ? num(use.value)! : undefined };
      });
      const memSum = reserved.reduce((s, x) => s + (x.v ?? 0), 0);
      if (taskMemory !== undefined && memSum > taskMemory) {
        const last = [...reserved].reverse().find((x) => (x.v ?? 0) > 0)!;
        report({ doc, range: last.entry!.value.range, message: `the containers reserve ${memSum} MiB in all (${reserved.filter((x) => x.v).map((x) => `${label(x.c)} ${x.v}`).join(', ')}), more than the task's ${taskMemory} MiB; lower the container memory or memoryReservation, or raise the task memory` });
      }

      // Fargate without task memory is TD-05's finding.
      if (!present(child(root, 'memory')) && !isFargate(root)) {
        for (const c of list) {
          if (present(child(c.node, 'memory')) || present(child(c.node, 'memoryReservation'))) continue;
          const at = entry(c.node, 'name')?.value.range ?? c.node.range;
          report({ doc, range: at, message: `container ${label(c)} sets neither memory nor memoryReservation, and the task has no task-level memory; add "memoryReservation": 512 (MiB) to the container, or a task-level "memory"` });
        }
      }
    }
  },
};
