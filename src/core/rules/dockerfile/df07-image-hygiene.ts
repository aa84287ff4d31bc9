import type { Rule } from '../rule.js';
import { analyseStages, chainInstructions, dockerfiles, type ImageRef } from './images.js';
import { argsText, rangeIn } from './text.js';

/** Base images that already run as a non-root user. */
function runsAsNonRoot(image: ImageRef | undefined): boolean {
  if (!image) return false;
  return /nonroot/.test(image.tag ?? '') || image.registry === 'cgr.dev' || image.path.startsWith('bitnami/') || image.path.includes('unprivileged');
}

const isRoot = (user: string) => /^(root|0)(:.*)?$/.test(user.trim());

export const df07ImageHygiene: Rule = {
  id: 'DF-07',
  title: 'Image hygiene: tag, user, EXPOSE',
  severity: 'notice',
  files: ['dockerfile'],
  docs: {
    what: 'One finding per problem: a `FROM` image with no tag or `:latest` (and no digest); a final image that runs as root (no `USER` in the stages it is built from, or the last `USER` is `root` or `0`); an `EXPOSE` with an IP address or a `host:container` mapping. Base images that already set a non-root user (`…:nonroot` tags, Chainguard, Bitnami, `*-unprivileged`) do not need a `USER`.',
    why: '`:latest` changes under you, so the same commit builds a different image and a rollback does not restore what ran before. A process running as root makes any escape from the application worse; the official node image already has a `node` user (uid 1000). `EXPOSE` only documents container ports: publishing to the host is done by `docker run -p` or the task definition\'s `portMappings`, and BuildKit warns that the `host:container` form will become an error.',
    bad: [{ file: 'Dockerfile', text: 'FROM node:latest\nWORKDIR /app\nCOPY . .\nEXPOSE 80:8080\nCMD ["node", "server.js"]\n' }],
    good: [{ file: 'Dockerfile', text: 'FROM node:24-alpine\nWORKDIR /app\nCOPY --chown=node:node . .\nUSER node\nEXPOSE 8080\nCMD ["node", "server.js"]\n' }],
  },
  check({ project, report }) {
    for (const { doc, df } of dockerfiles(project)) {
      const { infos, chain } = analyseStages(project, doc, df);
      for (const info of infos) {
        const image = info.image;
        if (!image || image.digest || (image.tag && image.tag !== 'latest')) continue;
        report({
          doc,
          range: info.imageRange,
          message: `${image.text} ${image.tag ? 'uses :latest' : 'has no tag, so it means :latest'}, which changes under you and makes builds unreproducible; pin a version tag (or a digest), e.g. ${image.text.replace(/:latest$/, '')}:<version>`,
        });
      }
      const final = chain[chain.length - 1];
      if (final) {
        const users = chainInstructions(chain).filter((i) => i.keyword === 'USER');
        const last = users[users.length - 1];
        if (last && isRoot(last.args)) {
          report({ doc, range: last.argsRange, message: `The container runs as ${last.args.trim()}; switch to an unprivileged user for the final image (e.g. USER node in the official node image, or a user created with adduser) after the steps that need root` });
        } else if (!last && !runsAsNonRoot(chain[0].image)) {
          const family = chain[0].image?.official;
          const hint =
            family === 'node'
              ? 'add USER node (the official node image has that user, uid 1000) before CMD'
              : family === 'nginx'
                ? 'build on nginxinc/nginx-unprivileged (it runs as nginx and listens on 8080), or set USER nginx with a listen port above 1024'
                : 'create a user (RUN adduser …) and add USER <name> before CMD';
          report({ doc, range: final.imageRange, message: `The final image sets no USER, so the container runs as root; ${hint}` });
        }
      }
      for (const ins of df.instructions) {
        if (ins.keyword !== 'EXPOSE') continue;
        const a = argsText(doc, ins);
        for (const m of a.text.matchAll(/\S+/g)) {
          const port = m[0];
          if (!port.includes(':') || port.includes('$')) continue;
          const container = port.split(':').pop()!;
          report({
            doc,
            range: rangeIn(doc, a, { start: m.index!, end: m.index! + port.length }),
            message: `EXPOSE ${port} maps a host ${port.split(':').length > 2 || /\d+\.\d+\.\d+\.\d+/.test(port) ? 'address and port' : 'port'}, which EXPOSE cannot do (only docker run -p or the task definition's portMappings publish ports); write EXPOSE ${container}`,
          });
        }
      }
    }
  },
};
