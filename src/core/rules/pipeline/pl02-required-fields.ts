import { child, entry, items, num, str } from '../../config/node.js';
import type { PipelineAction } from '../../config/pipeline.js';
import { didYouMean } from '../../shapes/did-you-mean.js';
import { codepipeline } from '../../shapes/targets.js';
import type { Node, Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { actionLabel, actionRange, configurationRange, configValue, andList, headOf, orList, pipelineRange, pipelines, templated, type PipelineDoc } from './util.js';

const ROLE_ARN = /^arn:aws(-[\w]+)*:iam::[0-9]{12}:role\/.*$/;
// CodeStar Connections was renamed CodeConnections in 2024; both ARN forms are accepted.
const CONNECTION_ARN = /^arn:aws(-[a-z]+)*:(codestar-connections|codeconnections):[a-z0-9-]+:[0-9]{12}:connection\/[A-Za-z0-9-]+$/;
const CATEGORIES = codepipeline.enums.ActionCategory ?? ['Approval', 'Build', 'Compute', 'Deploy', 'Invoke', 'Source', 'Test'];
const OWNERS = codepipeline.enums.ActionOwner ?? ['AWS', 'Custom', 'ThirdParty'];
const TYPE_MEMBERS = ['category', 'owner', 'provider', 'version'] as const;
const CONNECTION_KEYS = ['ConnectionArn', 'FullRepositoryId', 'BranchName'] as const;

/** PL-02: the members create-pipeline requires, and the values with a fixed form. */
export const pl02RequiredFields: Rule = {
  id: 'PL-02',
  title: 'Missing or malformed pipeline field',
  severity: 'error',
  files: ['pipeline'],
  docs: {
    what:
      'The pipeline has a `name`, a `roleArn` of the form `arn:aws:iam::<12-digit account>:role/<name>` and `stages`. Each stage has a `name` and at least one action; ' +
      'each action has a `name` and an `actionTypeId` with `category` (Source, Build, Test, Deploy, Approval, Invoke or Compute), `owner` (AWS, ThirdParty or Custom), `provider` and `version`. ' +
      '`runOrder`, when given, is a whole number from 1 to 999. A CodeStarSourceConnection source has `ConnectionArn`, `FullRepositoryId` and `BranchName`, and its ConnectionArn is a connection ARN with a 12-digit account ID.',
    why:
      'These members are required by the CodePipeline API, which refuses the whole pipeline with a validation error naming the first one it misses. ' +
      'An account ID with fewer than 12 digits (a shortened `123456789` copied from an example) is not a valid ARN, and the source action fails to use the connection.',
    bad: [
      {
        file: 'pipeline.json',
        text:
          '{\n  "pipeline": {\n    "name": "myapp-ecs-pipeline",\n    "roleArn": "CodePipelineServiceRole",\n    "stages": [\n      {\n        "name": "Source",\n        "actions": [\n          {\n            "name": "GitHub",\n' +
          '            "actionTypeId": { "category": "source", "owner": "AWS", "provider": "CodeStarSourceConnection", "version": "1" },\n' +
          '            "configuration": {\n              "ConnectionArn": "arn:aws:codestar-connections:us-east-1:123456789:connection/abc-123",\n              "FullRepositoryId": "my-org/myapp",\n              "BranchName": "main"\n            },\n' +
          '            "outputArtifacts": [{ "name": "SourceOutput" }]\n          }\n        ]\n      }\n    ]\n  }\n}\n',
      },
    ],
    good: [
      {
        file: 'pipeline.json',
        text:
          '{\n  "pipeline": {\n    "name": "myapp-ecs-pipeline",\n    "roleArn": "arn:aws:iam::123456789012:role/CodePipelineServiceRole",\n    "stages": [\n      {\n        "name": "Source",\n        "actions": [\n          {\n            "name": "GitHub",\n' +
          '            "actionTypeId": { "category": "Source", "owner": "AWS", "provider": "CodeStarSourceConnection", "version": "1" },\n' +
          '            "configuration": {\n              "ConnectionArn": "arn:aws:codestar-connections:us-east-1:123456789012:connection/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d",\n              "FullRepositoryId": "my-org/myapp",\n              "BranchName": "main"\n            },\n' +
          '            "outputArtifacts": [{ "name": "SourceOutput" }]\n          }\n        ]\n      }\n    ]\n  }\n}\n',
      },
    ],
  },
  check({ project, report }) {
    for (const p of pipelines(project)) {
      const say = (range: Range, message: string) => report({ doc: p.doc, range, message });
      checkPipeline(p, say);
      items(child(p.pipeline, 'stages')).forEach((stage, i) => checkStage(stage, i, say));
      for (const a of p.actions) {
        checkAction(a, say);
        if (a.provider === 'CodeStarSourceConnection') checkConnection(a, say);
      }
    }
  },
};

type Say = (range: Range, message: string) => void;

/** A missing member, unless PL-01 already reports it under another case (`RoleArn`). */
function missing(node: Node, key: string): boolean {
  if (entry(node, key)) return false;
  return !(node.entries ?? []).some((e) => e.key.toLowerCase() === key.toLowerCase());
}

function checkPipeline(p: PipelineDoc, say: Say): void {
  const where = pipelineRange(p);
  for (const key of ['name', 'roleArn', 'stages']) {
    if (missing(p.pipeline, key)) say(where, `the pipeline has no "${key}"; create-pipeline requires it${key === 'roleArn' ? ': give the ARN of the CodePipeline service role, arn:aws:iam::123456789012:role/<name>' : ''}`);
  }
  const role = child(p.pipeline, 'roleArn');
  const arn = str(role);
  if (role && arn !== undefined && !templated(arn) && !ROLE_ARN.test(arn)) {
    say(role.range, `roleArn "${arn}" is not an IAM role ARN; write it as arn:aws:iam::<12-digit account ID>:role/<role name>, e.g. arn:aws:iam::123456789012:role/CodePipelineServiceRole`);
  }
}

function checkStage(stage: Node, index: number, say: Say): void {
  if (stage.type !== 'object') return;
  const label = str(child(stage, 'name')) ?? `#${index + 1}`;
  if (missing(stage, 'name')) say(headOf(stage), `stage #${index + 1} has no "name"; every stage needs one`);
  if (missing(stage, 'actions')) say(child(stage, 'name')?.range ?? headOf(stage), `stage "${label}" has no "actions"; a stage needs at least one action`);
  const actions = child(stage, 'actions');
  if (actions?.type === 'array' && actions.items!.length === 0) say(actions.range, `stage "${label}" has an empty "actions" list; a stage needs at least one action`);
}

function checkAction(a: PipelineAction, say: Say): void {
  if (a.node.type !== 'object') return;
  if (missing(a.node, 'name')) say(headOf(a.node), `an action of stage "${a.stage}" has no "name"; every action needs one`);
  const typeEntry = entry(a.node, 'actionTypeId');
  if (!typeEntry) {
    if (missing(a.node, 'actionTypeId')) say(actionRange(a), `${actionLabel(a)} has no "actionTypeId"; give {"category", "owner", "provider", "version"}, e.g. {"category": "Build", "owner": "AWS", "provider": "CodeBuild", "version": "1"}`);
  } else if (typeEntry.value.type === 'object') {
    const type = typeEntry.value;
    const absent = TYPE_MEMBERS.filter((k) => missing(type, k));
    if (absent.length > 0) say(typeEntry.keyRange, `${actionLabel(a)}: actionTypeId has no ${andList(absent)}; all four of category, owner, provider and version are required`);
    checkEnum(child(type, 'category'), CATEGORIES, `${actionLabel(a)}: category`, say);
    checkEnum(child(type, 'owner'), OWNERS, `${actionLabel(a)}: owner`, say);
  }
  const runOrder = child(a.node, 'runOrder');
  const n = num(runOrder);
  if (runOrder && n !== undefined && (!Number.isInteger(n) || n < 1 || n > 999)) {
    say(runOrder.range, `${actionLabel(a)}: runOrder ${runOrder.source ?? n} is out of range; use a whole number from 1 to 999 (actions with the same runOrder run in parallel)`);
  }
}

function checkEnum(node: Node | undefined, values: readonly string[], what: string, say: Say): void {
  const value = str(node);
  if (!node || value === undefined || values.includes(value) || templated(value)) return;
  const hint = didYouMean(value, values);
  say(node.range, `${what} "${value}" is not valid; ${hint ? `write "${hint}"` : `use one of ${orList(values)}`} (values are case-sensitive)`);
}

function checkConnection(a: PipelineAction, say: Say): void {
  if (a.configurationNode && a.configurationNode.type !== 'object') return;
  const absent = CONNECTION_KEYS.filter((k) => !a.configurationNode || missing(a.configurationNode, k));
  if (absent.length > 0) say(configurationRange(a), `${actionLabel(a)} (CodeStarSourceConnection) has no ${andList(absent)} in its configuration; the source action needs ConnectionArn, FullRepositoryId ("owner/repo") and BranchName`);
  const node = configValue(a, 'ConnectionArn');
  const arn = str(node);
  if (!node || arn === undefined || arn === '' || templated(arn) || CONNECTION_ARN.test(arn)) return;
  const account = /^arn:[^:]*:[^:]*:[^:]*:([^:]*):/.exec(arn)?.[1];
  const why = account !== undefined && /^\d+$/.test(account) && account.length !== 12 ? `its account ID "${account}" has ${account.length} digits, not 12` : 'it is not a connection ARN';
  say(node.range, `${actionLabel(a)}: ConnectionArn "${arn}" is malformed (${why}); copy the ARN from the console or \`aws codestar-connections list-connections\`: arn:aws:codestar-connections:us-east-1:123456789012:connection/<id>`);
}
