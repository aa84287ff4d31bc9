import { codebuildProject, iamFiles } from './aws.js';
import { buildspecYaml } from './buildspec.js';
import { dockerfile, dockerignore } from './dockerfile.js';
import { appConfigYaml, workflowYaml } from './github.js';
import type { ScaffoldOptions } from './options.js';
import { pipelineJson } from './pipeline.js';
import { setupSh } from './setup-sh.js';
import { APPSPEC_PATH, appspecYaml, TASKDEF_PATH, taskdefJson } from './taskdef.js';

export * from './options.js';
export { unifiedDiff } from './diff.js';

/** Files that must be executable once written. */
export const EXECUTABLE = new Set(['aws/setup.sh']);

/**
 * Every file of the scaffold, path (relative, `/`) → content. Pure: the same
 * options always give the same files, which is what makes a second run a no-op.
 */
export function scaffoldFiles(o: ScaffoldOptions): Map<string, string> {
  const files: [string, string][] = [
    ['Dockerfile', dockerfile(o)],
    ['.dockerignore', dockerignore(o)],
    ['buildspec.yml', buildspecYaml(o)],
    ...(o.embed ? [] : ([[TASKDEF_PATH, taskdefJson(o)], [APPSPEC_PATH, appspecYaml(o)]] as [string, string][])),
    ['pipeline.json', pipelineJson(o)],
    ['aws/codebuild-project.json', codebuildProject(o)],
    ...Object.entries(iamFiles(o)),
    ['aws/setup.sh', setupSh(o)],
    ['.github/workflows/ecs-codepipeline.yml', workflowYaml(o)],
    ['.github/ecs-codepipeline.yml', appConfigYaml(o)],
  ];
  return new Map(files);
}
