import { clip, clipTail, code, fence, link, oneLine, redact, safeUrl } from '../../../src/core/pipeline/md.js';
import { formatDuration, formatElapsed, toIso } from '../../../src/core/pipeline/time.js';

describe('markdown helpers', () => {
  it('code spans survive backticks and pipes', () => {
    expect(code('a`b')).toBe('``a`b``');
    expect(code('`x`')).toBe('`` `x` ``');
    expect(code('a|b')).toBe('`a\\|b`');
  });

  it('fences cannot be closed by the text inside', () => {
    const f = fence('before\n```\nafter');
    expect(f.startsWith('````\n')).toBe(true);
    expect(f.endsWith('\n````')).toBe(true);
  });

  it('links only http(s) URLs', () => {
    expect(safeUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeUrl('https://a.test/x y')).toBeUndefined();
    expect(link('Build', 'https://a.test/(x)')).toBe('[Build](https://a.test/%28x%29)');
    expect(link('Build', 'ftp://a.test')).toBe('Build');
  });

  it('cuts one-liners without splitting a surrogate pair', () => {
    const s = oneLine('a'.repeat(9) + '😀' + 'b'.repeat(10), 11);
    expect(s.length).toBeLessThanOrEqual(11);
    expect(s).toBe('a'.repeat(9) + '…');
    expect(oneLine('a\n  b', 10)).toBe('a b');
  });

  it('clips long Markdown, closing an open code block and saying so', () => {
    const long = 'intro\n\n```\n' + 'x'.repeat(100) + '\n'.repeat(1) + 'y'.repeat(100_000) + '\n```\n';
    const out = clip(long, 5_000);
    expect(out.length).toBeLessThanOrEqual(5_000);
    expect((out.match(/^```/gm) ?? []).length).toBe(2);
    expect(out).toMatch(/characters cut to fit GitHub's limit/);
    expect(clip('short', 5_000)).toBe('short');
  });

  it('keeps the end of a log', () => {
    const log = Array.from({ length: 1_000 }, (_, i) => `line ${i}`).join('\n');
    const out = clipTail(log, 200);
    expect(out.length).toBeLessThanOrEqual(200);
    expect(out.endsWith('line 999')).toBe(true);
    expect(out.startsWith('… ')).toBe(true);
  });

  it('redacts known secrets and credential-looking values', () => {
    expect(redact('token 0b4d1f2e-7c3a ok', ['0b4d1f2e-7c3a'])).toBe('token *** ok');
    expect(redact('key AKIAIOSFODNN7EXAMPLE used')).toBe('key *** used');
    expect(redact('password=hunter2hunter2')).toBe('password=***');
    expect(redact('Authorization: Bearer abcdefghijklmnopqrstuvwxyz')).toBe('Authorization: ***');
    expect(redact('nothing secret here: exit status 1')).toBe('nothing secret here: exit status 1');
  });
});

describe('time helpers', () => {
  it('formats durations as people read them', () => {
    expect(formatDuration(45_000)).toBe('45s');
    expect(formatDuration(192_000)).toBe('3m 12s');
    expect(formatDuration(3_840_000)).toBe('1h 4m');
    expect(formatElapsed(30_000)).toBe('under 1m');
    expect(formatElapsed(299_000)).toBe('4m');
    expect(toIso('not a date')).toBeUndefined();
    expect(toIso(0)).toBe('1970-01-01T00:00:00.000Z');
  });
});
