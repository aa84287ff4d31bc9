import { child, entry, items, str } from '../config/node.js';
import { ecsDeployActions } from '../config/pipeline.js';
import { docAt, docsOf, type Doc, type Project } from '../model.js';
import type { Entry, Node } from '../types.js';
import { service } from './model.js';
import { validate, type Segment, type ShapeProblem } from './validate.js';

/** Which part of a task definition or pipeline file the AWS input shapes apply to. */

export const ecs = service('ecs');
export const codepipeline = service('codepipeline');

/**
 * A CloudFormation template (or one resource of it) saved under a task
 * definition's name. Its keys are PascalCase and its values may be
 * intrinsic functions; it is not RegisterTaskDefinition input, so the API
 * shapes do not apply to it.
 */
export function isCloudFormation(root: Node): boolean {
  if (root.type !== 'object') return false;
  if (child(root, 'AWSTemplateFormatVersion') || child(root, 'Resources')?.type === 'object') return true;
  return /^AWS::/.test(str(child(root, 'Type')) ?? '') && child(root, 'Properties')?.type === 'object';
}

export interface TaskdefTarget {
  /** The object that register-task-definition would receive. */
  node: Node;
  path: Segment[];
  /** `"taskDefinition": {…}` when the file is whole describe-task-definition output. */
  wrapper?: Entry;
}

export function taskdefTarget(doc: Doc): TaskdefTarget | undefined {
  const root = doc.root;
  if (!root || root.type !== 'object' || isCloudFormation(root)) return undefined;
  const wrapperKey = ecs.outputOnly.RegisterTaskDefinitionRequest?.wrapper ?? 'taskDefinition';
  const wrapper = entry(root, wrapperKey);
  if (wrapper && wrapper.value.type === 'object' && !child(root, 'containerDefinitions')) {
    return { node: wrapper.value, path: [wrapperKey], wrapper };
  }
  return { node: root, path: [] };
}

// Two rules read the same walk of each doc; docs live for one analyze() call.
const taskdefCache = new WeakMap<Doc, { target?: TaskdefTarget; problems: ShapeProblem[] }>();
const pipelineCache = new WeakMap<Doc, ShapeProblem[]>();

/** Shape problems of a task definition doc, validated as RegisterTaskDefinition input. */
export function taskdefProblems(doc: Doc): { target?: TaskdefTarget; problems: ShapeProblem[] } {
  let result = taskdefCache.get(doc);
  if (!result) {
    const target = taskdefTarget(doc);
    result = target ? { target, problems: validate({ model: ecs, type: 'RegisterTaskDefinitionRequest', node: target.node, path: target.path }) } : { problems: [] };
    taskdefCache.set(doc, result);
  }
  return result;
}

/**
 * Whether CodeDeployToECS reads this task definition: a CodeDeployToECS
 * action of the project's pipeline points at it, or its images are `<…>`
 * placeholders, which only that action fills in.
 */
export function readByCodeDeployToEcs(project: Project, doc: Doc, target: TaskdefTarget): boolean {
  for (const p of docsOf(project, 'pipeline')) {
    for (const a of ecsDeployActions(p.root)) if (docAt(project, a.taskdefPath).includes(doc)) return true;
  }
  return items(child(target.node, 'containerDefinitions')).some((c) => /^<[^<>]+>$/.test(str(child(c, 'image')) ?? ''));
}

/** Shape problems of a pipeline doc, validated as create-pipeline input. */
export function pipelineProblems(doc: Doc): ShapeProblem[] {
  let result = pipelineCache.get(doc);
  if (!result) {
    const root = doc.root;
    result = root && root.type === 'object' ? validate({ model: codepipeline, type: 'CreatePipelineInput', node: root }) : [];
    pipelineCache.set(doc, result);
  }
  return result;
}
