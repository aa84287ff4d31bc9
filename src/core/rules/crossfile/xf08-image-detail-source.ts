import { pathInProject } from '../../model.js';
import type { Rule } from '../rule.js';
import { contextOf } from './context.js';
import { forEachRole } from './roles.js';

const PRINTF = `printf '{"ImageURI":"%s"}' "$REPOSITORY_URI:$IMAGE_TAG" > imageDetail.json`;

/** XF-08: every Image<N>ArtifactName has an imageDetail.json from somewhere. */
export const xf08ImageDetailSource: Rule = {
  id: 'XF-08',
  title: 'Image artifact has an imageDetail.json',
  severity: 'error',
  files: ['pipeline', 'buildspec', 'imagedetail'],
  docs: {
    what: 'Each `Image<N>ArtifactName` names an artifact that holds an imageDetail.json: the output of an ECR source action, a build output whose buildspec writes one, or a source checkout where it is committed.',
    why: 'The action reads ImageURI from that file to fill in the image placeholder; without it the deploy fails with "Exception while trying to read the image artifact file". (A file written under another name, such as `imagedefinitions.json`, is reported by ID-01.)',
    bad: [{ file: 'buildspec.yml', text: 'post_build:\n  commands:\n    - docker push $ECR_REPO:$IMAGE_TAG\nartifacts:\n  files:\n    - taskdef.json\n    - appspec.yaml\n' }],
    good: [{ file: 'buildspec.yml', text: 'post_build:\n  commands:\n    - docker push $ECR_REPO:$IMAGE_TAG\n    - printf \'{"ImageURI":"%s"}\' "$ECR_REPO:$IMAGE_TAG" > imageDetail.json\nartifacts:\n  files:\n    - imageDetail.json\n    - taskdef.json\n    - appspec.yaml\n' }],
  },
  check({ project, report }) {
    const ctx = contextOf(project);
    forEachRole(ctx, (p, _d, role, dx) => {
      if (dx.kind !== 'no-image-source') return;
      const o = dx.origin;
      let message: string;
      if (o.kind === 'build') {
        message = `${role.artifactKey} "${role.artifact}" has no imageDetail.json: nothing in ${pathInProject(project, o.buildspec)} writes it; add \`${PRINTF}\` after the docker push and list imageDetail.json under artifacts.files`;
      } else {
        message = `${role.artifactKey} "${role.artifact}" is the source checkout, and the repository has no imageDetail.json; name the build output whose buildspec writes it (\`${PRINTF}\`), or an ECR source action's output`;
      }
      report({ doc: p.doc, range: role.artifactNode.range, message });
    });
  },
};
