import { at, child, str } from '../../config/node.js';
import { pathInProject, type Doc } from '../../model.js';
import type { Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { codebuildProjects, contextOf, type Ctx } from './context.js';
import { builtDockerfile, finalStage, isFargate, taskdefsOfBuiltImage } from './images.js';
import { hasSymbols } from './shell.js';
import { taskdefRoot } from './templates.js';
import { wordRange } from './workspace.js';

type Arch = 'X86_64' | 'ARM64';

function archOf(platform: string): Arch | undefined {
  const p = platform.trim().toLowerCase().replace(/^linux\//, '');
  if (/^(amd64|x86_64|x86-64)$/.test(p)) return 'X86_64';
  if (/^(arm64|arm64\/v8|aarch64)$/.test(p)) return 'ARM64';
  return undefined;
}

interface Evidence {
  arches: Set<Arch>;
  doc: Doc;
  range: Range;
  what: string;
}

/**
 * What the image is built for, strongest first: the final FROM's
 * `--platform`, then `docker build --platform`, then the CodeBuild
 * environment type the build runs on.
 */
function imageArch(ctx: Ctx): Evidence | undefined {
  const dockerfile = builtDockerfile(ctx);
  const stage = dockerfile ? finalStage(dockerfile) : undefined;
  if (dockerfile && stage?.platform && !/\$/.test(stage.platform)) {
    const a = archOf(stage.platform);
    if (a) return { arches: new Set([a]), doc: dockerfile, range: stage.from.argsRange, what: `FROM --platform=${stage.platform} in ${pathInProject(ctx.project, dockerfile)}` };
  }
  const fromBuilds: Evidence[] = [];
  let unplatformed = false;
  for (const b of ctx.buildspecs) {
    for (const build of ctx.workspace(b).builds) {
      if (!build.platforms) {
        unplatformed = true;
        continue;
      }
      const values = build.platforms.values;
      if (values.some(hasSymbols)) return undefined;
      const arches = values.map(archOf);
      if (arches.some((a) => a === undefined)) return undefined;
      fromBuilds.push({ arches: new Set(arches as Arch[]), doc: b, range: wordRange(b, build.command, build.platforms.word), what: `docker build --platform ${values.join(',')}` });
    }
  }
  if (fromBuilds.length > 0 && !unplatformed) {
    const arches = new Set(fromBuilds.flatMap((e) => [...e.arches]));
    return { ...fromBuilds[0], arches };
  }
  if (fromBuilds.length > 0) return undefined;
  const projects = codebuildProjects(ctx.project);
  const names = new Set(ctx.pipelines.flatMap((p) => p.actions.filter((a) => a.provider === 'CodeBuild').map((a) => a.configuration.get('ProjectName'))));
  const matching = projects.filter((p) => p.name !== undefined && names.has(p.name));
  const project = matching.length === 1 ? matching[0] : projects.length === 1 ? projects[0] : undefined;
  if (!project) return undefined;
  const typeNode = at(project.node, 'environment.type');
  const type = str(typeNode);
  const image = str(at(project.node, 'environment.image')) ?? '';
  const arch: Arch | undefined = /^ARM_/.test(type ?? '') || /aarch64|arm64/.test(image) ? 'ARM64' : /^LINUX_/.test(type ?? '') ? 'X86_64' : undefined;
  if (!arch || !typeNode) return undefined;
  return { arches: new Set([arch]), doc: project.doc, range: typeNode.range, what: `the CodeBuild environment type ${type}` };
}

/** XF-13: the task runs on the CPU architecture the image is built for. */
export const xf13CpuArchitecture: Rule = {
  id: 'XF-13',
  title: 'Task CPU architecture matches the image',
  severity: 'warning',
  files: ['taskdef', 'buildspec', 'codebuild-project', 'dockerfile'],
  docs: {
    what: 'The task definition\'s `runtimePlatform.cpuArchitecture` (X86_64 when absent on Fargate) is the architecture the image is built for: the final `FROM --platform`, `docker build --platform`, or the CodeBuild environment (`ARM_CONTAINER` builds ARM64 images, `LINUX_CONTAINER` X86_64 ones).',
    why: 'An image built for one architecture does not start on the other: the essential container exits with "exec format error", the task stops, and the blue/green deployment never becomes healthy.',
    bad: [
      { file: 'buildspec.yml', text: 'build:\n  commands:\n    - docker build --platform linux/arm64 -t $ECR_REPO:$IMAGE_TAG .\n' },
      { file: 'taskdef.json', text: '"requiresCompatibilities": ["FARGATE"],\n"containerDefinitions": [{ "name": "myapp", "image": "<IMAGE1_NAME>" }]\n' },
    ],
    good: [
      { file: 'buildspec.yml', text: 'build:\n  commands:\n    - docker build --platform linux/arm64 -t $ECR_REPO:$IMAGE_TAG .\n' },
      { file: 'taskdef.json', text: '"requiresCompatibilities": ["FARGATE"],\n"runtimePlatform": { "cpuArchitecture": "ARM64", "operatingSystemFamily": "LINUX" },\n"containerDefinitions": [{ "name": "myapp", "image": "<IMAGE1_NAME>" }]\n' },
    ],
  },
  check({ project, report }) {
    const ctx = contextOf(project);
    const taskdefs = taskdefsOfBuiltImage(ctx);
    if (taskdefs.length === 0) return;
    const ev = imageArch(ctx);
    if (!ev) return;
    for (const taskdef of taskdefs) {
      const archNode = child(child(taskdefRoot(taskdef), 'runtimePlatform'), 'cpuArchitecture');
      const given = str(archNode);
      // On EC2 the instance decides; only Fargate has a known default.
      if (given === undefined && (archNode || !isFargate(taskdef))) continue;
      const task = (given ?? 'X86_64') as string;
      if (task !== 'X86_64' && task !== 'ARM64') continue;
      if (ev.arches.has(task)) continue;
      const built = [...ev.arches].join(' and ');
      const name = pathInProject(project, taskdef);
      const other = task === 'X86_64' ? 'linux/amd64' : 'linux/arm64';
      report(
        archNode
          ? { doc: taskdef, range: archNode.range, message: `cpuArchitecture is ${task}, but the image is built for ${built} (${ev.what}); the container would exit with "exec format error". Set "cpuArchitecture": "${[...ev.arches][0]}", or build for ${other}` }
          : {
              doc: ev.doc,
              range: ev.range,
              message: `The image is built for ${built} (${ev.what}), but ${name} has no runtimePlatform, so Fargate runs it on X86_64 and the container exits with "exec format error"; add "runtimePlatform": { "cpuArchitecture": "${[...ev.arches][0]}", "operatingSystemFamily": "LINUX" } to ${name}, or build for ${other}`,
            },
      );
    }
  },
};
