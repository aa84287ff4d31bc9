import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

/** A small deterministic PRNG (mulberry32): the same seed gives the same mutations on every machine. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

const enc = new TextEncoder();

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function insert(b: Uint8Array, at: number, what: Uint8Array): Uint8Array {
  return concat(b.subarray(0, at), what, b.subarray(at));
}

/** A position at the start of a line, where YAML constructs are meaningful. */
function lineStart(rng: Rng, b: Uint8Array): number {
  const starts = [0];
  for (let i = 0; i < b.length && starts.length < 4096; i++) if (b[i] === 10) starts.push(i + 1);
  return rng.pick(starts);
}

const PUNCT = ['{', '[', ':', '"', '-', '\n', '\t', '}', ']', ',', "'", '#', '|', '>', ' ', '\\', '\r'];

const YAML_SNIPPETS = [
  '&a ',
  '*a',
  '*undefined_alias ',
  '<<: *a\n',
  'x: &b [*b, *b]\n',
  'k: &c {p: *c}\n',
  '!Ref ',
  '!GetAtt x.y ',
  '!!binary ',
  '? ',
  '---\n',
  '...\n',
  '%YAML 1.2\n---\n',
  'a: &x 1\nb: *x\n',
  '- &s\n  - *s\n',
];

const SHELL_SNIPPETS = [
  'cat > taskdef.json << EOF\n{"family": "x"\nEOF\n',
  'cat <<-\'APP\' > appspec.yaml\n',
  ' << TASKDEF',
  '$CONTAINER_NAME',
  '${AWS_REGION:-us-east-1}',
  '$(date)',
  ' > imageDetail.json',
  '\\\n',
];

/** A few lines of a YAML alias bomb ("billion laughs"). */
export function aliasBomb(levels = 9): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 9 }, () => `*a${i - 1}`).join(',')}]`);
  return lines.join('\n') + '\n';
}

function deepNesting(rng: Rng): string {
  const n = rng.pick([20, 200, 255, 256, 257, 1000, 3000]);
  // Deeper than the YAML indentation limit, short enough to build quickly.
  const block = Math.min(n, 600);
  switch (rng.int(5)) {
    case 0:
      return '['.repeat(n) + ']'.repeat(rng.chance(0.5) ? n : 0);
    case 1:
      return '{"a":'.repeat(n) + '1' + '}'.repeat(rng.chance(0.5) ? n : 0);
    case 2:
      // Block nesting has no brackets, so only the YAML parser's own limits apply.
      return Array.from({ length: block }, (_, i) => ' '.repeat(i * 2) + `k${i}:`).join('\n') + ' v\n';
    case 3:
      return Array.from({ length: block }, (_, i) => ' '.repeat(i * 2) + '- ').join('\n') + 'x\n';
    default:
      return '- '.repeat(n) + 'x\n';
  }
}

export interface Mutation {
  name: string;
  apply(rng: Rng, b: Uint8Array, donors: readonly Uint8Array[]): Uint8Array;
}

export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'flip bits',
    apply(rng, b) {
      const out = b.slice();
      for (let k = 1 + rng.int(4); k > 0 && out.length; k--) out[rng.int(out.length)] ^= 1 << rng.int(8);
      return out;
    },
  },
  {
    name: 'set a byte',
    apply(rng, b) {
      const out = b.slice();
      if (out.length) out[rng.int(out.length)] = rng.pick([0, 0x80, 0xc3, 0xff, 0xfe, 0x0d, 0x09, rng.int(256)]);
      return out;
    },
  },
  { name: 'truncate', apply: (rng, b) => b.slice(0, rng.int(b.length + 1)) },
  {
    name: 'duplicate a slice',
    apply(rng, b) {
      const from = rng.int(b.length + 1);
      const to = Math.min(b.length, from + 1 + rng.int(256));
      return insert(b, rng.int(b.length + 1), b.slice(from, to));
    },
  },
  {
    name: 'delete a slice',
    apply(rng, b) {
      const from = rng.int(b.length + 1);
      return concat(b.subarray(0, from), b.subarray(Math.min(b.length, from + 1 + rng.int(64))));
    },
  },
  {
    name: 'insert punctuation',
    apply(rng, b) {
      const s = Array.from({ length: 1 + rng.int(6) }, () => rng.pick(PUNCT)).join('');
      return insert(b, rng.int(b.length + 1), enc.encode(s));
    },
  },
  { name: 'insert a YAML anchor or alias', apply: (rng, b) => insert(b, rng.chance(0.7) ? lineStart(rng, b) : rng.int(b.length + 1), enc.encode(rng.pick(YAML_SNIPPETS))) },
  { name: 'insert shell syntax', apply: (rng, b) => insert(b, rng.int(b.length + 1), enc.encode(rng.pick(SHELL_SNIPPETS))) },
  { name: 'append an alias bomb', apply: (rng, b) => concat(b, enc.encode('\n' + aliasBomb(3 + rng.int(7)))) },
  { name: 'nest deeply', apply: (rng, b) => insert(b, rng.chance(0.5) ? lineStart(rng, b) : rng.int(b.length + 1), enc.encode(deepNesting(rng))) },
  {
    name: 'change line endings',
    apply(rng, b) {
      const text = new TextDecoder().decode(b);
      const mode = rng.int(4);
      const out = mode === 0 ? text.replace(/\n/g, '\r\n') : mode === 1 ? text.replace(/\n/g, '\r') : mode === 2 ? '\ufeff' + text : text.replace(/\n/g, '\u2028');
      return enc.encode(out);
    },
  },
  {
    name: 'splice in another file',
    apply(rng, b, donors) {
      const d = rng.pick(donors);
      const from = rng.int(d.length + 1);
      return insert(b, rng.int(b.length + 1), d.slice(from, Math.min(d.length, from + 1 + rng.int(512))));
    },
  },
];

/** File names of every kind, for giving one kind's content another kind's name. */
export const KIND_NAMES = [
  'Dockerfile',
  'buildspec.yml',
  'taskdef.json',
  'appspec.yaml',
  'appspec.json',
  'pipeline.json',
  'imageDetail.json',
  'imagedefinitions.json',
  'codebuild.json',
] as const;

export interface Mutated {
  bytes: Uint8Array;
  steps: string[];
}

type Value = unknown;

const ODD_VALUES: readonly (() => Value)[] = [
  () => null,
  () => 0,
  () => -1,
  () => 1.5,
  () => 1e21,
  () => '',
  () => 'x',
  () => '<IMAGE1_NAME>',
  () => '<TASK_DEFINITION>',
  () => '$UNSET_VARIABLE',
  () => true,
  () => false,
  () => [],
  () => ({}),
  () => [null],
  () => ({ '': null }),
  () => '256',
  () => 'x'.repeat(5000),
  () => ({ name: 42, image: [], essential: 'yes', portMappings: {} }),
  () => [[[[[[[[[[[[]]]]]]]]]]]],
];

/** Every value of a parsed document, with how to replace or drop it. */
function slots(root: Value): { set(v: Value): void; drop(): void; value: Value }[] {
  const out: { set(v: Value): void; drop(): void; value: Value }[] = [];
  const visit = (v: Value, depth: number) => {
    if (out.length > 5000 || depth > 64 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      v.forEach((item, i) => {
        out.push({ value: item, set: (x) => (v[i] = x), drop: () => v.splice(i, 1) });
        visit(item, depth + 1);
      });
    } else {
      const o = v as Record<string, Value>;
      for (const k of Object.keys(o)) {
        out.push({ value: o[k], set: (x) => (o[k] = x), drop: () => delete o[k] });
        visit(o[k], depth + 1);
      }
    }
  };
  visit(root, 0);
  return out;
}

function parseAny(text: string): { value: Value; json: boolean } | undefined {
  try {
    return { value: JSON.parse(text) as Value, json: true };
  } catch {
    try {
      const value = parseYaml(text, { logLevel: 'silent', uniqueKeys: false, maxAliasCount: 50 }) as Value;
      return value !== null && typeof value === 'object' ? { value, json: false } : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * Mutations that keep the file parseable but put wrong types, missing keys
 * and odd strings where the rules look, which byte-level noise rarely does.
 */
function structural(rng: Rng, b: Uint8Array, donors: readonly Uint8Array[]): Mutated | undefined {
  const parsed = parseAny(new TextDecoder().decode(b));
  if (!parsed) return undefined;
  const root = { doc: parsed.value };
  const steps: string[] = [];
  for (let k = 1 + rng.int(3); k > 0; k--) {
    const all = slots(root);
    if (all.length === 0) break;
    const slot = rng.pick(all);
    const op = rng.int(4);
    if (op === 0) {
      slot.set(rng.pick(ODD_VALUES)());
      steps.push('retype a value');
    } else if (op === 1) {
      slot.drop();
      steps.push('drop a value');
    } else if (op === 2 && typeof slot.value === 'string') {
      // Byte noise inside a string: a heredoc in a buildspec command, an image URI …
      const m = rng.pick(MUTATIONS.filter((x) => x.name !== 'append an alias bomb' && x.name !== 'nest deeply'));
      slot.set(new TextDecoder().decode(m.apply(rng, new TextEncoder().encode(slot.value), donors)));
      steps.push(`${m.name} in a string`);
    } else {
      const other = rng.pick(all).value;
      slot.set(other === undefined ? null : structuredClone(other));
      steps.push('copy a value elsewhere');
    }
  }
  const text = parsed.json ? JSON.stringify(root.doc, null, rng.pick([0, 2, 4])) : stringifyYaml(root.doc, { aliasDuplicateObjects: false, lineWidth: 0 });
  return { bytes: enc.encode(text ?? ''), steps };
}

/** Either value-level mutations of a parseable file, or one to three stacked byte-level ones. */
export function mutate(rng: Rng, bytes: Uint8Array, donors: readonly Uint8Array[]): Mutated {
  if (rng.chance(0.4)) {
    const s = structural(rng, bytes, donors);
    if (s) return s;
  }
  let b = bytes;
  const steps: string[] = [];
  for (let k = 1 + rng.int(3); k > 0; k--) {
    const m = rng.pick(MUTATIONS);
    b = m.apply(rng, b, donors);
    steps.push(m.name);
  }
  return { bytes: b, steps };
}
