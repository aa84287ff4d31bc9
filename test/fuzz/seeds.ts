import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { corpusDir, corpusPresent, groupsOf, readSources } from '../corpus/corpus.js';

/** Files checked together, as the starting point of mutations. */
export interface SeedGroup {
  name: string;
  files: { path: string; bytes: Uint8Array }[];
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const abs = join(dir, name);
    if (statSync(abs).isDirectory()) out.push(...walk(abs));
    else out.push(abs);
  }
  return out;
}

/** A folder as one group, paths relative to it (expected.json is test data, not input). */
function folderGroup(name: string, dir: string): SeedGroup {
  const files = walk(dir)
    .filter((f) => !f.endsWith(`${sep}expected.json`) && statSync(f).size < 256 * 1024)
    .map((f) => ({ path: relative(dir, f).split(sep).join('/'), bytes: new Uint8Array(readFileSync(f)) }));
  return { name, files };
}

/** The bundled example, every rule fixture folder, and every corpus group when the corpus is present. */
export function seedGroups(root = process.cwd()): SeedGroup[] {
  const groups: SeedGroup[] = [];
  if (existsSync(join(root, 'examples/seed'))) groups.push(folderGroup('examples/seed', join(root, 'examples/seed')));
  const fixtures = join(root, 'test/fixtures/rules');
  if (existsSync(fixtures)) {
    for (const id of readdirSync(fixtures).sort()) {
      const dir = join(fixtures, id);
      if (!statSync(dir).isDirectory()) continue;
      for (const c of readdirSync(dir).sort()) {
        if (statSync(join(dir, c)).isDirectory()) groups.push(folderGroup(`fixtures/${id}/${c}`, join(dir, c)));
      }
    }
  }
  if (corpusPresent()) {
    for (const g of groupsOf(readSources())) {
      groups.push({ name: `corpus/${g.name}`, files: g.files.map((f) => ({ path: f.path, bytes: new Uint8Array(readFileSync(join(corpusDir, f.file))) })) });
    }
  }
  return groups.filter((g) => g.files.length > 0);
}
