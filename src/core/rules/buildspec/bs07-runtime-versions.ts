import { at, entries, entry, str, typeName } from '../../config/node.js';
import type { Entry, Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { projectsFor } from './env.js';
import { compareVersions, isManagedImage, knownImage, type KnownImage } from './runtimes.js';
import { buildspecs, phase, phaseEntry, written } from './util.js';

/** BS-07: `install.runtime-versions` that the build image can install. */
export const bs07RuntimeVersions: Rule = {
  id: 'BS-07',
  title: 'Runtime version not available',
  severity: 'error',
  files: ['buildspec', 'codebuild-project'],
  docs: {
    what:
      '`phases.install.runtime-versions` lists at least one runtime, no two runtimes conflict (Android needs the Java it was built with), and, when the CodeBuild project JSON in the repository names its image, every runtime and version exists on that image: a listed version, `<major>.x` or `latest`, or on newer images any correctly spelt version CodeBuild installs on demand. ' +
      'The oldest images (`standard:2.0`, `amazonlinux2-x86_64-standard:1.0`) require the section.',
    why:
      'CodeBuild resolves the runtimes before INSTALL starts; an unknown one stops the build with `YAML_FILE_ERROR: Unknown runtime version named \'16\' of nodejs. This build image has the following versions: 18, 20`. ' +
      'The versions per image come from the `runtimes.yml` files of aws/aws-codebuild-docker-images. Without the project JSON the image is unknown, and only what needs no image is checked.',
    bad: [
      { file: 'codebuild-project.json', text: '{\n  "name": "myapp-build",\n  "source": { "type": "CODEPIPELINE" },\n  "environment": { "type": "LINUX_CONTAINER", "image": "aws/codebuild/standard:7.0", "computeType": "BUILD_GENERAL1_SMALL", "privilegedMode": true }\n}\n' },
      { file: 'buildspec.yml', text: 'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: 16\n' },
    ],
    good: [{ file: 'buildspec.yml', text: 'version: 0.2\nphases:\n  install:\n    runtime-versions:\n      nodejs: 20\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of buildspecs(project)) {
      const say = (range: Range, message: string, severity?: 'warning') => report({ doc, range, message, severity });
      const images = [...new Set(projectsFor(project, doc).map((p) => str(at(p.node, 'environment.image'))?.trim()).filter((i): i is string => !!i))];
      const rv = entry(phase(root, 'install'), 'runtime-versions');
      if (!rv) {
        for (const image of images) {
          if (!knownImage(image)?.runtimes.required) continue;
          const where = phaseEntry(root, 'install')?.keyRange ?? entry(root, 'phases')?.keyRange ?? root.range;
          say(where, `the image ${image} requires selecting at least one runtime; add "runtime-versions:" under "install:" (e.g. "nodejs: 10") or use a newer image such as aws/codebuild/standard:7.0`);
        }
        continue;
      }
      if (rv.value.type !== 'object' || rv.value.entries!.length === 0) {
        const shown = rv.value.type === 'null' || rv.value.type === 'object' ? 'empty' : typeName(rv.value);
        say(rv.value.type === 'null' ? rv.keyRange : rv.value.range, `"runtime-versions" is ${shown}; list at least one runtime, e.g. "nodejs: 20", or remove the section`);
        continue;
      }
      const list = entries(rv.value);
      for (const r of list) {
        if (r.value.type === 'object' || r.value.type === 'array' || r.value.type === 'null') say(r.value.type === 'null' ? r.keyRange : r.value.range, `runtime "${r.key}" needs one version, e.g. "${r.key}: latest"`);
      }
      const conflict = androidConflict(list);
      if (conflict) say(conflict.range, conflict.message);
      for (const image of images) {
        if (!isManagedImage(image)) {
          say(rv.keyRange, `the project's image ${image} is not a CodeBuild-managed image, so CodeBuild skips "runtime-versions" ("Runtime version selection is not supported by this build image"); install the runtimes in the image, or remove the section`, 'warning');
          continue;
        }
        const known = knownImage(image);
        if (known) for (const r of list) checkRuntime(r, known, image, say);
      }
    }
  },
};

function checkRuntime(r: Entry, known: KnownImage, image: string, say: (range: Range, message: string) => void): void {
  // docker is BS-08's finding.
  if (r.key === 'docker') return;
  const versions = known.runtimes.runtimes[r.key];
  if (!versions) {
    const names = Object.keys(known.runtimes.runtimes).filter((n) => n !== 'docker');
    say(r.keyRange, `${image} has no runtime "${r.key}"; its runtimes are ${names.join(', ')}`);
    return;
  }
  const v = written(r.value)?.trim();
  if (v === undefined || v === '' || v === 'latest' || v.includes('$')) return;
  if (known.runtimes.custom.includes(r.key)) {
    const spelling = r.key === 'java' ? /^corretto\d+(?:\.x)?$/ : /^\d+(?:\.\d+)*(?:\.x)?$/;
    if (!spelling.test(v)) say(r.value.range, `${image} cannot install ${r.key} "${v}"; write ${r.key === 'java' ? '"corretto<major>", e.g. "corretto21"' : 'a version number such as "' + versions[0] + '"'}, or "latest"`);
    return;
  }
  if (available(v, versions)) return;
  const newest = [...versions].sort(compareVersions).pop()!;
  // The table is a snapshot: an image AWS still updates may have gained newer versions since.
  if (known.runtimes.current && compareVersions(v.replace(/\.x$/, ''), newest) > 0) return;
  say(r.value.range, `${image} has no ${r.key} ${v}, so the build fails with "Unknown runtime version"; it offers ${[...versions].sort(compareVersions).reverse().join(', ')}, or use "latest"`);
}

/** A version as the buildspec may write it: exact, `<major>.x`, `corretto11.x`. */
function available(v: string, versions: readonly string[]): boolean {
  if (versions.includes(v)) return true;
  const major = /^(.*)\.x$/.exec(v)?.[1];
  return major !== undefined && versions.some((have) => have === major || have.startsWith(`${major}.`));
}

/** Android runtimes were built against Java 8; selecting another Java next to them fails the build. */
function androidConflict(list: Entry[]): { range: Range; message: string } | undefined {
  const android = list.find((e) => e.key === 'android');
  const java = list.find((e) => e.key === 'java');
  if (!android || !java) return undefined;
  const v = written(java.value)?.trim() ?? '';
  if (v === '' || v.includes('$') || /^(?:openjdk8|corretto8)(?:\.x)?$/.test(v)) return undefined;
  return { range: java.value.range, message: `android ${written(android.value) ?? ''} needs Java 8, so "java: ${v}" conflicts with it and the build fails; use "java: corretto8" (openjdk8 on standard:2.0 and 3.0) or drop "java"` };
}
