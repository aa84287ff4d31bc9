import type { Rule } from '../rule.js';
import type { Glob } from './artifacts.js';
import { contextOf } from './context.js';

const BINARY = /\.(jar|war|ear|zip|tar|tgz|gz|bz2|xz|7z|exe|dll|so|dylib|whl|bin|iso|img|mp4|sqlite)$/i;

/** Why a pattern may blow the 3 MB limit, or undefined. */
function heavy(g: Glob, base: string): string | undefined {
  const p = g.pattern.trim().replace(/^(\.\/)+/, '');
  const segments = p.split('/');
  if (!base && segments.every((s) => s === '**' || s === '*') && segments.includes('**')) return `"${g.pattern}" ships the whole build folder (source, node_modules, build output)`;
  const dep = segments.find((s) => s === 'node_modules' || s === '.git' || s === 'vendor' || s === 'bower_components');
  if (dep) return `"${g.pattern}" ships ${dep}`;
  if (BINARY.test(p) || /^(target|build\/libs)\/(\*\*\/)?\*?$/.test(p)) return `"${g.pattern}" ships build output or binaries`;
  return undefined;
}

/** XF-09: an artifact the CodeDeployToECS action reads stays small. */
export const xf09DeployArtifactSize: Rule = {
  id: 'XF-09',
  title: 'Deploy input artifact kept under 3 MB',
  severity: 'error',
  files: ['buildspec', 'pipeline'],
  docs: {
    what: 'A build output artifact that a CodeDeployToECS action reads lists only the deploy files: no `**/*` without a narrow `base-directory`, no node_modules, .git or binaries.',
    why: 'CodePipeline limits each input artifact of the CodeDeployToECS action to 3 MB. A whole build folder is far larger, and the deploy fails before it starts. The action needs three small files: taskdef.json, the appspec and imageDetail.json.',
    bad: [{ file: 'buildspec.yml', text: 'artifacts:\n  files:\n    - \'**/*\'\n' }],
    good: [{ file: 'buildspec.yml', text: 'artifacts:\n  files:\n    - imageDetail.json\n    - taskdef.json\n    - appspec.yaml\n' }],
  },
  check({ project, report }) {
    const ctx = contextOf(project);
    const seen = new Set<Glob>();
    for (const p of ctx.pipelines) {
      for (const d of p.deploys) {
        const names = new Set([...d.inputs, ...[...d.configuration].filter(([k]) => /Artifact(Name)?$/.test(k)).map(([, v]) => v)]);
        for (const name of names) {
          const o = ctx.origin(p, name);
          if (o.kind !== 'build' || !o.spec || o.spec.base === null) continue;
          for (const g of o.spec.globs) {
            const why = heavy(g, o.spec.base);
            if (!why || seen.has(g)) continue;
            seen.add(g);
            report({
              doc: o.buildspec,
              range: g.node.range,
              message: `${why} into ${name}, which the CodeDeployToECS action "${d.name}" reads; its input artifacts are limited to 3 MB. List only imageDetail.json, ${d.taskdefPath} and ${d.appspecPath}${o.spec.identifier ? '' : ', or put the other files in a secondary artifact'}`,
            });
          }
        }
      }
    }
  },
};
