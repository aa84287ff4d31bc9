import { pathInProject } from '../../model.js';
import type { Node } from '../../types.js';
import type { Rule } from '../rule.js';
import { effectiveHealthcheck } from './healthcheck.js';
import { analyseStages, chainInstructions, dockerfiles, type StageInfo } from './images.js';
import { containersOfImage, healthCommand, type Container } from './taskdef-link.js';
import { argsText, leadingFlags, rangeIn } from './text.js';
import { probesIn, shippedTools, toolsAfter, type Probe } from './tools.js';

/** How to get the tool into this image, or a way around it. */
function fix({ probe, base, have, command }: { probe: Probe; base: StageInfo; have: Partial<Record<Probe, boolean>>; command: string }): string {
  const img = base.image;
  const url = /https?:\/\/[^\s'"]+/.exec(command)?.[0] ?? '<url>';
  const other = probe === 'curl' ? 'wget' : 'curl';
  const alt = have[other] ? `, or probe with the ${other} the image has (${other === 'wget' ? `wget -q --spider ${url}` : `curl -fs ${url}`})` : '';
  if (!img || img.path.startsWith('distroless/') || img.official === 'busybox') return `this image has no package manager to add it, so write the check in the application's language${alt}`;
  const alpine = /alpine/.test(img.tag ?? '') || img.official === 'alpine';
  const install = alpine ? `RUN apk add --no-cache ${probe}` : `RUN apt-get update && apt-get install -y --no-install-recommends ${probe} && rm -rf /var/lib/apt/lists/*`;
  return `add ${install} to the final stage${alt}`;
}

export const df02HealthcheckBinary: Rule = {
  id: 'DF-02',
  title: 'Health check calls a missing curl or wget',
  severity: 'warning',
  files: ['dockerfile', 'taskdef'],
  docs: {
    what: 'A health check (the Dockerfile `HEALTHCHECK`, or the task definition `healthCheck` of the container that runs the image) calls `curl` or `wget`, and the final image does not have it. Known images: `node`, `python`, `ruby` and `golang` (Debian variants have both; `-slim` has neither; `-alpine` has only BusyBox `wget`), `alpine` and `busybox` (only `wget`), `debian` and `ubuntu` (neither), `gcr.io/distroless/*` (neither; `:debug` has `wget`) and `scratch`, also through mirrors such as `public.ecr.aws/docker/library/…`. A package install (`apk add`, `apt-get install`, `yum`/`dnf`/`microdnf`/`zypper install`) or a COPY of the binary in the final stage or the stages it is built from counts; an `apk del` of the package, or of the `--virtual` group it came in, takes it away again. Other images are not judged.',
    why: 'Every probe fails with `curl: not found`, so the container is always unhealthy. In the task definition this is an error: ECS stops an essential container that is UNHEALTHY and replaces the task, so the CodeDeploy replacement task set never becomes healthy and the deployment rolls back. In the Dockerfile alone it is a warning: ECS ignores that check, but `docker run` and compose report the container as unhealthy.',
    bad: [{ file: 'Dockerfile', text: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\nHEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1\nCMD ["node", "server.js"]\n' }],
    good: [
      { file: 'Dockerfile', text: 'FROM node:22-alpine\nRUN apk add --no-cache curl\nWORKDIR /app\nCOPY . .\nHEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1\nCMD ["node", "server.js"]\n' },
      { file: 'Dockerfile', text: 'FROM node:22-alpine\nWORKDIR /app\nCOPY . .\n# BusyBox wget is part of Alpine\nHEALTHCHECK CMD wget -q --spider http://localhost:8080/health || exit 1\nCMD ["node", "server.js"]\n' },
    ],
  },
  check({ project, report }) {
    const files = dockerfiles(project);
    const containers = containersOfImage(project);
    for (const { doc, df } of files) {
      const { chain } = analyseStages(project, doc, df);
      const base = chain[0];
      if (!base) continue;
      const scratch = !base.parent && base.stage.image.toLowerCase() === 'scratch';
      const shipped = shippedTools(base.image, scratch);
      if (!shipped) continue;
      const have = toolsAfter(shipped, chainInstructions(chain), (ins) => leadingFlags(argsText(doc, ins).text).rest);
      const missing = (p: Probe) => have[p] === false;
      const imageText = chain.length > 1 ? `the final stage (built FROM ${base.stage.image})` : base.stage.image;
      // The task definition's checks can only be tied to this image when it is the project's only Dockerfile.
      const taskdefUses = new Map<Probe, { taskdef: string; container: string }>();
      const taskdefHits: { probe: Probe; container: Container; node: Node; text: string }[] = [];
      if (files.length === 1) {
        for (const c of containers) {
          for (const part of healthCommand(c.node) ?? []) {
            for (const { probe } of probesIn(part.text)) {
              if (!missing(probe)) continue;
              if (!taskdefUses.has(probe)) taskdefUses.set(probe, { taskdef: pathInProject(project, c.taskdef), container: c.name });
              taskdefHits.push({ probe, container: c, node: part.node, text: part.text });
            }
          }
        }
      }
      const hc = effectiveHealthcheck(doc, chainInstructions(chain));
      const reported = new Set<Probe>();
      if (hc && !hc.none) {
        for (const { probe, index } of probesIn(hc.command)) {
          if (!missing(probe) || reported.has(probe)) continue;
          reported.add(probe);
          const td = taskdefUses.get(probe);
          const start = hc.commandAt + index;
          report({
            doc,
            range: rangeIn(doc, hc.args, { start, end: start + probe.length }),
            severity: td ? 'error' : 'warning',
            message: td
              ? `${probe} is not in ${imageText}, and container "${td.container}" in ${td.taskdef} runs the same check, so ECS marks the task unhealthy and replaces it (the deployment never becomes healthy); ${fix({ probe, base, have, command: hc.command })}`
              : `${probe} is not in ${imageText}, so this check always fails ("${probe}: not found") and the container shows as unhealthy; ${fix({ probe, base, have, command: hc.command })}`,
          });
        }
      }
      for (const hit of taskdefHits) {
        if (reported.has(hit.probe)) continue;
        report({
          doc: hit.container.taskdef,
          range: hit.node.range,
          severity: 'error',
          message: `${hit.probe} is not in the image built by ${pathInProject(project, doc)} (${imageText}), so this health check of container "${hit.container.name}" always fails, ECS replaces the task, and the deployment never becomes healthy; ${fix({ probe: hit.probe, base, have, command: hit.text })}`,
        });
      }
    }
  },
};
