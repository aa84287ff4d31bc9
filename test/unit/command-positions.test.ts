import { commandsOf } from '../../src/core/config/buildspec.js';
import { commandLocator } from '../../src/core/config/heredoc.js';
import { loadFile } from '../../src/core/config/load.js';
import { LineIndex } from '../../src/core/config/position.js';
import { scalarSourceMap } from '../../src/core/config/scalar-map.js';
import { analyze } from '../../src/core/analyze.js';

/**
 * Positions inside buildspec commands whose value is not a copy of the
 * source: folded blocks, quoted and plain scalars over several lines, escapes.
 * Each word of each command must map to where it is written.
 */
const BUILDSPEC = [
  'version: 0.2',
  'phases:',
  '  build:',
  '    commands:',
  '      - >',
  '        echo building &&',
  '        docker build -t myapp .',
  '      - >-',
  '        aws ecr get-login-password',
  '',
  '        | docker login --username AWS',
  '      - "echo \\"quoted\\" \\t&&',
  '        docker push myapp:latest"',
  '      - "printf \\x41\\u00e9 &&\\',
  '        docker tag a b"',
  '      - echo one',
  '        && docker run myapp',
  "      - 'it''s &&",
  "        docker pull myapp'",
  '      - |',
  '        docker images',
  '        docker ps',
  '      - docker info',
  '',
].join('\n');

function words(text: string) {
  const doc = loadFile({ path: 'buildspec.yml', text })[0];
  const host = doc.locator as LineIndex;
  const lines = text.split(/\r?\n/);
  const out: Array<{ word: string; at: string }> = [];
  for (const c of commandsOf(doc.root)) {
    const at = commandLocator(c, host);
    for (const m of c.text.matchAll(/docker|myapp|AWS|echo|printf/g)) {
      const p = at(m.index!);
      out.push({ word: m[0], at: lines[p.line - 1].slice(p.column - 1, p.column - 1 + m[0].length) });
    }
  }
  return out;
}

describe('positions inside buildspec commands', () => {
  it('finds every word where it is written, whatever the scalar style', () => {
    const found = words(BUILDSPEC);
    expect(found.length).toBeGreaterThan(15);
    for (const f of found) expect(f.at).toBe(f.word);
  });

  it('does the same with CRLF line ends', () => {
    for (const f of words(BUILDSPEC.replace(/\n/g, '\r\n'))) expect(f.at).toBe(f.word);
  });

  it('reports a finding in a folded command on the line that holds it', () => {
    const text = 'version: 0.2\nphases:\n  build:\n    commands:\n      - >\n        echo building &&\n        docker build -t myapp .\n';
    const bs09 = analyze({ files: [{ path: 'buildspec.yml', text }], now: new Date('2026-11-27') }).find((f) => f.rule === 'BS-09');
    expect(bs09).toMatchObject({ line: 7, column: 9, endLine: 7, endColumn: 21 });
  });

  it('has no map where the rebuilt value would differ, so callers keep their estimate', () => {
    const text = '  - >\n    a\n    b\n';
    expect(scalarSourceMap(text, 4, text.length, 'a b\n')).toEqual([10, 11, 16, 17, 18]);
    expect(scalarSourceMap(text, 4, text.length, 'something else')).toBeUndefined();
    // Literal blocks are copies line by line: no map needed.
    expect(scalarSourceMap('|\n  a\n', 0, 6, 'a\n')).toBeUndefined();
  });
});
