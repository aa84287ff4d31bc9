import { mayHoldPipeline, pipelineNameFirst } from '../../src/services/drift-section.js';

describe('which files are read to find a pipeline definition', () => {
  it('reads JSON files that may be a pipeline', () => {
    for (const p of ['pipeline.json', 'infra/pipeline-prod.json', 'codepipeline/MyApp.JSON', 'deploy/ecs.json', 'ci/manifest.yml.json', 'app.json', 'manifest.json', 'settings.json']) expect([p, mayHoldPipeline(p)]).toEqual([p, true]);
  });
  it('skips files known by name to be something else, and other tools\' JSON', () => {
    for (const p of ['taskdef.json', 'svc/task-definition.json', 'appspec.json', 'imageDetail.json', 'imagedefinitions.json', 'package.json', 'web/package-lock.json', 'tsconfig.json', 'tsconfig.build.json', '.eslintrc.json', '.vscode/settings.json', 'cdk.json', 'buildspec.yml', 'pipeline.yaml']) {
      expect([p, mayHoldPipeline(p)]).toEqual([p, false]);
    }
  });
  it('puts names that say pipeline first', () => {
    expect(['a.json', 'infra/pipeline.json', 'b.json', 'CodePipeline-prod.json'].sort(pipelineNameFirst)).toEqual(['infra/pipeline.json', 'CodePipeline-prod.json', 'a.json', 'b.json']);
  });
});
