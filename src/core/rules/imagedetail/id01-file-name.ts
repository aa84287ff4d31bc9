import { FILE_START } from '../../config/position.js';
import { docsOf } from '../../model.js';
import { damerauLevenshtein } from '../../shapes/did-you-mean.js';
import type { Rule } from '../rule.js';
import { basename, buildspecWrites, IMAGE_DETAIL, imageFromBuild } from './util.js';

/** ID-01: the file CodeDeployToECS reads is named imageDetail.json, exactly. */
export const id01FileName: Rule = {
  id: 'ID-01',
  title: 'imageDetail.json misnamed',
  severity: 'error',
  files: ['imagedetail', 'buildspec', 'pipeline'],
  docs: {
    what:
      'The image file in each `Image<N>ArtifactName` artifact is named `imageDetail.json`, with that capitalisation. Reported: a committed `ImageDetail.json` or `imagedetail.json`, a buildspec that writes a near-miss such as `imageDetails.json`, ' +
      'and a buildspec that writes only `imagedefinitions.json` (the ECS standard deploy action\'s file) when the pipeline\'s CodeDeployToECS action takes its image from that build.',
    why:
      'CodeDeployToECS looks for exactly `imageDetail.json` in the artifact; artifact paths are case-sensitive. With any other name the deployment fails with ' +
      '`Invalid action configuration Exception while trying to read the image artifact file from the artifact: BuildOutput`.',
    bad: [{ file: 'buildspec.yml', text: buildspec('printf \'[{"name":"myapp","imageUri":"%s"}]\' $ECR_REPO:$IMAGE_TAG > imagedefinitions.json', 'imagedefinitions.json') }],
    good: [{ file: 'buildspec.yml', text: buildspec('printf \'{"ImageURI":"%s"}\' $ECR_REPO:$IMAGE_TAG > imageDetail.json', 'imageDetail.json') }],
  },
  check({ project, report }) {
    for (const doc of docsOf(project, 'imagedetail')) {
      if (doc.embedded) continue;
      const name = basename(doc.name);
      if (name !== IMAGE_DETAIL) report({ doc, range: FILE_START, message: `this file is named "${name}", but CodeDeployToECS reads exactly "${IMAGE_DETAIL}" (names are case-sensitive): rename it` });
    }
    const writes = buildspecWrites(project);
    const writesExact = writes.some((w) => basename(w.file.path) === IMAGE_DETAIL);
    const needed = imageFromBuild(project);
    for (const w of writes) {
      const name = basename(w.file.path);
      if (name === IMAGE_DETAIL) continue;
      if (nearMiss(name)) {
        report({ doc: w.doc, range: w.range, message: `the build writes "${name}", but CodeDeployToECS reads exactly "${IMAGE_DETAIL}" (names are case-sensitive): write "${IMAGE_DETAIL}" and list it under artifacts.files` });
      } else if (name.toLowerCase() === 'imagedefinitions.json' && needed && !writesExact) {
        report({
          doc: w.doc,
          range: w.range,
          message: `the build writes ${name}, the ECS standard deploy action's file, but the pipeline deploys with CodeDeployToECS, which reads ${IMAGE_DETAIL}: write printf '{"ImageURI":"%s"}' "$REPOSITORY_URI:$IMAGE_TAG" > ${IMAGE_DETAIL} instead`,
        });
      }
    }
  },
};

/** `imagedetail.json`, `ImageDetails.json`, `image_detail.json`: meant as imageDetail.json. */
function nearMiss(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower === IMAGE_DETAIL.toLowerCase()) return true;
  return /\.json$/.test(lower) && damerauLevenshtein(lower, IMAGE_DETAIL.toLowerCase(), 2) <= 2;
}

function buildspec(command: string, file: string): string {
  return `version: 0.2\nphases:\n  post_build:\n    commands:\n      - docker push $ECR_REPO:$IMAGE_TAG\n      - ${command}\nartifacts:\n  files:\n    - ${file}\n    - taskdef.json\n    - appspec.yaml\n`;
}
