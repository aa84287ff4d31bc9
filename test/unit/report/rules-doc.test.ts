import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleAnchor, ruleUrl } from '../../../src/core/report/links.js';
import { renderRulesDoc } from '../../../src/core/report/rules-doc.js';
import { rules } from '../../../src/core/rules/index.js';
import { fakeRule } from './fixtures.js';

const DOC = join(process.cwd(), 'docs/rules.md');

describe('docs/rules.md', () => {
  it('is up to date with the rule registry (regenerate: node scripts/gen-rules-doc.mjs)', () => {
    expect(existsSync(DOC)).toBe(true);
    const committed = readFileSync(DOC, 'utf8');
    const fresh = renderRulesDoc(rules);
    if (committed !== fresh) throw new Error('docs/rules.md is stale: run `node scripts/gen-rules-doc.mjs` and commit docs/rules.md');
  });

  it('has unique rule ids, so that every anchor is unique', () => {
    const ids = rules.map((r) => r.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
});

describe('renderRulesDoc', () => {
  const doc = renderRulesDoc([fakeRule('TD-05', 'Fargate cpu/memory pair', 'error'), fakeRule('AS-04', 'TaskDefinition is not <TASK_DEFINITION>', 'warning')]);

  it('gives each rule the anchor that SARIF helpUri and the job summary link to', () => {
    expect(doc).toContain('<a id="td-05"></a>\n\n### TD-05: Fargate cpu/memory pair');
    expect(ruleUrl('TD-05', 'https://x/docs/rules.md')).toBe(`https://x/docs/rules.md#${ruleAnchor('TD-05')}`);
    expect(doc).toContain('| [TD-05](#td-05) | Fargate cpu/memory pair | error | taskdef |');
  });

  it('shows severity, what, why, and bad and good examples as fenced blocks', () => {
    const section = doc.slice(doc.indexOf('### TD-05'), doc.indexOf('<a id="as-04">') > doc.indexOf('### TD-05') ? doc.indexOf('<a id="as-04">') : undefined);
    expect(section).toContain('**Severity:** error');
    expect(section).toContain('What TD-05 checks.');
    expect(section).toContain('**Why:** Why TD-05 matters.');
    expect(section).toContain('Bad — `taskdef.json`:\n\n```json\n{"cpu": "256", "memory": "4096"}\n```');
    expect(section).toContain('Good — `taskdef.json`:\n\n```json\n{"cpu": "256", "memory": "512"}\n```');
  });

  it('groups rules by family in a fixed order', () => {
    expect(doc.indexOf('## Task definition')).toBeLessThan(doc.indexOf('## AppSpec'));
  });

  it('escapes <placeholders> in titles so that they are not read as HTML', () => {
    expect(doc).toContain('### AS-04: TaskDefinition is not \\<TASK\\_DEFINITION\\>');
  });

  it('uses a longer fence when an example holds backticks', () => {
    const r = fakeRule('BS-01', 'x', 'notice');
    r.docs.bad = [{ file: 'buildspec.yml', text: 'phases:\n  build:\n    commands:\n      - echo ```hi```\n' }];
    expect(renderRulesDoc([r])).toContain('````yaml\nphases:');
  });

  it('keeps blank lines inside examples', () => {
    const r = fakeRule('DF-09', 'x', 'notice');
    r.docs.good = [{ file: 'Dockerfile', text: 'FROM node:20-alpine\n\n\nCMD ["node"]\n' }];
    expect(renderRulesDoc([r])).toContain('```dockerfile\nFROM node:20-alpine\n\n\nCMD ["node"]\n```');
  });
});
