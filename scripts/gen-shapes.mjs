#!/usr/bin/env node
/**
 * Generates src/core/shapes/shapes.json: the input shapes the checker validates
 * task definitions and pipeline documents against, taken from the AWS SDK
 * packages in devDependencies (their Smithy schemas for members and types,
 * their TypeScript declarations for which string member takes which enum).
 *
 *   node scripts/gen-shapes.mjs           rewrites the file
 *   node scripts/gen-shapes.mjs --stdout  prints what it would write
 *
 * The output depends only on the installed SDK versions, so a test can re-run
 * it and compare: a stale file fails the suite after an SDK upgrade.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(repo, 'package.json'));
const { NormalizedSchema } = require('@smithy/core/schema');

/**
 * For each service: the input shapes to export and, for each, the output
 * shape people paste in its place (describe/get output), so that members
 * that only exist in the output can be named as such.
 */
const SERVICES = [
  {
    key: 'ecs',
    pkg: '@aws-sdk/client-ecs',
    roots: [{ input: 'RegisterTaskDefinitionRequest', output: 'TaskDefinition', outputOf: 'DescribeTaskDefinition', wrapper: 'DescribeTaskDefinitionResponse' }],
  },
  {
    key: 'codepipeline',
    pkg: '@aws-sdk/client-codepipeline',
    roots: [{ input: 'CreatePipelineInput', output: 'GetPipelineOutput', outputOf: 'GetPipeline' }],
  },
  {
    key: 'codebuild',
    pkg: '@aws-sdk/client-codebuild',
    roots: [{ input: 'CreateProjectInput', output: 'Project', outputOf: 'BatchGetProjects' }],
  },
];

function version(pkg) {
  return JSON.parse(readFileSync(join(repo, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

/**
 * Member → TypeScript type name, per interface, from the SDK's declarations.
 * The Smithy schemas erase enum targets to plain strings; the declarations
 * still name them (`networkMode?: NetworkMode | undefined`).
 */
function declaredTypes(pkg) {
  const dir = join(repo, 'node_modules', pkg, 'dist-types', 'models');
  const out = new Map();
  for (const file of readdirSync(dir).sort()) {
    if (!/^models_\d+\.d\.ts$/.test(file)) continue;
    let current;
    for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) {
      const open = /^export interface (\w+) \{$/.exec(line);
      if (open) {
        current = new Map();
        out.set(open[1], current);
        continue;
      }
      if (line === '}') current = undefined;
      const member = current && /^ {4}(\w+)\??: (.+?)(?: \| undefined)?;$/.exec(line);
      if (member) current.set(member[1], member[2]);
    }
  }
  return out;
}

/** Enum name → values, for the enums the declarations export. */
function enumsOf(pkg, mod) {
  const text = readFileSync(join(repo, 'node_modules', pkg, 'dist-types', 'models', 'enums.d.ts'), 'utf8');
  const out = new Map();
  for (const [, name] of text.matchAll(/^export declare const (\w+): \{$/gm)) {
    const values = mod[name];
    if (values && typeof values === 'object') out.set(name, Object.values(values).filter((v) => typeof v === 'string'));
  }
  return out;
}

/** The enum a declared member type refers to (`Compatibility[]` → Compatibility). */
function enumName(declared, enums) {
  if (!declared) return undefined;
  const base = declared.replace(/^Record<string, (.+)>$/, '$1').replace(/\[\]$/, '').replace(/^\((.+)\)$/, '$1');
  return enums.has(base) ? base : undefined;
}

function primitive(s) {
  if (s.isStringSchema()) return 'string';
  if (s.isBooleanSchema()) return 'boolean';
  if (s.isNumericSchema()) return 'number';
  if (s.isBigIntegerSchema() || s.isBigDecimalSchema()) return 'number';
  if (s.isTimestampSchema()) return 'timestamp';
  if (s.isBlobSchema()) return 'blob';
  if (s.isDocumentSchema()) return 'document';
  return undefined;
}

function generateService(service) {
  const mod = require(service.pkg);
  const declared = declaredTypes(service.pkg);
  const enums = enumsOf(service.pkg, mod);
  const shapes = new Map();
  const usedEnums = new Set();

  /** A member's type: a primitive name, a shape name, or {list|map|enum}. */
  const typeOf = (s, declaredType) => {
    if (s.isListSchema()) return { list: typeOf(s.getValueSchema(), declaredType) };
    if (s.isMapSchema()) return { map: typeOf(s.getValueSchema(), declaredType) };
    if (s.isStructSchema() || s.isUnionSchema()) return visit(s);
    const p = primitive(s);
    if (p === 'string') {
      const e = enumName(declaredType, enums);
      if (e) {
        usedEnums.add(e);
        return { enum: e };
      }
    }
    if (!p) throw new Error(`unknown schema kind for ${s.getName()}`);
    return p;
  };

  const visit = (s) => {
    const name = s.getName();
    if (shapes.has(name)) return name;
    const shape = {};
    shapes.set(name, shape);
    const raw = s.getSchema();
    const decl = declared.get(name) ?? new Map();
    const members = {};
    for (const [member, ms] of s.structIterator()) members[member] = typeOf(ms, decl.get(member));
    shape.members = members;
    // Static struct schemas end with the count of leading required members.
    const requiredCount = Array.isArray(raw) && typeof raw[6] === 'number' ? raw[6] : 0;
    const required = Object.keys(members).slice(0, requiredCount);
    if (required.length) shape.required = required;
    if (s.isUnionSchema()) shape.union = true;
    return name;
  };

  const outputOnly = {};
  const roots = [];
  for (const r of service.roots) {
    const input = NormalizedSchema.of(mod[`${r.input}$`]);
    visit(input);
    roots.push(r.input);
    const inputMembers = new Set(Object.keys(shapes.get(r.input).members));
    const output = NormalizedSchema.of(mod[`${r.output}$`]);
    const extra = [...output.structIterator()].map(([m]) => m).filter((m) => !inputMembers.has(m));
    const entry = { operation: r.outputOf, members: extra };
    if (r.wrapper) {
      // The member of the whole response that holds the output shape (`taskDefinition`).
      const wrapper = NormalizedSchema.of(mod[`${r.wrapper}$`]);
      entry.wrapper = [...wrapper.structIterator()].find(([, ms]) => ms.getName() === r.output)?.[0];
    }
    outputOnly[r.input] = entry;
  }

  const sortedShapes = Object.fromEntries([...shapes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const sortedEnums = Object.fromEntries([...usedEnums].sort().map((e) => [e, enums.get(e)]));
  return { package: `${service.pkg}@${version(service.pkg)}`, roots, outputOnly, shapes: sortedShapes, enums: sortedEnums };
}

export function generate() {
  const services = {};
  for (const s of SERVICES) services[s.key] = generateService(s);
  const doc = {
    about: 'Generated by scripts/gen-shapes.mjs from the AWS SDK models; do not edit. Member types: a primitive name, a shape name, {list}, {map} or {enum}.',
    services,
  };
  // One line per shape and enum keeps the file compact yet diffable.
  const lines = ['{', `"about":${JSON.stringify(doc.about)},`, '"services":{'];
  const keys = Object.keys(services);
  keys.forEach((k, i) => {
    const s = services[k];
    lines.push(`${JSON.stringify(k)}:{`);
    lines.push(`"package":${JSON.stringify(s.package)},`);
    lines.push(`"roots":${JSON.stringify(s.roots)},`);
    lines.push(`"outputOnly":${JSON.stringify(s.outputOnly)},`);
    lines.push('"shapes":{');
    const shapeNames = Object.keys(s.shapes);
    shapeNames.forEach((n, j) => lines.push(`${JSON.stringify(n)}:${JSON.stringify(s.shapes[n])}${j < shapeNames.length - 1 ? ',' : ''}`));
    lines.push('},');
    lines.push('"enums":{');
    const enumNames = Object.keys(s.enums);
    enumNames.forEach((n, j) => lines.push(`${JSON.stringify(n)}:${JSON.stringify(s.enums[n])}${j < enumNames.length - 1 ? ',' : ''}`));
    lines.push('}');
    lines.push(`}${i < keys.length - 1 ? ',' : ''}`);
  });
  lines.push('}', '}');
  return lines.join('\n') + '\n';
}

export const OUTPUT = join(repo, 'src', 'core', 'shapes', 'shapes.json');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const text = generate();
  if (process.argv.includes('--stdout')) process.stdout.write(text);
  else writeFileSync(OUTPUT, text);
}
