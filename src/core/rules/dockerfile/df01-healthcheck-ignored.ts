import { child } from '../../config/node.js';
import { pathInProject } from '../../model.js';
import type { Rule } from '../rule.js';
import { ecsCommand, effectiveHealthcheck, seconds, type Healthcheck } from './healthcheck.js';
import { analyseStages, chainInstructions, dockerfiles } from './images.js';
import { containersOfImage, type Container } from './taskdef-link.js';

/** The healthCheck object to paste into the container, with the Dockerfile's timings where ECS accepts them. */
function suggestion(hc: Healthcheck): string {
  const parts = [`"command": [${ecsCommand(hc.command).map((c) => JSON.stringify(c)).join(', ')}]`];
  const add = (key: string, value: number | undefined, min: number, max: number) => {
    if (value !== undefined && value >= min && value <= max) parts.push(`"${key}": ${value}`);
  };
  add('interval', seconds(hc.options.get('interval')), 5, 300);
  add('timeout', seconds(hc.options.get('timeout')), 2, 60);
  const retries = hc.options.get('retries');
  add('retries', retries && /^\d+$/.test(retries) ? Number(retries) : undefined, 1, 10);
  add('startPeriod', seconds(hc.options.get('start-period')), 0, 300);
  return `"healthCheck": {${parts.join(', ')}}`;
}

export const df01HealthcheckIgnored: Rule = {
  id: 'DF-01',
  title: 'Dockerfile HEALTHCHECK ignored by ECS',
  severity: 'warning',
  files: ['dockerfile', 'taskdef'],
  docs: {
    what: 'The image has a `HEALTHCHECK`, but the task-definition container that runs it has no `healthCheck`.',
    why: 'ECS does not run the health check baked into an image; it only runs the one in the task definition. Without it the container health stays UNKNOWN, a hung task is never replaced, and during a blue/green deployment only the target-group check guards the traffic shift. Copy the check into the container definition (shell form becomes `CMD-SHELL`).',
    bad: [
      { file: 'Dockerfile', text: 'FROM node:22-alpine\nHEALTHCHECK --interval=30s --timeout=5s CMD wget -qO- http://localhost:8080/health || exit 1\nCMD ["node", "server.js"]\n' },
      { file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "containerDefinitions": [\n    { "name": "myapp", "image": "<IMAGE1_NAME>", "essential": true }\n  ]\n}\n' },
    ],
    good: [
      {
        file: 'taskdef.json',
        text: '{\n  "family": "myapp",\n  "containerDefinitions": [\n    {\n      "name": "myapp",\n      "image": "<IMAGE1_NAME>",\n      "essential": true,\n      "healthCheck": {\n        "command": ["CMD-SHELL", "wget -qO- http://localhost:8080/health || exit 1"],\n        "interval": 30,\n        "timeout": 5\n      }\n    }\n  ]\n}\n',
      },
    ],
  },
  check({ project, report }) {
    const containers = containersOfImage(project);
    if (containers.length === 0) return;
    // A task definition is fine when one of the containers that may run this image has a check.
    const byTaskdef = new Map<string, Container[]>();
    for (const c of containers) byTaskdef.set(c.taskdef.name, [...(byTaskdef.get(c.taskdef.name) ?? []), c]);
    const lacking = [...byTaskdef.values()].filter((cs) => cs.every((c) => !child(c.node, 'healthCheck'))).flat();
    if (lacking.length === 0) return;
    const where = lacking.map((c) => `container "${c.name}" in ${pathInProject(project, c.taskdef)}`).join(', ');
    for (const { doc, df } of dockerfiles(project)) {
      const { chain } = analyseStages(project, doc, df);
      const hc = effectiveHealthcheck(doc, chainInstructions(chain));
      if (!hc || hc.none || !hc.command.trim()) continue;
      report({
        doc,
        range: hc.ins.range,
        message: `ECS ignores the image's HEALTHCHECK and ${where} has no healthCheck, so its health stays UNKNOWN and a hung task is never replaced; add ${suggestion(hc)} to the container definition`,
      });
    }
  },
};
