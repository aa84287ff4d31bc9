/**
 * The JSON Schema of `.github/ecs-codepipeline.yml`. docs/ecs-codepipeline.schema.json is
 * this object written out (a test keeps the two equal), for editor completion:
 * `# yaml-language-server: $schema=…` at the top of the file.
 */
export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://github.com/ecs-codepipeline/ecs-codepipeline/blob/main/docs/ecs-codepipeline.schema.json',
  title: 'ecs-codepipeline app configuration (.github/ecs-codepipeline.yml)',
  type: 'object',
  additionalProperties: false,
  properties: {
    check_name: {
      description: 'The name of the check run that reports the configuration check. Default "ECS config". Branch protection can require it.',
      type: 'string',
      minLength: 1,
      maxLength: 100,
    },
    paths: {
      description: 'Folders or files of the repository to check, relative to its root. Default ["."] (the whole repository).',
      type: 'array',
      minItems: 1,
      items: { type: 'string', minLength: 1, pattern: '^(?!/)(?!.*(^|/)\\.\\.(/|$)).+$' },
    },
    pipelines: {
      description: 'The CodePipeline pipelines that deploy this repository.',
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['name', 'region'],
        properties: {
          name: { description: 'The pipeline name, e.g. myapp-pipeline.', type: 'string', pattern: '^[A-Za-z0-9.@_-]{1,100}$' },
          region: { description: 'The AWS Region of the pipeline, e.g. us-east-1.', type: 'string', pattern: '^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d$' },
          branches: {
            description: 'Branches whose pushes this pipeline deploys. Default: the default branch.',
            type: 'array',
            minItems: 1,
            items: { type: 'string', minLength: 1 },
          },
          role: {
            description: 'An IAM role for the app to assume to read and act on this pipeline; it must be in the operator\'s allow-list (ECS_CODEPIPELINE_ALLOWED_ROLES).',
            type: 'string',
            pattern: '^arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]+$',
          },
        },
      },
    },
    report: {
      description: 'Where pipeline results go: check runs, commit statuses, deployments. Default ["checks"].',
      type: 'array',
      uniqueItems: true,
      items: { enum: ['checks', 'statuses', 'deployments'] },
    },
    deployments: {
      description: 'Deploy stages → GitHub environments, e.g. Deploy-Staging: { environment: staging }.',
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        required: ['environment'],
        properties: {
          environment: { type: 'string', minLength: 1, maxLength: 255 },
          environment_url: { type: 'string', pattern: '^https?://' },
        },
      },
    },
    onboarding: {
      description: 'Unset (the default): a repository without pipeline files gets an onboarding pull request when the app is installed on it, and a neutral check run that explains the set-up when no pipeline file is found in the checked paths. true: the same, and the onboarding pull request also comes to a repository that has some of the files (it adds only the missing ones). false: neither (set it in the organisation\'s .github repository for all its repositories).',
      type: 'boolean',
    },
    preview: {
      description: 'true: on pull requests, an `ECS deploy preview` check run shows what merging would change in each configured pipeline\'s running ECS service (task definition field by field) and where the pipeline file differs from the live pipeline. Default false. The app needs read-only AWS access (docs/preview.md).',
      type: 'boolean',
    },
  },
} as const;
