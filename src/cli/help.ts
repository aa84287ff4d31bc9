export const HELP = `Usage: ecs-codepipeline <command> [options]

Checks the files of an ECS blue/green deployment through CodePipeline:
Dockerfile, buildspec.yml, taskdef.json, appspec.yaml, the pipeline JSON and
imageDetail.json, alone and across files, at the exact line.

Commands:
  check [paths...]     Check the files found in these folders or files
                       (default: the current folder)
  scaffold [dir]       Write a complete, correct set of pipeline files for a
                       service (run \`ecs-codepipeline scaffold --help\`)
  preview [path]       Show what deploying these files would change in the
                       running ECS service, and pipeline drift (run
                       \`ecs-codepipeline preview --help\`)
  start, track         Come in a later release (the GitHub Action has them)

Options of check:
  -f, --format <format>  text (default), json, sarif or github (workflow commands)
  --fail-on <severity>   Exit 1 when a finding is at or above this severity:
                         error (default), warning, or never
  --color, --no-color    Colour the text output, or not (default: on a
                         terminal, unless NO_COLOR is set; FORCE_COLOR forces it)
  -h, --help             Show this help
  -v, --version          Show the version

Exit codes: 0 nothing at or above --fail-on, 1 something is, 2 usage error.

Examples:
  ecs-codepipeline check
  ecs-codepipeline check examples/seed --fail-on warning
  ecs-codepipeline check . --format sarif > ecs-codepipeline.sarif

Every rule is described in docs/rules.md.
`;
