import { unifiedDiff } from '../../../src/core/scaffold/diff.js';

describe('unifiedDiff', () => {
  test('equal texts give nothing', () => {
    expect(unifiedDiff({ path: 'a.txt', from: 'x\n', to: 'x\n' })).toBe('');
  });

  test('one changed line, with context and line numbers as diff -u prints them', () => {
    const from = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n') + '\n';
    const to = from.replace('5\n', 'five\n');
    expect(unifiedDiff({ path: 'Dockerfile', from, to })).toBe('--- a/Dockerfile\n+++ b/Dockerfile\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n');
  });

  test('distant changes make separate hunks; additions at the end', () => {
    const from = Array.from({ length: 20 }, (_, i) => `l${i + 1}`).join('\n') + '\n';
    const to = from.replace('l2\n', 'L2\n') + 'l21\n';
    const d = unifiedDiff({ path: 'f', from, to });
    expect(d.match(/^@@/gm)).toHaveLength(2);
    expect(d).toContain('@@ -1,5 +1,5 @@\n l1\n-l2\n+L2\n l3\n');
    expect(d).toContain('@@ -18,3 +18,4 @@\n l18\n l19\n l20\n+l21\n');
  });

  test('a file created from nothing', () => {
    expect(unifiedDiff({ path: 'f', from: '', to: 'a\nb\n' })).toBe('--- a/f\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n');
  });
});
