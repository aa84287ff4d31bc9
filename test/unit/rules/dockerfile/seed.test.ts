import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDir } from '../../../helpers/check-dir.js';

/** The blog's Dockerfile, as examples/seed imitates it (catalogue §11). */
describe('Dockerfile rules on examples/seed', () => {
  const dir = join(process.cwd(), 'examples/seed');
  const lines = readFileSync(join(dir, 'Dockerfile'), 'utf8').split('\n');
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
  const found = checkDir(dir, new Date('2026-11-27')).filter((f) => f.rule.startsWith('DF-'));

  it('reports exactly DF-01, DF-02, DF-04, DF-05, DF-06 and DF-07 (no USER), and no DF-03', () => {
    expect(found.map((f) => `${f.rule} ${f.severity} ${f.file}:${f.line}`).sort()).toEqual(
      [
        `DF-01 warning Dockerfile:${lineOf('HEALTHCHECK')}`,
        `DF-02 warning Dockerfile:${lineOf('HEALTHCHECK')}`,
        `DF-04 notice Dockerfile:${lineOf('npm ci')}`,
        `DF-05 warning Dockerfile:${lineOf('FROM')}`,
        `DF-06 warning Dockerfile:${lineOf('FROM')}`,
        `DF-07 notice Dockerfile:${lineOf('FROM')}`,
      ].sort(),
    );
  });

  it('points at the word at fault', () => {
    const at = (rule: string) => found.find((f) => f.rule === rule)!;
    expect(at('DF-02').column).toBe(lines[lineOf('HEALTHCHECK') - 1].indexOf('curl') + 1);
    expect(at('DF-04').column).toBe(lines[lineOf('npm ci') - 1].indexOf('--production') + 1);
    expect(at('DF-05').column).toBe(lines[lineOf('FROM') - 1].indexOf('node:18-alpine') + 1);
    expect(at('DF-07').message).toMatch(/USER node/);
    expect(at('DF-01').message).toContain('"healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"], "interval": 30, "timeout": 5}');
  });
});
