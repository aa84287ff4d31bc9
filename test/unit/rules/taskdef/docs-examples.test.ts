import { analyze } from '../../../../src/core/analyze.js';
import { taskdefRules } from '../../../../src/core/rules/taskdef/index.js';

/** docs/rules.md shows each rule's examples as files that do and do not trigger it; hold the rules to that. */
const mine = taskdefRules.filter((r) => r.id !== 'TD-02' && r.id !== 'TD-03');

describe.each(mine.map((r) => [r.id, r] as const))('%s documentation examples', (_id, rule) => {
  const run = (file: string, text: string) => analyze({ files: [{ path: file, text }], rules: [rule] });

  it.each(rule.docs.bad.map((e, i) => [i, e] as const))('bad example %d triggers the rule', (_i, e) => {
    expect(run(e.file, e.text).length).toBeGreaterThan(0);
  });

  it.each(rule.docs.good.map((e, i) => [i, e] as const))('good example %d does not', (_i, e) => {
    expect(run(e.file, e.text).map((f) => f.message)).toEqual([]);
  });
});
