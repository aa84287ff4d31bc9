import { join } from 'node:path';
import { checkDir } from '../../../helpers/check-dir.js';

const xf = (dir: string) => checkDir(dir).filter((f) => f.rule.startsWith('XF-'));

describe('cross-file rules on the bundled example', () => {
  it('find nothing in examples/seed, where Image1ContainerName "IMAGE1_NAME" matches "<IMAGE1_NAME>"', () => {
    expect(xf(join(process.cwd(), 'examples/seed')).map((f) => `${f.rule} ${f.file}:${f.line} ${f.message}`)).toEqual([]);
  });

  it('report the two broken references of a copy of the seed at their lines, and nothing else', () => {
    // The copy's appspec (a heredoc in buildspec.yml) names container "myapp-web", and Image1ContainerName is "IMAGE1".
    const found = xf(join(process.cwd(), 'test/fixtures/rules/XF-01/bad-seed-copy'));
    expect(found.map((f) => [f.rule, f.severity, f.file, f.line, f.column])).toEqual([
      ['XF-03', 'error', 'buildspec.yml', 70, 34],
      ['XF-01', 'error', 'pipeline.json', 51, 38],
    ]);
    expect(found[0].message).toContain('"myapp-web" is not a container of taskdef.json');
    expect(found[0].message).toContain('Set ContainerName: "myapp"');
    expect(found[1].message).toContain('set "Image1ContainerName": "IMAGE1_NAME"');
  });
});
