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
}

export function appOptionsFromEnv(env: Record<string, string | undefined> = process.env): AppOptions {
  const id = Number(env.APP_ID);
  return {
    appId: Number.isInteger(id) && id > 0 ? id : undefined,
    roles: parseRoleAllowList(env.ECS_CODEPIPELINE_ALLOWED_ROLES),
    docsUrl: env.ECS_CODEPIPELINE_DOCS_URL || undefined,
  };
}
