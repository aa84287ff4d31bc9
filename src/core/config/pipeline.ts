import type { Node } from '../types.js';
import { at, child, entries, items, num, scalarText, str } from './node.js';

export interface PipelineAction {
  stage: string;
  stageIndex: number;
  stageNode: Node;
  name: string;
  node: Node;
  category?: string;
  owner?: string;
  provider?: string;
  runOrder: number;
  /** Configuration values as text (non-strings too, so rules can compare). */
  configuration: Map<string, string>;
  configurationNode?: Node;
  inputs: string[];
  outputs: string[];
  namespace?: string;
}

/** The `pipeline` object of a create-pipeline document (or get-pipeline output). */
export function pipelineNode(root: Node | undefined): Node | undefined {
  return child(root, 'pipeline');
}

/** Every action of every stage, in declaration order. */
export function pipelineActions(root: Node | undefined): PipelineAction[] {
  const out: PipelineAction[] = [];
  items(at(root, 'pipeline.stages')).forEach((stageNode, stageIndex) => {
    const stage = str(child(stageNode, 'name')) ?? `#${stageIndex + 1}`;
    for (const node of items(child(stageNode, 'actions'))) {
      const type = child(node, 'actionTypeId');
      const configurationNode = child(node, 'configuration');
      const configuration = new Map<string, string>();
      for (const e of entries(configurationNode)) {
        const v = scalarText(e.value);
        if (v !== undefined) configuration.set(e.key, v);
      }
      out.push({
        stage,
        stageIndex,
        stageNode,
        name: str(child(node, 'name')) ?? '',
        node,
        category: str(child(type, 'category')),
        owner: str(child(type, 'owner')),
        provider: str(child(type, 'provider')),
        runOrder: num(child(node, 'runOrder')) ?? 1,
        configuration,
        configurationNode,
        inputs: items(child(node, 'inputArtifacts')).map((a) => str(child(a, 'name')) ?? ''),
        outputs: items(child(node, 'outputArtifacts')).map((a) => str(child(a, 'name')) ?? ''),
        namespace: str(child(node, 'namespace')),
      });
    }
  });
  return out;
}

export const ECS_DEPLOY_DEFAULTS = { taskdef: 'taskdef.json', appspec: 'appspec.yaml' } as const;

/** The CodeDeployToECS actions and the file paths they read. */
export function ecsDeployActions(root: Node | undefined): Array<PipelineAction & { taskdefPath: string; appspecPath: string }> {
  return pipelineActions(root)
    .filter((a) => a.provider === 'CodeDeployToECS')
    .map((a) => ({
      ...a,
      taskdefPath: a.configuration.get('TaskDefinitionTemplatePath') ?? ECS_DEPLOY_DEFAULTS.taskdef,
      appspecPath: a.configuration.get('AppSpecTemplatePath') ?? ECS_DEPLOY_DEFAULTS.appspec,
    }));
}
