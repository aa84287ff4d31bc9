import type { Rule } from '../rule.js';
import { eolVerdict, RUNTIMES } from './eol.js';
import { analyseStages, dockerfiles, type ImageRef } from './images.js';

/** The same image on another line, keeping the variant (`-alpine`, `-slim`) but not an old OS release. */
function retag(image: ImageRef, version: string): string {
  const tag = image.tag ?? '';
  const variant = tag
    .replace(/^(?:lts-)?(?:\d+(?:\.\d+)*|[a-z]+(?=-|$))/, '')
    .replace(/-?(?:jessie|stretch|buster|bullseye|bookworm|trixie)/g, '')
    .replace(/alpine3\.\d+/, 'alpine');
  const name = image.text.slice(0, image.text.length - (image.digest ? image.digest.length + 1 : 0) - (image.tag ? image.tag.length + 1 : 0));
  return `${name}:${version}${variant}`;
}

export const df05EolRuntime: Rule = {
  id: 'DF-05',
  title: 'Base image runtime past end of life',
  severity: 'warning',
  files: ['dockerfile'],
  docs: {
    what: 'A `FROM` image is an official `node`, `python`, `golang` or `ruby` image (also through a mirror such as `public.ecr.aws/docker/library/`) whose tag names a line past its end of life, for example `node:18-alpine` (Node.js 18 ended on 2025-04-30) or `python:3.9-slim` (2025-10-31). The dates come from each project\'s release schedule and are compared with the day of the check; tags without a version (`node:lts`, `python:3`) are not judged.',
    why: 'After its end of life a runtime gets no security fixes, and neither do the official images built on it: every later vulnerability stays in the deployed container. A build stage on an old line matters too: compiled programs carry its standard library, and its package manager keeps fetching with old TLS and resolvers.',
    bad: [{ file: 'Dockerfile', text: 'FROM node:18-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n' }],
    good: [{ file: 'Dockerfile', text: 'FROM node:24-alpine\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n' }],
  },
  check({ project, report, now: date }) {
    const now = date.toISOString().slice(0, 10);
    for (const { doc, df } of dockerfiles(project)) {
      for (const info of analyseStages(project, doc, df).infos) {
        const image = info.image;
        const runtime = image?.official && Object.hasOwn(RUNTIMES, image.official) ? RUNTIMES[image.official] : undefined;
        if (!image || !runtime || !image.tag) continue;
        const line = runtime.lineOf(image.tag.toLowerCase());
        const verdict = line && eolVerdict(runtime, line, now);
        if (!verdict) continue;
        const when = verdict.eol ? `reached its end of life on ${verdict.eol}` : 'is long past its end of life';
        const fix = verdict.suggest
          ? `move to a supported line, e.g. ${retag(image, verdict.suggest.version)}${verdict.suggest.eol ? ` (supported until ${verdict.suggest.eol})` : ''}`
          : 'move to a supported line';
        report({ doc, range: info.imageRange, message: `${image.text} runs ${runtime.name} ${line}, which ${when} and gets no security fixes; ${fix}` });
      }
    }
  },
};
