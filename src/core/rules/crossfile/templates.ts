import { at, child, entries, items, scalarText, str } from '../../config/node.js';
import { docsOf, type Doc } from '../../model.js';
import type { Node } from '../../types.js';
import type { Ctx } from './context.js';

/** Readers over task definitions and appspecs, shared by the cross-file rules. */

export interface Port {
  port?: number;
  node: Node;
}

export interface Container {
  node: Node;
  name?: string;
  nameNode?: Node;
  image?: string;
  imageNode?: Node;
  ports: Port[];
}

/** Text filled in later by a tool (envsubst, Jinja, Terraform, an unresolved shell variable): its value is unknown here. */
export function templated(s: string): boolean {
  return /\$[A-Za-z_{(]|\{\{|#\{|%\{|\{%/.test(s);
}

/** The task definition object: the file's root, or `taskDefinition` in describe-task-definition output. */
export function taskdefRoot(doc: Doc): Node | undefined {
  const root = doc.root;
  if (root?.type !== 'object') return undefined;
  const inner = child(root, 'taskDefinition');
  if (!child(root, 'containerDefinitions') && inner?.type === 'object') return inner;
  return root;
}

export function containersOf(doc: Doc): Container[] {
  return items(child(taskdefRoot(doc), 'containerDefinitions'))
    .filter((n) => n.type === 'object')
    .map((node) => {
      const nameNode = child(node, 'name');
      const imageNode = child(node, 'image');
      const ports = items(child(node, 'portMappings')).map((m) => {
        const n = child(m, 'containerPort');
        const t = scalarText(n);
        return { port: t !== undefined && /^\d+$/.test(t) ? Number(t) : undefined, node: n ?? m };
      });
      return { node, name: str(nameNode), nameNode, image: str(imageNode), imageNode, ports };
    });
}

/** `<NAME>` placeholders in an image value. */
export function placeholdersIn(image: string): string[] {
  return [...image.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]);
}

export interface TargetService {
  doc: Doc;
  properties?: Node;
  containerName?: string;
  nameNode?: Node;
  port?: number;
  portText?: string;
  portNode?: Node;
  platformVersion?: string;
  platformNode?: Node;
  taskDefinition?: string;
}

/** Every `Resources[].<name>.Properties` of an ECS appspec, with its load-balancer settings. */
export function targetServices(doc: Doc): TargetService[] {
  const out: TargetService[] = [];
  for (const res of items(child(doc.root, 'Resources'))) {
    for (const e of entries(res)) {
      const properties = child(e.value, 'Properties');
      if (properties?.type !== 'object') continue;
      const nameNode = at(properties, 'LoadBalancerInfo.ContainerName');
      const portNode = at(properties, 'LoadBalancerInfo.ContainerPort');
      const portText = scalarText(portNode);
      const platformNode = child(properties, 'PlatformVersion');
      out.push({
        doc,
        properties,
        containerName: scalarText(nameNode),
        nameNode,
        port: portText !== undefined && /^\d+$/.test(portText.trim()) ? Number(portText) : undefined,
        portText,
        portNode,
        platformVersion: scalarText(platformNode),
        platformNode,
        taskDefinition: scalarText(child(properties, 'TaskDefinition')),
      });
    }
  }
  return out;
}

/**
 * The task definitions an appspec is deployed with. Through the pipeline when
 * a CodeDeployToECS action reads both; otherwise every task definition of the
 * project (rules then report only what is wrong with each of them), narrowed
 * by family when the appspec names a registered task definition.
 */
export function taskdefsFor(ctx: Ctx, appspec: Doc, ts: TargetService): readonly Doc[] {
  for (const p of ctx.pipelines) {
    for (const d of p.deploys) {
      const asArtifact = d.configuration.get('AppSpecTemplateArtifact');
      const tdArtifact = d.configuration.get('TaskDefinitionTemplateArtifact');
      if (!asArtifact || !tdArtifact) continue;
      const found = ctx.lookup(ctx.origin(p, asArtifact), d.appspecPath);
      if (!found.docs.includes(appspec)) continue;
      return ctx.lookup(ctx.origin(p, tdArtifact), d.taskdefPath).docs.filter((x) => x.kind === 'taskdef' && x.root).slice(-1);
    }
  }
  const all = docsOf(ctx.project, 'taskdef');
  const ref = ts.taskDefinition;
  if (ref && !/^<.*>$/.test(ref.trim()) && !templated(ref)) {
    // `arn:aws:ecs:…:task-definition/myapp:3` or `myapp:3`: only that family can be meant.
    const family = ref.replace(/^.*task-definition\//, '').replace(/:\d+$/, '');
    return all.filter((d) => str(child(taskdefRoot(d), 'family')) === family);
  }
  return all;
}

/** Closest candidate by edit distance, for "did you mean" hints. */
export function closest(word: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  if (a.length > 200 || b.length > 200) return Infinity;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length];
}

/** `"a", "b" and "c"` for messages. */
export function list(values: string[], quote = true): string {
  const q = values.map((v) => (quote ? `"${v}"` : v));
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}

/** The file name for messages: the logical name, and where it comes from when generated. */
export function fileLabel(doc: Doc, relative: string): string {
  return doc.embedded ? `${relative} (written by ${doc.embedded.host.path.slice(doc.embedded.host.path.lastIndexOf('/') + 1)})` : relative;
}
