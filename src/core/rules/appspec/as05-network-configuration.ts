import { child, entry, str } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { APPSPEC_EXAMPLE, ecsAppspecs, properties, templated } from './util.js';

const AWSVPC_KEYS = ['Subnets', 'SecurityGroups', 'AssignPublicIp'];
const ASSIGN = ['ENABLED', 'DISABLED'];

/** AS-05: NetworkConfiguration gives all of its three settings, or none. */
export const as05NetworkConfiguration: Rule = {
  id: 'AS-05',
  title: 'AppSpec NetworkConfiguration incomplete',
  severity: 'error',
  files: ['appspec'],
  docs: {
    what:
      'If `NetworkConfiguration` is given, it holds `AwsvpcConfiguration` with all three of `Subnets` (a list), `SecurityGroups` (a list) and `AssignPublicIp` (`ENABLED` or `DISABLED`). ' +
      'Leave the whole block out to keep the service\'s own network settings.',
    why: 'CodeDeploy requires all or none of the settings under NetworkConfiguration; a partial block fails the deployment instead of falling back to the service\'s values.',
    bad: [{ file: 'appspec.yaml', text: APPSPEC_EXAMPLE + '        NetworkConfiguration:\n          AwsvpcConfiguration:\n            Subnets: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]\n            AssignPublicIp: "yes"\n' }],
    good: [{ file: 'appspec.yaml', text: APPSPEC_EXAMPLE + '        NetworkConfiguration:\n          AwsvpcConfiguration:\n            Subnets: ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]\n            SecurityGroups: ["sg-0a1b2c3d4e5f6a7b8"]\n            AssignPublicIp: "DISABLED"\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of ecsAppspecs(project)) {
      const network = entry(properties(root), 'NetworkConfiguration');
      if (!network || network.value.type === 'null') continue;
      const awsvpc = entry(network.value, 'AwsvpcConfiguration');
      if (!awsvpc) {
        report({ doc, range: network.keyRange, message: 'NetworkConfiguration has no AwsvpcConfiguration; put Subnets, SecurityGroups and AssignPublicIp under "AwsvpcConfiguration:", or remove NetworkConfiguration' });
        continue;
      }
      const config = awsvpc.value;
      if (config.type !== 'object') {
        report({ doc, range: awsvpc.keyRange, message: 'AwsvpcConfiguration must be a map of Subnets, SecurityGroups and AssignPublicIp' });
        continue;
      }
      const missing = AWSVPC_KEYS.filter((k) => !entry(config, k));
      if (missing.length > 0 && missing.length < AWSVPC_KEYS.length) {
        report({ doc, range: awsvpc.keyRange, message: `AwsvpcConfiguration has no ${missing.join(' or ')}; give all of Subnets, SecurityGroups and AssignPublicIp, or remove NetworkConfiguration to keep the service's settings` });
      } else if (missing.length === AWSVPC_KEYS.length) {
        report({ doc, range: awsvpc.keyRange, message: 'AwsvpcConfiguration is empty; give Subnets, SecurityGroups and AssignPublicIp, or remove NetworkConfiguration' });
      }
      for (const key of ['Subnets', 'SecurityGroups']) {
        const v = child(config, key);
        if (v && v.type !== 'array' && !(v.type === 'string' && templated(v.value as string))) {
          report({ doc, range: v.range, message: `${key} must be a list, e.g. ${key}: [${key === 'Subnets' ? '"subnet-0a1b2c3d", "subnet-4e5f6a7b"' : '"sg-0a1b2c3d4e5f6a7b8"'}]` });
        }
      }
      const assign = child(config, 'AssignPublicIp');
      const value = str(assign);
      if (assign && !(value !== undefined && (ASSIGN.includes(value) || templated(value)))) {
        report({ doc, range: assign.range, message: `AssignPublicIp ${JSON.stringify(value ?? assign.source ?? assign.value ?? null)} is not valid; write "ENABLED" or "DISABLED"` });
      }
    }
  },
};
