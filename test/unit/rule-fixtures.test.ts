import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rules } from '../../src/core/rules/index.js';
import { checkDir } from '../helpers/check-dir.js';

/**
 * Every rule has, under test/fixtures/rules/<ID>/, at least one folder `bad*`
 * that triggers it and one `good*`, close to it, that does not. A bad folder
 * may hold expected.json: [{ "file", "line", "column"? , "severity"? }], the
 * findings of that rule that must be reported.
 */
const root = join(process.cwd(), 'test/fixtures/rules');

interface Expected {
  file: string;
  line: number;
  column?: number;
  severity?: string;
}

describe.each(rules.map((r) => [r.id, r] as const))('%s', (id) => {
  const dir = join(root, id);
  const cases = existsSync(dir) ? readdirSync(dir) : [];

  it('has fixtures that trigger it and fixtures that do not', () => {
    expect(cases.filter((c) => c.startsWith('bad')).length).toBeGreaterThan(0);
    expect(cases.filter((c) => c.startsWith('good')).length).toBeGreaterThan(0);
  });

  for (const c of cases.filter((c) => c.startsWith('bad'))) {
    it(`reports ${c}`, () => {
      const found = checkDir(join(dir, c)).filter((f) => f.rule === id);
      expect(found.length).toBeGreaterThan(0);
      const expectedFile = join(dir, c, 'expected.json');
      if (existsSync(expectedFile)) {
        const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected[];
        for (const e of expected) {
          const match = found.find((f) => f.file === e.file && f.line === e.line && (e.column === undefined || f.column === e.column) && (e.severity === undefined || f.severity === e.severity));
          if (!match) throw new Error(`expected ${id} at ${e.file}:${e.line}${e.column ? ':' + e.column : ''}; found ${JSON.stringify(found.map((f) => `${f.file}:${f.line}:${f.column} ${f.severity}`))}`);
        }
      }
    });
  }

  for (const c of cases.filter((c) => c.startsWith('good'))) {
    it(`does not report ${c}`, () => {
      const found = checkDir(join(dir, c)).filter((f) => f.rule === id);
      expect(found.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
    });
  }
});
