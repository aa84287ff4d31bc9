import { commandsOf } from '../../config/buildspec.js';
import type { Dockerfile, Instruction, Stage } from '../../config/dockerfile.js';
import type { Doc, Project } from '../../model.js';
import { docsOf } from '../../model.js';
import type { Range } from '../../types.js';
import { argsText, rangeIn } from './text.js';

/** An image reference split into its parts: `public.ecr.aws/docker/library/node:18-alpine`. */
export interface ImageRef {
  /** As written after ARG substitution. */
  text: string;
  /** Registry host, when the reference names one. */
  registry?: string;
  /** Repository path without the registry: `library/node`, `bitnami/redis`. */
  path: string;
  tag?: string;
  digest?: string;
  /** Pulled from Docker Hub (no registry, or docker.io). */
  dockerHub: boolean;
  /** The Docker official image it is (`node`), directly or through a mirror such as ECR Public. */
  official?: string;
}

const HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

export function parseImageRef(text: string): ImageRef | undefined {
  const ref = text.trim();
  if (!ref || /\s|\$/.test(ref)) return undefined;
  const at = ref.indexOf('@');
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  const nameTag = at >= 0 ? ref.slice(0, at) : ref;
  const slash = nameTag.lastIndexOf('/');
  const colon = nameTag.lastIndexOf(':');
  const tag = colon > slash ? nameTag.slice(colon + 1) : undefined;
  const name = colon > slash ? nameTag.slice(0, colon) : nameTag;
  const parts = name.split('/');
  const hasRegistry = parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost');
  const registry = hasRegistry ? parts[0].toLowerCase() : undefined;
  const path = (hasRegistry ? parts.slice(1) : parts).join('/').toLowerCase();
  if (!path) return undefined;
  const dockerHub = registry === undefined || HUB.has(registry);
  const segs = path.split('/');
  let official: string | undefined;
  if (dockerHub && (segs.length === 1 || (segs.length === 2 && segs[0] === 'library'))) official = segs[segs.length - 1];
  // Mirrors keep the official path: ECR Public's docker/library/…, an ECR pull-through cache's <prefix>/library/…, mirror.gcr.io.
  else if (!dockerHub && segs.length >= 2 && segs[segs.length - 2] === 'library') official = segs[segs.length - 1];
  else if (registry === 'mirror.gcr.io' && segs.length === 1) official = segs[0];
  return { text: ref, registry, path, tag, digest, dockerHub, official };
}

/** ARG names that a buildspec of the project passes with `--build-arg`: their defaults are not what is built. */
export function buildArgNames(project: Project): Set<string> {
  const names = new Set<string>();
  for (const doc of docsOf(project, 'buildspec')) {
    for (const c of commandsOf(doc.root)) {
      for (const m of c.text.matchAll(/--build-arg(?:\s+|=)["']?([A-Za-z_][A-Za-z0-9_]*)/g)) names.add(m[1]);
    }
  }
  return names;
}

/** ARGs declared before the first FROM, with their defaults: the only ones FROM can use. */
export function globalArgs(df: Dockerfile, overridden: ReadonlySet<string>): Map<string, string | undefined> {
  const args = new Map<string, string | undefined>();
  for (const ins of df.instructions) {
    if (ins.stage !== -1 || ins.keyword !== 'ARG') continue;
    for (const m of ins.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:=("[^"]*"|'[^']*'|\S*))?/g)) {
      const value = m[2] === undefined ? undefined : m[2].replace(/^["']|["']$/g, '');
      args.set(m[1], overridden.has(m[1]) ? undefined : value);
    }
  }
  return args;
}

/** Substitutes `$A`, `${A}`, `${A:-x}`; undefined when a variable has no known value. */
export function substitute(text: string, args: ReadonlyMap<string, string | undefined>): string | undefined {
  let unknown = false;
  const out = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?([-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, braced: string, op: string, word: string, bare: string) => {
    const value = args.get(braced ?? bare);
    if (op === '-') return value ? value : word;
    if (op === '+') return value ? word : '';
    if (value === undefined) unknown = true;
    return value ?? '';
  });
  return unknown ? undefined : out;
}

export interface StageInfo {
  stage: Stage;
  /** Set when the stage builds on an earlier stage (`FROM build`). */
  parent?: Stage;
  /** The image pulled, when it is one and its reference is known. */
  image?: ImageRef;
  /** Where the image name stands in the FROM line. */
  imageRange: Range;
}

/** How each stage starts: from an earlier stage, `scratch`, or a pulled image. */
export function stageInfos(doc: Doc, df: Dockerfile, args: ReadonlyMap<string, string | undefined>): StageInfo[] {
  return df.stages.map((stage) => {
    const raw = stage.image;
    const parent = df.stages.slice(0, stage.index).reverse().find((s) => s.name !== undefined && s.name === raw.toLowerCase());
    const imageRange = wordRange(doc, stage.from, raw) ?? stage.from.argsRange;
    if (parent || raw.toLowerCase() === 'scratch') return { stage, parent, imageRange };
    const resolved = substitute(raw, args);
    return { stage, image: resolved === undefined ? undefined : parseImageRef(resolved), imageRange };
  });
}

/** The final stage and the stages it builds on, oldest first: what the container runs. */
export function finalChain(infos: StageInfo[]): StageInfo[] {
  const chain: StageInfo[] = [];
  let cur: StageInfo | undefined = infos[infos.length - 1];
  while (cur && !chain.includes(cur)) {
    chain.unshift(cur);
    cur = cur.parent ? infos[cur.parent.index] : undefined;
  }
  return chain;
}

/** The instructions of a chain of stages, in build order. */
export function chainInstructions(chain: StageInfo[]): Instruction[] {
  return chain.flatMap((s) => s.stage.instructions);
}

/** Where a whole word of the arguments stands (after any `--flag`s). */
export function wordRange(doc: Doc, ins: Instruction, word: string): Range | undefined {
  if (!word) return undefined;
  const a = argsText(doc, ins);
  const at = wholeWord(a.text, word);
  return at >= 0 ? rangeIn(doc, a, { start: at, end: at + word.length }) : undefined;
}

const SPACE = /\s/;

/** The first place where `word` stands between whitespace or the ends of the text (a regex built per call was a hot spot). */
function wholeWord(text: string, word: string): number {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const end = i + word.length;
    if ((i === 0 || SPACE.test(text[i - 1])) && (end === text.length || SPACE.test(text[end]))) return i;
  }
  return -1;
}

/** Dockerfile docs of a project with their parsed structure. */
export function dockerfiles(project: Project): { doc: Doc; df: Dockerfile }[] {
  return docsOf(project, 'dockerfile').flatMap((doc) => (doc.dockerfile && doc.dockerfile.stages.length > 0 ? [{ doc, df: doc.dockerfile }] : []));
}

/** Everything a rule needs about one Dockerfile's stages (read-only: six rules share it, once per project). */
export function analyseStages(project: Project, doc: Doc, df: Dockerfile): { infos: StageInfo[]; chain: StageInfo[] } {
  let perDoc = analysed.get(project);
  if (!perDoc) analysed.set(project, (perDoc = new Map()));
  const hit = perDoc.get(doc);
  if (hit && hit.df === df) return hit.result;
  const infos = stageInfos(doc, df, globalArgs(df, buildArgNames(project)));
  const result = { infos, chain: finalChain(infos) };
  perDoc.set(doc, { df, result });
  return result;
}

const analysed = new WeakMap<Project, Map<Doc, { df: Dockerfile; result: { infos: StageInfo[]; chain: StageInfo[] } }>>();
