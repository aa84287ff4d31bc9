import { child, entry, str } from '../../config/node.js';
import { ecsDeployActions } from '../../config/pipeline.js';
import { docAt, docsOf, type Doc, type Project } from '../../model.js';
import type { Node } from '../../types.js';
import type { Report, Rule } from '../rule.js';
import { containers, present, templated } from './util.js';

const NAME = /^[A-Za-z0-9_-]{1,255}$/;

/** Whether a CodeDeployToECS action of the project reads this file as its template. */
function readByPipeline(project: Project, doc: Doc): boolean {
  return docsOf(project, 'pipeline').some((p) => ecsDeployActions(p.root).some((a) => docAt(project, a.taskdefPath).includes(doc)));
}

function checkName(report: (r: Omit<Report, 'doc'>) => void, node: Node, what: string): void {
  const name = str(node);
  if (name === undefined || templated(name) || NAME.test(name)) return;
  const why = name === '' ? 'is empty' : name.length > 255 ? `has ${name.length} characters` : `contains ${describeBad(name)}`;
  report({ range: node.range, message: `${what} "${name}" ${why}; use 1 to 255 letters, digits, hyphens and underscores (e.g. "${suggest(name)}")` });
}

function describeBad(name: string): string {
  const bad = [...new Set([...name].filter((c) => !/[A-Za-z0-9_-]/.test(c)))];
  return bad.map((c) => (c === ' ' ? 'a space' : `"${c}"`)).join(', ');
}

function suggest(name: string): string {
  return name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 255) || 'myapp';
}

export const td01Structure: Rule = {
  id: 'TD-01',
  title: 'Task definition structure',
  severity: 'error',
  files: ['taskdef', 'pipeline'],
  docs: {
    what: 'The task definition is a JSON object with `family` and a non-empty `containerDefinitions` list; every container has a `name` and an `image`; the family and the container names use only letters, digits, `-` and `_` (1 to 255 characters); no two containers share a name.',
    why: 'RegisterTaskDefinition requires `family` and `containerDefinitions`, and rejects other characters in names, so the CodeDeployToECS action (or `aws ecs register-task-definition`) fails before anything is deployed. Two containers with one name cannot be told apart by the appspec `ContainerName` either.',
    bad: [
      {
        file: 'taskdef.json',
        text: '{\n  "containerDefinitions": [\n    { "name": "my app", "image": "<IMAGE1_NAME>", "essential": true },\n    { "name": "my app", "image": "public.ecr.aws/aws-observability/aws-otel-collector:latest" }\n  ]\n}\n',
      },
    ],
    good: [
      {
        file: 'taskdef.json',
        text: '{\n  "family": "myapp",\n  "containerDefinitions": [\n    { "name": "myapp", "image": "<IMAGE1_NAME>", "essential": true },\n    { "name": "otel-collector", "image": "public.ecr.aws/aws-observability/aws-otel-collector:latest" }\n  ]\n}\n',
      },
    ],
  },
  check({ project, report }) {
    for (const doc of docsOf(project, 'taskdef')) {
      const root = doc.root!;
      const at = (r: Omit<Report, 'doc'>) => report({ doc, ...r });
      if (root.type !== 'object') {
        // A bare list of containers is what `--container-definitions` and Terraform take; it is only wrong where CodeDeployToECS reads it.
        const list = root.type === 'array' && root.items!.every((i) => i.type === 'object');
        if (!list || readByPipeline(project, doc)) {
          at({
            range: root.range,
            message: list
              ? 'this file is a list of container definitions, but CodeDeployToECS needs a whole task definition: wrap it as {"family": "myapp", "containerDefinitions": [ … ]}'
              : 'a task definition is a JSON object such as {"family": "myapp", "containerDefinitions": [ … ]}',
          });
        }
        continue;
      }
      // describe-task-definition output wrapped in {"taskDefinition": …} is reported by TD-02, which knows the output-only fields.
      if (child(root, 'taskDefinition')?.type === 'object' && !entry(root, 'containerDefinitions')) continue;

      const family = child(root, 'family');
      if (!present(family)) {
        at({ range: entry(root, 'family')?.keyRange ?? openingBrace(root), message: 'the task definition has no "family"; add one, e.g. "family": "myapp" (every registration becomes a new revision of that family)' });
      } else checkName(at, family, 'family');

      const defs = child(root, 'containerDefinitions');
      if (!present(defs)) {
        at({ range: entry(root, 'containerDefinitions')?.keyRange ?? openingBrace(root), message: 'the task definition has no "containerDefinitions"; add the list of containers to run, e.g. [{"name": "myapp", "image": "<IMAGE1_NAME>", "essential": true}]' });
        continue;
      }
      if (defs.type === 'array' && defs.items!.length === 0) {
        at({ range: defs.range, message: '"containerDefinitions" is empty; a task needs at least one container, e.g. {"name": "myapp", "image": "<IMAGE1_NAME>", "essential": true}' });
        continue;
      }
      const seen = new Map<string, number>();
      for (const c of containers(root)) {
        const name = child(c.node, 'name');
        const image = child(c.node, 'image');
        const where = `container #${c.index + 1}`;
        if (!present(name)) at({ range: entry(c.node, 'name')?.keyRange ?? openingBrace(c.node), message: `${where} has no "name"; give it one (the appspec ContainerName and dependsOn refer to it)` });
        else checkName(at, name, 'container name');
        if (!present(image)) at({ range: entry(c.node, 'image')?.keyRange ?? openingBrace(c.node), message: `${where}${c.name ? ` ("${c.name}")` : ''} has no "image"; set it to the image to run, or to a placeholder such as "<IMAGE1_NAME>" that CodeDeployToECS fills in` });
        if (c.name !== undefined && present(name) && !templated(c.name)) {
          const first = seen.get(c.name);
          if (first !== undefined) at({ range: name.range, message: `container name "${c.name}" is already used by container #${first + 1}; container names must be unique within a task definition` });
          else seen.set(c.name, c.index);
        }
      }
    }
  },
};

/** The first character of an object, where a missing key is reported. */
function openingBrace(node: Node) {
  return { start: node.range.start, end: { line: node.range.start.line, column: node.range.start.column + 1 } };
}
