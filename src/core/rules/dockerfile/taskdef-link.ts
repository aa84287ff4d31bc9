import { child, items, str } from '../../config/node.js';
import type { Doc, Project } from '../../model.js';
import { docsOf } from '../../model.js';
import type { Node } from '../../types.js';

export interface Container {
  taskdef: Doc;
  node: Node;
  name: string;
}

/**
 * The containers of the project's task definitions that run the image this
 * repository builds. With one container, that one. With several, those whose
 * image is filled in by the pipeline or points at ECR (`<IMAGE1_NAME>`,
 * `…dkr.ecr…`, `$REPOSITORY_URI:…`); a public image such as a log router
 * sidecar is not built here.
 */
export function containersOfImage(project: Project): Container[] {
  const out: Container[] = [];
  for (const taskdef of docsOf(project, 'taskdef')) {
    const all = items(child(taskdef.root, 'containerDefinitions')).filter((c) => c.type === 'object');
    const ours = all.length === 1 ? all : all.filter((c) => /^<.+>$|\.dkr\.ecr\.|\$|\{\{/.test(str(child(c, 'image')) ?? ''));
    for (const node of ours) out.push({ taskdef, node, name: str(child(node, 'name')) ?? '(unnamed)' });
  }
  return out;
}

/** The shell text of a container's healthCheck command and the nodes it comes from. */
export function healthCommand(container: Node): { text: string; node: Node }[] | undefined {
  const cmd = items(child(child(container, 'healthCheck'), 'command'));
  if (cmd.length === 0) return undefined;
  const first = str(cmd[0]);
  const rest = cmd.slice(first === 'CMD' || first === 'CMD-SHELL' ? 1 : 0);
  return rest.flatMap((n) => (n.type === 'string' ? [{ text: n.value as string, node: n }] : []));
}
