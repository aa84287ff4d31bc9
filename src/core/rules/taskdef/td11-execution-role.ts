import { child, entry, str } from '../../config/node.js';
import type { Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { containers, isFargate, label, nonEmpty, present, taskDefs } from './util.js';

const ECR = /^\d{12}\.dkr\.ecr(-fips)?\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\//;
/** `<IMAGE1_NAME>`: CodeDeployToECS fills it in from imageDetail.json, which an ECR source or push produces. */
const PLACEHOLDER = /^<[^<>\s]+>$/;

interface Need {
  range: Range;
  because: string;
}

export const td11ExecutionRole: Rule = {
  id: 'TD-11',
  title: 'Execution role where ECS needs one',
  severity: 'error',
  files: ['taskdef'],
  docs: {
    what: 'The task definition sets `executionRoleArn` when ECS has to act for the task: on Fargate to send logs with `awslogs` or to pull an image from Amazon ECR (including a `<IMAGE1_NAME>` placeholder, which CodeDeployToECS fills in with an ECR image), and on any launch type to read container `secrets` or `logConfiguration.secretOptions`, or to use `repositoryCredentials`.',
    why: 'Registration fails with a ClientException such as "Fargate requires task definition to have execution role ARN to support log driver awslogs", "… to support ECR images", "When you are specifying container secrets, you must also specify a value for \'executionRoleArn\'" or "Private repository authentication requires that the task definition specify a value for executionRoleArn".',
    bad: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "requiresCompatibilities": ["FARGATE"],\n  "networkMode": "awsvpc",\n  "cpu": "256",\n  "memory": "512",\n  "containerDefinitions": [{ "name": "myapp", "image": "<IMAGE1_NAME>" }]\n}\n' }],
    good: [{ file: 'taskdef.json', text: '{\n  "family": "myapp",\n  "requiresCompatibilities": ["FARGATE"],\n  "networkMode": "awsvpc",\n  "cpu": "256",\n  "memory": "512",\n  "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",\n  "containerDefinitions": [{ "name": "myapp", "image": "<IMAGE1_NAME>" }]\n}\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      const role = child(root, 'executionRoleArn');
      if (present(role) && (role.type !== 'string' || role.value !== '')) continue;
      const fargate = isFargate(root);
      const needs: Need[] = [];
      const add = (range: Range, because: string) => {
        if (!needs.some((n) => n.because === because)) needs.push({ range, because });
      };
      for (const c of containers(root)) {
        const log = child(c.node, 'logConfiguration');
        const driver = child(log, 'logDriver');
        const image = str(child(c.node, 'image'))?.trim();
        if (fargate && image !== undefined && (ECR.test(image) || PLACEHOLDER.test(image))) {
          add(child(c.node, 'image')!.range, `to pull ${PLACEHOLDER.test(image) ? `the ECR image that replaces ${image}` : 'an ECR image'} on Fargate`);
        }
        if (fargate && str(driver) === 'awslogs') add(driver!.range, 'to send logs with awslogs on Fargate');
        if (nonEmpty(child(c.node, 'secrets'))) add(entry(c.node, 'secrets')!.keyRange, 'to read container secrets');
        if (nonEmpty(child(log, 'secretOptions'))) add(entry(log, 'secretOptions')!.keyRange, 'to read the log driver\'s secretOptions');
        if (nonEmpty(child(c.node, 'repositoryCredentials'))) add(entry(c.node, 'repositoryCredentials')!.keyRange, 'to read repositoryCredentials for a private registry');
      }
      if (needs.length === 0) continue;
      const reasons = needs.map((n) => n.because).join(' and ');
      report({
        doc,
        range: present(role) ? role.range : needs[0].range,
        message: `the task definition has no executionRoleArn, which ECS needs ${reasons}; add "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole" (a role with AmazonECSTaskExecutionRolePolicy)`,
      });
    }
  },
};
