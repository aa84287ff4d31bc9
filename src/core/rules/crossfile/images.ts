import { child, items, str } from '../../config/node.js';
import type { Instruction, Stage } from '../../config/dockerfile.js';
import { docsOf, pathInProject, type Doc } from '../../model.js';
import type { Ctx } from './context.js';
import { normalize } from './workspace.js';
import { containersOf, placeholdersIn, taskdefRoot, type Container } from './templates.js';

/** Which Dockerfile the project's image is built from, and which task definitions run that image. */

/** The Dockerfile the builds use: the only one, or the one `docker build -f`/the context names. */
export function builtDockerfile(ctx: Ctx): Doc | undefined {
  const all = docsOf(ctx.project, 'dockerfile');
  if (all.length <= 1) return all[0];
  const wanted = new Set<string>();
  for (const b of ctx.buildspecs) {
    for (const build of ctx.workspace(b).builds) {
      const context = normalize(build.context ?? '.') ?? '';
      const file = build.file ? normalize(build.file) : normalize(`${context}/Dockerfile`);
      if (file) wanted.add(file);
    }
  }
  const hits = all.filter((d) => wanted.has(pathInProject(ctx.project, d)));
  return hits.length === 1 ? hits[0] : undefined;
}

/** The stage that becomes the image: the last one. */
export function finalStage(doc: Doc): Stage | undefined {
  const stages = doc.dockerfile?.stages ?? [];
  return stages[stages.length - 1];
}

/** ENV and ARG values known in the final stage (and global ARGs), to read `EXPOSE $PORT`. */
export function stageVars(doc: Doc, stage: Stage): Map<string, string> {
  const vars = new Map<string, string>();
  const take = (ins: Instruction) => {
    if (ins.keyword !== 'ENV' && ins.keyword !== 'ARG') return;
    const pairs = [...ins.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|'[^']*'|\S*)/g)];
    if (pairs.length > 0) for (const m of pairs) vars.set(m[1], m[2].replace(/^["']|["']$/g, ''));
    else {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\s+(.+)$/.exec(ins.args);
      if (m && ins.keyword === 'ENV') vars.set(m[1], m[2].trim());
    }
  };
  for (const ins of doc.dockerfile?.instructions ?? []) if (ins.stage === -1) take(ins);
  for (const ins of stage.instructions) take(ins);
  return vars;
}

export function expandDocker(s: string, vars: ReadonlyMap<string, string>): string {
  return s.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (m, a?: string, def?: string, b?: string) => vars.get((a ?? b)!) ?? def ?? m);
}

/**
 * Task definitions that run the image built here: they hold an `<IMAGE…>`
 * placeholder, or an image in a repository the build pushes to.
 */
export function taskdefsOfBuiltImage(ctx: Ctx): Doc[] {
  return docsOf(ctx.project, 'taskdef').filter((d) => containersOf(d).some((c) => runsBuiltImage(ctx, c)));
}

const repoOf = (image: string) => image.replace(/@.*$/, '').replace(/:[^/:]*$/, '');

/** Whether a container runs the image built here: a placeholder the deploy fills in, or a pushed repository. */
export function runsBuiltImage(ctx: Ctx, c: Container): boolean {
  if (c.image === undefined) return false;
  if (placeholdersIn(c.image).length > 0) return true;
  const repo = repoOf(c.image);
  return ctx.buildspecs.some((b) => ctx.workspace(b).pushes.some((p) => repoOf(p.ref) === repo));
}

export function isFargate(doc: Doc): boolean {
  return items(child(taskdefRoot(doc), 'requiresCompatibilities')).some((n) => str(n) === 'FARGATE');
}
