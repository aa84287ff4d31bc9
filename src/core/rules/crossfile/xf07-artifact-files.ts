import { keyRange } from '../../config/node.js';
import { FILE_START } from '../../config/position.js';
import { pathInProject } from '../../model.js';
import type { Rule } from '../rule.js';
import { contextOf } from './context.js';
import { forEachRole } from './roles.js';
import { wordRange } from './workspace.js';

/** XF-07: the buildspec's artifacts section ships the deploy files at the paths the action reads. */
export const xf07ArtifactFiles: Rule = {
  id: 'XF-07',
  title: 'Build artifact ships the deploy files where the action reads them',
  severity: 'error',
  files: ['buildspec', 'pipeline'],
  docs: {
    what: 'When the build writes taskdef.json, the appspec or imageDetail.json for CodeDeployToECS, `artifacts.files` lists them, and after `base-directory` and `discard-paths` they sit at exactly the paths the action reads (`imageDetail.json` at the root of the artifact).',
    why: 'Only what `artifacts.files` matches is uploaded as the build\'s output artifact. A generated file that is not listed, or that ends up in a sub-folder, is not where the action looks, and the deploy fails (for the image: "Exception while trying to read the image artifact file").',
    bad: [{ file: 'buildspec.yml', text: 'post_build:\n  commands:\n    - printf \'{"ImageURI":"%s"}\' "$ECR_REPO:$IMAGE_TAG" > imageDetail.json\nartifacts:\n  files:\n    - taskdef.json\n    - appspec.yaml\n' }],
    good: [{ file: 'buildspec.yml', text: 'post_build:\n  commands:\n    - printf \'{"ImageURI":"%s"}\' "$ECR_REPO:$IMAGE_TAG" > imageDetail.json\nartifacts:\n  files:\n    - imageDetail.json\n    - taskdef.json\n    - appspec.yaml\n' }],
  },
  check({ project, report }) {
    const ctx = contextOf(project);
    forEachRole(ctx, (_p, _d, role, dx) => {
      if (dx.kind !== 'not-listed' && dx.kind !== 'misplaced' && dx.kind !== 'unlisted') return;
      const o = dx.origin;
      const buildspec = o.buildspec;
      const name = pathInProject(project, buildspec);
      const section = o.spec?.identifier ? `secondary-artifacts.${o.spec.identifier}.files` : 'artifacts.files';
      if (dx.kind === 'unlisted') {
        report({
          doc: buildspec,
          range: o.spec?.range ?? keyRange(buildspec.root, 'phases') ?? FILE_START,
          message: o.spec
            ? `The deploy action reads ${role.path} from ${o.name}, but ${section} in ${name} does not pick it up; list it there (and make sure the build writes it)`
            : `The deploy action reads ${role.path} from ${o.name}, but ${name} has no artifacts section, so the build's output is empty; add artifacts: files: - ${role.path}`,
        });
        return;
      }
      if (dx.kind === 'not-listed') {
        if (!o.spec) {
          const w = dx.write!;
          report({
            doc: buildspec,
            range: wordRange(buildspec, w.command, w.word),
            message: `${name} writes ${dx.source} but has no artifacts section, so ${o.name} is empty and the deploy action finds no ${role.path}; add artifacts: files: - ${role.path}`,
          });
          return;
        }
        const outside = o.spec.base && !dx.source.startsWith(`${o.spec.base}/`) ? ` (it is outside base-directory "${o.spec.base}")` : '';
        report({
          doc: buildspec,
          range: o.spec.range,
          message: `The build writes ${dx.source}, but ${section} does not pick it up${outside}, so ${o.name} has no ${role.path} for the deploy action; ${outside ? `write it under ${o.spec.base}/ or drop base-directory` : `add "- ${role.path}" to ${section}`}`,
        });
        return;
      }
      const dir = dx.at.includes('/') ? dx.at.slice(0, dx.at.lastIndexOf('/')) : '';
      const move = dir && !o.spec?.base ? `add base-directory: ${dir} (or discard-paths: yes) to the artifacts section` : 'set discard-paths: yes, or write it at the root of the build';
      const fix = role.pathKey ? `set "${role.pathKey}": "${dx.at}" in the deploy action, or ${move}` : move;
      report({
        doc: buildspec,
        range: o.spec!.range,
        message: `${o.name} holds ${dx.at}${dx.source !== dx.at ? ` (from ${dx.source})` : ''}, but the deploy action reads ${role.path}; ${fix}`,
      });
    });
  },
};
