import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDir } from '../../../helpers/check-dir.js';

/**
 * The bundled example's buildspec (catalogue §11): it runs Docker, so a
 * reminder about privilegedMode (the project JSON is not in the example), and
 * its post_build pushes and writes the deploy files without checking that the
 * build succeeded. Everything else about it is valid: version 0.2, its
 * variables are set, it logs in with get-login-password.
 */
describe('buildspec rules on examples/seed', () => {
  const dir = join(process.cwd(), 'examples/seed');
  const lines = readFileSync(join(dir, 'buildspec.yml'), 'utf8').split('\n');
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
  const found = checkDir(dir).filter((f) => f.rule.startsWith('BS-'));

  it('reports exactly the BS-09 reminder and the BS-11 warning', () => {
    expect(found.map((f) => `${f.rule} ${f.severity} ${f.file}:${f.line}`)).toEqual([
      `BS-09 notice buildspec.yml:${lineOf('docker login')}`,
      `BS-11 warning buildspec.yml:${lineOf('docker push')}`,
    ]);
  });

  it('points at the Docker command and at the first unguarded push', () => {
    const bs09 = found.find((f) => f.rule === 'BS-09')!;
    expect(bs09.column).toBe(lines[lineOf('docker login') - 1].indexOf('docker login') + 1);
    expect(bs09.message).toContain('privilegedMode: true');
    const bs11 = found.find((f) => f.rule === 'BS-11')!;
    expect(bs11.column).toBe(lines[lineOf('docker push') - 1].indexOf('docker push') + 1);
    expect(bs11.message).toContain('CODEBUILD_BUILD_SUCCEEDING');
    expect(bs11.message).toContain('imageDetail.json');
  });
});
