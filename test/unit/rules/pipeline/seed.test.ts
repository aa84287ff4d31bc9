import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../../src/core/analyze.js';
import type { SourceFile } from '../../../../src/core/model.js';
import { appspecRules } from '../../../../src/core/rules/appspec/index.js';
import { imagedetailRules } from '../../../../src/core/rules/imagedetail/index.js';
import { pipelineRules } from '../../../../src/core/rules/pipeline/index.js';
import type { Finding } from '../../../../src/core/types.js';
import { checkDir } from '../../../helpers/check-dir.js';

/**
 * The bundled example must pass the AppSpec, imageDetail.json and pipeline
 * rules, and the same files with one mistake each must not: so the first
 * test cannot pass just because these rules never see the seed's files.
 */
const seed = join(process.cwd(), 'examples/seed');
const ours = /^(AS|ID|PL)-/;
const mine = [...appspecRules, ...imagedetailRules, ...pipelineRules];

function seedFiles(edit: (path: string, text: string) => string = (_p, t) => t): SourceFile[] {
  return readdirSync(seed).map((name) => ({ path: name, text: edit(name, readFileSync(join(seed, name), 'utf8')) }));
}

function run(files: SourceFile[]): Finding[] {
  return analyze({ files, rules: mine });
}

function replaceIn(file: string, from: string, to: string) {
  return (path: string, text: string) => {
    if (path !== file) return text;
    if (!text.includes(from)) throw new Error(`${file} no longer holds ${from}`);
    return text.replace(from, to);
  };
}

function lineOf(file: string, needle: string): number {
  const text = readFileSync(join(seed, file), 'utf8');
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('examples/seed and the AS, ID and PL rules', () => {
  it('gives no AS, ID or PL finding', () => {
    const found = checkDir(seed).filter((f) => ours.test(f.rule));
    expect(found.map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`)).toEqual([]);
  });

  it('reports a fixed task definition ARN in the generated appspec on its buildspec line (AS-04)', () => {
    const found = run(seedFiles(replaceIn('buildspec.yml', 'TaskDefinition: <TASK_DEFINITION>', 'TaskDefinition: arn:aws:ecs:us-east-1:123456789012:task-definition/myapp:3')));
    expect(found.filter((f) => f.rule === 'AS-04').map((f) => `${f.file}:${f.line}`)).toEqual([`buildspec.yml:${lineOf('buildspec.yml', 'TaskDefinition: <TASK_DEFINITION>')}`]);
  });

  it('reports a quoted ContainerPort in the generated appspec (AS-03)', () => {
    const found = run(seedFiles(replaceIn('buildspec.yml', 'ContainerPort: 8080', 'ContainerPort: "8080"')));
    expect(found.filter((f) => f.rule === 'AS-03').map((f) => `${f.file}:${f.line}`)).toEqual([`buildspec.yml:${lineOf('buildspec.yml', 'ContainerPort: 8080')}`]);
  });

  it('reports a printf that writes the wrong key into imageDetail.json (ID-02)', () => {
    const found = run(seedFiles(replaceIn('buildspec.yml', `'{"ImageURI":"%s"}'`, `'{"imageUri":"%s"}'`)));
    expect(found.filter((f) => f.rule === 'ID-02').map((f) => `${f.file}:${f.line}`)).toEqual([`buildspec.yml:${lineOf('buildspec.yml', `'{"ImageURI":"%s"}'`)}`]);
  });

  it('reports the blog post\'s 9-digit account in the connection ARN (PL-02)', () => {
    const arn = /arn:aws:codestar-connections:[^"]+/.exec(readFileSync(join(seed, 'pipeline.json'), 'utf8'))![0];
    const found = run(seedFiles(replaceIn('pipeline.json', arn, 'arn:aws:codestar-connections:us-east-1:123456789:connection/abc-123')));
    expect(found.filter((f) => f.rule === 'PL-02').map((f) => `${f.file}:${f.line}`)).toEqual([`pipeline.json:${lineOf('pipeline.json', arn)}`]);
  });

  it('reports an Image1ArtifactName that is not an input of the deploy action (PL-12)', () => {
    const found = run(seedFiles(replaceIn('pipeline.json', '"Image1ArtifactName": "BuildOutput"', '"Image1ArtifactName": "SourceOutput"')));
    expect(found.filter((f) => f.rule === 'PL-12').map((f) => `${f.file}:${f.line}`)).toEqual([`pipeline.json:${lineOf('pipeline.json', '"Image1ArtifactName"')}`]);
  });
});
