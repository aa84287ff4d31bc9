import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readWithJsonc } from '../../src/core/config/json.js';
import { readSimpleJson } from '../../src/core/config/json-fast.js';
import { LineIndex } from '../../src/core/config/position.js';
import type { ParseProblem } from '../../src/core/config/problems.js';
import type { Node } from '../../src/core/types.js';
import { corpusDir, corpusPresent, readSources } from '../corpus/corpus.js';
import { Rng } from '../fuzz/mutate.js';

/**
 * The fast JSON reader must give exactly what the jsonc-parser path gives, or
 * nothing: the repository's JSON files, the corpus, and mutations of them are
 * read both ways and compared value by value, range by range.
 */
function dump(root: Node | undefined, problems: ParseProblem[]): string {
  const out: string[] = problems.map((p) => JSON.stringify(p));
  const walk = (n: Node | undefined, path: string) => {
    if (!n) return;
    const r = n.range;
    out.push(`${path} ${n.type} ${JSON.stringify(n.value)} ${Object.is(n.value, -0)} ${JSON.stringify(n.source)} ${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`);
    for (const e of n.entries ?? []) {
      const k = e.keyRange;
      out.push(`${path}.${e.key} ${k.start.line}:${k.start.column}-${k.end.line}:${k.end.column}`);
      walk(e.value, `${path}.${e.key}`);
    }
    (n.items ?? []).forEach((item, i) => walk(item, `${path}[${i}]`));
  };
  walk(root, '');
  return out.join('\n');
}

function compare(text: string): boolean {
  const locator = new LineIndex(text);
  const problems: ParseProblem[] = [];
  const fast = readSimpleJson(text, { locator, text }, problems);
  if (!fast) return false;
  const full = readWithJsonc(text, locator);
  expect({ text, nodes: dump(fast, problems) }).toEqual({ text, nodes: dump(full.root, full.problems) });
  return true;
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? jsonFiles(abs) : /\.json$/i.test(name) && statSync(abs).size < 256 * 1024 ? [abs] : [];
  });
}

const real = [...jsonFiles('examples'), ...jsonFiles('test/fixtures/rules')].map((f) => readFileSync(f, 'utf8'));
if (corpusPresent()) for (const f of readSources()) if (/\.json$/i.test(f.file)) real.push(readFileSync(join(corpusDir, f.file), 'utf8'));

describe('readSimpleJson', () => {
  it('agrees with jsonc-parser on the JSON files of the examples, fixtures and corpus it reads', () => {
    expect(real.filter(compare).length).toBeGreaterThan(real.length / 2);
  });

  it('agrees with jsonc-parser on mutations of them, and leaves what it does not read to it', () => {
    const rng = new Rng(0x15);
    const EDITS = ['', ' ', ',', ':', '"', '{', '}', '[', ']', '0', '-', '.5', '1e', 'e5', '01', 'true', 'nul', 'x', '\\n', '\\u00e9', '/* c */', '\t', '\r\n', '"a":1,', '"dup": 1,'];
    let taken = 0;
    for (let c = 0; c < 3000; c++) {
      const base = rng.pick(real);
      let text = base;
      for (let s = 1 + rng.int(3); s > 0; s--) {
        const at = rng.int(text.length + 1);
        text = rng.chance(0.3) ? text.slice(0, at) + text.slice(at + 1 + rng.int(4)) : text.slice(0, at) + rng.pick(EDITS) + text.slice(at);
      }
      if (compare(text)) taken++;
    }
    expect(taken).toBeGreaterThan(300);
  });

  it.each([
    ['numbers and literals', '{"a": -0, "b": 1.5e+3, "c": [true, false, null], "d": {}, "e": []}'],
    ['duplicate keys, few and many', `{"a": 1, "a": 2, ${Array.from({ length: 20 }, (_, i) => `"k${i}": ${i}`).join(', ')}, "k3": 0}`],
  ])('reads %s as jsonc-parser does', (_name, text) => {
    expect(compare(text)).toBe(true);
  });

  it.each([
    ['an escape', '{"a": "b\\"c"}'],
    ['a comment', '{"a": 1 /* c */}'],
    ['a trailing comma', '{"a": 1,}'],
    ['a leading zero', '{"a": 01}'],
    ['content after the value', '{} {}'],
    ['a control character in a string', '{"a": "b\tc"}'],
  ])('leaves %s to jsonc-parser', (_name, text) => {
    expect(readSimpleJson(text, { locator: new LineIndex(text), text }, [])).toBeUndefined();
  });
});
