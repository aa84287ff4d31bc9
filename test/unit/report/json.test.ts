import { renderJson } from '../../../src/core/report/json.js';
import { finding, SAMPLE } from './fixtures.js';

const KEYS = ['rule', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message'];

describe('renderJson', () => {
  it('prints one object {"findings": [...]} with exactly the documented keys, in order', () => {
    const out = JSON.parse(renderJson(SAMPLE));
    expect(Object.keys(out)).toEqual(['findings']);
    expect(out.findings).toHaveLength(3);
    for (const f of out.findings) expect(Object.keys(f)).toEqual(KEYS);
    expect(out.findings[2]).toEqual({ rule: 'TD-05', severity: 'error', file: 'app/buildspec.yml', line: 38, column: 21, endLine: 38, endColumn: 27, message: 'Fargate does not accept cpu 256 with memory 4096' });
  });

  it('drops anything else a finding object carries', () => {
    const extra = { ...finding(), internal: true } as ReturnType<typeof finding>;
    expect(Object.keys(JSON.parse(renderJson([extra])).findings[0])).toEqual(KEYS);
  });

  it('prints an empty list when nothing was found', () => {
    expect(JSON.parse(renderJson([]))).toEqual({ findings: [] });
  });

  it('keeps messages with quotes, newlines and non-ASCII intact', () => {
    const message = 'use "<IMAGE1_NAME>"\nnot — 𝕏';
    expect(JSON.parse(renderJson([finding({ message })])).findings[0].message).toBe(message);
  });
});
