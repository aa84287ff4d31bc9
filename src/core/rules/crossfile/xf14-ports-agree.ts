import { docsOf, pathInProject, type Doc } from '../../model.js';
import type { Rule } from '../rule.js';
import { contextOf, type Ctx } from './context.js';
import type { Instruction } from '../../config/dockerfile.js';
import type { Range } from '../../types.js';
import { builtDockerfile, expandDocker, finalStage, runsBuiltImage, stageVars, taskdefsOfBuiltImage } from './images.js';
import { containersOf, list, targetServices, taskdefsFor } from './templates.js';

/** The port traffic is sent to: the appspec's ContainerPort, else the one port the image's container maps. */
function servicePort(ctx: Ctx): { port: number; from: string } | undefined {
  const ports = new Set<number>();
  let from = '';
  for (const appspec of docsOf(ctx.project, 'appspec')) {
    for (const ts of targetServices(appspec)) {
      if (ts.port === undefined) continue;
      // Only an appspec deployed with a task definition of this image says where its traffic goes.
      const runs = taskdefsFor(ctx, appspec, ts).some((t) => containersOf(t).some((c) => c.name === ts.containerName && runsBuiltImage(ctx, c)));
      if (!runs) continue;
      ports.add(ts.port);
      from = `the appspec's ContainerPort in ${pathInProject(ctx.project, appspec)}`;
    }
  }
  if (ports.size === 1) return { port: [...ports][0], from };
  if (ports.size > 1) return undefined;
  const mapped = new Set<number>();
  let unknown = false;
  let label = '';
  for (const t of taskdefsOfBuiltImage(ctx)) {
    const containers = containersOf(t);
    const built = containers.length === 1 ? containers : containers.filter((c) => runsBuiltImage(ctx, c));
    if (built.length !== 1) return undefined;
    for (const p of built[0].ports) (p.port === undefined ? (unknown = true) : mapped.add(p.port));
    label = `containerPort in ${pathInProject(ctx.project, t)}`;
  }
  if (unknown || mapped.size !== 1) return undefined;
  return { port: [...mapped][0], from: label };
}

/** XF-14: Dockerfile EXPOSE and HEALTHCHECK ports agree with the container and load-balancer port. */
export const xf14PortsAgree: Rule = {
  id: 'XF-14',
  title: 'Image, task definition and appspec ports agree',
  severity: 'warning',
  files: ['dockerfile', 'taskdef', 'appspec'],
  docs: {
    what: 'The port the Dockerfile `EXPOSE`s and checks in its `HEALTHCHECK` is the port traffic is sent to: the appspec\'s `LoadBalancerInfo.ContainerPort`, or else the container\'s `containerPort`.',
    why: 'EXPOSE only documents a port; the load balancer sends traffic to the appspec\'s ContainerPort. When the application listens elsewhere, the target group\'s health checks fail and CodeDeploy rolls the deployment back. (Also make sure the deployment group\'s target groups are of type `ip`, which awsvpc tasks need; that setting is not in the repository.)',
    bad: [
      { file: 'Dockerfile', text: 'FROM public.ecr.aws/docker/library/node:22-alpine\nEXPOSE 3000\nCMD ["node", "server.js"]\n' },
      { file: 'appspec.yaml', text: 'LoadBalancerInfo:\n  ContainerName: "myapp"\n  ContainerPort: 8080\n' },
    ],
    good: [
      { file: 'Dockerfile', text: 'FROM public.ecr.aws/docker/library/node:22-alpine\nEXPOSE 8080\nCMD ["node", "server.js"]\n' },
      { file: 'appspec.yaml', text: 'LoadBalancerInfo:\n  ContainerName: "myapp"\n  ContainerPort: 8080\n' },
    ],
  },
  check({ project, report }) {
    const ctx = contextOf(project);
    const dockerfile = builtDockerfile(ctx);
    const stage = dockerfile ? finalStage(dockerfile) : undefined;
    if (!dockerfile || !stage) return;
    const target = servicePort(ctx);
    if (!target) return;
    const vars = stageVars(dockerfile, stage);
    checkExpose({ dockerfile, stage: stage.instructions, vars, target, report: (range, message) => report({ doc: dockerfile, range, message }) });
    for (const ins of stage.instructions) {
      if (ins.keyword !== 'HEALTHCHECK' || /^NONE\b/i.test(ins.args)) continue;
      const m = /\b(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\]):(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\d+)/.exec(ins.args);
      if (!m) continue;
      const port = expandDocker(m[1], vars);
      if (!/^\d+$/.test(port) || Number(port) === target.port) continue;
      report({
        doc: dockerfile,
        range: ins.argsRange,
        message: `HEALTHCHECK probes port ${port}, but traffic goes to port ${target.port} (${target.from}); check the port the application listens on, ${target.port}`,
      });
    }
  },
};

interface ExposeOptions {
  dockerfile: Doc;
  stage: Instruction[];
  vars: ReadonlyMap<string, string>;
  target: { port: number; from: string };
  report(range: Range, message: string): void;
}

function checkExpose(o: ExposeOptions): void {
  const exposes = o.stage.filter((i) => i.keyword === 'EXPOSE');
  if (exposes.length === 0) return;
  const ports: number[] = [];
  for (const ins of exposes) {
    for (const word of ins.args.split(/\s+/).filter(Boolean)) {
      const p = expandDocker(word, o.vars).replace(/\/(tcp|udp)$/i, '');
      if (!/^\d+(-\d+)?$/.test(p)) return;
      const [lo, hi] = p.split('-').map(Number);
      for (let n = lo; n <= (hi ?? lo) && n - lo < 1000; n++) ports.push(n);
    }
  }
  if (ports.includes(o.target.port)) return;
  o.report(
    exposes[0].argsRange,
    `The image EXPOSEs ${list([...new Set(ports)].slice(0, 5).map(String), false)}, but traffic goes to port ${o.target.port} (${o.target.from}); make the application listen on ${o.target.port} and EXPOSE ${o.target.port}, or change the ports in the task definition and appspec together`,
  );
}
