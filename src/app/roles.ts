/**
 * The roles the app may assume, set by whoever runs it (ECS_CODEPIPELINE_ALLOWED_ROLES:
 * ARNs or patterns with `*`, separated by commas). A repository's config can only
 * pick among them, so that a repository cannot make the app act in an account it
 * was not meant to reach. Unset or empty: no role may be assumed.
 */
export interface RoleAllowList {
  patterns: string[];
  allows(arn: string): boolean;
}

function toRegExp(pattern: string): RegExp {
  const body = pattern.split('*').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${body}$`);
}

export function parseRoleAllowList(value: string | undefined): RoleAllowList {
  const patterns = (value ?? '').split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
  const compiled = patterns.map(toRegExp);
  return { patterns, allows: (arn) => compiled.some((r) => r.test(arn)) };
}
