/**
 * The Fargate task sizes: for each task cpu (units), the memory values (MiB)
 * it accepts. 8192 and 16384 are Linux only and need platform 1.4.0.
 */
function steps(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to; v += step) out.push(v);
  return out;
}

export const FARGATE_MEMORY: ReadonlyMap<number, readonly number[]> = new Map([
  [256, [512, 1024, 2048]],
  [512, [1024, 2048, 3072, 4096]],
  [1024, steps(2048, 8192, 1024)],
  [2048, steps(4096, 16384, 1024)],
  [4096, steps(8192, 30720, 1024)],
  [8192, steps(16384, 61440, 4096)],
  [16384, steps(32768, 122880, 8192)],
]);

export const LINUX_ONLY_CPU: readonly number[] = [8192, 16384];

/** The memory values for a cpu, as a message lists them. */
export function describeMemory(cpu: number): string {
  const values = FARGATE_MEMORY.get(cpu) ?? [];
  if (values.length <= 7) return values.map((v) => `"${v}"`).join(', ').replace(/, ([^,]*)$/, ' or $1');
  const step = values[1] - values[0];
  return `"${values[0]}" to "${values[values.length - 1]}" in steps of ${step}`;
}

/** The cpu values that accept a memory value. */
export function cpusFor(memory: number, windows: boolean): number[] {
  return [...FARGATE_MEMORY].filter(([cpu, mems]) => mems.includes(memory) && !(windows && (cpu < 1024 || LINUX_ONLY_CPU.includes(cpu)))).map(([cpu]) => cpu);
}
