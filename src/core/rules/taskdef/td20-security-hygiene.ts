import { bool, child, entry, items, str } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { taskdefExample } from './examples.js';
import { containers, isFargate, isWindows, label, taskDefs, templated } from './util.js';

/** Name parts that say the value is a credential. */
const SECRET_WORD = /(^|_)(PASSWORD|PASSWD|PASS|PWD|SECRET|SECRETS|TOKEN|APIKEY|API_KEY|PRIVATE_KEY|ACCESS_KEY|SECRET_KEY|AUTH_KEY|CREDENTIALS?|CLIENT_SECRET|SIGNING_KEY|ENCRYPTION_KEY)(_|$)/;
/** Suffixes that name where a secret is, or something about it, not the secret itself. */
const NOT_A_VALUE = /_(ARN|ARNS|NAME|ID|IDS|PATH|FILE|URL|URI|ENDPOINT|REGION|HEADER|TYPE|TTL|EXPIRY|EXPIRES|EXPIRATION|LENGTH|ENABLED|PARAM|PARAMETER|KEY_ID|PREFIX|VERSION|HOST|PORT)$/;

function secretLike(name: string, value: string | undefined): boolean {
  const n = name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  if (!SECRET_WORD.test(n) || NOT_A_VALUE.test(n)) return false;
  if (value === undefined || value.trim() === '' || /^(true|false|yes|no|none|null|0|1)$/i.test(value)) return false;
  // A reference such as arn:aws:secretsmanager:… is where the secret is, not the secret.
  return !/^arn:/.test(value);
}

export const td20SecurityHygiene: Rule = {
  id: 'TD-20',
  title: 'Task security hygiene',
  severity: 'notice',
  files: ['taskdef'],
  docs: {
    what: 'Good practice, reported once per container (or task) per issue: containers set `"readonlyRootFilesystem": true` (Linux), are not `privileged`, and pass credentials through `secrets` rather than plaintext `environment` values with names like `DB_PASSWORD` or `API_TOKEN`; the task does not use `"pidMode": "host"`, and its `taskRoleArn` (what the application may do) is a different role from its `executionRoleArn` (what ECS may do to start it).',
    why: 'A writable root filesystem and a privileged container make a compromise easier to persist and escalate; environment values are visible to anyone who can describe the task definition; one role for both purposes gives the application the right to pull every image and read every secret the task needs at start-up. The task runs either way; these are hardening steps.',
    bad: [{ file: 'taskdef.json', text: taskdefExample({ container: ['"environment": [{ "name": "DB_PASSWORD", "value": "hunter2" }]'] }) }],
    good: [
      {
        file: 'taskdef.json',
        text: taskdefExample({
          task: ['"taskRoleArn": "arn:aws:iam::123456789012:role/myappTaskRole"'],
          container: ['"readonlyRootFilesystem": true', '"secrets": [{ "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:myapp/db-AbCdEf" }]'],
        }),
      },
    ],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      const fargate = isFargate(root);
      const windows = isWindows(root);
      const exec = str(child(root, 'executionRoleArn'));
      const taskRole = child(root, 'taskRoleArn');
      if (exec && !templated(exec) && str(taskRole) === exec) {
        report({ doc, range: taskRole!.range, message: 'taskRoleArn is the same role as executionRoleArn, so the application gets every permission ECS needs to start it (image pulls, secrets, logs); give the task its own role with only what the application uses' });
      }
      // On Fargate these are errors of TD-13.
      if (!fargate && str(child(root, 'pidMode')) === 'host') {
        report({ doc, range: child(root, 'pidMode')!.range, message: '"pidMode": "host" lets the containers see and signal every process on the instance; remove it, or use "task" to share processes only within the task' });
      }
      for (const c of containers(root)) {
        const of = `container ${label(c)}`;
        if (!fargate && bool(child(c.node, 'privileged')) === true) {
          report({ doc, range: child(c.node, 'privileged')!.range, message: `${of} runs privileged, with root access to the host; remove "privileged": true and add only the linuxParameters capabilities it needs` });
        }
        if (!windows && bool(child(c.node, 'readonlyRootFilesystem')) !== true) {
          const at = entry(c.node, 'readonlyRootFilesystem')?.value.range ?? entry(c.node, 'name')?.value.range ?? c.node.range;
          report({ doc, range: at, message: `${of} can write to its root filesystem; set "readonlyRootFilesystem": true and mount a volume for the paths it writes (such as /tmp)` });
        }
        const leaked = items(child(c.node, 'environment')).filter((e) => {
          const name = str(child(e, 'name'));
          return name !== undefined && secretLike(name, str(child(e, 'value')));
        });
        if (leaked.length > 0) {
          const names = leaked.map((e) => str(child(e, 'name'))!);
          report({
            doc,
            range: child(leaked[0], 'name')!.range,
            message: `${of} has ${names.map((n) => `"${n}"`).join(', ')} in plaintext environment; move ${names.length > 1 ? 'them' : 'it'} to "secrets" with a valueFrom in Secrets Manager or Parameter Store`,
          });
        }
      }
    }
  },
};
