import { pathInProject } from '../../model.js';
import type { Rule } from '../rule.js';
import { contextOf } from './context.js';
import { forEachRole } from './roles.js';

/** XF-06: each template is read from the artifact that actually contains it. */
export const xf06TemplateArtifact: Rule = {
  id: 'XF-06',
  title: 'Template read from the artifact that contains it',
  severity: 'error',
  files: ['pipeline', 'buildspec'],
  docs: {
    what: 'A task definition, appspec or imageDetail.json that the buildspec writes is read from the CodeBuild **output** artifact, not from the source artifact; one committed in the repository is read from the source artifact (or listed in the build\'s `artifacts.files`).',
    why: 'The source artifact is the repository as committed; files generated during the build exist only in the artifact built from the buildspec\'s `artifacts` section. Pointing `TaskDefinitionTemplateArtifact`, `AppSpecTemplateArtifact` or `Image<N>ArtifactName` at the other one makes the action fail to find the file.',
    bad: [
      { file: 'buildspec.yml', text: 'post_build:\n  commands:\n    - printf \'{"ImageURI":"%s"}\' "$ECR_REPO:$IMAGE_TAG" > imageDetail.json\n' },
      { file: 'pipeline.json', text: '"configuration": {\n  "Image1ArtifactName": "SourceOutput",\n  "Image1ContainerName": "IMAGE1_NAME"\n}\n' },
    ],
    good: [
      { file: 'buildspec.yml', text: 'post_build:\n  commands:\n    - printf \'{"ImageURI":"%s"}\' "$ECR_REPO:$IMAGE_TAG" > imageDetail.json\n' },
      { file: 'pipeline.json', text: '"configuration": {\n  "Image1ArtifactName": "BuildOutput",\n  "Image1ContainerName": "IMAGE1_NAME"\n}\n' },
    ],
  },
  check({ project, report }) {
    const ctx = contextOf(project);
    forEachRole(ctx, (p, d, role, dx) => {
      const addInput = (name: string) => (d.inputs.includes(name) ? '' : ` and add it to the action's inputArtifacts`);
      if (dx.kind === 'generated-elsewhere') {
        report({
          doc: p.doc,
          range: role.artifactNode.range,
          message: `${role.path} is written by ${pathInProject(project, dx.buildspec)} during the build, so it is in ${dx.holder}, not in ${role.artifact} (the source checkout); set "${role.artifactKey}": "${dx.holder}"${addInput(dx.holder)}`,
        });
      } else if (dx.kind === 'committed-elsewhere') {
        report({
          doc: p.doc,
          range: role.artifactNode.range,
          message: `${role.path} is committed in the repository, but ${role.artifact} only holds what the build's artifacts.files lists, and ${role.path} is not among it; ${dx.holder ? `set "${role.artifactKey}": "${dx.holder}"${addInput(dx.holder)}, or ` : ''}add ${role.path} to artifacts.files`,
        });
      } else if (dx.kind === 'ecr-template') {
        report({
          doc: p.doc,
          range: role.artifactNode.range,
          message: `${role.artifact} is the output of an ECR source action, which holds only imageDetail.json, not the ${role.label} ${role.path}; name the artifact that contains ${role.path} (the source checkout or the build output)`,
        });
      }
    });
  },
};
