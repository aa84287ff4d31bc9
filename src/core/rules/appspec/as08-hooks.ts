import { entry } from '../../config/node.js';
import { didYouMean } from '../../shapes/did-you-mean.js';
import type { Entry, Node } from '../../types.js';
import type { Rule } from '../rule.js';
import { APPSPEC_EXAMPLE, ecsAppspecs, templated } from './util.js';

const ECS_EVENTS = ['BeforeInstall', 'AfterInstall', 'AfterAllowTestTraffic', 'BeforeAllowTraffic', 'AfterAllowTraffic'];
// Lifecycle events of EC2/on-premises and Lambda deployments, which an ECS deployment does not have.
const OTHER_EVENTS = ['ApplicationStop', 'DownloadBundle', 'Install', 'ApplicationStart', 'ValidateService', 'BeforeBlockTraffic', 'BlockTraffic', 'AfterBlockTraffic', 'AllowTraffic'];
// A function name, a partial ARN or a full ARN, with an optional version or alias.
const LAMBDA = /^(arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\d{12}:function:|\d{12}:function:)?[a-zA-Z0-9_-]{1,64}(:(\$LATEST|[a-zA-Z0-9_-]+))?$/;

/** AS-08: Hooks is a list of ECS lifecycle events, each naming a Lambda function. */
export const as08Hooks: Rule = {
  id: 'AS-08',
  title: 'AppSpec Hooks invalid for ECS',
  severity: 'error',
  files: ['appspec'],
  docs: {
    what:
      '`Hooks` is a list of single-key items. Each key is one of the ECS lifecycle events `BeforeInstall`, `AfterInstall`, `AfterAllowTestTraffic`, `BeforeAllowTraffic` and `AfterAllowTraffic`, ' +
      'and each value is the name or ARN of a Lambda function. EC2 events (`ApplicationStart`, `ValidateService` …) and script hooks (`location: scripts/start.sh`) belong to EC2 AppSpecs and are reported.',
    why:
      'An ECS deployment runs Lambda functions at these five events only; anything else fails the AppSpec validation. ' +
      'Each function must also report back with `PutLifecycleEventHookExecutionStatus`; if it does not within an hour, the deployment fails (this part cannot be checked from the repository).',
    bad: [{ file: 'appspec.yaml', text: APPSPEC_EXAMPLE + 'Hooks:\n  AfterAllowTestTraffic: myapp-smoke-test\n  ApplicationStart:\n    - location: scripts/start.sh\n' }],
    good: [{ file: 'appspec.yaml', text: APPSPEC_EXAMPLE + 'Hooks:\n  - AfterAllowTestTraffic: myapp-smoke-test\n  - BeforeAllowTraffic: "arn:aws:lambda:us-east-1:123456789012:function:myapp-check"\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of ecsAppspecs(project)) {
      const say = (range: Node['range'], message: string) => report({ doc, range, message });
      let hooks = entry(root, 'Hooks');
      if (!hooks) {
        const other = (root.entries ?? []).find((e) => e.key !== 'Hooks' && e.key.toLowerCase() === 'hooks');
        if (other) say(other.keyRange, `"${other.key}" is not read as Hooks in an ECS AppSpec: keys are case-sensitive; write "Hooks"`);
        hooks = other;
      }
      if (!hooks || hooks.value.type === 'null') continue;
      const list = hooks.value;
      if (list.type === 'object') {
        const first = list.entries![0];
        say(hooks.keyRange, `Hooks must be a list of single-event items: write "- ${first?.key ?? 'AfterAllowTestTraffic'}: <Lambda function>" with a dash for each event`);
        for (const e of list.entries!) checkHook(e, say);
        continue;
      }
      if (list.type !== 'array') {
        say(list.range, 'Hooks must be a list such as "- AfterAllowTestTraffic: myapp-smoke-test"');
        continue;
      }
      for (const item of list.items!) {
        if (item.type !== 'object' || item.entries!.length !== 1) {
          say(item.range, 'each Hooks item is a single "Event: LambdaFunction" pair, e.g. "- BeforeAllowTraffic: myapp-check"');
          continue;
        }
        checkHook(item.entries![0], say);
      }
    }
  },
};

function checkHook(e: Entry, say: (range: Node['range'], message: string) => void): void {
  if (!ECS_EVENTS.includes(e.key)) {
    const hint = didYouMean(e.key, ECS_EVENTS);
    if (OTHER_EVENTS.includes(e.key)) say(e.keyRange, `"${e.key}" is an EC2/on-premises event; an ECS deployment has only ${ECS_EVENTS.join(', ')}`);
    else if (hint) say(e.keyRange, `"${e.key}" is not an ECS lifecycle event; did you mean "${hint}"?`);
    else say(e.keyRange, `"${e.key}" is not an ECS lifecycle event; use one of ${ECS_EVENTS.join(', ')}`);
  }
  const v = e.value;
  if (v.type !== 'string') {
    const script = v.type === 'array' || v.type === 'object';
    say(v.range, script ? `${e.key} runs a Lambda function in an ECS deployment, not scripts: give the function's name, e.g. "${e.key}: myapp-hook"` : `${e.key} needs the name or ARN of a Lambda function`);
    return;
  }
  const name = (v.value as string).trim();
  if (templated(name) || LAMBDA.test(name)) return;
  if (name === '') say(v.range, `${e.key} has no Lambda function; give its name or ARN`);
  else if (/\.(sh|py|js|ps1|bat)$|\//.test(name)) say(v.range, `"${name}" looks like a script; ECS hooks run Lambda functions: give the function's name or ARN`);
  else say(v.range, `"${name}" is not a Lambda function name or ARN (letters, digits, "-" and "_", at most 64 characters, or arn:aws:lambda:<region>:<account>:function:<name>)`);
}
