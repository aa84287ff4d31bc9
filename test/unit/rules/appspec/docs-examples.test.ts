import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../../src/core/analyze.js';
import { loadFile } from '../../../../src/core/config/load.js';
import type { SourceFile } from '../../../../src/core/model.js';
import { appspecRules } from '../../../../src/core/rules/appspec/index.js';
import { imagedetailRules } from '../../../../src/core/rules/imagedetail/index.js';
import { pipelineRules } from '../../../../src/core/rules/pipeline/index.js';
import type { Example, Rule } from '../../../../src/core/rules/rule.js';

/**
 * docs/rules.md shows each rule's examples as files that do and do not
 * trigger it. Examples that are whole files are held to that; excerpts of a
 * pipeline (with "…") cannot be checked and are skipped.
 */
const mine = [...appspecRules, ...imagedetailRules, ...pipelineRules].filter((r) => r.id !== 'PL-01' && r.id !== 'PL-08');

// These rules judge a file by the pipeline that deploys it: their examples are checked beside the seed's.
const seedPipeline = readFileSync(join(process.cwd(), 'examples/seed/pipeline.json'), 'utf8').replace('"appspec.yml"', '"appspec.yaml"');
const WITH_PIPELINE = new Set(['AS-04', 'ID-01']);

function whole(e: Example): boolean {
  return loadFile({ path: e.file, text: e.text }).some((d) => d.root !== undefined && d.problems.length === 0);
}

function run(rule: Rule, e: Example) {
  const files: SourceFile[] = [{ path: e.file, text: e.text }];
  if (WITH_PIPELINE.has(rule.id)) files.push({ path: 'pipeline.json', text: seedPipeline });
  return analyze({ files, rules: [rule] });
}

describe.each(mine.map((r) => [r.id, r] as const))('%s documentation examples', (_id, rule) => {
  const checkable = (list: Example[]) => list.map((e, i) => [i, e] as const).filter(([, e]) => whole(e));

  it('has at least one example of each kind', () => {
    expect(rule.docs.bad.length).toBeGreaterThan(0);
    expect(rule.docs.good.length).toBeGreaterThan(0);
  });

  const bad = checkable(rule.docs.bad);
  const good = checkable(rule.docs.good);
  if (bad.length > 0) {
    it.each(bad)('bad example %d triggers the rule', (_i, e) => {
      expect(run(rule, e).length).toBeGreaterThan(0);
    });
  }
  if (good.length > 0) {
    it.each(good)('good example %d does not', (_i, e) => {
      expect(run(rule, e).map((f) => f.message)).toEqual([]);
    });
  }
});

describe('AppSpec and imageDetail.json examples', () => {
  it('are whole files, so that the tests above check them', () => {
    const excerpts = [...appspecRules, ...imagedetailRules].flatMap((r) => [...r.docs.bad, ...r.docs.good].filter((e) => !whole(e)).map((e) => `${r.id} ${e.file}`));
    expect(excerpts).toEqual([]);
  });
});
