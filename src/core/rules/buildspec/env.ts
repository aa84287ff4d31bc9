import { at, child, entries, items, str } from '../../config/node.js';
import { pipelineActions } from '../../config/pipeline.js';
import { docsOf, pathInProject, type Doc, type Project } from '../../model.js';
import type { Node } from '../../types.js';

/**
 * Where a buildspec's variables can come from besides the buildspec itself:
 * CodeBuild's own variables, the CodeBuild project and the pipeline action
 * that starts the build.
 */

/** Documented in "Environment variables in build environments" (every `CODEBUILD_*` name is CodeBuild's). */
export const CODEBUILD_VARIABLES = [
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'CODEBUILD_BATCH_BUILD_IDENTIFIER',
  'CODEBUILD_BUILD_ARN',
  'CODEBUILD_BUILD_ID',
  'CODEBUILD_BUILD_IMAGE',
  'CODEBUILD_BUILD_NUMBER',
  'CODEBUILD_BUILD_SUCCEEDING',
  'CODEBUILD_INITIATOR',
  'CODEBUILD_KMS_KEY_ID',
  'CODEBUILD_LOG_PATH',
  'CODEBUILD_PROJECT_ARN',
  'CODEBUILD_PUBLIC_BUILD_URL',
  'CODEBUILD_RESOLVED_SOURCE_VERSION',
  'CODEBUILD_SOURCE_REPO_URL',
  'CODEBUILD_SOURCE_VERSION',
  'CODEBUILD_SRC_DIR',
  'CODEBUILD_START_TIME',
  'CODEBUILD_WEBHOOK_ACTOR_ACCOUNT_ID',
  'CODEBUILD_WEBHOOK_BASE_REF',
  'CODEBUILD_WEBHOOK_EVENT',
  'CODEBUILD_WEBHOOK_MERGE_COMMIT',
  'CODEBUILD_WEBHOOK_PREV_COMMIT',
  'CODEBUILD_WEBHOOK_HEAD_REF',
  'CODEBUILD_WEBHOOK_TRIGGER',
  'HOME',
];

/** Set by the shell, the operating system or the CodeBuild images themselves. */
const SHELL_AND_IMAGE = [
  '_', 'BASH', 'BASH_SOURCE', 'BASH_VERSION', 'BASHPID', 'COLUMNS', 'EPOCHREALTIME', 'EPOCHSECONDS', 'EUID', 'FUNCNAME', 'GROUPS',
  'HOSTNAME', 'HOSTTYPE', 'IFS', 'LANG', 'LC_ALL', 'LINENO', 'MACHTYPE', 'OLDPWD', 'OPTARG', 'OPTIND', 'OSTYPE', 'PATH', 'PIPESTATUS',
  'PPID', 'PWD', 'RANDOM', 'REPLY', 'SECONDS', 'SHELL', 'SHLVL', 'TERM', 'TMPDIR', 'UID', 'USER',
  'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', 'ANDROID_HOME', 'ANDROID_SDK_ROOT', 'DOCKER_VERSION', 'DOCKER_COMPOSE_VERSION',
  'DOTNET_ROOT', 'GOPATH', 'GOROOT', 'GOENV_ROOT', 'GRADLE_VERSION', 'JAVA_HOME', 'JDK_HOME', 'JRE_HOME', 'MAVEN_HOME',
  'N_PREFIX', 'PHPENV_ROOT', 'PYENV_ROOT', 'RBENV_ROOT', 'DEBIAN_FRONTEND',
];

const KNOWN = new Set([...CODEBUILD_VARIABLES, ...SHELL_AND_IMAGE]);
/** The images' per-version variables: `$JAVA_17_HOME`, `$NODE_20_VERSION`, `$PYTHON_312_VERSION` … */
const IMAGE_VERSIONED = /^(?:(?:JAVA|JRE|JDK)_\d+_HOME|(?:NODE|PYTHON|RUBY|PHP|GOLANG|RUST|GRADLE|DOTNET)_\d+(?:_GLOBAL_JSON_SDK|_SDK)?_VERSION)$/;

export function isBuiltIn(name: string): boolean {
  return KNOWN.has(name) || name.startsWith('CODEBUILD_') || IMAGE_VERSIONED.test(name);
}

export interface ProjectDef {
  doc: Doc;
  /** The project object (the file itself, or one of its `projects`). */
  node: Node;
}

/** CodeBuild projects in the repository (create-project input or batch-get-projects output). */
export function codebuildProjects(project: Project): ProjectDef[] {
  const out: ProjectDef[] = [];
  for (const doc of docsOf(project, 'codebuild-project')) {
    const root = doc.root;
    if (child(root, 'environment')?.type === 'object') out.push({ doc, node: root! });
    for (const p of items(child(root, 'projects'))) if (child(p, 'environment')?.type === 'object') out.push({ doc, node: p });
  }
  return out;
}

/**
 * The projects that run this buildspec: those whose `source.buildspec` names
 * it (no buildspec means buildspec.yml), else the only project with a
 * buildspec file. A project with an inline buildspec runs none of ours.
 */
export function projectsFor(project: Project, buildspec: Doc): ProjectDef[] {
  const path = pathInProject(project, buildspec);
  const candidates = codebuildProjects(project).filter((p) => !inlineSpec(p.node));
  const named = candidates.filter((p) => {
    const spec = str(at(p.node, 'source.buildspec'))?.trim().replace(/^\.\//, '');
    return spec ? spec === path : path === 'buildspec.yml';
  });
  if (named.length > 0) return named;
  return candidates.length === 1 && !str(at(candidates[0].node, 'source.buildspec')) ? candidates : [];
}

function inlineSpec(node: Node): boolean {
  const spec = str(at(node, 'source.buildspec'));
  return spec !== undefined && (spec.includes('\n') || /^\s*version\s*:/.test(spec));
}

export interface EnvVar {
  name: string;
  type: string;
}

/** `environment.environmentVariables` of a project. */
export function projectVariables(p: ProjectDef): EnvVar[] {
  return items(at(p.node, 'environment.environmentVariables')).flatMap((v) => {
    const name = str(child(v, 'name'));
    return name ? [{ name, type: str(child(v, 'type')) ?? 'PLAINTEXT' }] : [];
  });
}

/** Variables of the pipeline's CodeBuild actions (`EnvironmentVariables`, a JSON array in a string). */
export function pipelineVariables(project: Project): EnvVar[] {
  const out: EnvVar[] = [];
  for (const doc of docsOf(project, 'pipeline')) {
    for (const a of pipelineActions(doc.root)) {
      if (a.provider !== 'CodeBuild') continue;
      const raw = a.configuration.get('EnvironmentVariables');
      if (raw === undefined) continue;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        continue;
      }
      if (!Array.isArray(parsed)) continue;
      for (const v of parsed) {
        if (v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string') {
          const t = (v as { type?: unknown }).type;
          out.push({ name: (v as { name: string }).name, type: typeof t === 'string' ? t : 'PLAINTEXT' });
        }
      }
    }
  }
  return out;
}

/** Variables that the buildspec's batch section gives its builds (`batch.*.env.variables`). */
export function batchVariables(root: Node): string[] {
  const batch = child(root, 'batch');
  const envs = [
    ...items(child(batch, 'build-list')).map((t) => child(t, 'env')),
    ...items(child(batch, 'build-graph')).map((t) => child(t, 'env')),
    at(batch, 'build-matrix.static.env'),
    at(batch, 'build-matrix.dynamic.env'),
  ];
  return envs.flatMap((env) => entries(child(env, 'variables')).map((e) => e.key));
}

export interface Environment {
  /** Names set before the first command runs, from every source found in the repository. */
  names: Set<string>;
  /** Project-level Parameter Store and Secrets Manager variables (they cannot be exported). */
  secrets: Set<string>;
  /** Whether the CodeBuild project's definition is in the repository, so that nothing else can set variables. */
  complete: boolean;
}

export function environmentOf(project: Project, buildspec: Doc, root: Node): Environment {
  const names = new Set<string>();
  const secrets = new Set<string>();
  for (const section of ['variables', 'parameter-store', 'secrets-manager']) for (const e of entries(at(root, `env.${section}`))) names.add(e.key);
  for (const n of batchVariables(root)) names.add(n);
  const owners = projectsFor(project, buildspec);
  for (const v of [...owners.flatMap(projectVariables), ...pipelineVariables(project)]) {
    names.add(v.name);
    if (v.type === 'PARAMETER_STORE' || v.type === 'SECRETS_MANAGER') secrets.add(v.name);
  }
  return { names, secrets, complete: owners.length > 0 };
}
