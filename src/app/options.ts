import type { ReadLimits } from './read-commit.js';
import { parseRoleAllowList, type RoleAllowList } from './roles.js';

/** What the operator sets (environment) and the handlers share. */
export interface AppOptions {
  /** The app's id (APP_ID): check runs are listed with `app_id` so only ours count. */
  appId?: number;
  roles: RoleAllowList;
  /** Base URL of docs/rules.md for rule links (ECS_CODEPIPELINE_DOCS_URL). */
  docsUrl?: string;
  limits?: ReadLimits;
  /**
   * Find the pipeline runs an earlier process left open and track them again
   * when the app loads (resume.ts). On unless ECS_CODEPIPELINE_RESUME is
   * `false`; options built by hand (tests, the Lambda handler) leave it off.
   */
  resume?: boolean;
  /**
   * The onboarding pull request (handlers/installation.ts). On unless
   * ECS_CODEPIPELINE_ONBOARDING is `false`; options built by hand leave it off.
   */
  onboarding?: boolean;
}

export function appOptionsFromEnv(env: Record<string, string | undefined> = process.env): AppOptions {
  const id = Number(env.APP_ID);
  return {
    appId: Number.isInteger(id) && id > 0 ? id : undefined,
    roles: parseRoleAllowList(env.ECS_CODEPIPELINE_ALLOWED_ROLES),
    docsUrl: env.ECS_CODEPIPELINE_DOCS_URL || undefined,
    resume: !/^(false|0|no|off)$/i.test(env.ECS_CODEPIPELINE_RESUME?.trim() ?? ''),
    onboarding: !/^(false|0|no|off)$/i.test(env.ECS_CODEPIPELINE_ONBOARDING?.trim() ?? ''),
  };
}
