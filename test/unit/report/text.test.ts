import { renderText } from '../../../src/core/report/text.js';
import { finding, SAMPLE } from './fixtures.js';

const ANSI = /\u001b\[[0-9;]*m/;

describe('renderText', () => {
  it('groups by file with one compact line per finding and a count line', () => {
    const out = renderText(SAMPLE);
    expect(out).toBe(
      [
        'app/Dockerfile',
        '  8:12  notice   write npm ci --omit=dev  DF-04',
        '  14:1  warning  ECS ignores HEALTHCHECK  DF-01',
        '',
        'app/buildspec.yml',
        '  38:21  error    Fargate does not accept cpu 256 with memory 4096  TD-05',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 notice) in 2 files',
        '',
      ].join('\n'),
    );
  });

  it('names each file once, however many findings it has', () => {
    const out = renderText(SAMPLE);
    expect(out.split('\n').filter((l) => l === 'app/Dockerfile')).toHaveLength(1);
  });

  it('uses no colour unless asked, and colours severities when asked', () => {
    expect(renderText(SAMPLE)).not.toMatch(ANSI);
    const coloured = renderText(SAMPLE, { color: true });
    expect(coloured).toMatch(ANSI);
    expect(coloured).toContain('\u001b[31merror  \u001b[0m');
    expect(coloured.replace(new RegExp(ANSI.source, 'g'), '')).toBe(renderText(SAMPLE));
  });

  it('keeps a multi-line message on its line', () => {
    const out = renderText([finding({ message: 'first\n  second\r\nthird' })]);
    expect(out.split('\n')[1]).toBe('  38:21  error    first second third  TD-05');
  });

  it('says so when nothing was found', () => {
    expect(renderText([])).toBe('✔ No problems found\n');
  });

  it('counts in the singular and the plural', () => {
    expect(renderText([finding()])).toContain('✖ 1 problem (1 error, 0 warnings, 0 notices) in 1 file');
  });
});
