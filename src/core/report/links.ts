/**
 * Where the rule documentation lives. Renderers take a base URL so that the
 * action can point at the exact release it runs; this is the default for the
 * CLI and for SARIF, which needs absolute URIs.
 */
export const DEFAULT_DOCS_URL = 'https://github.com/ecs-codepipeline/ecs-codepipeline/blob/main/docs/rules.md';

/** The anchor of a rule in docs/rules.md (`TD-05` → `td-05`); the generator writes the same. */
export function ruleAnchor(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

export function ruleUrl(id: string, docsUrl: string = DEFAULT_DOCS_URL): string {
  return `${docsUrl}#${ruleAnchor(id)}`;
}
