/**
 * Builds the documentation examples: a whole Fargate task definition in the
 * blog's style, with the members a rule is about added, so that every example
 * in docs/rules.md is a file the checker can be run on.
 */
export interface ExampleParts {
  /** Extra task-level members, e.g. `"taskRoleArn": "…"`. */
  task?: string[];
  /** Extra members of the main container. */
  container?: string[];
  /** Further containers, each a JSON object. */
  more?: string[];
}

function indent(text: string, by: number): string {
  return text
    .split('\n')
    .map((l) => ' '.repeat(by) + l)
    .join('\n');
}

export function taskdefExample(parts: ExampleParts = {}): string {
  const task = [
    '"family": "myapp"',
    '"requiresCompatibilities": ["FARGATE"]',
    '"networkMode": "awsvpc"',
    '"cpu": "256"',
    '"memory": "512"',
    '"executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole"',
    ...(parts.task ?? []),
  ];
  const main = ['"name": "myapp"', '"image": "<IMAGE1_NAME>"', '"essential": true', ...(parts.container ?? [])];
  const containers = [`{\n${indent(main.join(',\n'), 2)}\n}`, ...(parts.more ?? [])];
  return `{\n${indent(task.join(',\n'), 2)},\n  "containerDefinitions": [\n${indent(containers.join(',\n'), 4)}\n  ]\n}\n`;
}

/** An awslogs configuration with the given options, as a container member. */
export function awslogs(options: Record<string, string>): string {
  const body = Object.entries(options)
    .map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`)
    .join(',\n');
  return `"logConfiguration": {\n  "logDriver": "awslogs",\n  "options": {\n${body}\n  }\n}`;
}

export const AWSLOGS_OPTIONS = { 'awslogs-group': '/ecs/myapp', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' } as const;
