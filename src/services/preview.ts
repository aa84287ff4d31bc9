/**
 * The deploy preview (issue 6) over the ports: the task definition each
 * CodeDeployToECS action of the pipeline would register, against the one its
 * service runs, and the pipeline file against the live pipeline.
 */
import { docsOf, type Project } from '../core/model.js';
import {
  diffTaskdef,
  effectiveTaskdefs,
  previewCounts,
  renderPreview,
  taggedImages,
  wouldBeImages,
  type EffectiveTaskdef,
  type ImageChoice,
  type PreviewCounts,
  type PreviewInput,
  type PreviewReport,
  type PreviewSection,
} from '../core/preview/index.js';
import type { LiveDeployPort } from './ports.js';
import { driftOf, findPipelineDoc, loadRepository, type RepositoryFiles } from './preview-drift.js';

export interface PreviewOptions extends RepositoryFiles {
  pipelineName: string;
  /** The commit the pipeline would build (a pull request's head): its images are shown as "would be". */
  headSha?: string;
  /** The tag of the image to deploy, in the repository the buildspec pushes to. Wins over headSha. */
  imageTag?: string;
  /** Images by placeholder (`IMAGE1_NAME`), when the caller knows them. Win over the rest. */
  images?: Record<string, ImageChoice>;
  /** Compare the pipeline file with the live pipeline. Default true. */
  drift?: boolean;
}

export interface PreviewResult {
  input: PreviewInput;
  report: PreviewReport;
  counts: PreviewCounts;
  /** What the user should know besides the report (no pipeline file, which file was used …). */
  notes: string[];
}

function imagesFor(o: PreviewOptions, project: Project): Record<string, ImageChoice> {
  if (o.images) return o.images;
  if (o.imageTag) return taggedImages(project, o.imageTag);
  if (o.headSha) return wouldBeImages(project, o.headSha);
  return {};
}

interface LiveDeployAction {
  stage: string;
  action: string;
  applicationName?: string;
  deploymentGroupName?: string;
}

/** The CodeDeployToECS actions of a GetPipeline answer. */
function liveDeployActions(live: Record<string, unknown>): LiveDeployAction[] {
  const p = live.pipeline as { stages?: Array<{ name?: string; actions?: Array<{ name?: string; actionTypeId?: { provider?: string }; configuration?: Record<string, string> }> }> } | undefined;
  return (p?.stages ?? []).flatMap((s) =>
    (s.actions ?? [])
      .filter((a) => a.actionTypeId?.provider === 'CodeDeployToECS')
      .map((a) => ({ stage: s.name ?? '', action: a.name ?? '', applicationName: a.configuration?.ApplicationName, deploymentGroupName: a.configuration?.DeploymentGroupName })),
  );
}

/** One read per deployment group, service and task definition, however many sections share them. */
function cached(port: LiveDeployPort): LiveDeployPort {
  const memo = new Map<string, Promise<unknown>>();
  const once = <T>(key: string, f: () => Promise<T>): Promise<T> => {
    let p = memo.get(key) as Promise<T> | undefined;
    if (!p) memo.set(key, (p = f()));
    return p;
  };
  return {
    deploymentGroup: (q) => once(`dg\u0000${q.applicationName}\u0000${q.deploymentGroupName}`, () => port.deploymentGroup(q)),
    service: (q) => once(`svc\u0000${q.cluster}\u0000${q.service}`, () => port.service(q)),
    taskDefinition: (arn) => once(`td\u0000${arn}`, () => port.taskDefinition(arn)),
    pipeline: (name) => once(`pl\u0000${name}`, () => port.pipeline(name)),
  };
}

/** `family:revision` of a task definition ARN. */
function revisionOf(arn: string): string {
  return arn.slice(arn.lastIndexOf('/') + 1);
}

async function sectionOf(e: EffectiveTaskdef, port: LiveDeployPort): Promise<PreviewSection> {
  const d = e.deploy;
  if (!d?.applicationName || !d.deploymentGroupName) {
    return { effective: e, unavailable: `the deploy action${d ? ` ${d.stage} / ${d.action}` : ''} names no ApplicationName and DeploymentGroupName, so the service it deploys to is unknown` };
  }
  const group = await port.deploymentGroup({ applicationName: d.applicationName, deploymentGroupName: d.deploymentGroupName });
  if (!group.ok) return { effective: e, unavailable: group.message };
  const { cluster, service } = group.value;
  const svc = await port.service({ cluster, service });
  const name = `${cluster}/${service}`;
  if (!svc.ok) return { effective: e, service: name, unavailable: svc.message };
  const arn = svc.value.taskDefinitionArn;
  let live: Record<string, unknown> | undefined;
  if (arn) {
    const read = await port.taskDefinition(arn);
    if (!read.ok) return { effective: e, service: name, unavailable: read.message };
    live = read.value;
  }
  const diff = diffTaskdef({ effective: e.taskdef, live, loadBalancers: e.loadBalancers, images: e.images });
  return { effective: e, service: arn ? `${name} (runs ${revisionOf(arn)})` : `${name} (runs no task definition yet)`, diff };
}

export async function previewDeploy(o: PreviewOptions, livePort: LiveDeployPort): Promise<PreviewResult> {
  const port = cached(livePort);
  const loaded = loadRepository(o);
  const found = findPipelineDoc(loaded, o.pipelineName);
  const notes: string[] = [];
  let effective: EffectiveTaskdef[] = [];
  let drift: PreviewInput['drift'];

  if (found.doc && found.project) {
    effective = effectiveTaskdefs(found.project, { images: imagesFor(o, found.project) });
    if (effective.length === 0) notes.push(`${found.doc.path} has no CodeDeployToECS action whose task definition template is in the repository (or written by its buildspec); nothing to compare.`);
    if (o.drift !== false) drift = driftOf(found.doc, o.pipelineName, await port.pipeline(o.pipelineName));
  } else {
    notes.push(
      `No pipeline file for ${o.pipelineName} in the checked files${found.others.length ? ` (found ${found.others.join(', ')})` : ''}; its deploy actions come from the live pipeline, and pipeline drift is not compared.`,
    );
    effective = await fromLivePipeline(o, loaded.projects, port, notes);
  }
  const sections = await Promise.all(effective.map((e) => sectionOf(e, port)));
  const input: PreviewInput = { sections, ...(drift ? { drift } : {}) };
  return { input, report: renderPreview(input), counts: previewCounts(input), notes };
}

/**
 * Without a pipeline file: the live pipeline's only CodeDeployToECS action,
 * with the repository's only task definition (committed or written by a
 * buildspec) as its template.
 */
async function fromLivePipeline(o: PreviewOptions, projects: Project[], port: LiveDeployPort, notes: string[]): Promise<EffectiveTaskdef[]> {
  const candidates = projects.filter((p) => docsOf(p, 'taskdef').length === 1);
  if (candidates.length !== 1) {
    notes.push(candidates.length === 0 ? 'No task definition found in the checked files.' : `Several task definitions found (${candidates.map((p) => docsOf(p, 'taskdef')[0].path).join(', ')}); commit the pipeline definition so that the preview knows which one each deploy action reads.`);
    return [];
  }
  const live = await port.pipeline(o.pipelineName);
  if (!live.ok) {
    notes.push(`The deploy target is unknown: ${live.message}.`);
    return [];
  }
  const deploys = liveDeployActions(live.value);
  if (deploys.length !== 1) {
    notes.push(deploys.length === 0 ? `The live pipeline ${o.pipelineName} has no CodeDeployToECS action.` : `The live pipeline ${o.pipelineName} has ${deploys.length} CodeDeployToECS actions; commit the pipeline definition so that the preview knows which task definition each one reads.`);
    return [];
  }
  const project = candidates[0];
  return effectiveTaskdefs(project, { images: imagesFor(o, project) }).map((e) => ({ ...e, deploy: { pipeline: o.pipelineName, ...deploys[0] } }));
}
