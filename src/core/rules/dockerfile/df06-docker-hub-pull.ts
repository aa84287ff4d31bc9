import { commandsOf } from '../../config/buildspec.js';
import { docsOf, pathInProject, type Project } from '../../model.js';
import type { Rule } from '../rule.js';
import { analyseStages, dockerfiles, parseImageRef, type ImageRef } from './images.js';
import { argsText, leadingFlags, program, rangeIn, shellCommands } from './text.js';

const HUB_HOSTS = /^(?:https?:\/\/)?(?:docker\.io|index\.docker\.io|registry-1\.docker\.io|registry\.hub\.docker\.com)(?:\/.*)?$/i;
const LOGIN_OPTION_WITH_VALUE = new Set(['-u', '--username', '-p', '--password']);

/** Whether a buildspec of the project runs `docker login` for Docker Hub (no registry, or docker.io). */
export function logsInToDockerHub(project: Project): boolean {
  for (const doc of docsOf(project, 'buildspec')) {
    for (const c of commandsOf(doc.root)) {
      if (!/\bdocker\b[^\n]*\blogin\b/.test(c.text)) continue;
      for (const cmd of shellCommands(c.text).map(program)) {
        if (cmd[0]?.text.replace(/^.*\//, '') !== 'docker') continue;
        const words = cmd.slice(1).map((w) => w.text);
        const at = words.indexOf('login');
        if (at < 0) continue;
        let registry: string | undefined;
        for (let i = at + 1; i < words.length; i++) {
          if (LOGIN_OPTION_WITH_VALUE.has(words[i])) i++;
          else if (!words[i].startsWith('-')) {
            registry = words[i];
            break;
          }
        }
        if (registry === undefined || HUB_HOSTS.test(registry)) return true;
      }
    }
  }
  return false;
}

function advice(image: ImageRef): string {
  if (image.official) {
    const tagged = image.text.replace(/^(?:(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/)?(?:library\/)?/, '');
    return `use public.ecr.aws/docker/library/${tagged} (the same official image on ECR Public), or log in to Docker Hub in pre_build`;
  }
  return 'log in to Docker Hub in pre_build (echo "$DOCKERHUB_TOKEN" | docker login --username "$DOCKERHUB_USER" --password-stdin), or pull through an ECR pull-through cache';
}

export const df06DockerHubPull: Rule = {
  id: 'DF-06',
  title: 'Anonymous pull from Docker Hub',
  severity: 'warning',
  files: ['dockerfile', 'buildspec'],
  docs: {
    what: 'A `FROM` (or `COPY --from=`) pulls an image from Docker Hub (a name without a registry host, or `docker.io/…`), a buildspec of the project runs docker, and none runs `docker login` for Docker Hub (without a registry, or with `docker.io`). Stages built on an earlier stage and `scratch` pull nothing; an image named through an ARG with no known default is skipped.',
    why: 'Docker Hub limits anonymous pulls per IP address, and CodeBuild builds share their outbound addresses, so builds fail at random with `toomanyrequests: You have reached your pull rate limit`. The official images are mirrored on ECR Public (`public.ecr.aws/docker/library/<name>`), which is not subject to the Docker Hub limit; for other images, log in to Docker Hub before `docker build` or use an ECR pull-through cache.',
    bad: [
      { file: 'Dockerfile', text: 'FROM node:22-alpine\nCMD ["node", "server.js"]\n' },
      { file: 'buildspec.yml', text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - docker build -t myapp .\n' },
    ],
    good: [
      { file: 'Dockerfile', text: 'FROM public.ecr.aws/docker/library/node:22-alpine\nCMD ["node", "server.js"]\n' },
      {
        file: 'buildspec.yml',
        text: 'version: 0.2\nenv:\n  secrets-manager:\n    DOCKERHUB_TOKEN: dockerhub:token\nphases:\n  pre_build:\n    commands:\n      - echo "$DOCKERHUB_TOKEN" | docker login --username myorg --password-stdin\n  build:\n    commands:\n      - docker build -t myapp .\n',
      },
    ],
  },
  check({ project, report }) {
    const files = dockerfiles(project);
    // Only builds that CodeBuild runs are judged: a buildspec of the project uses docker.
    const builders = docsOf(project, 'buildspec').filter((d) => commandsOf(d.root).some((c) => /\bdocker(?:-compose)?\b/.test(c.text)));
    if (files.length === 0 || builders.length === 0 || logsInToDockerHub(project)) return;
    const why = `${builders.map((d) => pathInProject(project, d)).join(', ')} runs no docker login for Docker Hub`;
    const message = (image: ImageRef) =>
      `${image.text} is pulled from Docker Hub anonymously (${why}); CodeBuild shares IP addresses, so builds fail at random on the pull rate limit ("toomanyrequests"); ${advice(image)}`;
    for (const { doc, df } of files) {
      const { infos } = analyseStages(project, doc, df);
      for (const info of infos) if (info.image?.dockerHub) report({ doc, range: info.imageRange, message: message(info.image) });
      const stageNames = new Set(df.stages.map((s) => s.name).filter(Boolean));
      for (const ins of df.instructions) {
        if (ins.keyword !== 'COPY') continue;
        const a = argsText(doc, ins);
        const from = leadingFlags(a.text).flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
        if (!from || /^\d+$/.test(from) || stageNames.has(from.toLowerCase())) continue;
        const image = parseImageRef(from);
        if (!image?.dockerHub) continue;
        const at = a.text.indexOf(`--from=${from}`) + '--from='.length;
        report({ doc, range: rangeIn(doc, a, { start: at, end: at + from.length }), message: message(image) });
      }
    }
  },
};
