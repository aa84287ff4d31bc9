import { namesOf, type ScaffoldOptions } from './options.js';

/** The action as users reference it. */
export const ACTION = 'ecs-codepipeline/ecs-codepipeline@v1';

/** .github/workflows/ecs-codepipeline.yml: check on pull requests, track on pushes to the branch the pipeline builds. */
export function workflowYaml(o: ScaffoldOptions): string {
  const n = namesOf(o);
  return `# Checks the pipeline's files on pull requests, and follows the CodePipeline
# execution of every push to ${o.branch} with check runs on the commit.
# The ecs-codepipeline GitHub App does both without a workflow: with the app
# installed, keep either this file or .github/ecs-codepipeline.yml, not both.
name: ECS pipeline

on:
  pull_request:
  push:
    branches: [${o.branch}]

permissions:
  checks: write
  statuses: write
  contents: read
  id-token: write

jobs:
  check:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ${ACTION}
        with:
          mode: check

  track:
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    # A newer push supersedes the execution this run follows
    concurrency:
      group: ecs-pipeline-\${{ github.ref }}
      cancel-in-progress: false
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${n.roleArn(n.roles.github)}
          aws-region: ${o.region}
      - uses: ${ACTION}
        with:
          mode: track
          pipeline-name: ${n.pipeline}
          aws-region: ${o.region}
          ecr-repository: ${o.name}
`;
}

/** .github/ecs-codepipeline.yml: what the GitHub App reads for this repository. */
export function appConfigYaml(o: ScaffoldOptions): string {
  const n = namesOf(o);
  const deployments = [...(o.staging ? ['  Deploy-Staging:\n    environment: staging'] : []), '  Deploy:\n    environment: production'].join('\n');
  // No `role`: the workflow's role trusts GitHub's OIDC tokens only; the app reads the pipeline with its own credentials.
  return `# Read by the ecs-codepipeline GitHub App: which pipeline builds this repository.
# The app checks pull requests and tracks pushes itself; the workflow in
# .github/workflows/ecs-codepipeline.yml does the same without the app. Keep one.
pipelines:
  - name: ${n.pipeline}
    region: ${o.region}
    branches: [${o.branch}]
# Each deploy stage as a GitHub environment
report: [checks, deployments]
deployments:
${deployments}
`;
}
