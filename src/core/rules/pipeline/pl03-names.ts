import { child, items, str } from '../../config/node.js';
import type { Node } from '../../types.js';
import type { Rule } from '../rule.js';
import { actionLabel, artifactRefs, pipelines, templated } from './util.js';

interface NameRule {
  pattern: RegExp;
  max: number;
  /** The characters allowed, for the message. */
  allowed: string;
}

// Patterns and lengths of the CodePipeline API model (PipelineName, StageName, ActionName, ArtifactName, ActionNamespace, ActionProvider).
const ENTITY: NameRule = { pattern: /^[A-Za-z0-9.@_-]+$/, max: 100, allowed: 'letters, digits, ".", "@", "-" and "_"' };
const ARTIFACT: NameRule = { pattern: /^[A-Za-z0-9_-]+$/, max: 100, allowed: 'letters, digits, "-" and "_" (no spaces or dots)' };
const NAMESPACE: NameRule = { pattern: /^[A-Za-z0-9@_-]+$/, max: 100, allowed: 'letters, digits, "@", "-" and "_"' };
const PROVIDER: NameRule = { pattern: /^[0-9A-Za-z_-]+$/, max: 35, allowed: 'letters, digits, "-" and "_"' };

/** PL-03: names of the pipeline, stages, actions, artifacts and namespaces. */
export const pl03Names: Rule = {
  id: 'PL-03',
  title: 'Invalid pipeline, stage, action or artifact name',
  severity: 'error',
  files: ['pipeline'],
  docs: {
    what:
      'Pipeline, stage and action names use only letters, digits, `.`, `@`, `-` and `_` (at most 100 characters). Artifact names are stricter: letters, digits, `-` and `_` only, so no spaces and no dots. ' +
      'A `namespace` allows letters, digits, `@`, `-` and `_`; a `provider` is at most 35 characters.',
    why: 'CodePipeline validates these names against fixed patterns and rejects the pipeline (`ValidationException … failed to satisfy constraint: Member must satisfy regular expression pattern`). A name such as `Build Output` or `build.output` looks harmless but is refused.',
    bad: [{ file: 'pipeline.json', text: '"outputArtifacts": [{ "name": "Build Output" }]\n' }],
    good: [{ file: 'pipeline.json', text: '"outputArtifacts": [{ "name": "BuildOutput" }]\n' }],
  },
  check({ project, report }) {
    for (const p of pipelines(project)) {
      const check = (node: Node | undefined, what: string, rule: NameRule) => {
        const value = str(node);
        if (!node || value === undefined || templated(value)) return;
        const problem = nameProblem(value, rule);
        if (problem) report({ doc: p.doc, range: node.range, message: `${what} "${value}" ${problem}` });
      };
      check(child(p.pipeline, 'name'), 'pipeline name', ENTITY);
      for (const stage of items(child(p.pipeline, 'stages'))) check(child(stage, 'name'), 'stage name', ENTITY);
      for (const a of p.actions) {
        check(child(a.node, 'name'), `stage "${a.stage}": action name`, ENTITY);
        check(child(a.node, 'namespace'), `${actionLabel(a)}: namespace`, NAMESPACE);
        check(child(child(a.node, 'actionTypeId'), 'provider'), `${actionLabel(a)}: provider`, PROVIDER);
        for (const key of ['inputArtifacts', 'outputArtifacts'] as const) {
          for (const ref of artifactRefs(a.node, key)) check(child(ref.item, 'name'), `${actionLabel(a)}: artifact name`, ARTIFACT);
        }
      }
    }
  },
};

function nameProblem(value: string, rule: NameRule): string | undefined {
  if (value === '') return 'is empty; give a name';
  if (value.length > rule.max) return `is ${value.length} characters long; the limit is ${rule.max}`;
  if (rule.pattern.test(value)) return undefined;
  const bad = [...new Set([...value].filter((c) => !rule.pattern.test(c)))].map((c) => (c === ' ' ? 'a space' : `"${c}"`));
  const fixed = value.replace(/[^A-Za-z0-9_-]+([A-Za-z0-9_-])?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''));
  return `contains ${bad.join(', ')}; use only ${rule.allowed}${fixed && rule === ARTIFACT ? `, e.g. "${fixed}"` : ''}`;
}
