import { analyze } from '../../../../src/core/analyze.js';
import { buildspecRules } from '../../../../src/core/rules/buildspec/index.js';

/** The examples in docs/rules.md are real: each bad one triggers its rule, each good one does not. */
describe.each(buildspecRules.map((r) => [r.id, r] as const))('%s documentation examples', (id, rule) => {
  const run = (files: Array<{ file: string; text: string }>) => analyze({ files: files.map((f) => ({ path: f.file, text: f.text })), rules: [rule] }).filter((f) => f.rule === id);

  it('bad example triggers the rule', () => {
    expect(run(rule.docs.bad).length).toBeGreaterThan(0);
  });

  it('good example does not', () => {
    // A good example may show only the fixed file; the other files of the bad example stay as they were.
    const fixed = new Set(rule.docs.good.map((g) => g.file));
    const files = [...rule.docs.bad.filter((b) => !fixed.has(b.file)), ...rule.docs.good];
    expect(run(files).map((f) => f.message)).toEqual([]);
  });
});
