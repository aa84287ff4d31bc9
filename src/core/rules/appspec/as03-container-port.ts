import { child } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { APPSPEC_EXAMPLE, ecsAppspecs, isJson, properties, templated } from './util.js';

/** AS-03: ContainerPort is a number, the one property that is not a string. */
export const as03ContainerPort: Rule = {
  id: 'AS-03',
  title: 'AppSpec ContainerPort is not a number',
  severity: 'error',
  files: ['appspec'],
  docs: {
    what:
      '`LoadBalancerInfo.ContainerPort` is a plain number from 1 to 65535: `ContainerPort: 8080`, not `ContainerPort: "8080"` (in appspec.json, `"ContainerPort": 8080`). ' +
      'A quoted variable such as `"${CONTAINER_PORT}"` is reported too, because the quotes are still there after the variable is filled in.',
    why: 'The AppSpec reference gives every ECS property as a string except ContainerPort, which is a number. A quoted port is a string, which that reference does not allow for the port the load balancer sends traffic to; write it the way the reference and the AWS tutorials do.',
    bad: [{ file: 'appspec.yaml', text: APPSPEC_EXAMPLE.replace('ContainerPort: 8080', 'ContainerPort: "8080"') }],
    good: [{ file: 'appspec.yaml', text: APPSPEC_EXAMPLE }],
  },
  check({ project, report }) {
    for (const { doc, root } of ecsAppspecs(project)) {
      const port = child(child(properties(root), 'LoadBalancerInfo'), 'ContainerPort');
      if (!port) continue;
      if (port.type === 'number') {
        const n = port.value as number;
        if (!Number.isInteger(n) || n < 1 || n > 65535) report({ doc, range: port.range, message: `ContainerPort ${port.source ?? n} is not a port; give the containerPort of the task definition, a whole number from 1 to 65535` });
        continue;
      }
      if (port.type !== 'string') {
        report({ doc, range: port.range, message: `ContainerPort must be a number such as 8080, not ${port.type === 'null' ? 'empty' : `a ${port.type === 'array' ? 'list' : port.type}`}` });
        continue;
      }
      const text = (port.value as string).trim();
      const quoted = isJson(doc) || port.quoted === true;
      if (!quoted && templated(text)) continue;
      const fix = isJson(doc) ? `"ContainerPort": ${/^\d+$/.test(text) ? text : '8080'}` : `ContainerPort: ${/^\d+$/.test(text) ? text : '8080'}`;
      if (/^\d+$/.test(text)) report({ doc, range: port.range, message: `ContainerPort is the string "${text}"; CodeDeploy wants a number: remove the quotes and write ${fix}` });
      else if (templated(text)) report({ doc, range: port.range, message: `ContainerPort "${text}" is quoted, so it stays a string after the variable is filled in; CodeDeploy wants a number: remove the quotes` });
      else report({ doc, range: port.range, message: `ContainerPort "${text}" is not a number; give the container's port, e.g. ${fix}` });
    }
  },
};
