import { child, items, str } from '../../config/node.js';
import type { Node } from '../../types.js';
import type { Rule } from '../rule.js';
import { taskdefExample } from './examples.js';
import { containers, label, taskDefs, templated } from './util.js';

const ARN_HEAD = /^arn:aws[a-z-]*:([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.*)$/;
/** An SSM parameter name: letters, digits and `_.-/`, fully qualified (leading `/`) as soon as it has a `/`. */
const SSM_NAME = /^(\/[A-Za-z0-9_.-]+)+$|^[A-Za-z0-9_.-]+$/;

/** What is wrong with a valueFrom, or undefined when ECS can resolve it. */
function problem(v: string): string | undefined {
  const arn = ARN_HEAD.exec(v);
  if (arn) {
    const [, service, region, account, resource] = arn;
    if (service !== 'ssm' && service !== 'secretsmanager') return `"${v}" is an ARN of ${service}, but secrets come from Systems Manager Parameter Store (arn:aws:ssm:…:parameter/…) or Secrets Manager (arn:aws:secretsmanager:…:secret:…)`;
    if (!region || !account) return `"${v}" lacks the Region or the account; write the full ARN, e.g. arn:aws:${service}:us-east-1:123456789012:${service === 'ssm' ? 'parameter/myapp/db-password' : 'secret:myapp/db-AbCdEf'}`;
    if (service === 'ssm' && !/^parameter\/./.test(resource)) return `"${v}" is not a parameter ARN; it should end in :parameter/<name> (a name that starts with / is written parameter/name without doubling the slash)`;
    if (service === 'secretsmanager' && !/^secret:./.test(resource)) return `"${v}" is not a secret ARN; it should end in :secret:<name>`;
    return undefined;
  }
  if (/^arn:/.test(v)) return `"${v}" is not a complete ARN; write arn:aws:ssm:<region>:<account>:parameter/<name> or arn:aws:secretsmanager:<region>:<account>:secret:<name>`;
  if (SSM_NAME.test(v)) return undefined;
  if (v.includes(':')) {
    const [name, ...rest] = v.split(':');
    return `"${v}" looks like a Secrets Manager secret with a JSON key or version, which ECS only resolves from the full ARN, e.g. arn:aws:secretsmanager:us-east-1:123456789012:secret:${name}-AbCdEf:${rest.join(':')} (copy the ARN, with its 6-character suffix, from the secret)`;
  }
  if (/^[^/].*\//.test(v)) return `"${v}" cannot be a Parameter Store name (a name with / must start with /); for a Secrets Manager secret use its full ARN, for a parameter write "/${v}"`;
  return `"${v}" is neither an ARN nor a valid Parameter Store name (letters, digits, _ . - and /)`;
}

function* secretLists(c: Node): Generator<Node> {
  yield* items(child(c, 'secrets'));
  yield* items(child(child(c, 'logConfiguration'), 'secretOptions'));
}

export const td12SecretReferences: Rule = {
  id: 'TD-12',
  title: 'Secret references ECS can resolve',
  severity: 'warning',
  files: ['taskdef'],
  docs: {
    what: 'Each `secrets[].valueFrom` (and `logConfiguration.secretOptions[].valueFrom`) is the full ARN of a Systems Manager parameter or a Secrets Manager secret. A bare name works only for a Parameter Store parameter in the task\'s own Region; a Secrets Manager secret, with or without a `:json-key:version-stage:version-id` suffix, needs its ARN. (A JSON key or version also needs Fargate platform 1.4.0; XF-04 checks the pinned version.)',
    why: 'ECS resolves the references only when the task starts, so a wrong one registers fine and then every task fails with `ResourceInitializationError: unable to pull secrets or registry auth`, and the deployment rolls back.',
    bad: [{ file: 'taskdef.json', text: taskdefExample({ container: ['"secrets": [\n  { "name": "DB_PASSWORD", "valueFrom": "myapp/db:password::" }\n]'] }) }],
    good: [
      {
        file: 'taskdef.json',
        text: taskdefExample({
          container: ['"secrets": [\n  { "name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:us-east-1:123456789012:secret:myapp/db-AbCdEf:password::" },\n  { "name": "API_KEY", "valueFrom": "/myapp/api-key" }\n]'],
        }),
      },
    ],
  },
  check({ project, report }) {
    for (const { doc, root } of taskDefs(project)) {
      for (const c of containers(root)) {
        for (const s of secretLists(c.node)) {
          const node = child(s, 'valueFrom');
          const v = str(node);
          if (v === undefined || v === '' || templated(v)) continue;
          const p = problem(v.trim());
          const name = str(child(s, 'name'));
          if (p) report({ doc, range: node!.range, message: `${name ? `secret "${name}"` : 'a secret'} of container ${label(c)}: ${p}` });
        }
      }
    }
  },
};
