#!/usr/bin/env node
/**
 * Writes docs/rules.md from the rule registry (src/core/rules): every rule's
 * id, title, severity, what, why and examples, under the anchors that SARIF
 * helpUri and the job summary link to. test/unit/report/rules-doc.test.ts
 * fails when the committed file is stale.
 *
 * Usage: node scripts/gen-rules-doc.mjs [--check]
 *   --check  write nothing; exit 1 when docs/rules.md is not up to date
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'docs/rules.md');

// The registry is TypeScript: compile it as `npm run build` does (tsc emits despite type errors elsewhere).
const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: root, encoding: 'utf8' });
if (tsc.error) throw tsc.error;
const load = (p) => import(pathToFileURL(join(root, 'build', p)).href);
const { rules } = await load('core/rules/index.js');
const { renderRulesDoc } = await load('core/report/rules-doc.js');
const text = renderRulesDoc(rules);

if (process.argv.includes('--check')) {
  const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
  if (current !== text) {
    process.stderr.write('gen-rules-doc: docs/rules.md is stale; run `node scripts/gen-rules-doc.mjs` and commit it\n');
    process.exit(1);
  }
  process.stdout.write(`gen-rules-doc: docs/rules.md is up to date (${rules.length} rules)\n`);
} else {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  process.stdout.write(`gen-rules-doc: wrote docs/rules.md (${rules.length} rules)\n`);
}
