import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineIndex } from '../../src/core/config/position.js';
import type { ParseProblem } from '../../src/core/config/problems.js';
import { readWithYamlPackage } from '../../src/core/config/yaml.js';
import { readSimpleYaml } from '../../src/core/config/yaml-fast.js';
import type { Node } from '../../src/core/types.js';
import { corpusDir, corpusPresent, readSources } from '../corpus/corpus.js';
import { Rng } from '../fuzz/mutate.js';

/**
 * The fast reader must give exactly what the yaml package gives, or nothing:
 * every YAML file of the repository's examples, fixtures and the corpus, their
 * mutations, and generated documents are read both ways and compared value by
 * value, range by range, problem by problem.
 */
function dump(root: Node | undefined, problems: ParseProblem[]): string {
  const out: string[] = problems.map((p) => JSON.stringify(p));
  const walk = (n: Node | undefined, path: string) => {
    if (!n) return;
    const r = n.range;
    out.push(`${path} ${n.type} ${JSON.stringify(n.value)} ${n.quoted} ${n.tag} ${JSON.stringify(n.source)} ${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`);
    for (const e of n.entries ?? []) {
      const k = e.keyRange;
      out.push(`${path}.${e.key} ${k.start.line}:${k.start.column}-${k.end.line}:${k.end.column}`);
      walk(e.value, `${path}.${e.key}`);
    }
    (n.items ?? []).forEach((item, i) => walk(item, `${path}[${i}]`));
  };
  walk(root, '');
  return out.join('\n');
}

/** Whether the fast reader took the text, and if so, that it agrees with the yaml package. */
function compare(text: string): boolean {
  const locator = new LineIndex(text);
  const problems: ParseProblem[] = [];
  const fast = readSimpleYaml(text, { locator }, problems);
  if (!fast) return false;
  const full = readWithYamlPackage(text, locator);
  expect({ text, nodes: dump(fast, problems) }).toEqual({ text, nodes: dump(full.root, full.problems) });
  return true;
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const abs = join(dir, name);
    return statSync(abs).isDirectory() ? yamlFiles(abs) : /\.ya?ml$/i.test(name) ? [abs] : [];
  });
}

const real: string[] = [...yamlFiles('examples'), ...yamlFiles('test/fixtures')].map((f) => readFileSync(f, 'utf8'));
if (corpusPresent()) for (const f of readSources()) if (/\.ya?ml$/i.test(f.file)) real.push(readFileSync(join(corpusDir, f.file), 'utf8'));

const MONOREPO_BUILDSPEC = `version: 0.2

env:
  variables:
    ECR_REPO: "123456789012.dkr.ecr.us-east-1.amazonaws.com/svc-0001"

phases:
  pre_build:
    commands:
      - aws ecr get-login-password --region us-east-1 | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com
      - IMAGE_TAG=$(echo $CODEBUILD_RESOLVED_SOURCE_VERSION | cut -c 1-7)
  post_build:
    commands:
      - docker push $ECR_REPO:$IMAGE_TAG
      - printf '{"ImageURI":"%s"}' $ECR_REPO:$IMAGE_TAG > imageDetail.json # for the deploy

artifacts:
  files:
    - imageDetail.json
  discard-paths: yes
`;
const MONOREPO_APPSPEC = `version: 0.0
Resources:
  - TargetService:
      Type: AWS::ECS::Service
      Properties:
        TaskDefinition: <TASK_DEFINITION>
        LoadBalancerInfo:
          ContainerName: "svc-0001"
          ContainerPort: 8000
`;

describe('readSimpleYaml', () => {
  it('reads the plain buildspecs and appspecs of a generated monorepo, as the yaml package does', () => {
    expect(compare(MONOREPO_BUILDSPEC)).toBe(true);
    expect(compare(MONOREPO_APPSPEC)).toBe(true);
  });

  it('agrees with the yaml package on every YAML file of the examples, fixtures and corpus it reads', () => {
    const taken = real.filter(compare).length;
    expect(taken).toBeGreaterThan(real.length / 4);
  });

  it('agrees with the yaml package on mutations of them', () => {
    const rng = new Rng(0x7a41);
    const EDITS = ['', ' ', '  ', '- ', ': ', ':', '#', ' # c', '"', "'", "''", 'x', '\n', '\n\n', '-', '~', '1', 'null', ' :'];
    let taken = 0;
    for (let c = 0; c < 2500; c++) {
      const lines = rng.pick(real).split('\n');
      for (let s = 1 + rng.int(3); s > 0; s--) {
        const i = rng.int(lines.length);
        const op = rng.int(5);
        if (op === 0) lines.splice(i, 1);
        else if (op === 1) lines.splice(i, 0, lines[rng.int(lines.length)] ?? '');
        else if (op === 2) lines[i] = ' '.repeat(rng.int(3)) + (lines[i] ?? '');
        else if (op === 3) lines[i] = (lines[i] ?? '').replace(/^ {1,2}/, '');
        else {
          const l = lines[i] ?? '';
          const at = rng.int(l.length + 1);
          lines[i] = l.slice(0, at) + rng.pick(EDITS) + l.slice(at);
        }
      }
      if (compare(lines.join('\n'))) taken++;
    }
    expect(taken).toBeGreaterThan(250);
  });

  it('agrees with the yaml package on generated documents', () => {
    const rng = new Rng(0x5eed);
    const SCALARS = ['a', 'docker build -t x .', '0.2', '1', '-1', '0o17', '0x1F', '1e3', '.5', '.inf', '-.Inf', '.nan', 'null', '~', 'True', 'FALSE', 'yes', '"q"', "'s'", "'it''s'", '"a #b"', 'a #c', 'a#b', 'x: y', 'x:', '"e\\"x"', '[a]', '&a x', '*a', '!Ref x', '|', '>', 'http://h:1/p', 'a:b', '""', '12345678901234567890', '-0', 'a   # c', '"x" # c', '"x"#c', '"x" y', '<TASK_DEFINITION>', '$X:$Y'];
    const KEYS = ['a', 'b', 'version', 'commands', 'x y', 'a-b', '1', 'true', '~', '"k"', 'k ', '-k', 'a:b'];
    // Mostly what the fast reader takes, so that both readers are compared often; the rest tries its limits.
    const PLAIN = ['a', 'abc', 'docker build -t x .', '0.2', '1', '"q"', "'s'", 'null', 'a #c', '$X:$Y', 'http://h:1/p'];
    const scalar = () => (rng.chance(0.85) ? rng.pick(PLAIN) : rng.pick(SCALARS));
    const key = () => (rng.chance(0.9) ? rng.pick(['a', 'b', 'c', 'version', 'commands', 'x-y']) : rng.pick(KEYS));
    const gen = (depth: number, indent: number, out: string[]) => {
      const seq = rng.chance(0.35);
      for (let n = 1 + rng.int(4); n > 0; n--) {
        if (rng.chance(0.08)) out.push(' '.repeat(rng.int(indent + 3)) + '# c');
        if (rng.chance(0.08)) out.push(rng.pick(['', '  ']));
        const pad = ' '.repeat(Math.max(0, indent + (rng.chance(0.03) ? rng.pick([-1, 1]) : 0)));
        const head = seq ? pad + rng.pick(['- ', '-  ', '-']) : pad + key() + (rng.chance(0.9) ? ':' : rng.pick([': ', ' :']));
        const r = rng.next();
        if (depth < 3 && r < 0.35) {
          out.push(head.replace(/ +$/, ''));
          gen(depth + 1, seq || rng.chance(0.8) ? indent + rng.pick([1, 2, 2, 4]) : indent, out);
        } else if (seq && r < 0.5) {
          out.push(head + key() + ': ' + scalar());
          if (rng.chance(0.6)) out.push(' '.repeat(head.length) + key() + ': ' + scalar());
        } else if (r < 0.6) out.push(head.replace(/ +$/, ''));
        else out.push(head + (head.endsWith(' ') ? '' : ' ') + scalar());
      }
    };
    let taken = 0;
    for (let c = 0; c < 4000; c++) {
      const lines: string[] = [];
      gen(0, 0, lines);
      if (compare(lines.join('\n') + rng.pick(['\n', '', '\n\n', '\n# end\n', '\n  # end\n']))) taken++;
    }
    expect(taken).toBeGreaterThan(400);
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !Ref b\n'],
    ['a block scalar', 'a: |\n  b\n'],
    ['a flow collection', 'a: [1, 2]\n'],
    ['a multi-line plain scalar', 'a: b\n  c\n'],
    ['a tab', 'a:\tb\n'],
    ['CRLF line ends', 'a: b\r\n'],
    ['non-ASCII text', 'a: café\n'],
    ['an escape', 'a: "b\\n"\n'],
    ['a nested mapping on one line', 'a: b: c\n'],
    ['an empty last value', 'a: 1\nb:\n'],
    ['an indented comment after the last item', 'a:\n  b: 1\n  # c\n'],
    ['a document marker', '---\na: 1\n'],
  ])('leaves %s to the yaml package', (_name, text) => {
    expect(readSimpleYaml(text, { locator: new LineIndex(text) }, [])).toBeUndefined();
  });
});
