import { appspecYaml, APPSPEC_PATH, TASKDEF_PATH, taskdefJson } from './taskdef.js';
import { namesOf, type ScaffoldOptions } from './options.js';

const indent = (text: string, by: string) =>
  text
    .split('\n')
    .map((l) => (l === '' ? l : by + l))
    .join('\n');

/** A command that writes a file with a quoted heredoc, so that the shell changes nothing in it. */
function heredoc(path: string, tag: string, body: string): string {
  const lines = `cat > ${path} <<'${tag}'\n${body.replace(/^#.*\n/, '')}${tag}\n`;
  return `      - |\n${indent(lines, '        ')}`;
}

/**
 * The buildspec: builds the image, tags it with the short commit SHA, pushes
 * it only when the build succeeded, and hands imageDetail.json (plus the
 * templates) to the deploy action.
 */
export function buildspecYaml(o: ScaffoldOptions): string {
  const n = namesOf(o);
  const embedded = o.embed
    ? `      # The templates CodeDeployToECS reads; it fills in <IMAGE1_NAME> and <TASK_DEFINITION>
${heredoc(TASKDEF_PATH, 'TASKDEF', taskdefJson(o))}${heredoc(APPSPEC_PATH, 'APPSPEC', appspecYaml(o))}`
    : '';
  return `# CodeBuild project ${n.buildProject}: builds the image, pushes it to ECR and hands
# imageDetail.json, ${TASKDEF_PATH} and ${APPSPEC_PATH} to the CodeDeployToECS action.
version: 0.2

env:
  variables:
    ECR_REGISTRY: "${n.registry}"
    REPOSITORY_URI: "${n.repositoryUri}"
  # Read by the ecs-codepipeline action to find the image this build produced
  exported-variables:
    - IMAGE_URI
    - IMAGE_TAG

phases:
  pre_build:
    commands:
      - aws ecr get-login-password --region "$AWS_DEFAULT_REGION" | docker login --username AWS --password-stdin "$ECR_REGISTRY"
      # One image per commit: the first seven characters of its SHA
      - IMAGE_TAG="$(echo "$CODEBUILD_RESOLVED_SOURCE_VERSION" | cut -c 1-7)"
      - IMAGE_URI="$REPOSITORY_URI:$IMAGE_TAG"
  build:
    commands:
      - docker build --tag "$IMAGE_URI" .
  post_build:
    commands:
      # post_build runs even when the build failed: hand on nothing then
      - '[ "$CODEBUILD_BUILD_SUCCEEDING" = 1 ] || exit 1'
      - docker push "$IMAGE_URI"
      - printf '{"ImageURI":"%s"}' "$IMAGE_URI" > imageDetail.json
${embedded}
artifacts:
  files:
    - imageDetail.json
    - ${TASKDEF_PATH}
    - ${APPSPEC_PATH}
`;
}
