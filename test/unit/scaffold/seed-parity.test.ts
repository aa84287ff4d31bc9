import { readFileSync } from 'node:fs';
import { analyze } from '../../../src/core/analyze.js';
import { pipelineObject } from '../../../src/core/scaffold/pipeline.js';
import { scaffoldFiles, type ScaffoldOptions } from '../../../src/core/scaffold/index.js';

const SEED_OPTIONS: ScaffoldOptions = {
  name: 'myapp', port: 8080, region: 'us-east-1', account: '123456789012', repo: 'my-org/myapp', branch: 'main',
  cpu: 256, memory: 512, runtime: 'node', staging: false, approval: false, embed: true, healthPath: '/health',
};

interface Action { name: string; actionTypeId: Record<string, string>; configuration?: Record<string, string>; inputArtifacts?: { name: string }[]; outputArtifacts?: { name: string }[] }
interface Stage { name: string; actions: Action[] }

/** The parts of a pipeline the seed parity is about: stages, providers, configuration keys and artifacts. */
function shape(p: { pipeline: { stages: Stage[] } }) {
  return p.pipeline.stages.map((s) => ({
    stage: s.name,
    actions: s.actions.map((a) => ({
      name: a.name,
      type: a.actionTypeId,
      keys: Object.keys(a.configuration ?? {}).sort(),
      inputs: (a.inputArtifacts ?? []).map((x) => x.name),
      outputs: (a.outputArtifacts ?? []).map((x) => x.name),
    })),
  }));
}

const seed = JSON.parse(readFileSync(new URL('../../../examples/seed/pipeline.json', import.meta.url), 'utf8'));

describe('seed parity (--name myapp --port 8080 --region us-east-1 --account 123456789012 --embed)', () => {
  const ours = pipelineObject(SEED_OPTIONS);

  test('same stages, actions, providers, configuration keys and artifacts as examples/seed/pipeline.json', () => {
    expect(shape(ours as never)).toEqual(shape(seed));
  });

  test("the seed's defects are fixed", () => {
    const deploy = ours.pipeline.stages[2] as Stage;
    // The seed writes appspec.yml but points AppSpecTemplatePath at it; ours names the file the action expects by default.
    expect(deploy.actions[0].configuration?.AppSpecTemplatePath).toBe('appspec.yaml');
    expect(ours.pipeline.pipelineType).toBe('V2');
    const files = scaffoldFiles(SEED_OPTIONS);
    expect(files.get('Dockerfile')).not.toMatch(/^HEALTHCHECK|curl|--production|node:18/m);
    expect(files.get('Dockerfile')).toMatch(/^USER node$/m);
    const buildspec = files.get('buildspec.yml')!;
    expect(buildspec).toContain('[ "$CODEBUILD_BUILD_SUCCEEDING" = 1 ] || exit 1');
    expect(buildspec).toContain('"awslogs-create-group": "true"');
    expect(buildspec).toContain('"healthCheck"');
    expect(buildspec).toMatch(/cat > appspec\.yaml <<'APPSPEC'/);
    expect(buildspec).not.toMatch(/:latest/);
  });

  test('the seed itself has findings that the scaffold does not', () => {
    const seedFiles = ['Dockerfile', 'buildspec.yml', 'pipeline.json'].map((f) => ({ path: f, text: readFileSync(new URL(`../../../examples/seed/${f}`, import.meta.url), 'utf8') }));
    const seedRules = new Set(analyze({ files: seedFiles }).map((f) => f.rule));
    const ours = [...scaffoldFiles(SEED_OPTIONS)].map(([path, text]) => ({ path: path === 'aws/codebuild-project.json' ? 'codebuild-project.json' : path, text }));
    const ourRules = new Set(analyze({ files: ours, tree: [...ours.map((f) => f.path), 'package.json', 'package-lock.json'] }).map((f) => f.rule));
    expect([...seedRules].length).toBeGreaterThan(3);
    expect([...ourRules]).toEqual([]);
  });
});
