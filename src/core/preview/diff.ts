import type { FieldLocation, ImageUse, LoadBalancerTarget } from './effective.js';
import { isObj, KEYED_LISTS, MASK, memoryMiB, normalizeTaskdef, same, secretLooking, secretValue } from './normalize.js';

/**
 * Field-level diff of the task definition a deploy would register against the
 * one the service runs, in the terms a reviewer cares about.
 */

export type ChangeCategory = 'image' | 'resources' | 'environment' | 'secrets' | 'ports' | 'health check' | 'logging' | 'roles' | 'other';

export interface TaskdefChange {
  /** Normalised field path: containers, variables and ports by name (`containerDefinitions/web/environment/LOG_LEVEL`). */
  path: string[];
  /** The container the field belongs to; absent for task-level fields. */
  container?: string;
  /** The field inside the container (or task): `environment.LOG_LEVEL`, `memory`. */
  field: string;
  kind: 'added' | 'removed' | 'changed';
  category: ChangeCategory;
  /** Live value; masked when the name looks secret. */
  before?: unknown;
  /** Value after the deploy. */
  after?: unknown;
  masked?: boolean;
  /** Why a reviewer should look twice. */
  risky?: string;
  /** How the new value is known (an image not pushed yet). */
  note?: string;
  /**
   * The change every deploy of a new commit makes: the image a build of this
   * commit tags, or the placeholder the pipeline fills. Shown in the table,
   * but neither counted as a change of the service nor annotated.
   */
  expected?: boolean;
}

/** A problem that makes the deployment fail. */
export interface DeployProblem {
  message: string;
  location?: FieldLocation;
}

export interface TaskdefDiff {
  /** Risky changes first, then in task definition order. */
  changes: TaskdefChange[];
  problems: DeployProblem[];
}

export interface DiffOptions {
  /** The effective task definition (EffectiveTaskdef.taskdef). */
  effective: unknown;
  /** DescribeTaskDefinition output (or its `taskDefinition`); undefined for a service not created yet. */
  live: unknown;
  /** The appspec's LoadBalancerInfo targets (EffectiveTaskdef.loadBalancers). */
  loadBalancers?: LoadBalancerTarget[];
  /** Which images were filled in and how (EffectiveTaskdef.images). */
  images?: ImageUse[];
}

const CATEGORY: Record<string, ChangeCategory> = {
  image: 'image',
  cpu: 'resources',
  memory: 'resources',
  memoryReservation: 'resources',
  ephemeralStorage: 'resources',
  resourceRequirements: 'resources',
  environment: 'environment',
  environmentFiles: 'environment',
  secrets: 'secrets',
  repositoryCredentials: 'secrets',
  portMappings: 'ports',
  healthCheck: 'health check',
  logConfiguration: 'logging',
  firelensConfiguration: 'logging',
  executionRoleArn: 'roles',
  taskRoleArn: 'roles',
};

export function diffTaskdef(o: DiffOptions): TaskdefDiff {
  const after = normalizeTaskdef(o.effective);
  const before = normalizeTaskdef(o.live);
  const changes: TaskdefChange[] = [];
  compare(before, after, [], changes);
  for (const c of changes) describe(c, o.images ?? []);
  const problems = checkLoadBalancers(after, o.loadBalancers ?? [], changes);
  const ordered = [...changes.filter((c) => c.risky), ...changes.filter((c) => !c.risky)];
  return { changes: ordered, problems };
}

function compare(a: unknown, b: unknown, path: string[], out: TaskdefChange[]): void {
  if (same(a, b)) return;
  if (KEYED_LISTS.has(path[path.length - 1] ?? '') && !isPortMapping(path)) {
    // All variables removed is one change per variable, as one removed would be.
    if (a === undefined && isObj(b)) a = {};
    if (b === undefined && isObj(a)) b = {};
  }
  if (isObj(a) && isObj(b) && !isPortMapping(path)) {
    // The new task definition's order first: the order a reviewer reads the file in.
    for (const k of [...Object.keys(b), ...Object.keys(a).filter((k) => !(k in b))]) compare(a[k], b[k], [...path, k], out);
    return;
  }
  const kind = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
  out.push({ path, field: '', kind, category: 'other', before: a, after: b });
}

/** Port mappings are shown whole (`8080/tcp` with its host port and name), not field by field. */
function isPortMapping(path: string[]): boolean {
  return path.length === 4 && path[0] === 'containerDefinitions' && path[2] === 'portMappings';
}

function describe(c: TaskdefChange, images: ImageUse[]): void {
  const inContainer = c.path[0] === 'containerDefinitions' && c.path.length >= 2;
  c.container = inContainer ? c.path[1] : undefined;
  const rest = inContainer ? c.path.slice(2) : c.path;
  c.field = rest.length === 0 ? 'container' : rest.join('.');
  c.category = rest.length === 0 ? 'other' : (CATEGORY[rest[0]] ?? (rest[0] === 'logConfiguration' ? 'logging' : 'other'));
  if (c.category === 'environment' && rest[0] === 'environment' && rest[1] !== undefined && (secretLooking(rest[1]) || secretValue(c.before) || secretValue(c.after))) {
    if (c.before !== undefined) c.before = MASK;
    if (c.after !== undefined) c.after = MASK;
    c.masked = true;
  }
  if (c.category === 'image' && c.container !== undefined) {
    const use = images.find((i) => i.container === c.container);
    if (use?.wouldBe) c.note = 'would be: the image a build of this commit tags';
    else if (use && use.uri === undefined) c.note = `<${use.placeholder}> is replaced by the image the pipeline builds`;
    if (use?.wouldBe || (use && use.uri === undefined)) c.expected = true;
  }
  if (c.category === 'roles') c.risky = `${rest[0]} ${c.kind}: the tasks get other permissions`;
  if (c.category === 'secrets' && c.kind === 'removed' && rest[0] === 'secrets') c.risky = `secret ${rest[1] ?? ''} removed: the container no longer receives it`.replace('  ', ' ');
  if (c.category === 'resources' && (rest[rest.length - 1] === 'memory' || rest[rest.length - 1] === 'memoryReservation')) {
    const was = memoryMiB(c.before);
    const now = memoryMiB(c.after);
    if (was !== undefined && now !== undefined && now < was) c.risky = `memory lowered from ${was} to ${now} MiB: tasks may run out of memory`;
  }
  if (c.kind === 'removed' && rest.length === 0) c.risky = c.risky ?? `container ${c.container} removed`;
}

/**
 * The appspec sends traffic to a container name and port: the new task
 * definition must have both, or CodeDeploy cannot create the replacement task set.
 */
function checkLoadBalancers(after: Record<string, unknown>, targets: LoadBalancerTarget[], changes: TaskdefChange[]): DeployProblem[] {
  const problems: DeployProblem[] = [];
  const containers = isObj(after.containerDefinitions) ? after.containerDefinitions : {};
  for (const t of targets) {
    if (t.containerName === undefined) continue;
    const c = containers[t.containerName];
    if (!isObj(c)) {
      const names = Object.keys(containers);
      problems.push({
        message: `the appspec's LoadBalancerInfo sends traffic to container "${t.containerName}", which the new task definition does not have${names.length ? ` (it has ${names.map((n) => `"${n}"`).join(', ')})` : ''}; rename the container or change ContainerName in the appspec`,
        location: t.location,
      });
      for (const ch of changes) if (ch.path.length === 2 && ch.container === t.containerName) ch.risky = `container ${t.containerName} removed: the appspec's load balancer mapping no longer matches`;
      continue;
    }
    if (t.containerPort === undefined) continue;
    const ports = isObj(c.portMappings) ? Object.values(c.portMappings).filter(isObj).map((p) => p.containerPort) : [];
    if (ports.includes(t.containerPort)) continue;
    problems.push({
      message: `the appspec's LoadBalancerInfo sends traffic to port ${t.containerPort} of container "${t.containerName}", which maps ${ports.length ? `only ${ports.join(', ')}` : 'no port'} in the new task definition; change ContainerPort in the appspec or the container's portMappings`,
      location: t.location,
    });
    for (const ch of changes) {
      if (ch.container !== t.containerName || ch.category !== 'ports') continue;
      ch.risky = `the appspec's load balancer mapping expects port ${t.containerPort}`;
    }
  }
  return problems;
}
