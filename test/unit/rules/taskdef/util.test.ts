import { parseJson } from '../../../../src/core/config/json.js';
import { LineIndex } from '../../../../src/core/config/position.js';
import { cpusFor, describeMemory, FARGATE_MEMORY } from '../../../../src/core/rules/taskdef/fargate-sizes.js';
import { parseCpu, parseMemory, templated } from '../../../../src/core/rules/taskdef/util.js';
import type { Node } from '../../../../src/core/types.js';

function value(json: string): Node {
  return parseJson(json, new LineIndex(json)).root!;
}

describe('task cpu and memory spellings', () => {
  it.each([
    ['"256"', 256],
    ['256', 256],
    ['"1 vCPU"', 1024],
    ['"1 vcpu"', 1024],
    ['"0.25 vCPU"', 256],
    ['".5 vCPU"', 512],
    ['"2vCPU"', 2048],
  ])('cpu %s is %d units', (json, units) => expect(parseCpu(value(json))).toBe(units));

  it.each([
    ['"512"', 512],
    ['"1GB"', 1024],
    ['"1 GB"', 1024],
    ['"0.5 GB"', 512],
    ['"30gb"', 30720],
  ])('memory %s is %d MiB', (json, mib) => expect(parseMemory(value(json))).toBe(mib));

  it.each(['"${CPU}"', '"$CPU"', '"<CPU>"', '"{{ cpu }}"', '"lots"', 'true', '[256]', 'null'])('cpu %s is not read as a number', (json) => {
    expect(parseCpu(value(json))).toBeUndefined();
  });
});

describe('the Fargate size matrix', () => {
  it('has the documented number of memory values per cpu', () => {
    expect([...FARGATE_MEMORY].map(([cpu, mem]) => [cpu, mem.length])).toEqual([
      [256, 3],
      [512, 4],
      [1024, 7],
      [2048, 13],
      [4096, 23],
      [8192, 12],
      [16384, 12],
    ]);
    expect(FARGATE_MEMORY.get(8192)!.at(-1)).toBe(61440);
    expect(FARGATE_MEMORY.get(16384)!.at(-1)).toBe(122880);
  });

  it('lists short rows and describes long ones', () => {
    expect(describeMemory(256)).toBe('"512", "1024" or "2048"');
    expect(describeMemory(4096)).toBe('"8192" to "30720" in steps of 1024');
  });

  it('finds the cpu sizes for a memory value, without Linux-only and small sizes on Windows', () => {
    expect(cpusFor(4096, false)).toEqual([512, 1024, 2048]);
    expect(cpusFor(4096, true)).toEqual([1024, 2048]);
    expect(cpusFor(40960, false)).toEqual([8192, 16384]);
    expect(cpusFor(40960, true)).toEqual([]);
  });
});

describe('templated values', () => {
  it.each(['${FAMILY}', '$CONTAINER_NAME', '<IMAGE1_NAME>', 'arn:aws:ssm:<aws region name>:<account>:parameter/x', '{{ name }}', 'myapp-%s'])('%s is a template', (t) => expect(templated(t)).toBe(true));
  it.each(['myapp', 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole', '/ecs/myapp', 'a < b'])('%s is literal', (t) => expect(templated(t)).toBe(false));
});
