import { loadFile } from '../../src/core/config/load.js';
import { groupDocs } from '../../src/core/group.js';

const pipeline = (taskdefPath = 'taskdef.json') =>
  JSON.stringify({
    pipeline: {
      name: 'p',
      stages: [
        { name: 'Deploy', actions: [{ name: 'D', actionTypeId: { category: 'Deploy', owner: 'AWS', provider: 'CodeDeployToECS', version: '1' }, configuration: { TaskDefinitionTemplatePath: taskdefPath } }] },
      ],
    },
  });

function group(files: Record<string, string>) {
  const docs = Object.entries(files).flatMap(([path, text]) => loadFile({ path, text }));
  const projects = groupDocs(docs, new Set(Object.keys(files)));
  return projects.map((p) => ({ root: p.root, files: p.docs.map((d) => d.name).sort() })).sort((a, b) => a.root.localeCompare(b.root) || a.files[0].localeCompare(b.files[0]));
}

describe('groupDocs', () => {
  it('puts a pipeline kept in a subfolder together with the files at the repository root it refers to', () => {
    expect(
      group({
        'infra/pipeline.json': pipeline(),
        'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands: [ls]\n',
        'taskdef.json': '{"family":"a","containerDefinitions":[]}',
        Dockerfile: 'FROM scratch\n',
      }),
    ).toEqual([{ root: '', files: ['Dockerfile', 'buildspec.yml', 'infra/pipeline.json', 'taskdef.json'] }]);
  });

  it('follows a template path into its folder', () => {
    const g = group({ 'pipeline.json': pipeline('deploy/taskdef.json'), 'deploy/taskdef.json': '{"family":"a","containerDefinitions":[]}', 'other/appspec.yaml': 'version: 0.0\n' });
    expect(g).toEqual([
      { root: '', files: ['deploy/taskdef.json', 'pipeline.json'] },
      { root: 'other', files: ['other/appspec.yaml'] },
    ]);
  });

  it('groups files without a pipeline by folder', () => {
    const g = group({ 'svc-a/taskdef.json': '{"family":"a","containerDefinitions":[]}', 'svc-a/Dockerfile': 'FROM x\n', 'svc-b/Dockerfile': 'FROM y\n' });
    expect(g).toEqual([
      { root: 'svc-a', files: ['svc-a/Dockerfile', 'svc-a/taskdef.json'] },
      { root: 'svc-b', files: ['svc-b/Dockerfile'] },
    ]);
  });

  it('gives each of two pipelines sharing a folder its own project with the shared files', () => {
    const g = group({ 'staging.json': pipeline(), 'prod.json': pipeline(), 'taskdef.json': '{"family":"a","containerDefinitions":[]}' });
    expect(g).toEqual([
      { root: '', files: ['prod.json', 'taskdef.json'] },
      { root: '', files: ['staging.json', 'taskdef.json'] },
    ]);
  });
});

describe('Dockerfiles built from another folder', () => {
  it('joins the Dockerfile named by docker build -f or its context to the buildspec project', () => {
    const g = group({
      'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands:\n      - docker build -t x -f app/Dockerfile .\n      - docker build --tag y worker\n',
      'taskdef.json': '{"family":"a","containerDefinitions":[]}',
      'app/Dockerfile': 'FROM node:22\n',
      'worker/Dockerfile': 'FROM node:22\n',
      'unrelated/Dockerfile': 'FROM node:22\n',
    });
    expect(g.find((p) => p.root === '')!.files).toEqual(['app/Dockerfile', 'buildspec.yml', 'taskdef.json', 'worker/Dockerfile']);
  });
});

describe('the build output folder', () => {
  it('joins the files of artifacts.base-directory to the pipeline project', () => {
    const g = group({
      'pipeline.json': pipeline(),
      'buildspec.yml': 'version: 0.2\nphases:\n  build:\n    commands: [ls]\nartifacts:\n  base-directory: deploy\n  files: ["*"]\n',
      'deploy/taskdef.json': '{"family":"a","containerDefinitions":[]}',
    });
    expect(g).toEqual([{ root: '', files: ['buildspec.yml', 'deploy/taskdef.json', 'pipeline.json'] }]);
  });
});
