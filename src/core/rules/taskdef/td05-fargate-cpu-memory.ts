import { child, entry } from '../../config/node.js';
import type { Node } from '../../types.js';
import type { Rule } from '../rule.js';
import { cpusFor, describeMemory, FARGATE_MEMORY, LINUX_ONLY_CPU } from './fargate-sizes.js';
import { fargateRange, isFargate, isWindows, orList, parseCpu, parseMemory, present, scalar, taskDefs, templated } from './util.js';

const CPUS = [...FARGATE_MEMORY.keys()];

export const td05FargateCpuMemory: Rule = {
  id: 'TD-05',
  title: 'Fargate cpu/memory pair',
  severity: 'error',
  files: ['taskdef'],
  docs: {
    what: 'A Fargate task definition sets task-level `cpu` and `memory`, and the pair is one Fargate offers: cpu `256` takes memory `512`, `1024` or `2048`; `512` takes `1024` to `4096`; `1024` takes `2048` to `8192`; `2048` takes `4096` to `16384` and `4096` takes `8192` to `30720` (steps of 1024); `8192` takes `16384` to `61440` (steps of 4096) and `16384` takes `32768` to `122880` (steps of 8192). `"1 vCPU"` and `"2 GB"` are accepted spellings. Windows tasks need at least 1024 cpu, and the 8192 and 16384 sizes are Linux only.',
    why: 'ECS rejects any other combination with `ClientException: … Invalid \'cpu\' setting for task` (or "No Fargate configuration exists for given values"), and a Fargate task without task-level cpu or memory cannot be registered at all.',
    bad: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "requiresCompatibilities": ["FARGATE"],\n  "networkMode": "awsvpc",\n  "cpu": "256",\n  "memory": "4096",\n  "containerDefinitions": [{ "name": "myapp", "image": "<IMAGE1_NAME>" }]\n}\n' }],
    good: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "requiresCompatibilities": ["FARGATE"],\n  "networkMode": "awsvpc",\n  "cpu": "512",\n  "memory": "4096",\n  "containerDefinitions": [{ "name": "myapp", "image": "<IMAGE1_NAME>" }]\n}\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      if (!isFargate(root)) continue;
      const cpuNode = child(root, 'cpu');
      const memNode = child(root, 'memory');
      const windows = isWindows(root);
      const missing = [present(cpuNode) ? '' : 'cpu', present(memNode) ? '' : 'memory'].filter(Boolean);
      if (missing.length > 0) {
        const example = missing.length === 2 ? '"cpu": "256", "memory": "512"' : missing[0] === 'cpu' ? '"cpu": "256"' : '"memory": "512"';
        const range = entry(root, missing[0])?.keyRange ?? fargateRange(root);
        report({ doc, range, message: `Fargate requires task-level ${missing.join(' and ')}; add ${example} (or another Fargate size)` });
        continue;
      }
      const cpu = parseCpu(cpuNode);
      const memory = parseMemory(memNode);
      if (cpu === undefined) {
        if (unreadable(cpuNode!)) report({ doc, range: cpuNode!.range, message: `Fargate cpu ${scalar(cpuNode!)} is not a cpu value; use ${orList(CPUS)} (units of 1/1024 vCPU) or a form such as "1 vCPU"` });
        continue;
      }
      if (!FARGATE_MEMORY.has(cpu)) {
        const fits = memory === undefined ? [] : cpusFor(memory, windows);
        report({ doc, range: cpuNode!.range, message: `Fargate has no cpu size ${cpu}; use ${orList(windows ? CPUS.filter((c) => c >= 1024 && !LINUX_ONLY_CPU.includes(c)) : CPUS)}${fits.length ? ` (memory ${memory} works with cpu ${orList(fits)})` : ''}` });
        continue;
      }
      if (windows && cpu < 1024) {
        report({ doc, range: cpuNode!.range, message: `Windows tasks on Fargate need at least 1 vCPU; cpu ${cpu} is too small, use "1024", "2048" or "4096"` });
        continue;
      }
      if (windows && LINUX_ONLY_CPU.includes(cpu)) {
        report({ doc, range: cpuNode!.range, message: `cpu ${cpu} is only offered for Linux tasks on Fargate; Windows tasks can use "1024", "2048" or "4096"` });
        continue;
      }
      if (memory === undefined) {
        if (unreadable(memNode!)) report({ doc, range: memNode!.range, message: `Fargate memory ${scalar(memNode!)} is not a memory value; with cpu "${cpu}" use memory ${describeMemory(cpu)} (MiB, or a form such as "2 GB")` });
        continue;
      }
      if (FARGATE_MEMORY.get(cpu)!.includes(memory)) continue;
      const fits = cpusFor(memory, windows);
      report({
        doc,
        range: memNode!.range,
        message: `Fargate does not accept cpu ${shown(cpuNode!, cpu)} with memory ${shown(memNode!, memory)}; with cpu "${cpu}" use memory ${describeMemory(cpu)}${fits.length ? `, or keep memory ${memory} and set cpu to ${orList(fits)}` : ''}`,
      });
    }
  },
};

/** A string or number we could not read; other types are TD-03's and templates are filled in later. */
function unreadable(node: Node): boolean {
  return (node.type === 'string' || node.type === 'number') && !templated(String(node.value));
}

/** The value as written, with its meaning when the spelling differs (`"1 GB" (1024)`). */
function shown(node: Node, value: number): string {
  return String(node.value).trim() === String(value) ? String(value) : `${scalar(node)} (${value})`;
}
