import { syntaxOf } from '../../config/detect.js';
import { child, entry, items, str } from '../../config/node.js';
import { ecsDeployActions } from '../../config/pipeline.js';
import { docAt, docsOf, type Doc, type Project } from '../../model.js';
import { FILE_START } from '../../config/position.js';
import type { Entry, Node, Range } from '../../types.js';

/**
 * Readers shared by the appspec rules. CodeDeploy reads three kinds of
 * AppSpec (EC2/on-premises, Lambda, ECS); only the ECS kind is checked here,
 * so every rule starts from ecsAppspecs().
 */

export interface Appspec {
  doc: Doc;
  root: Node;
  /** Whether a CodeDeployToECS action of the project's pipeline reads this file. */
  deployed: boolean;
}

/** The AppSpec the rules' documentation examples start from. */
export const APPSPEC_EXAMPLE =
  'version: 0.0\nResources:\n  - TargetService:\n      Type: AWS::ECS::Service\n      Properties:\n        TaskDefinition: <TASK_DEFINITION>\n        LoadBalancerInfo:\n          ContainerName: myapp\n          ContainerPort: 8080\n';

export const ECS_PROPERTIES = ['TaskDefinition', 'LoadBalancerInfo', 'PlatformVersion', 'NetworkConfiguration', 'CapacityProviderStrategy'];

/** ECS AppSpecs of a project: by content, or because the project's CodeDeployToECS action reads them. */
export function ecsAppspecs(project: Project): Appspec[] {
  const read = new Set<Doc>();
  for (const p of docsOf(project, 'pipeline')) {
    for (const a of ecsDeployActions(p.root)) for (const d of docAt(project, a.appspecPath)) read.add(d);
  }
  const out: Appspec[] = [];
  for (const doc of docsOf(project, 'appspec')) {
    const root = doc.root;
    if (!root || root.type !== 'object') continue;
    const deployed = read.has(doc);
    if (deployed ? !otherPlatform(root) : looksEcs(root)) out.push({ doc, root, deployed });
  }
  return out;
}

/** An entry by exact key, else one whose key differs only in case (reported by the caller). */
export function looseEntry(node: Node | undefined, key: string): Entry | undefined {
  const exact = entry(node, key);
  if (exact || node?.type !== 'object') return exact;
  const lower = key.toLowerCase();
  return node.entries!.find((e) => e.key.toLowerCase() === lower);
}

/** The resource items of `Resources` (any case), whatever their shape. */
function resourceItems(root: Node): Node[] {
  const value = looseEntry(root, 'Resources')?.value;
  if (value?.type === 'array') return value.items!;
  return value?.type === 'object' ? [value] : [];
}

function looksEcs(root: Node): boolean {
  if (otherPlatform(root)) return false;
  return resourceItems(root).some((item) => {
    if (looseEntry(item, 'TargetService')) return true;
    const resource = item.entries?.[0]?.value;
    return str(child(resource, 'Type')) === 'AWS::ECS::Service' || ECS_PROPERTIES.some((k) => entry(child(resource, 'Properties'), k));
  });
}

/** An EC2/on-premises AppSpec (`os`, `files`, script hooks) or a Lambda one. */
function otherPlatform(root: Node): boolean {
  const lambda = resourceItems(root).some((item) => /^AWS::Lambda::/.test(str(child(item.entries?.[0]?.value, 'Type')) ?? ''));
  return lambda || (entry(root, 'os') !== undefined && !looseEntry(root, 'Resources'));
}

export interface TargetService {
  /** The `TargetService` entry. */
  entry: Entry;
  /** Its `Properties` object, when it is one. */
  properties?: Node;
}

/** The TargetService resource, if Resources is a list that has one. */
export function targetService(root: Node): TargetService | undefined {
  for (const item of items(child(root, 'Resources'))) {
    const e = entry(item, 'TargetService');
    if (!e) continue;
    const properties = child(e.value, 'Properties');
    return { entry: e, properties: properties?.type === 'object' ? properties : undefined };
  }
  return undefined;
}

export function properties(root: Node): Node | undefined {
  return targetService(root)?.properties;
}

/** Where findings about the whole file go: line 1, or the `cat > appspec.yaml` of the buildspec that writes it. */
export function fileRange(doc: Doc): Range {
  return doc.embedded?.redirect ?? FILE_START;
}

/** The file is JSON (appspec.json), where every string is quoted. */
export function isJson(doc: Doc): boolean {
  return syntaxOf('appspec', doc.name) === 'json';
}

/** A value still to be filled in by a shell, envsubst, a template tool or CodeDeployToECS. */
export function templated(value: string): boolean {
  return /\$\{[^}]*\}|\$[A-Za-z_]|\{\{|\{%|#\{[^}]*\}|%\{|<[^<>]+>/.test(value);
}
