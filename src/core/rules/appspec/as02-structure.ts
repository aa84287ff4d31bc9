import { child, entry, str } from '../../config/node.js';
import { didYouMean } from '../../shapes/did-you-mean.js';
import type { Entry, Node, Range } from '../../types.js';
import type { Report, Rule } from '../rule.js';
import { type Appspec, APPSPEC_EXAMPLE, ECS_PROPERTIES, ecsAppspecs, fileRange, looseEntry, templated } from './util.js';

const LB_KEYS = ['ContainerName', 'ContainerPort'];

/** AS-02: Resources → TargetService → Type and Properties, with the three required properties. */
export const as02Structure: Rule = {
  id: 'AS-02',
  title: 'AppSpec TargetService incomplete',
  severity: 'error',
  files: ['appspec'],
  docs: {
    what:
      '`Resources` is a list with one item, `TargetService`, which has `Type: AWS::ECS::Service` and `Properties` with `TaskDefinition`, and `LoadBalancerInfo` with `ContainerName` and `ContainerPort`. ' +
      'Keys are case-sensitive; a key that looks like a misspelt property (`LoadbalancerInfo`, `PlatfromVersion`) is reported with the right spelling.',
    why:
      'CodeDeploy needs all three properties to create the replacement task set and to route the load balancer to it. Without them the deployment fails with an AppSpec error; ' +
      '`Resources` written as a map instead of a list is not read at all.',
    bad: [
      {
        file: 'appspec.yaml',
        text: 'version: 0.0\nResources:\n  TargetService:\n    Type: AWS::ECS::Service\n    Properties:\n      TaskDefinition: <TASK_DEFINITION>\n      LoadBalancerInfo:\n        ContainerName: myapp\n',
      },
    ],
    good: [
      {
        file: 'appspec.yaml',
        text: APPSPEC_EXAMPLE,
      },
    ],
  },
  check({ project, report }) {
    for (const a of ecsAppspecs(project)) checkAppspec(a, report);
  },
};

type Say = (range: Range, message: string, severity?: Report['severity']) => void;

function checkAppspec({ doc, root }: Appspec, report: (r: Report) => void): void {
  const say: Say = (range, message, severity) => report({ doc, range, message, severity });
  const resources = required({ parent: root, key: 'Resources', where: fileRange(doc), owner: 'the AppSpec', example: 'a list "Resources:" with one "- TargetService:" item' }, say);
  if (!resources) return;
  const list = resources.value;
  if (list.type === 'object') {
    say(resources.keyRange, 'Resources is a map, but CodeDeploy reads a list: write "- TargetService:" (with a dash) under Resources');
    return;
  }
  if (list.type !== 'array') {
    say(list.range, 'Resources must be a list holding one "- TargetService:" item');
    return;
  }
  if (list.items!.length > 1) {
    const extra = list.items![1];
    say(extra.entries?.[0]?.keyRange ?? extra.range, `Resources holds ${list.items!.length} items; an ECS AppSpec deploys exactly one TargetService: keep one item`);
  }
  const ts = findTargetService(list.items!, say);
  if (!ts) {
    if (!list.items!.some((i) => (i.entries ?? []).some((e) => e.key.toLowerCase() === 'targetservice'))) {
      say(resources.keyRange, 'Resources has no TargetService item; add "- TargetService:" with Type: AWS::ECS::Service and its Properties');
    }
    return;
  }
  if (ts.value.type !== 'object') {
    say(ts.keyRange, 'TargetService must hold "Type: AWS::ECS::Service" and "Properties"');
    return;
  }
  const type = required({ parent: ts.value, key: 'Type', where: ts.keyRange, owner: 'TargetService', example: '"Type: AWS::ECS::Service"' }, say);
  const typeValue = str(type?.value);
  if (type && typeValue !== 'AWS::ECS::Service' && !(typeValue !== undefined && templated(typeValue))) {
    say(type.value.range, `TargetService Type is ${JSON.stringify(typeValue ?? type.value.value ?? null)}; an ECS deployment needs "Type: AWS::ECS::Service"`);
  }
  const props = required({ parent: ts.value, key: 'Properties', where: ts.keyRange, owner: 'TargetService', example: '"Properties:" with TaskDefinition and LoadBalancerInfo' }, say);
  if (!props) return;
  if (props.value.type !== 'object') {
    say(props.value.range, 'Properties must be a map holding TaskDefinition and LoadBalancerInfo');
    return;
  }
  typos(props.value, ECS_PROPERTIES, ['TaskDefinition', 'LoadBalancerInfo'], say);
  const taskDef = required({ parent: props.value, key: 'TaskDefinition', where: props.keyRange, owner: 'Properties', example: '"TaskDefinition: <TASK_DEFINITION>"', quiet: true }, say);
  if (taskDef) {
    const v = taskDef.value;
    if (v.type !== 'string' || (v.value as string).trim() === '') {
      say(v.range, 'TaskDefinition is empty; write "TaskDefinition: <TASK_DEFINITION>" (CodeDeployToECS fills in the ARN of the task definition it registers)');
    }
  }
  const lb = required({ parent: props.value, key: 'LoadBalancerInfo', where: props.keyRange, owner: 'Properties', example: '"LoadBalancerInfo:" with the ContainerName and ContainerPort the load balancer sends traffic to', quiet: true }, say);
  if (!lb) return;
  if (lb.value.type !== 'object') {
    say(lb.value.range, `LoadBalancerInfo must be a map of ContainerName and ContainerPort${lb.value.type === 'array' ? ', not a list: remove the dash' : ''}`);
    return;
  }
  typos(lb.value, LB_KEYS, LB_KEYS, say);
  for (const key of LB_KEYS) required({ parent: lb.value, key, where: lb.keyRange, owner: 'LoadBalancerInfo', example: key === 'ContainerName' ? 'the container\'s name from the task definition, e.g. "ContainerName: myapp"' : 'the container port the load balancer targets, e.g. "ContainerPort: 8080"', quiet: true }, say);
  const name = child(lb.value, 'ContainerName');
  if (name && name.type !== 'number' && (name.type !== 'string' || (name.value as string).trim() === '')) {
    say(name.range, 'ContainerName must be the name of the container in the task definition, e.g. "ContainerName: myapp"');
  }
}

interface RequiredOptions {
  parent: Node;
  key: string;
  where: Range;
  owner: string;
  example: string;
  /** Stay silent when typos() already reported a near-miss spelling of the key. */
  quiet?: boolean;
}

/** The entry for a required key; reports it missing (or misspelt) otherwise. */
function required(o: RequiredOptions, say: Say): Entry | undefined {
  const exact = entry(o.parent, o.key);
  if (exact) return exact;
  const near = (o.parent.entries ?? []).find((e) => didYouMean(e.key, [o.key]) === o.key);
  if (near) {
    if (!o.quiet) say(near.keyRange, `"${near.key}" is not read as ${o.key}; write "${o.key}" (keys are case-sensitive)`);
    return undefined;
  }
  say(o.where, `${o.owner} has no ${o.key}; add ${o.example}`);
  return undefined;
}

/** Keys that are near-misses of known ones: an error when the key they miss is required. */
function typos(node: Node, known: string[], requiredKeys: string[], say: Say): void {
  for (const e of node.entries ?? []) {
    if (known.includes(e.key)) continue;
    const hint = didYouMean(e.key, known);
    if (!hint || entry(node, hint)) continue;
    const needed = requiredKeys.includes(hint);
    say(e.keyRange, `"${e.key}" is not a key CodeDeploy reads; did you mean "${hint}"? (keys are case-sensitive${needed ? `, and ${hint} is required` : ''})`, needed ? 'error' : 'warning');
  }
}

function findTargetService(list: Node[], say: Say): Entry | undefined {
  for (const item of list) {
    const e = entry(item, 'TargetService');
    if (e) return e;
  }
  for (const item of list) {
    const e = looseEntry(item, 'TargetService');
    if (e) {
      say(e.keyRange, `"${e.key}" is not read as TargetService: keys are case-sensitive; write "TargetService"`);
      return undefined;
    }
  }
  return undefined;
}
