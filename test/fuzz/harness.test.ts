import type { Rule } from '../../src/core/rules/rule.js';
import type { Finding } from '../../src/core/types.js';
import { mutate, Rng } from './mutate.js';
import { checkSafely, insaneFindings } from './sanity.js';

/** The fuzz test is only worth something if its checks can fail. */
describe('fuzz harness', () => {
  const file = { path: 'taskdef.json', text: '{"family": "myapp", "containerDefinitions": []}\n' };
  const finding = (f: Partial<Finding>): Finding => ({ rule: 'X-01', severity: 'error', file: 'taskdef.json', line: 2, column: 3, endLine: 2, endColumn: 5, message: 'm', ...f });

  it('accepts a sane finding and flags insane ones', () => {
    expect(insaneFindings([file], [finding({})])).toEqual([]);
    expect(insaneFindings([file], [finding({ line: 0 })])).toHaveLength(1);
    expect(insaneFindings([file], [finding({ endLine: 1 })])).toHaveLength(1);
    expect(insaneFindings([file], [finding({ endColumn: 2 })])).toHaveLength(1);
    expect(insaneFindings([file], [finding({ file: 'other.json' })])).toHaveLength(1);
    expect(insaneFindings([file], [finding({ message: 'internal error in rule X-01 (boom); please report it' })])).toHaveLength(1);
  });

  it('reports a rule that throws as a problem', () => {
    const throwing: Rule = {
      id: 'X-01',
      title: 'throws',
      severity: 'error',
      files: ['taskdef'],
      docs: { what: '', why: '', bad: [], good: [] },
      check() {
        throw new TypeError("Cannot read properties of undefined (reading 'items')");
      },
    };
    expect(checkSafely([file], [throwing]).problems.join('\n')).toMatch(/internal error in rule X-01/);
  });

  it('mutates deterministically', () => {
    const bytes = new TextEncoder().encode(file.text);
    const a = mutate(new Rng(42), bytes, [bytes]);
    const b = mutate(new Rng(42), bytes, [bytes]);
    expect(a).toEqual(b);
    const differs = Array.from({ length: 20 }, (_, i) => mutate(new Rng(i), bytes, [bytes])).filter((m) => Buffer.compare(Buffer.from(m.bytes), Buffer.from(bytes)) !== 0);
    expect(differs.length).toBeGreaterThan(10);
  });
});
