/**
 * Commands the buildspec rules look for, matched against a command's shell
 * code (quoted text and comments blanked, so `echo "docker build"` is not one).
 */

/** Global options between a program and its subcommand (`docker --debug push`, `aws --region us-east-1 ecr …`). */
const OPTIONS = String.raw`(?:\s+--?[a-z][\w.-]*(?:=\S+)?)*`;

/** Docker commands that talk to the daemon. */
export const DOCKER_DAEMON = new RegExp(
  String.raw`\bdocker${OPTIONS}\s+(?:build|buildx|push|pull|login|run|tag|compose|image|save|load|create|exec|images|inspect|info)\b|\bdocker-compose\b`,
  'g',
);

/** Pushing an image: `docker push`, `docker image push`, `docker buildx build … --push`. */
export const DOCKER_PUSH = new RegExp(String.raw`\bdocker${OPTIONS}\s+(?:image\s+)?push\b|\bdocker${OPTIONS}\s+buildx\s+build\b[^\n;&|]*\s--push\b`, 'g');

/** `aws ecr get-login` (removed in AWS CLI v2), not `get-login-password`. */
export const ECR_GET_LOGIN = /\baws(?:\s+--?[a-z][\w-]*(?:[= ](?!ecr\b)[^\s-]\S*)?)*\s+ecr\s+get-login(?![\w-])/g;

export function firstMatch(text: string, pattern: RegExp): { start: number; end: number; text: string } | undefined {
  pattern.lastIndex = 0;
  const m = pattern.exec(text);
  pattern.lastIndex = 0;
  return m ? { start: m.index, end: m.index + m[0].length, text: m[0] } : undefined;
}
