import { docsOf } from '../../model.js';
import { enumMessage, nullMessage, typeMessage } from '../../shapes/messages.js';
import { ecs, readByCodeDeployToEcs, taskdefProblems } from '../../shapes/targets.js';
import type { WrongType } from '../../shapes/validate.js';
import type { Rule } from '../rule.js';

/** TD-03: JSON types and enum values of the task definition, from the ECS API model. */
export const td03TypesEnums: Rule = {
  id: 'TD-03',
  title: 'Task definition value of the wrong type',
  severity: 'error',
  files: ['taskdef'],
  docs: {
    what:
      'Each value has the JSON type the ECS API model gives it, and enumerated values are spelt exactly as the API lists them. ' +
      'Task-level `cpu` and `memory` are strings (`"256"`), while container `cpu`, `memory`, `memoryReservation` and the ports are numbers; `essential` and `readonlyRootFilesystem` are `true` or `false`. ' +
      'Enums include `networkMode` (awsvpc, bridge, host, none), `requiresCompatibilities` (FARGATE, EC2, EXTERNAL, MANAGED_INSTANCES), `logDriver`, `protocol` (tcp, udp), `appProtocol`, `dependsOn[].condition` and `runtimePlatform`. ' +
      'Values that are still template variables (`${NETWORK_MODE}`, `<IMAGE1_NAME>`) are not compared with the enums.',
    why:
      'The AWS CLI rejects the file before it reaches ECS: `Invalid type for parameter containerDefinitions[0].portMappings[0].containerPort, value: 8080, type: <class \'str\'>, valid types: <class \'int\'>`. ' +
      'ECS rejects unknown enum values, for example "Valid values for portMapping protocol are tcp and udp".',
    bad: [
      {
        file: 'taskdef.json',
        text: '{\n  "family": "myapp",\n  "networkMode": "AWSVPC",\n  "cpu": 256,\n  "memory": "512",\n  "containerDefinitions": [\n    {\n      "name": "myapp",\n      "image": "<IMAGE1_NAME>",\n      "essential": "true",\n      "portMappings": [{ "containerPort": "8080", "protocol": "TCP" }]\n    }\n  ]\n}\n',
      },
    ],
    good: [
      {
        file: 'taskdef.json',
        text: '{\n  "family": "myapp",\n  "networkMode": "awsvpc",\n  "cpu": "256",\n  "memory": "512",\n  "containerDefinitions": [\n    {\n      "name": "myapp",\n      "image": "<IMAGE1_NAME>",\n      "essential": true,\n      "portMappings": [{ "containerPort": 8080, "protocol": "tcp" }]\n    }\n  ]\n}\n',
      },
    ],
  },
  check({ project, report }) {
    for (const doc of docsOf(project, 'taskdef')) {
      const { target, problems } = taskdefProblems(doc);
      if (!target) continue;
      const nulls: WrongType[] = [];
      for (const p of problems) {
        if (p.kind === 'type' && p.node.type === 'null') nulls.push(p);
        else if (p.kind === 'type') report({ doc, range: p.node.range, message: typeMessage(doc.root, p, ecs) });
        else if (p.kind === 'enum' && p.path[p.path.length - 1] === 'networkMode' && p.node.value === 'default') {
          // Older ECS docs listed "default" for Windows; the current model does not, and leaving the key out means the same.
          report({ doc, range: p.node.range, message: 'networkMode "default" is not one of the API\'s values ("awsvpc", "bridge", "host", "none"); to get the default network mode, leave networkMode out', severity: 'warning' });
        } else if (p.kind === 'enum') report({ doc, range: p.node.range, message: enumMessage(doc.root, p) });
      }
      if (nulls.length > 0) {
        // Old console exports set every unused key to null: one finding, not thirty.
        report({ doc, range: nulls[0].node.range, message: nullMessage(doc.root, nulls, ecs), severity: readByCodeDeployToEcs(project, doc, target) ? 'warning' : undefined });
      }
    }
  },
};
