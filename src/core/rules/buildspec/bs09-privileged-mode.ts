import { child, entry, str } from '../../config/node.js';
import type { Rule } from '../rule.js';
import { projectsFor } from './env.js';
import { DOCKER_DAEMON, firstMatch } from './patterns.js';
import { scanCommands } from './scan.js';
import { buildspecs, commandRange } from './util.js';

/** BS-09: a buildspec that runs Docker needs a privileged CodeBuild project. */
export const bs09PrivilegedMode: Rule = {
  id: 'BS-09',
  title: 'Docker needs privileged mode',
  severity: 'error',
  files: ['buildspec', 'codebuild-project'],
  docs: {
    what:
      'When the buildspec runs `docker build`, `docker push`, `docker login` or another Docker command, the CodeBuild project has `"privilegedMode": true` in its `environment`. ' +
      'If the project JSON is in the repository, it is checked there; otherwise the finding is a reminder on the first Docker command.',
    why:
      'The Docker daemon of a CodeBuild container only starts in privileged mode. Without it every Docker command fails with `Cannot connect to the Docker daemon at unix:/var/run/docker.sock. Is the docker daemon running?` and no image is built or pushed. ' +
      'The setting lives on the project ("Privileged" in the console), not in the buildspec.',
    bad: [
      { file: 'codebuild-project.json', text: '{\n  "name": "myapp-build",\n  "source": { "type": "CODEPIPELINE" },\n  "environment": {\n    "type": "LINUX_CONTAINER",\n    "image": "aws/codebuild/standard:7.0",\n    "computeType": "BUILD_GENERAL1_SMALL"\n  }\n}\n' },
      { file: 'buildspec.yml', text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - docker build -t myapp .\n' },
    ],
    good: [
      { file: 'codebuild-project.json', text: '{\n  "name": "myapp-build",\n  "source": { "type": "CODEPIPELINE" },\n  "environment": {\n    "type": "LINUX_CONTAINER",\n    "image": "aws/codebuild/standard:7.0",\n    "computeType": "BUILD_GENERAL1_SMALL",\n    "privilegedMode": true\n  }\n}\n' },
    ],
  },
  check({ project, report }) {
    for (const { doc, root } of buildspecs(project)) {
      let first: { range: ReturnType<typeof commandRange>; text: string; line: number } | undefined;
      for (const c of scanCommands(root)) {
        const m = firstMatch(c.code, DOCKER_DAEMON);
        if (!m) continue;
        const range = commandRange(doc, c.command, m.start, m.end);
        first = { range, text: m.text.replace(/\s+/g, ' '), line: range.start.line };
        break;
      }
      if (!first) continue;
      const owners = projectsFor(project, doc);
      if (owners.length === 0) {
        report({
          doc,
          range: first.range,
          severity: 'notice',
          message: `"${first.text}" needs the Docker daemon: make sure the CodeBuild project has privilegedMode: true ("Privileged" in the console), or every Docker command fails with "Cannot connect to the Docker daemon"`,
        });
        continue;
      }
      for (const p of owners) {
        const envEntry = entry(p.node, 'environment');
        const mode = entry(envEntry?.value, 'privilegedMode');
        if (mode?.value.type === 'boolean' && mode.value.value === true) continue;
        const type = str(child(envEntry?.value, 'type')) ?? '';
        const where = `${doc.path} runs "${first.text}" (line ${first.line})`;
        const message = /LAMBDA/.test(type)
          ? `${where}, but Lambda compute (${type}) cannot run Docker at all; use a LINUX_CONTAINER or ARM_CONTAINER environment with "privilegedMode": true`
          : `${where}, which needs the Docker daemon; set "privilegedMode": true in "environment", or the build fails with "Cannot connect to the Docker daemon"`;
        report({ doc: p.doc, range: mode?.value.range ?? envEntry?.keyRange ?? p.node.range, message });
      }
    }
  },
};
