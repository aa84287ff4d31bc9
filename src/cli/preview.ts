import { readTree } from '../adapters/fs/read-tree.js';
import { useColor } from './color.js';
import type { CliIO } from './main.js';

const EXIT = { ok: 0, breaking: 1, usage: 2 } as const;

export const PREVIEW_HELP = `Usage: ecs-codepipeline preview [path] --pipeline <name> [options]

Shows what deploying these files would change in the running ECS service:
the task definition each CodeDeployToECS action of the pipeline would
register (placeholders filled, heredocs extracted) against the one the
service runs, field by field, and where the pipeline file differs from the
live pipeline. It only reads AWS: CodeDeploy GetDeploymentGroup, ECS
DescribeServices and DescribeTaskDefinition, CodePipeline GetPipeline
(docs/preview.md has the IAM policy). Credentials come from the AWS SDK's
default chain (environment, AWS_PROFILE, SSO, instance roles).

Options:
  --pipeline <name>      The CodePipeline pipeline (required)
  --region <region>      Its AWS Region (default: AWS_REGION, AWS_DEFAULT_REGION)
  --sha <commit>         The commit a build would tag the image for (its first
                         7 characters, as the buildspec tags it): shown as "would be"
  --image-tag <tag>      The tag of the image to deploy, in the repository the
                         buildspec pushes to (e.g. the one a pushed commit built)
  --no-drift             Do not compare the pipeline file with the live pipeline
  --color, --no-color    Colour the output, or not (default: on a terminal)
  -h, --help             Show this help

Without --sha or --image-tag the image stays the placeholder the pipeline fills.
Exit codes: 0 the preview ran (changes or not), 1 the deployment would fail
(e.g. the appspec's container port is not in the task definition), 2 usage.

Example:
  ecs-codepipeline preview . --pipeline myapp-ecs-pipeline --region us-east-1 --sha "$(git rev-parse HEAD)"
`;

interface Flags {
  path: string;
  pipeline?: string;
  region?: string;
  sha?: string;
  imageTag?: string;
  drift: boolean;
  color?: boolean;
}

const PIPELINE_NAME = /^[A-Za-z0-9.@_-]{1,100}$/;
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
/** An image tag as Docker takes it. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const VALUE_FLAGS: Record<string, 'pipeline' | 'region' | 'sha' | 'imageTag'> = { '--pipeline': 'pipeline', '--region': 'region', '--sha': 'sha', '--image-tag': 'imageTag' };

/** The command line after `preview`; a string is a usage error. */
export function parsePreviewArgs(argv: readonly string[]): Flags | 'help' | string {
  const out: Flags = { path: '.', drift: true };
  let pathSeen = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') return 'help';
    if (!arg.startsWith('-') || arg === '-') {
      if (pathSeen) return `preview takes one folder, got '${out.path}' and '${arg}'`;
      out.path = arg;
      pathSeen = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (name in VALUE_FLAGS) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined || value === '' || (eq < 0 && value.startsWith('-'))) return `option ${name} needs a value (see \`ecs-codepipeline preview --help\`)`;
      out[VALUE_FLAGS[name]] = value.trim();
    } else if (name === '--no-drift' && eq < 0) out.drift = false;
    else if ((name === '--color' || name === '--no-color') && eq < 0) out.color = name === '--color';
    else return `unknown option '${arg}' for preview; the options are --pipeline, --region, --sha, --image-tag, --no-drift, --color, --no-color (see \`ecs-codepipeline preview --help\`)`;
  }
  if (!out.pipeline) return 'preview needs --pipeline <name>: the CodePipeline pipeline whose deploy actions to preview (as `aws codepipeline list-pipelines` shows it)';
  if (!PIPELINE_NAME.test(out.pipeline)) return `--pipeline '${out.pipeline}' is not a pipeline name: CodePipeline names have 1 to 100 letters, digits and . @ - _ only`;
  if (out.sha !== undefined && out.imageTag !== undefined) return 'give --sha or --image-tag, not both: --sha says which commit a build would tag, --image-tag which image runs';
  if (out.sha !== undefined && !/^[0-9a-f]{7,40}$/i.test(out.sha)) return `--sha '${out.sha}' is not a commit SHA; give at least its first 7 hexadecimal characters`;
  if (out.imageTag !== undefined && !TAG.test(out.imageTag)) return `--image-tag '${out.imageTag}' is not an image tag (letters, digits, _ . -, at most 128 characters)`;
  return out;
}

function usage(io: CliIO, message: string): number {
  io.stderr(`ecs-codepipeline: ${message}\nRun \`ecs-codepipeline preview --help\` for the usage.\n`);
  return EXIT.usage;
}

export async function previewMain(argv: readonly string[], io: CliIO): Promise<number> {
  const flags = parsePreviewArgs(argv);
  if (flags === 'help') {
    io.stdout(PREVIEW_HELP);
    return EXIT.ok;
  }
  if (typeof flags === 'string') return usage(io, flags);
  const region = flags.region ?? (io.env.AWS_REGION?.trim() || io.env.AWS_DEFAULT_REGION?.trim() || undefined);
  if (!region) return usage(io, 'no AWS region: give --region (e.g. us-east-1) or set AWS_REGION');
  if (!REGION.test(region)) return usage(io, `the AWS region '${region}' is not a region name such as us-east-1 or eu-west-2`);
  const read = readTree([flags.path], io.cwd);
  if (read.missing.length > 0) return usage(io, `path '${flags.path}' not found (relative to ${io.cwd}); give the folder that holds the pipeline's files`);
  for (const u of read.unreadable) io.stderr(`ecs-codepipeline: could not read ${u.path} (${u.reason}); it was left out\n`);

  // The AWS SDK is loaded here only: `ecs-codepipeline check` never pays for it.
  const { createLiveDeploy } = await import('../adapters/aws/live-deploy.js');
  const { previewDeploy } = await import('../services/preview.js');
  const { renderPreviewText } = await import('../core/preview/text.js');
  const logger = { info: () => {}, debug: () => {}, warning: (m: string) => io.stderr(`ecs-codepipeline: ${m}\n`) };
  const live = createLiveDeploy({ region, logger, env: io.env as NodeJS.ProcessEnv });
  try {
    const result = await previewDeploy(
      { files: read.files, tree: read.tree, pipelineName: flags.pipeline!, drift: flags.drift, ...(flags.sha ? { headSha: flags.sha.toLowerCase() } : {}), ...(flags.imageTag ? { imageTag: flags.imageTag } : {}) },
      live,
    );
    for (const n of result.notes) io.stderr(`ecs-codepipeline: ${n}\n`);
    io.stdout(renderPreviewText(result.input, { color: useColor(flags.color, io.env, io.isTTY) }));
    return result.report.conclusion === 'failure' ? EXIT.breaking : EXIT.ok;
  } finally {
    live.destroy();
  }
}
