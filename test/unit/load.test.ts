import { readFileSync } from 'node:fs';
import { at, str } from '../../src/core/config/node.js';
import { loadFile } from '../../src/core/config/load.js';

const seed = (name: string) => ({ path: `examples/seed/${name}`, text: readFileSync(`examples/seed/${name}`, 'utf8') });

describe('files embedded in the buildspec', () => {
  const docs = loadFile(seed('buildspec.yml'));
  const lines = seed('buildspec.yml').text.split('\n');
  const lineOf = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;

  it('extracts the heredoc taskdef and appspec as docs of their kind', () => {
    expect(docs.map((d) => [d.kind, d.name])).toEqual([
      ['buildspec', 'examples/seed/buildspec.yml'],
      ['taskdef', 'examples/seed/taskdef.json'],
      ['appspec', 'examples/seed/appspec.yml'],
    ]);
    expect(docs.slice(1).every((d) => d.path === 'examples/seed/buildspec.yml' && d.problems.length === 0)).toBe(true);
  });

  it('substitutes env.variables and maps positions back to the buildspec', () => {
    const taskdef = docs[1];
    const name = at(taskdef.root, 'containerDefinitions')!.items![0].entries![0].value;
    expect(str(name)).toBe('myapp');
    const line = lineOf('"name": "$CONTAINER_NAME"');
    expect(name.range.start).toEqual({ line, column: lines[line - 1].indexOf('"$CONTAINER') + 1 });
    const cpu = at(taskdef.root, 'cpu')!;
    expect(cpu.range.start).toEqual({ line: lineOf('"cpu": "256"'), column: lines[lineOf('"cpu": "256"') - 1].indexOf('"256"') + 1 });
    // After a substituted variable, columns continue from the buildspec's text.
    expect(taskdef.embedded?.substituted).toEqual(['CONTAINER_NAME']);
  });

  it('maps the appspec too', () => {
    const appspec = docs[2];
    const port = at(appspec.root, 'Resources')!.items![0].entries![0].value;
    const p = at(port, 'Properties.LoadBalancerInfo.ContainerPort')!;
    expect(p.value).toBe(8080);
    const line = lineOf('ContainerPort: 8080');
    expect(p.range.start).toEqual({ line, column: lines[line - 1].indexOf('8080') + 1 });
  });
});
