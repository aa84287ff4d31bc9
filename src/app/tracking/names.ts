import { DEFAULT_CHECK_NAME } from '../../core/pipeline/render.js';
import type { AppConfig, PipelineConfig } from '../config.js';

/**
 * The check name of a configured pipeline: `ECS pipeline` (as the action's
 * default) when the repository has one pipeline, `ECS pipeline: <name>` when
 * it has several. Stage runs append ` / <stage>`.
 */
export function pipelineCheckName(config: Pick<AppConfig, 'pipelines'>, pipeline: PipelineConfig): string {
  return config.pipelines.length > 1 ? `${DEFAULT_CHECK_NAME}: ${pipeline.name}` : DEFAULT_CHECK_NAME;
}

/** The pipeline a check run of ours belongs to, from its name (`ECS pipeline` or `ECS pipeline / Build`). */
export function pipelineOfRun(config: Pick<AppConfig, 'pipelines'>, runName: string): { pipeline: PipelineConfig; checkName: string } | undefined {
  for (const pipeline of config.pipelines) {
    const checkName = pipelineCheckName(config, pipeline);
    if (runName === checkName || runName.startsWith(`${checkName} / `)) return { pipeline, checkName };
  }
  return undefined;
}

/** Compiled branch patterns: every push is matched against every pipeline of its repository's config. */
const compiled = new Map<string, RegExp>();
const COMPILED_MAX = 10_000;

function globToRegExp(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (re) return re;
  re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  if (compiled.size >= COMPILED_MAX) compiled.clear();
  compiled.set(pattern, re);
  return re;
}

/** Whether a push to `branch` concerns the pipeline: its `branches` (with `*` patterns), else the default branch. */
export function pipelineWatches(pipeline: PipelineConfig, branch: string, defaultBranch: string | undefined): boolean {
  const branches = pipeline.branches ?? (defaultBranch ? [defaultBranch] : []);
  return branches.some((b) => globToRegExp(b).test(branch));
}
