import { analyze } from '../../../src/core/analyze.js';
import type { Finding } from '../../../src/core/types.js';
import { RUNTIMES, scaffoldFiles, type ScaffoldOptions } from '../../../src/core/scaffold/index.js';

const BASE: ScaffoldOptions = {
  name: 'myapp',
  port: 8080,
  region: 'us-east-1',
  account: '123456789012',
  repo: 'my-org/myapp',
  branch: 'main',
  cpu: 256,
  memory: 512,
  runtime: 'node',
  staging: false,
  approval: false,
  embed: false,
  healthPath: '/health',
};


/** Checks the scaffold as `ecs-codepipeline check` would in a repository that holds only these files (plus the app's own). */
function findingsOf(o: ScaffoldOptions, rename: Record<string, string> = {}) {
  const files = [...scaffoldFiles(o)].map(([path, text]) => ({ path: rename[path] ?? path, text }));
  const tree = [...files.map((f) => f.path), ...APP_FILES[o.runtime]];
  return analyze({ files, tree });
}

// What the Dockerfile of each runtime COPYs from the repository.
const APP_FILES: Record<string, string[]> = {
  node: ['package.json', 'package-lock.json', 'server.js'],
  python: ['requirements.txt', 'app.py'],
  java: ['pom.xml', 'src/main/java/App.java'],
  go: ['go.mod', 'main.go'],
  static: ['public/index.html'],
};

const cases: ScaffoldOptions[] = [];
for (const runtime of RUNTIMES)
  for (const staging of [false, true])
    for (const approval of [false, true])
      for (const embed of [false, true])
        for (const [cpu, memory] of [
          [256, 512],
          [4096, 30720],
        ])
          cases.push({ ...BASE, runtime, staging, approval, embed, cpu, memory });

describe('everything scaffold writes passes check without any finding', () => {
  test.each(cases.map((c) => [`${c.runtime} staging=${c.staging} approval=${c.approval} embed=${c.embed} ${c.cpu}/${c.memory}`, c]))('%s', (_label, o) => {
    expect(findingsOf(o as ScaffoldOptions)).toEqual([]);
  });

  test('the CodeBuild project (aws/codebuild-project.json) is checked with the pipeline that names it', () => {
    for (const embed of [false, true]) {
      const files = [...scaffoldFiles({ ...BASE, embed })].map(([path, text]) => ({ path, text: path === 'aws/codebuild-project.json' ? text.replace('"privilegedMode": true', '"privilegedMode": false') : text }));
      const found = analyze({ files, tree: [...files.map((f) => f.path), ...APP_FILES.node] });
      expect(found.map((f) => `${f.rule} ${f.file}`)).toEqual(['BS-09 aws/codebuild-project.json']);
    }
  });

  test('node without a package-lock.json (npm install instead of npm ci)', () => {
    const o = { ...BASE, lockfile: false };
    expect(findingsOf(o)).toEqual([]);
  });

  test('a port other than 8080 and a custom health path', () => {
    expect(findingsOf({ ...BASE, port: 3000, healthPath: '/healthz', staging: true, approval: true })).toEqual([]);
  });
});
