import { at, entries, items, str } from '../../config/node.js';
import { pathInProject } from '../../model.js';
import type { Node, Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { buildspecFor, contextOf } from './context.js';
import { list } from './templates.js';

/** Namespaces CodePipeline defines itself. */
const BUILT_IN = new Set(['codepipeline', 'variables']);

/** Where `needle` stands inside a single-line JSON string value. */
function within(node: Node, needle: string): Range {
  const src = node.source;
  const i = src ? src.indexOf(needle) : -1;
  if (i < 0 || node.range.start.line !== node.range.end.line) return node.range;
  const { line, column } = node.range.start;
  return { start: { line, column: column + i }, end: { line, column: column + i + needle.length } };
}

function strings(node: Node | undefined, out: Node[] = []): Node[] {
  if (!node) return out;
  if (node.type === 'string') out.push(node);
  for (const e of entries(node)) strings(e.value, out);
  for (const i of items(node)) strings(i, out);
  return out;
}

/** XF-11: `#{Namespace.VAR}` references resolve to a namespace and an exported variable. */
export const xf11ExportedVariables: Rule = {
  id: 'XF-11',
  title: 'Pipeline variable references resolve',
  severity: 'warning',
  files: ['pipeline', 'buildspec'],
  docs: {
    what: 'Every `#{BuildVariables.IMAGE_TAG}` in an action\'s configuration names a namespace that some action declares (`"namespace": "BuildVariables"`), and when that action is a CodeBuild build, `IMAGE_TAG` is listed under the buildspec\'s `env.exported-variables`.',
    why: 'A CodeBuild action only publishes the variables its buildspec exports, under the namespace set on the action. Anything else does not resolve, and the pipeline refuses the reference or passes the literal text on.',
    bad: [
      { file: 'pipeline.json', text: '"actions": [\n  { "name": "BuildImage", "namespace": "BuildVariables", "configuration": { "ProjectName": "myapp-build" } },\n  { "name": "SmokeTest", "configuration": {\n      "ProjectName": "myapp-smoke",\n      "EnvironmentVariables": "[{\\"name\\":\\"IMAGE_TAG\\",\\"value\\":\\"#{BuildVariables.IMAGE_TAG}\\"}]"\n  } }\n]\n' },
      { file: 'buildspec.yml', text: 'env:\n  variables:\n    ECR_REPO: "123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp"\n' },
    ],
    good: [
      { file: 'pipeline.json', text: '"actions": [\n  { "name": "BuildImage", "namespace": "BuildVariables", "configuration": { "ProjectName": "myapp-build" } },\n  { "name": "SmokeTest", "configuration": {\n      "ProjectName": "myapp-smoke",\n      "EnvironmentVariables": "[{\\"name\\":\\"IMAGE_TAG\\",\\"value\\":\\"#{BuildVariables.IMAGE_TAG}\\"}]"\n  } }\n]\n' },
      { file: 'buildspec.yml', text: 'env:\n  variables:\n    ECR_REPO: "123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp"\n  exported-variables:\n    - IMAGE_TAG\n' },
    ],
  },
  check({ project, report }) {
    const ctx = contextOf(project);
    for (const p of ctx.pipelines) {
      const byNamespace = new Map(p.actions.filter((a) => a.namespace).map((a) => [a.namespace!, a]));
      for (const a of p.actions) {
        for (const node of strings(a.configurationNode)) {
          for (const m of (node.value as string).matchAll(/#\{([A-Za-z0-9@_-]+)\.([A-Za-z0-9@_.-]+)\}/g)) {
            const [ref, ns, name] = m;
            if (BUILT_IN.has(ns)) continue;
            const producer = byNamespace.get(ns);
            if (!producer) {
              const known = [...byNamespace.keys()];
              report({
                doc: p.doc,
                range: within(node, ref),
                message: `${ref} refers to namespace "${ns}", which no action of this pipeline declares${known.length ? ` (declared: ${list(known)})` : ''}; add "namespace": "${ns}" to the action that produces ${name}`,
              });
              continue;
            }
            if (producer.provider !== 'CodeBuild') continue;
            const buildspec = buildspecFor(ctx, p, producer);
            if (!buildspec?.root) continue;
            const exported = items(at(buildspec.root, 'env.exported-variables')).map(str).filter((s): s is string => s !== undefined);
            if (exported.includes(name)) continue;
            report({
              doc: p.doc,
              range: within(node, ref),
              message: `${ref}: ${pathInProject(project, buildspec)} does not export ${name}${exported.length ? ` (it exports ${list(exported, false)})` : ''}; add it under env.exported-variables, or the reference does not resolve`,
            });
          }
        }
      }
    }
  },
};
