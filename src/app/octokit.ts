import { ProbotOctokit } from 'probot';

/**
 * Probot's Octokit with plugin-throttling's pacing switched off: no second
 * between writes, no waiting on rate limits (plugin-retry still retries 5xx).
 *
 * `ProbotOctokit.defaults({ throttle: { enabled: false } })` does not do it:
 * Probot layers its own throttle options (without `enabled`) over the class's
 * defaults, and ProbotOctokit's own default (`enabled: true`) wins again. A
 * defaults *function* runs last, on the options Probot built, so it holds, and
 * Probot's installation clients inherit it.
 *
 * For tests and benchmarks against the fake GitHub, and for operators of a
 * GitHub Enterprise Server without rate limits (ECS_CODEPIPELINE_GITHUB_PACING=off).
 * On github.com keep the pacing: GitHub asks for a second between writes.
 */
export const UnpacedOctokit = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: { ...(options.throttle as Record<string, unknown> | undefined), enabled: false },
}));

export const PACING_ENV = 'ECS_CODEPIPELINE_GITHUB_PACING';

/** Whether the operator turned the pacing off (`off`, `false`, `0`, `no`). */
export function pacingOff(env: Record<string, string | undefined> = process.env): boolean {
  return /^(off|false|0|no)$/i.test(env[PACING_ENV]?.trim() ?? '');
}
