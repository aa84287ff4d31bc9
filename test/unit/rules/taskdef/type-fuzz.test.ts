import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { analyze } from '../../../../src/core/analyze.js';
import { taskdefRules } from '../../../../src/core/rules/taskdef/index.js';
import { Rng } from '../../../fuzz/mutate.js';

/**
 * Any member of a task definition may hold any JSON type. Starting from the
 * rule fixtures, one value at a time is swapped for a value of another type;
 * no rule may throw (the engine would report an internal error).
 */
const fixtures = join(process.cwd(), 'test/fixtures/rules');
const seeds: unknown[] = [];
for (const id of readdirSync(fixtures).filter((d) => d.startsWith('TD-'))) {
  for (const c of readdirSync(join(fixtures, id))) {
    const file = join(fixtures, id, c, 'taskdef.json');
    if (existsSync(file)) {
      try {
        seeds.push(JSON.parse(readFileSync(file, 'utf8')));
      } catch {
        // A fixture that does not parse (CFG-01's business) is no seed.
      }
    }
  }
}

const ODD_VALUES: unknown[] = [null, true, false, 0, -1, 1e9, 3.5, '', 'x', '<IMAGE1_NAME>', '${VAR}', [], [null], [1, 'a'], {}, { a: 1 }, 'FARGATE', 'awsvpc', 'awslogs', 'HEALTHY', 'CMD'];

function paths(v: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...at, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) paths(x, [...at, k], out);
  return out;
}

function replaced(v: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(v)) return v.map((x, i) => (i === head ? replaced(x, rest, value) : x));
  const o = v as Record<string, unknown>;
  return { ...o, [head]: replaced(o[head], rest, value) };
}

it('has seeds', () => expect(seeds.length).toBeGreaterThan(20));

it('never throws on a value of an unexpected type', () => {
  const rng = new Rng(20240611);
  const internal: string[] = [];
  for (let i = 0; i < 1500; i++) {
    let doc = rng.pick(seeds);
    for (let k = 1 + rng.int(3); k > 0; k--) doc = replaced(doc, rng.pick(paths(doc)), rng.pick(ODD_VALUES));
    const text = JSON.stringify(doc, null, 2);
    const findings = analyze({ files: [{ path: 'taskdef.json', text }], rules: taskdefRules });
    for (const f of findings) if (/internal error/.test(f.message)) internal.push(`${f.rule}: ${f.message}\n${text}`);
    if (internal.length > 0) break;
  }
  expect(internal).toEqual([]);
});
