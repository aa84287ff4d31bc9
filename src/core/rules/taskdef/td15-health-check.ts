import { child, entry, items, num, str } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { taskdefExample } from './examples.js';
import { containers, label, taskDefs, templated } from './util.js';

const LIMITS: Array<[key: string, min: number, max: number, unit: string]> = [
  ['interval', 5, 300, 'seconds'],
  ['timeout', 2, 60, 'seconds'],
  ['retries', 1, 10, 'tries'],
  ['startPeriod', 0, 300, 'seconds'],
];

export const td15HealthCheck: Rule = {
  id: 'TD-15',
  title: 'Container health check',
  severity: 'error',
  files: ['taskdef'],
  docs: {
    what: 'A container `healthCheck.command` is a list whose first item is `CMD` (run the program directly) or `CMD-SHELL` (run the rest in the container\'s shell), followed by the command. `interval` is 5 to 300 seconds, `timeout` 2 to 60, `retries` 1 to 10 and `startPeriod` 0 to 300.',
    why: 'RegisterTaskDefinition rejects values outside these ranges. A command that does not start with CMD or CMD-SHELL (for example the whole `CMD-SHELL curl …` in one string) cannot run, so the container never becomes healthy and ECS replaces the task over and over.',
    bad: [{ file: 'taskdef.json', text: taskdefExample({ container: ['"healthCheck": {\n  "command": ["CMD-SHELL curl -f http://localhost:8080/health || exit 1"],\n  "interval": 3,\n  "retries": 0\n}'] }) }],
    good: [{ file: 'taskdef.json', text: taskdefExample({ container: ['"healthCheck": {\n  "command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"],\n  "interval": 30,\n  "timeout": 5,\n  "retries": 3,\n  "startPeriod": 10\n}'] }) }],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      for (const c of containers(root)) {
        const hc = child(c.node, 'healthCheck');
        if (hc?.type !== 'object') continue;
        const of = `container ${label(c)}`;
        const command = child(hc, 'command');
        if (command?.type === 'array') {
          const list = items(command);
          const first = str(list[0]);
          if (list.length === 0) {
            report({ doc, range: command.range, message: `the health check of ${of} has an empty command; write ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"] or remove healthCheck` });
          } else if (first !== undefined && !templated(first) && first !== 'CMD' && first !== 'CMD-SHELL') {
            const split = /^(CMD-SHELL|CMD)\s+(.+)$/s.exec(first);
            const fix = split
              ? `split it: ["${split[1]}", ${JSON.stringify(split[2])}]`
              : `start it with "CMD-SHELL" to run it in a shell: ["CMD-SHELL", ${JSON.stringify(list.map((n) => str(n) ?? '').join(' '))}]`;
            report({ doc, range: list[0].range, message: `the health check command of ${of} must start with "CMD" or "CMD-SHELL"; ${fix}` });
          } else if ((first === 'CMD' || first === 'CMD-SHELL') && list.length === 1) {
            report({ doc, range: command.range, message: `the health check of ${of} has "${first}" but no command after it; add the command, e.g. ["${first}", ${first === 'CMD' ? '"/bin/healthcheck"' : '"curl -f http://localhost:8080/health || exit 1"'}]` });
          }
        }
        for (const [key, min, max, unit] of LIMITS) {
          const node = child(hc, key);
          const v = num(node);
          if (v === undefined || (v >= min && v <= max && Number.isInteger(v))) continue;
          report({ doc, range: entry(hc, key)!.value.range, message: `healthCheck.${key} of ${of} is ${v}; it must be a whole number from ${min} to ${max} ${unit}` });
        }
      }
    }
  },
};
