import { parseJson } from '../../src/core/config/json.js';
import { LineIndex } from '../../src/core/config/position.js';
import { parseYaml } from '../../src/core/config/yaml.js';
import { decode } from '../../src/core/config/decode.js';
import { at, str } from '../../src/core/config/node.js';

const json = (t: string) => parseJson(t, new LineIndex(t));
const yaml = (t: string) => parseYaml(t, new LineIndex(t));

describe('LineIndex', () => {
  it('counts CRLF, LF and lone CR as line ends', () => {
    const idx = new LineIndex('a\r\nb\nc\rd');
    expect([idx.at(0), idx.at(3), idx.at(5), idx.at(7)]).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
    expect(idx.lineText(1)).toBe('a');
  });
});

describe('parseJson', () => {
  it('gives positions of keys and values', () => {
    const r = json('{\n  "family": "myapp",\n  "cpu": 256\n}');
    const cpu = at(r.root, 'cpu')!;
    expect(cpu.range.start).toEqual({ line: 3, column: 10 });
    expect(r.root!.entries![1].keyRange.start).toEqual({ line: 3, column: 3 });
  });

  it('reports the first syntax error at its position, never throws', () => {
    const r = json('{\n  "a": 1,\n  "b" 2\n}');
    expect(r.root).toBeUndefined();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].range.start.line).toBe(3);
    expect(r.problems[0].message).toMatch(/colon/);
  });

  it('reports duplicate keys and keeps the last value', () => {
    const r = json('{"a": 1, "a": 2}');
    expect(r.problems.map((p) => p.kind)).toEqual(['duplicate-key']);
    expect(at(r.root, 'a')!.value).toBe(2);
  });

  it('handles CRLF and tabs', () => {
    const r = json('{\r\n\t"a": "x"\r\n}');
    expect(at(r.root, 'a')!.range.start).toEqual({ line: 2, column: 7 });
  });

  it('refuses pathological nesting without recursion', () => {
    const r = json('['.repeat(10000) + ']'.repeat(10000));
    expect(r.problems[0].message).toMatch(/nesting/);
  });

  it('says an empty file is empty', () => {
    expect(json('  \n').problems[0].message).toMatch(/empty/);
  });
});

describe('parseYaml', () => {
  it('keeps CloudFormation short tags as tagged scalars', () => {
    const r = yaml('Resources:\n  - TargetService:\n      Properties:\n        TaskDefinition: !Ref TaskDef\n');
    expect(r.problems).toEqual([]);
    const td = at(r.root!.entries![0].value.items![0], 'TargetService.Properties.TaskDefinition')!;
    expect(td).toMatchObject({ type: 'string', value: 'TaskDef', tag: '!Ref' });
    expect(td.range.start).toEqual({ line: 4, column: 30 });
  });

  it('marks quoted scalars', () => {
    const r = yaml('ContainerPort: "8080"\nOther: 8080\n');
    expect(at(r.root, 'ContainerPort')).toMatchObject({ type: 'string', quoted: true });
    expect(at(r.root, 'Other')).toMatchObject({ type: 'number', value: 8080, quoted: false });
  });

  it('reports duplicate keys at the second key', () => {
    const r = yaml('version: 0.2\nversion: 0.1\n');
    expect(r.problems).toMatchObject([{ kind: 'duplicate-key', range: { start: { line: 2, column: 1 } } }]);
  });

  it('reports syntax errors with a position', () => {
    const r = yaml('phases:\n  build:\n    commands:\n      - echo "a\n  x: [\n');
    expect(r.root).toBeUndefined();
    expect(r.problems[0].kind).toBe('syntax');
    expect(r.problems[0].range.start.line).toBeGreaterThan(1);
  });

  it('shares aliased nodes instead of expanding them', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    const r = yaml(lines.join('\n') + '\n');
    expect(r.root).toBeDefined();
    expect(str(at(r.root, 'a')!.items![0])).toBe('x');
  });

  it('accepts a BOM once decoded', () => {
    const d = decode({ path: 'buildspec.yml', bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x3a, 0x20, 0x31]) });
    expect(d).toEqual({ text: 'a: 1' });
  });
});

describe('decode', () => {
  it('refuses binary and invalid UTF-8 with a reason', () => {
    expect(decode({ path: 'x.json', bytes: new Uint8Array([0x7b, 0, 0x7d]) })).toMatchObject({ problem: expect.stringMatching(/binary/) });
    expect(decode({ path: 'x.json', bytes: new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]) })).toMatchObject({ problem: expect.stringMatching(/UTF-8.*offset 1/) });
    expect(decode({ path: 'x.json', size: 50 * 1024 * 1024 })).toMatchObject({ problem: expect.stringMatching(/50\.0 MiB/) });
    expect(decode({ path: 'x.json', bytes: new Uint8Array([0xff, 0xfe, 0x7b, 0, 0x7d, 0]) })).toMatchObject({ problem: expect.stringMatching(/UTF-16.*save it as UTF-8/) });
  });
});
