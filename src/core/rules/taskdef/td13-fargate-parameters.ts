import { bool, child, entry, items, str } from '../../config/node.js';
import type { Entry } from '../../types.js';
import type { Rule } from '../rule.js';
import { containers, isFargate, isWindows, label, nonEmpty, taskDefs } from './util.js';

/** Container parameters Fargate rejects whenever they hold something. */
const CONTAINER_KEYS = ['dnsSearchDomains', 'dnsServers', 'dockerSecurityOptions', 'extraHosts', 'links'];
/** Booleans Fargate rejects only when switched on. */
const CONTAINER_FLAGS = ['disableNetworking', 'privileged'];
const LINUX_KEYS = ['devices', 'sharedMemorySize', 'tmpfs', 'maxSwap', 'swappiness'];
const PTRACE = ['SYS_PTRACE', 'CAP_SYS_PTRACE'];

export const td13FargateParameters: Rule = {
  id: 'TD-13',
  title: 'Parameters Fargate does not accept',
  severity: 'error',
  files: ['taskdef'],
  docs: {
    what: 'A Fargate task definition does not use parameters that need control of the host: `ipcMode`, `placementConstraints`, `pidMode: "host"`, volumes with `dockerVolumeConfiguration`, or, in a container, `links`, `dnsServers`, `dnsSearchDomains`, `extraHosts`, `dockerSecurityOptions`, a GPU in `resourceRequirements`, `"privileged": true`, `"disableNetworking": true`, and `linuxParameters` `devices`, `sharedMemorySize`, `tmpfs`, `maxSwap`, `swappiness` or a `capabilities.add` other than `SYS_PTRACE`. Windows tasks on Fargate cannot use `pidMode` or `systemControls` at all. Empty lists and `null` (as in exported task definitions) are fine. Each parameter is reported at its key.',
    why: 'ECS rejects the registration: these parameters are listed as not valid for Fargate tasks. Linux tasks on platform 1.4.0 accept `pidMode: "task"` and `systemControls`, so those are not reported.',
    bad: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "requiresCompatibilities": ["FARGATE"],\n  "networkMode": "awsvpc",\n  "cpu": "256",\n  "memory": "512",\n  "containerDefinitions": [\n    { "name": "myapp", "image": "<IMAGE1_NAME>", "privileged": true, "dnsServers": ["10.0.0.2"] }\n  ]\n}\n' }],
    good: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "requiresCompatibilities": ["FARGATE"],\n  "networkMode": "awsvpc",\n  "cpu": "256",\n  "memory": "512",\n  "containerDefinitions": [\n    { "name": "myapp", "image": "<IMAGE1_NAME>", "linuxParameters": { "initProcessEnabled": true } }\n  ]\n}\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      if (!isFargate(root)) continue;
      const windows = isWindows(root);
      const flag = (e: Entry | undefined, what: string, fix = 'remove it') => {
        if (e) report({ doc, range: e.keyRange, message: `Fargate does not support ${what}; ${fix}` });
      };
      const task = (key: string) => (nonEmpty(child(root, key)) ? entry(root, key) : undefined);

      flag(task('ipcMode'), '"ipcMode" (tasks cannot share the host\'s IPC namespace)');
      flag(task('placementConstraints'), '"placementConstraints" (Fargate chooses where tasks run)', 'remove them');
      const pid = str(child(root, 'pidMode'));
      if (windows) flag(task('pidMode'), '"pidMode" for Windows tasks');
      else if (pid === 'host') flag(entry(root, 'pidMode'), '"pidMode": "host"', 'use "task" to share processes between the task\'s containers, or remove it');
      for (const v of items(child(root, 'volumes'))) {
        const name = str(child(v, 'name'));
        if (nonEmpty(child(v, 'dockerVolumeConfiguration'))) flag(entry(v, 'dockerVolumeConfiguration'), `Docker volumes${name ? ` (volume "${name}")` : ''}`, 'use a bind mount (a volume with only a name) or an "efsVolumeConfiguration"');
      }

      for (const c of containers(root)) {
        const of = ` (container ${label(c)})`;
        for (const key of CONTAINER_KEYS) if (nonEmpty(child(c.node, key))) flag(entry(c.node, key), `"${key}"${of}`, key === 'links' ? 'remove it: containers of one task reach each other on localhost' : 'remove it');
        for (const key of CONTAINER_FLAGS) if (bool(child(c.node, key)) === true) flag(entry(c.node, key), `"${key}": true${of}`);
        if (windows && nonEmpty(child(c.node, 'systemControls'))) flag(entry(c.node, 'systemControls'), `"systemControls" for Windows tasks${of}`);
        for (const r of items(child(c.node, 'resourceRequirements'))) {
          if (str(child(r, 'type')) === 'GPU') flag(entry(r, 'type'), `GPUs${of}`, 'run the task on EC2 GPU instances instead');
        }
        const linux = child(c.node, 'linuxParameters');
        for (const key of LINUX_KEYS) if (nonEmpty(child(linux, key))) flag(entry(linux, key), `linuxParameters "${key}"${of}`);
        const add = child(child(linux, 'capabilities'), 'add');
        for (const cap of items(add)) {
          const name = str(cap);
          if (name !== undefined && !PTRACE.includes(name)) report({ doc, range: cap.range, message: `Fargate only lets a container add the SYS_PTRACE capability, not "${name}"${of}; remove it` });
        }
      }
    }
  },
};
