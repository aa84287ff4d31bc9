import { child, entries, entry, items, str, toPlain } from '../config/node.js';
import { docsOf, type Doc, type Project } from '../model.js';
import { contextOf, deployTaskdef, imageSlots, type EcsDeploy, type PipelineInfo } from '../rules/crossfile/context.js';
import { hasSymbols } from '../rules/crossfile/shell.js';
import { containersOf, placeholdersIn, targetServices, taskdefRoot } from '../rules/crossfile/templates.js';
import type { Node } from '../types.js';
import { isObj, itemKey } from './normalize.js';

/**
 * The task definition as CodeDeployToECS registers it: the template the
 * deploy action reads (committed, or written by a buildspec heredoc) with its
 * `<IMAGE1_NAME>` placeholders replaced by the images of this deploy.
 */

/** Where a field stands in the repository; generated files point into the buildspec. */
export interface FieldLocation {
  file: string;
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
}

/** An image to put in place of a placeholder. */
export interface ImageChoice {
  uri: string;
  /** Not pushed yet: the image a build of the head commit would tag (a pull request). */
  wouldBe?: boolean;
}

export interface ImageUse {
  container: string;
  placeholder: string;
  /** Absent when no image was given for the placeholder: the template value stays. */
  uri?: string;
  wouldBe: boolean;
}

/** Where the target service's traffic goes, from the appspec. */
export interface LoadBalancerTarget {
  containerName?: string;
  containerPort?: number;
  location?: FieldLocation;
}

export interface EffectiveTaskdef {
  /** The task definition object, as the action would register it. */
  taskdef: Record<string, unknown>;
  /** The file findings go to (the buildspec for a generated one) and the logical name (`taskdef.json`). */
  file: string;
  name: string;
  generated: boolean;
  /** The deploy action that registers it, when a pipeline says so. */
  deploy?: { pipeline: string; stage: string; action: string; applicationName?: string; deploymentGroupName?: string };
  images: ImageUse[];
  loadBalancers: LoadBalancerTarget[];
  /** Values only known at build time (unresolved shell variables), shown as `$NAME`. */
  unresolved: string[];
  /** Field path (see fieldKey) → where it stands. */
  locations: Map<string, FieldLocation>;
}

export interface EffectiveOptions {
  /** Images by placeholder name (`IMAGE1_NAME`). See wouldBeImages for a pull request. */
  images?: Record<string, ImageChoice>;
}

/** Stable key of a field path (`["containerDefinitions","web","memory"]`). */
export function fieldKey(path: readonly string[]): string {
  return path.join('\u001f');
}

/** The nearest located field at or above a path: a removed variable points to its list. */
export function locate(locations: ReadonlyMap<string, FieldLocation>, path: readonly string[]): FieldLocation | undefined {
  for (let n = path.length; n > 0; n--) {
    const hit = locations.get(fieldKey(path.slice(0, n)));
    if (hit) return hit;
  }
  return undefined;
}

/**
 * Every task definition a CodeDeployToECS action of the project registers;
 * without a pipeline, the project's only task definition (with its only appspec).
 */
export function effectiveTaskdefs(project: Project, options: EffectiveOptions = {}): EffectiveTaskdef[] {
  const ctx = contextOf(project);
  const out: EffectiveTaskdef[] = [];
  for (const p of ctx.pipelines) {
    for (const d of p.deploys) {
      const doc = deployTaskdef(ctx, p, d);
      if (!doc) continue;
      const appspecArtifact = d.configuration.get('AppSpecTemplateArtifact');
      const appspec = appspecArtifact ? ctx.lookup(ctx.origin(p, appspecArtifact), d.appspecPath).docs.filter((x) => x.kind === 'appspec' && x.root).pop() : undefined;
      out.push(build({ doc, appspec, placeholders: placeholdersOf(d), options, deploy: deployInfo(p, d) }));
    }
  }
  if (out.length > 0 || ctx.pipelines.some((p) => p.deploys.length > 0)) return out;
  const taskdefs = docsOf(project, 'taskdef');
  const appspecs = docsOf(project, 'appspec');
  if (taskdefs.length !== 1) return [];
  return [build({ doc: taskdefs[0], appspec: appspecs.length === 1 ? appspecs[0] : undefined, placeholders: ['IMAGE1_NAME'], options })];
}

function deployInfo(p: PipelineInfo, d: EcsDeploy): EffectiveTaskdef['deploy'] {
  return {
    pipeline: str(child(child(p.doc.root, 'pipeline'), 'name')) ?? p.doc.path,
    stage: d.stage,
    action: d.name,
    applicationName: d.configuration.get('ApplicationName'),
    deploymentGroupName: d.configuration.get('DeploymentGroupName'),
  };
}

/** The placeholder names the action fills in; an artifact without a container name uses `IMAGE<N>_NAME`. */
function placeholdersOf(d: EcsDeploy): string[] {
  return imageSlots(d).map((s) => s.placeholder ?? `IMAGE${s.n}_NAME`);
}

interface BuildOptions {
  doc: Doc;
  appspec?: Doc;
  placeholders: string[];
  options: EffectiveOptions;
  deploy?: EffectiveTaskdef['deploy'];
}

function build(o: BuildOptions): EffectiveTaskdef {
  const root = taskdefRoot(o.doc);
  const plain = toPlain(root);
  const taskdef: Record<string, unknown> = isObj(plain) ? plain : {};
  const images: ImageUse[] = [];
  const known = new Set(o.placeholders);
  const byName = new Map<string, Record<string, unknown>>();
  for (const c of Array.isArray(taskdef.containerDefinitions) ? taskdef.containerDefinitions : []) {
    if (isObj(c) && typeof c.name === 'string') byName.set(c.name, c);
  }
  for (const c of containersOf(o.doc)) {
    if (c.image === undefined || c.name === undefined) continue;
    const target = byName.get(c.name);
    let image = c.image;
    for (const ph of placeholdersIn(c.image)) {
      if (!known.has(ph)) continue;
      const choice = o.options.images?.[ph];
      images.push({ container: c.name, placeholder: ph, uri: choice?.uri, wouldBe: choice?.wouldBe ?? false });
      if (choice) image = image.split(`<${ph}>`).join(choice.uri);
    }
    if (target) target.image = image;
  }
  const locations = new Map<string, FieldLocation>();
  walk(root, [], o.doc.path, locations);
  return {
    taskdef,
    file: o.doc.path,
    name: o.doc.name,
    generated: o.doc.embedded !== undefined,
    deploy: o.deploy,
    images,
    loadBalancers: o.appspec ? loadBalancersOf(o.appspec) : [],
    unresolved: o.doc.embedded ? o.doc.embedded.unresolved.map((n) => '$' + n) : [],
    locations,
  };
}

function loadBalancersOf(appspec: Doc): LoadBalancerTarget[] {
  return targetServices(appspec)
    .filter((t) => t.nameNode || t.portNode)
    .map((t) => ({
      containerName: t.containerName,
      containerPort: t.port,
      location: t.nameNode ? toLocation(appspec.path, t.nameNode) : t.portNode ? toLocation(appspec.path, t.portNode) : undefined,
    }));
}

function toLocation(file: string, node: Node, from = node.range.start): FieldLocation {
  return { file, line: from.line, column: from.column, endLine: node.range.end.line, endColumn: node.range.end.column };
}

const ID_FIELDS = ['name', 'containerPort', 'containerPath', 'containerName', 'namespace', 'hostname'];

/** Records where each field stands, keyed as normalizeTaskdef keys them. */
function walk(node: Node | undefined, path: string[], file: string, out: Map<string, FieldLocation>): void {
  if (!node) return;
  if (node.type === 'object') {
    for (const e of entries(node)) {
      const p = [...path, e.key];
      out.set(fieldKey(p), toLocation(file, e.value, e.keyRange.start));
      if (e.value.type === 'array') {
        for (const item of items(e.value)) {
          const key = itemKey(e.key, toPlain(item));
          if (key === undefined) continue;
          // The item's identity (`"name": "LOG_LEVEL"`) is the line a reviewer looks for, even when the item spans several.
          const id = ID_FIELDS.map((k) => entry(item, k)).find((x) => x !== undefined);
          out.set(fieldKey([...p, key]), id ? toLocation(file, id.value, id.keyRange.start) : toLocation(file, item));
          walk(item, [...p, key], file, out);
        }
      } else walk(e.value, p, file, out);
    }
  }
}

/**
 * For a pull request: the images a build of the head commit would push, by
 * placeholder. Known when the buildspec pushes one repository whose name it
 * spells out and tags it with a value computed at build time (the commit):
 * that tag is taken to be the 7-character short SHA, as in the blog's buildspec.
 */
export function wouldBeImages(project: Project, headSha: string): Record<string, ImageChoice> {
  return taggedImages(project, headSha.slice(0, 7), { wouldBe: true });
}

/**
 * The images of the repository the buildspec pushes, with this tag, by
 * placeholder (`ecs-codepipeline preview --image-tag 1a2b3c4`); empty when
 * the buildspec does not name exactly one repository.
 */
export function taggedImages(project: Project, tag: string, o: { wouldBe: boolean } = { wouldBe: false }): Record<string, ImageChoice> {
  const ctx = contextOf(project);
  const repos = new Set<string>();
  for (const b of ctx.buildspecs) {
    const ws = ctx.workspace(b);
    for (const p of ws.pushes) {
      const slash = p.ref.lastIndexOf('/');
      const colon = p.ref.lastIndexOf(':');
      if (colon <= slash || p.ref.includes('@')) continue;
      const repo = p.ref.slice(0, colon);
      const tag = p.ref.slice(colon + 1);
      if (!hasSymbols(repo) && hasSymbols(tag)) repos.add(repo);
    }
  }
  if (repos.size !== 1) return {};
  const uri = `${[...repos][0]}:${tag}`;
  const out: Record<string, ImageChoice> = {};
  for (const p of ctx.pipelines) for (const d of p.deploys) for (const ph of placeholdersOf(d)) out[ph] = { uri, wouldBe: o.wouldBe };
  if (ctx.pipelines.every((p) => p.deploys.length === 0)) out.IMAGE1_NAME = { uri, wouldBe: o.wouldBe };
  return out;
}
