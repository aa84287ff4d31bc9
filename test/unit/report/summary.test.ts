import { cell, MAX_ROWS, renderSummary } from '../../../src/core/report/summary.js';
import { finding, SAMPLE } from './fixtures.js';

const DOCS = 'https://github.com/o/r/blob/v1/docs/rules.md';

describe('renderSummary', () => {
  it('gives the counts, then a table per file linking each rule to docs/rules.md', () => {
    const md = renderSummary(SAMPLE, { docsUrl: DOCS, checked: 'app' });
    expect(md).toContain('## ecs-codepipeline check of `app`');
    expect(md).toContain('❌ 1 error · ⚠️ 1 warning · ℹ️ 1 notice in 2 files');
    expect(md).toContain('### `app/Dockerfile`');
    expect(md).toContain('### `app/buildspec.yml`');
    expect(md.match(/\| Line \| Severity \| Rule \| Message \|/g)).toHaveLength(2);
    expect(md).toContain(`| 38:21 | ❌ error | [TD-05](${DOCS}#td-05) | Fargate does not accept cpu 256 with memory 4096 |`);
    expect(md).toContain(`| 8:12 | ℹ️ notice | [DF-04](${DOCS}#df-04) |`);
    // Rows of a file stay under its heading.
    expect(md.indexOf('8:12')).toBeGreaterThan(md.indexOf('### `app/Dockerfile`'));
    expect(md.indexOf('8:12')).toBeLessThan(md.indexOf('### `app/buildspec.yml`'));
  });

  it('links places to the file at the commit when a blob URL is given', () => {
    const md = renderSummary([finding()], { docsUrl: DOCS, blobUrl: 'https://github.com/o/r/blob/abc123' });
    expect(md).toContain('| [38:21](https://github.com/o/r/blob/abc123/app/buildspec.yml#L38) |');
  });

  it('says when nothing was found', () => {
    const md = renderSummary([], { docsUrl: DOCS });
    expect(md).toContain('❌ 0 errors · ⚠️ 0 warnings · ℹ️ 0 notices');
    expect(md).toContain('No problems found.');
    expect(md).not.toContain('| Line |');
  });

  it('keeps a message in its cell: pipes, line breaks and <placeholders> escaped', () => {
    const md = renderSummary([finding({ message: 'a | b\nuse <IMAGE1_NAME> or `x | <y>`' })], { docsUrl: DOCS });
    const row = md.split('\n').find((l) => l.startsWith('| 38:21'))!;
    expect(row).toContain('a \\| b use \\<IMAGE1\\_NAME\\> or `x \\| <y>` |');
  });

  it('escapes Markdown outside code spans only', () => {
    expect(cell('buildspec*.yml and `a*b`')).toBe('buildspec\\*.yml and `a*b`');
  });

  it(`lists at most ${MAX_ROWS} rows and counts the rest`, () => {
    const many = Array.from({ length: MAX_ROWS + 5 }, (_, i) => finding({ line: i + 1 }));
    const md = renderSummary(many, { docsUrl: DOCS });
    expect(md.split('\n').filter((l) => /^\| \d+:\d+ \|/.test(l))).toHaveLength(MAX_ROWS);
    expect(md).toContain('…and 5 more findings, not listed here');
  });
});
