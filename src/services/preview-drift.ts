import { loadFile } from '../core/config/load.js';
import { child, str } from '../core/config/node.js';
import { groupDocs } from '../core/group.js';
import type { Doc, Project, SourceFile } from '../core/model.js';
import { diffPipeline, type PreviewInput } from '../core/preview/index.js';
import type { LiveDeployPort, LiveRead } from './ports.js';

/**
 * The repository's files as the checker sees them (parsed, heredocs
 * extracted, grouped into projects), and the pipeline file of a pipeline.
 */

export interface RepositoryFiles {
  files: SourceFile[];
  /** Every path of the checked tree, for the grouping (default: the files' own). */
  tree?: string[];
}

export interface Loaded {
  docs: Doc[];
  projects: Project[];
}

export function loadRepository(r: RepositoryFiles): Loaded {
  const docs = r.files.flatMap(loadFile);
  const projects = groupDocs(docs, new Set(r.tree ?? r.files.map((f) => f.path)));
  return { docs, projects };
}

/** The name a pipeline definition gives (`{"pipeline": {"name"}}`, or a bare pipeline object). */
export function pipelineNameOf(doc: Doc): string | undefined {
  return str(child(child(doc.root, 'pipeline') ?? doc.root, 'name'));
}

/**
 * The repository's definition of the pipeline: the pipeline file that names
 * it, else the only pipeline file when it names none. `others` lists the
 * names the other pipeline files give, for a message.
 */
export function findPipelineDoc(loaded: Loaded, pipelineName: string): { doc?: Doc; project?: Project; others: string[] } {
  const pipelines = loaded.docs.filter((d) => d.kind === 'pipeline' && !d.embedded && d.root !== undefined);
  const named = pipelines.filter((d) => pipelineNameOf(d) === pipelineName);
  const unnamed = pipelines.filter((d) => pipelineNameOf(d) === undefined);
  const doc = named[0] ?? (pipelines.length === 1 && unnamed.length === 1 ? unnamed[0] : undefined);
  const project = doc ? loaded.projects.find((p) => p.docs.includes(doc)) : undefined;
  const others = pipelines.filter((d) => d !== doc).map((d) => `${d.path}${pipelineNameOf(d) ? ` (${pipelineNameOf(d)})` : ''}`);
  return { ...(doc ? { doc } : {}), ...(project ? { project } : {}), others };
}

export type Drift = NonNullable<PreviewInput['drift']>;

/** Drift of the pipeline file from the live pipeline; a live pipeline that cannot be read is said, not thrown. */
export function driftOf(doc: Doc, pipelineName: string, live: LiveRead<Record<string, unknown>>): Drift {
  if (!live.ok) return { file: doc.path, pipeline: pipelineName, items: [], unavailable: live.message };
  return { file: doc.path, pipeline: pipelineName, items: diffPipeline({ repository: doc, live: live.value }) };
}

/**
 * For `mode: track`: drift of the repository's pipeline file from the live
 * pipeline (one GetPipeline), or undefined when the repository has no file
 * for this pipeline.
 */
export async function pipelineDrift(r: RepositoryFiles & { pipelineName: string }, port: Pick<LiveDeployPort, 'pipeline'>): Promise<Drift | undefined> {
  const found = findPipelineDoc(loadRepository(r), r.pipelineName);
  if (!found.doc) return undefined;
  return driftOf(found.doc, r.pipelineName, await port.pipeline(r.pipelineName));
}
