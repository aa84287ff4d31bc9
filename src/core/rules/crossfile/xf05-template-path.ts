import { pathInProject } from '../../model.js';
import type { Rule } from '../rule.js';
import { contextOf } from './context.js';
import { forEachRole } from './roles.js';
import { list } from './templates.js';

/** XF-05: the action's template paths name files that are in the artifact. */
export const xf05TemplatePath: Rule = {
  id: 'XF-05',
  title: 'Template path names a file in the artifact',
  severity: 'error',
  files: ['pipeline', 'buildspec', 'taskdef', 'appspec'],
  docs: {
    what: 'The artifact named by `TaskDefinitionTemplateArtifact` holds a file at `TaskDefinitionTemplatePath` (default `taskdef.json`), and the one named by `AppSpecTemplateArtifact` a file at `AppSpecTemplatePath` (default `appspec.yaml`, with an **a**, not `appspec.yml`).',
    why: 'CodeDeployToECS reads exactly that path and fails the deploy when nothing is there. The defaults catch many setups out: a buildspec that writes `appspec.yml` needs `"AppSpecTemplatePath": "appspec.yml"` in the action.',
    bad: [
      { file: 'buildspec.yml', text: 'artifacts:\n  files:\n    - imageDetail.json\n    - taskdef.json\n    - appspec.yml\n' },
      { file: 'pipeline.json', text: '"configuration": {\n  "TaskDefinitionTemplateArtifact": "BuildOutput",\n  "AppSpecTemplateArtifact": "BuildOutput"\n}\n' },
    ],
    good: [
      { file: 'buildspec.yml', text: 'artifacts:\n  files:\n    - imageDetail.json\n    - taskdef.json\n    - appspec.yml\n' },
      { file: 'pipeline.json', text: '"configuration": {\n  "TaskDefinitionTemplateArtifact": "BuildOutput",\n  "AppSpecTemplateArtifact": "BuildOutput",\n  "AppSpecTemplatePath": "appspec.yml"\n}\n' },
    ],
  },
  check({ project, report }) {
    const ctx = contextOf(project);
    forEachRole(ctx, (p, _d, role, dx) => {
      if (dx.kind !== 'other-name' && dx.kind !== 'missing') return;
      const key = role.pathKey!;
      const explicit = role.pathNode !== undefined;
      const reads = explicit ? `${key} is "${role.path}"` : `CodeDeployToECS reads ${role.path} (the default ${key})`;
      if (dx.kind === 'other-name') {
        const alt = dx.alternatives[0];
        const dir = (p: string) => p.slice(0, p.lastIndexOf('/') + 1);
        const other = alt.generated ? `have the build write ${role.path}` : dir(alt.path) === dir(role.path) ? `rename ${alt.path} to ${role.path}` : `move it to ${role.path}`;
        report({
          doc: p.doc,
          range: (role.pathNode ?? role.artifactNode).range,
          message: `${reads}, but ${role.artifact} has no such file; it holds ${list(dx.alternatives.slice(0, 3).map((a) => a.path))}. ${explicit ? 'Set' : 'Add'} "${key}": "${alt.path}"${explicit ? '' : ' to the action\'s configuration'}, or ${other}`,
        });
        return;
      }
      const where =
        dx.origin.kind === 'repository'
          ? `${role.artifact} is the source checkout, and the repository has no ${role.path}`
          : dx.origin.kind === 'build'
            ? `nothing in ${pathInProject(project, dx.origin.buildspec)} writes ${role.path} and it is not committed, so ${role.artifact} does not hold it`
            : `${role.artifact} does not hold it`;
      report({
        doc: p.doc,
        range: (role.pathNode ?? role.artifactNode).range,
        message: `${reads}, but ${where}; commit the ${role.label} at that path, or set ${key} to where it is`,
      });
    });
  },
};
