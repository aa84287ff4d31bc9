import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/**
 * src/ as JavaScript for the app's end-to-end tests, without `npm run build`:
 * every file transpiled on its own (the sources are written for
 * isolatedModules, and `npm run typecheck` checks the types), which takes a
 * second or two where a full tsc run takes half a minute. Written inside
 * node_modules/.cache so that the output resolves `probot` and the AWS SDK
 * from the repository's node_modules; one folder per test file, as jest runs
 * test files side by side.
 */

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** Builds src/ into node_modules/.cache/ecs-codepipeline-e2e-<name>/; returns that folder (app/server.js is the entry). */
export function buildSources(name: string): string {
  const src = join(ROOT, 'src');
  const out = join(ROOT, 'node_modules', '.cache', `ecs-codepipeline-e2e-${name}`);
  rmSync(out, { recursive: true, force: true });
  for (const file of walk(src)) {
    const target = join(out, relative(src, file));
    mkdirSync(dirname(target), { recursive: true });
    if (!file.endsWith('.ts')) {
      cpSync(file, target);
      continue;
    }
    const js = ts.transpileModule(readFileSync(file, 'utf8'), {
      fileName: file,
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, esModuleInterop: true, isolatedModules: true },
    });
    writeFileSync(target.replace(/\.ts$/, '.js'), js.outputText);
  }
  // Node reads the output as ES modules, as the package's own "type": "module" says for build/.
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  return out;
}
