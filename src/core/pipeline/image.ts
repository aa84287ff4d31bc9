/**
 * Which image the Build stage produced. In this order (issue 3, item 6):
 * 1. a CodeBuild action's output variables (`IMAGE_URI`, or `IMAGE_TAG` with
 *    the `ecr-repository` input or a repository variable);
 * 2. imageDetail.json in the deploy action's input artifact;
 * 3. an ECR image tagged with the commit's 7-character short SHA.
 * The service reads the sources (ImagePort) and asks these functions; it then
 * calls ImagePort.describe with `describeQuery(candidate)` for the digest.
 */
import type { ArtifactLocation, DeployedImage, ExecutionSnapshot } from './model.js';

export interface ParsedImage {
  /** `123456789012.dkr.ecr.us-east-1.amazonaws.com`, `public.ecr.aws`, `docker.io` … */
  registry: string;
  /** `myapp`, `team/myapp` (Docker Hub official images: `library/node`). */
  repository: string;
  tag?: string;
  /** `sha256:…` */
  digest?: string;
  /** Private ECR registries only. */
  account?: string;
  region?: string;
  isEcr: boolean;
}

const ECR_HOST = /^(\d{12})\.dkr\.ecr(?:-fips)?\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com(?:\.cn)?$/;
const REPO = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,299}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

/**
 * `registry/repository[:tag][@digest]` → parts; undefined when it is not an
 * image reference (an unreplaced `<IMAGE1_NAME>`, spaces, an empty name).
 */
export function parseImageUri(uri: string): ParsedImage | undefined {
  if (typeof uri !== 'string') return undefined;
  let rest = uri.trim();
  if (!rest || /\s/.test(rest)) return undefined;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return undefined;
  }
  let tag: string | undefined;
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return undefined;
  }
  const first = rest.split('/')[0];
  const hasRegistry = rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  const registry = hasRegistry ? first.toLowerCase() : 'docker.io';
  let repository = hasRegistry ? rest.slice(first.length + 1) : rest;
  if (!hasRegistry && !repository.includes('/')) repository = `library/${repository}`;
  if (!REPO.test(repository)) return undefined;
  const ecr = ECR_HOST.exec(registry);
  return {
    registry,
    repository,
    ...(tag !== undefined ? { tag } : {}),
    ...(digest !== undefined ? { digest } : {}),
    ...(ecr ? { account: ecr[1], region: ecr[2] } : {}),
    isEcr: !!ecr,
  };
}

/** Private ECR repository URIs in free texts (buildspec variables, commands). */
export function ecrRepositoriesIn(texts: readonly string[]): ParsedImage[] {
  const seen = new Map<string, ParsedImage>();
  const re = /\b\d{12}\.dkr\.ecr(?:-fips)?\.[a-z]{2}(?:-[a-z]+)+-\d\.amazonaws\.com(?:\.cn)?\/[a-z0-9][a-z0-9._\/-]*/g;
  for (const text of texts) {
    for (const m of String(text).matchAll(re)) {
      const parsed = parseImageUri(m[0].replace(/[._\/-]+$/, ''));
      if (!parsed?.isEcr) continue;
      const { tag: _tag, digest: _digest, ...repo } = parsed;
      seen.set(`${repo.registry}/${repo.repository}`, repo);
    }
  }
  return [...seen.values()];
}

export type ImageSource = 'output-variables' | 'imageDetail.json' | 'ecr-tag';

/** What one source says about the image; `uri` or `repository` (with `tag`/`digest`) is set. */
export interface ImageCandidate {
  foundIn: ImageSource;
  /** For people: ``Build / BuildImage output variable `IMAGE_URI` ``. */
  foundDetail: string;
  uri?: string;
  /** Repository name (not URI), for ECR DescribeImages. */
  repository?: string;
  registryId?: string;
  tag?: string;
  digest?: string;
}

function lookup(vars: Readonly<Record<string, string>>, names: readonly string[]): [string, string] | undefined {
  const byUpper = new Map(Object.entries(vars).map(([k, v]) => [k.toUpperCase().replace(/[^A-Z0-9]/g, ''), [k, v] as [string, string]]));
  for (const n of names) {
    const hit = byUpper.get(n.toUpperCase().replace(/[^A-Z0-9]/g, ''));
    if (hit && typeof hit[1] === 'string' && hit[1].trim()) return [hit[0], hit[1].trim()];
  }
  return undefined;
}

function fromUri(uri: string, base: Omit<ImageCandidate, 'uri'>): ImageCandidate | undefined {
  const p = parseImageUri(uri);
  if (!p) return undefined;
  return {
    ...base,
    uri: uri.trim(),
    ...(p.isEcr ? { repository: p.repository, registryId: p.account } : {}),
    ...(p.tag ? { tag: p.tag } : {}),
    ...(p.digest ? { digest: p.digest } : {}),
  };
}

/**
 * A repository given as a name (`myapp`) or a URI
 * (`123456789012.dkr.ecr.us-east-1.amazonaws.com/myapp`); the input
 * `ecr-repository` accepts both.
 */
export function parseRepository(repo: string | undefined): { name: string; uri?: string; registryId?: string } | undefined {
  if (!repo || !repo.trim()) return undefined;
  const r = repo.trim().replace(/\/+$/, '');
  if (r.includes('.') && r.includes('/')) {
    const p = parseImageUri(r);
    if (!p || p.tag || p.digest) return undefined;
    return { name: p.repository, uri: `${p.registry}/${p.repository}`, ...(p.account ? { registryId: p.account } : {}) };
  }
  return REPO.test(r) ? { name: r } : undefined;
}

const URI_VARS = ['IMAGE_URI', 'ImageURI', 'IMAGE_URL', 'IMAGE'];
const TAG_VARS = ['IMAGE_TAG', 'ImageTag', 'TAG'];
const REPO_VARS = ['REPOSITORY_URI', 'ECR_REPO', 'ECR_REPOSITORY_URI', 'ECR_REPOSITORY', 'IMAGE_REPO', 'IMAGE_REPO_NAME'];
const DIGEST_VARS = ['IMAGE_DIGEST', 'ImageDigest', 'DIGEST'];

/**
 * From a CodeBuild action's exported variables: `IMAGE_URI`; else `IMAGE_TAG`
 * with the `ecr-repository` input, else with a repository variable.
 */
export function candidateFromOutputVariables(vars: Readonly<Record<string, string>> | undefined, o: { where: string; ecrRepository?: string }): ImageCandidate | undefined {
  if (!vars || typeof vars !== 'object') return undefined;
  const digest = lookup(vars, DIGEST_VARS)?.[1];
  const validDigest = digest && DIGEST.test(digest) ? digest : undefined;
  const uri = lookup(vars, URI_VARS);
  if (uri) {
    const c = fromUri(uri[1], { foundIn: 'output-variables', foundDetail: `${o.where} output variable \`${uri[0]}\`` });
    if (c) return validDigest && !c.digest ? { ...c, digest: validDigest } : c;
  }
  const tag = lookup(vars, TAG_VARS);
  if (!tag || !TAG.test(tag[1])) return undefined;
  const fromInput = parseRepository(o.ecrRepository);
  const repoVar = lookup(vars, REPO_VARS);
  const repo = fromInput ?? (repoVar ? parseRepository(repoVar[1]) : undefined);
  if (!repo) return undefined;
  const detail = `${o.where} output variable \`${tag[0]}\` with ${fromInput ? 'the `ecr-repository` input' : `\`${repoVar![0]}\``}`;
  return {
    foundIn: 'output-variables',
    foundDetail: detail,
    ...(repo.uri ? { uri: `${repo.uri}:${tag[1]}` } : {}),
    repository: repo.name,
    ...(repo.registryId ? { registryId: repo.registryId } : {}),
    tag: tag[1],
    ...(validDigest ? { digest: validDigest } : {}),
  };
}

/** The first CodeBuild action (in pipeline order) whose output variables name an image. */
export function candidateFromSnapshot(snapshot: ExecutionSnapshot, o: { ecrRepository?: string } = {}): ImageCandidate | undefined {
  for (const stage of snapshot.stages) {
    for (const a of stage.actions) {
      if (a.provider !== 'CodeBuild' || a.status !== 'Succeeded') continue;
      const c = candidateFromOutputVariables(a.outputVariables, { where: `${stage.name} / ${a.name}`, ecrRepository: o.ecrRepository });
      if (c) return c;
    }
  }
  return undefined;
}

/** imageDetail.json text (`{"ImageURI": …}`, possibly with the ECR source action's other keys). */
export function candidateFromImageDetail(text: string | undefined, where = 'imageDetail.json'): ImageCandidate | undefined {
  if (typeof text !== 'string') return undefined;
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const d = doc as Record<string, unknown>;
  if (typeof d.ImageURI !== 'string') return undefined;
  const c = fromUri(d.ImageURI, { foundIn: 'imageDetail.json', foundDetail: where });
  if (!c) return undefined;
  const digest = typeof d.ImageDigest === 'string' && DIGEST.test(d.ImageDigest) ? d.ImageDigest : undefined;
  return digest && !c.digest ? { ...c, digest } : c;
}

/**
 * The S3 object of the deploy action's image artifact (`Image1ArtifactName`,
 * else the only input artifact): where imageDetail.json is.
 */
export function imageDetailArtifact(snapshot: ExecutionSnapshot): (ArtifactLocation & { where: string }) | undefined {
  for (const stage of snapshot.stages) {
    for (const a of stage.actions) {
      if (a.provider !== 'CodeDeployToECS') continue;
      const inputs = (a.inputArtifacts ?? []).filter((x) => x.bucket && x.key);
      const wanted = a.configuration?.Image1ArtifactName;
      const artifact = (wanted ? inputs.find((x) => x.name === wanted) : undefined) ?? (inputs.length === 1 ? inputs[0] : undefined);
      if (artifact) return { ...artifact, where: `imageDetail.json in artifact \`${artifact.name}\` of ${stage.name} / ${a.name}` };
    }
  }
  return undefined;
}

/** The last resort: the image tagged with the commit's short SHA (the seed's tag) in the repository. */
export function candidateFromEcrTag(sha: string, ecrRepository: string | undefined): ImageCandidate | undefined {
  const repo = parseRepository(ecrRepository);
  const tag = sha.trim().slice(0, 7).toLowerCase();
  if (!repo || !/^[0-9a-f]{7}$/.test(tag)) return undefined;
  return {
    foundIn: 'ecr-tag',
    foundDetail: `ECR tag \`${tag}\` in \`${repo.name}\``,
    ...(repo.uri ? { uri: `${repo.uri}:${tag}` } : {}),
    repository: repo.name,
    ...(repo.registryId ? { registryId: repo.registryId } : {}),
    tag,
  };
}

/** ImagePort.describe's input, or undefined for an image outside private ECR (nothing to describe). */
export function describeQuery(c: ImageCandidate): { repository: string; registryId?: string; tag?: string; digest?: string } | undefined {
  if (!c.repository) return undefined;
  if (!c.tag && !c.digest) return undefined;
  return {
    repository: c.repository,
    ...(c.registryId ? { registryId: c.registryId } : {}),
    ...(c.digest ? { digest: c.digest } : { tag: c.tag }),
  };
}

/**
 * The image for the outputs and summaries: the candidate, completed by ECR
 * DescribeImages (digest, push time, scan findings) when it answered.
 */
export function toDeployedImage(c: ImageCandidate, described?: Omit<DeployedImage, 'foundIn'>): DeployedImage | undefined {
  const uri = c.uri ?? described?.uri;
  if (!uri) return undefined;
  const tag = c.tag ?? parseImageUri(uri)?.tag ?? described?.tag;
  const digest = c.digest ?? described?.digest;
  return {
    uri,
    ...(tag ? { tag } : {}),
    ...(digest ? { digest } : {}),
    ...(described?.pushedAt ? { pushedAt: described.pushedAt } : {}),
    ...(described?.scanFindings ? { scanFindings: described.scanFindings } : {}),
    foundIn: c.foundIn,
    foundDetail: c.foundDetail,
  };
}
