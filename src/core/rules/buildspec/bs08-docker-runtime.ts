import { at, entry, str } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { projectsFor } from './env.js';
import { knownImage } from './runtimes.js';
import { buildspecs, phase, written } from './util.js';

/** BS-08: `docker:` in `runtime-versions`, which selects nothing. */
export const bs08DockerRuntime: Rule = {
  id: 'BS-08',
  title: 'docker in runtime-versions',
  severity: 'warning',
  files: ['buildspec', 'codebuild-project'],
  docs: {
    what: '`phases.install.runtime-versions` does not list `docker`.',
    why:
      'Docker is not a selectable runtime: the images that still accept `docker: 18` or `docker: 19` ignore the version and print a deprecation notice, and the current images (Ubuntu standard:7.0, Amazon Linux 2023) fail with `YAML_FILE_ERROR: Unknown runtime version named \'19\' of docker`. ' +
      'Docker in CodeBuild comes from the project\'s `privilegedMode: true` (see BS-09).',
    bad: [{ file: 'buildspec.yml', text: 'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      docker: 19\n      nodejs: 20\n' }],
    good: [{ file: 'buildspec.yml', text: 'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: 20\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of buildspecs(project)) {
      const docker = entry(entry(phase(root, 'install'), 'runtime-versions')?.value, 'docker');
      if (!docker) continue;
      const version = written(docker.value)?.trim() ?? '';
      const images = projectsFor(project, doc).map((p) => str(at(p.node, 'environment.image'))?.trim() ?? '');
      const failing = images.find((image) => {
        const k = knownImage(image);
        return k !== undefined && !(k.runtimes.runtimes.docker ?? []).includes(version);
      });
      if (failing) {
        report({ doc, range: docker.keyRange, severity: 'error', message: `${failing} has no docker runtime, so "docker: ${version}" fails the build with "Unknown runtime version"; remove the line (Docker comes from privilegedMode: true on the project)` });
      } else {
        report({ doc, range: docker.keyRange, message: `"docker: ${version}" selects nothing: older images ignore it and current ones fail with "Unknown runtime version"; remove the line (Docker comes from privilegedMode: true on the project)` });
      }
    }
  },
};
