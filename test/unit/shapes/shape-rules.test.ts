import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTree } from '../../../src/adapters/fs/read-tree.js';
import { analyze } from '../../../src/core/analyze.js';
import { pipelineShapeRules, taskdefShapeRules } from '../../../src/core/rules/shape-rules.js';
import type { Finding } from '../../../src/core/types.js';

/**
 * The fixture contract of test/unit/rule-fixtures.test.ts, applied to the
 * shape rules alone (so it holds whether or not the registry lists them yet),
 * with the exact message text of each finding kept in a snapshot.
 */
const rules = [...taskdefShapeRules, ...pipelineShapeRules];
const root = join(process.cwd(), 'test/fixtures/rules');

function check(dir: string): Finding[] {
  const read = readTree(['.'], dir);
  return analyze({ files: read.files, tree: read.tree, rules });
}

describe.each(rules.map((r) => [r.id] as const))('%s', (id) => {
  const dir = join(root, id);
  const cases = existsSync(dir) ? readdirSync(dir).sort() : [];

  it('has bad and good fixtures', () => {
    expect(cases.some((c) => c.startsWith('bad'))).toBe(true);
    expect(cases.some((c) => c.startsWith('good'))).toBe(true);
  });

  for (const c of cases.filter((c) => c.startsWith('bad'))) {
    it(`reports ${c} at the expected places`, () => {
      const found = check(join(dir, c)).filter((f) => f.rule === id);
      const expected = JSON.parse(readFileSync(join(dir, c, 'expected.json'), 'utf8')) as Array<{ file: string; line: number; column?: number; severity?: string }>;
      const at = (f: Finding) => `${f.file}:${f.line}:${f.column} ${f.severity}`;
      for (const e of expected) {
        const hit = found.find((f) => f.file === e.file && f.line === e.line && (e.column === undefined || f.column === e.column) && (e.severity === undefined || f.severity === e.severity));
        if (!hit) throw new Error(`expected ${id} at ${e.file}:${e.line}:${e.column ?? '*'}; found ${JSON.stringify(found.map(at))}`);
      }
      // Nothing beyond what expected.json lists: the fixtures test one thing each.
      expect(found.length).toBe(expected.length);
      expect(found.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`)).toMatchSnapshot();
    });
  }

  for (const c of cases.filter((c) => c.startsWith('good'))) {
    it(`does not report ${c}`, () => {
      expect(check(join(dir, c)).filter((f) => f.rule === id).map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
    });
  }
});

describe('the bundled example', () => {
  it('has no finding of the shape rules (its taskdef is written by a heredoc)', () => {
    const found = check(join(process.cwd(), 'examples/seed'));
    expect(found.map((f) => `${f.file}:${f.line} ${f.rule} ${f.message}`)).toEqual([]);
  });

  it('does check the task definition its buildspec writes', () => {
    const read = readTree(['.'], join(process.cwd(), 'examples/seed'));
    const buildspec = read.files.find((f) => f.path === 'buildspec.yml')!;
    const text = readFileSync(join(process.cwd(), 'examples/seed', buildspec.path), 'utf8').replace('"essential": true', '"essential": "yes"');
    const found = analyze({ files: [{ path: 'buildspec.yml', text }], rules });
    expect(found.map((f) => `${f.rule} ${f.file}`)).toEqual(['TD-03 buildspec.yml']);
  });
});
