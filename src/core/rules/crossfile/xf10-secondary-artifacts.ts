import { child, items, str } from '../../config/node.js';
import { pathInProject } from '../../model.js';
import type { Rule } from '../rule.js';
import { secondarySpecs } from './artifacts.js';
import { buildspecFor, contextOf } from './context.js';
import { closest, list } from './templates.js';

/** XF-10: a build action with several outputs has a secondary artifact for each. */
export const xf10SecondaryArtifacts: Rule = {
  id: 'XF-10',
  title: 'Secondary artifacts match the build action\'s outputs',
  severity: 'error',
  files: ['buildspec', 'pipeline'],
  docs: {
    what: 'When a CodeBuild action declares more than one `outputArtifacts`, the buildspec has a `secondary-artifacts` entry whose identifier is each of those names.',
    why: 'With several outputs, CodePipeline fills each output artifact from the secondary artifact of the same identifier. An output without one fails the build action ("no matching artifact paths found"), and the deploy never gets its files.',
    bad: [
      { file: 'pipeline.json', text: '"outputArtifacts": [{ "name": "DefinitionArtifact" }, { "name": "ImageArtifact" }]\n' },
      { file: 'buildspec.yml', text: 'artifacts:\n  files:\n    - imageDetail.json\n    - taskdef.json\n    - appspec.yaml\n' },
    ],
    good: [
      { file: 'pipeline.json', text: '"outputArtifacts": [{ "name": "DefinitionArtifact" }, { "name": "ImageArtifact" }]\n' },
      { file: 'buildspec.yml', text: 'artifacts:\n  files:\n    - \'*.json\'\n  secondary-artifacts:\n    DefinitionArtifact:\n      files:\n        - taskdef.json\n        - appspec.yaml\n    ImageArtifact:\n      files:\n        - imageDetail.json\n' },
    ],
  },
  check({ project, report }) {
    const ctx = contextOf(project);
    for (const p of ctx.pipelines) {
      for (const a of p.actions) {
        if (a.provider !== 'CodeBuild' || a.outputs.length < 2 || a.configuration.get('BatchEnabled') === 'true') continue;
        const buildspec = buildspecFor(ctx, p, a);
        if (!buildspec?.root) continue;
        const ids = [...secondarySpecs(buildspec.root).keys()];
        const nodes = items(child(a.node, 'outputArtifacts'));
        for (const out of nodes) {
          const nameNode = child(out, 'name');
          const name = str(nameNode);
          if (!name || !nameNode || ids.includes(name)) continue;
          const hint = closest(name, ids.filter((id) => !a.outputs.includes(id)));
          report({
            doc: p.doc,
            range: nameNode.range,
            message: `"${name}" is one of ${a.outputs.length} outputs of build action "${a.name}", but ${pathInProject(project, buildspec)} has no secondary-artifacts entry "${name}"${ids.length ? ` (it has ${list(ids)})` : ''}; ${hint ? `rename "${hint}" to "${name}"` : `add secondary-artifacts: ${name}: files: […] to the buildspec`}`,
          });
        }
      }
    }
  },
};
