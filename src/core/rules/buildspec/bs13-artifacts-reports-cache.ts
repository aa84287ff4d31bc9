import { entries, entry, items, typeName } from '../../config/node.js';
import { didYouMean } from '../../shapes/did-you-mean.js';
import type { Entry, Node, Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { buildspecs, orList, suggestion, unknownKeys, written } from './util.js';

const ARTIFACT_KEYS = ['files', 'name', 'discard-paths', 'base-directory', 'exclude-paths', 'enable-symlinks', 's3-prefix', 'secondary-artifacts'];
const SECONDARY_KEYS = ARTIFACT_KEYS.filter((k) => k !== 'secondary-artifacts');
const CACHE_KEYS = ['key', 'fallback-keys', 'action', 'paths'];
const REPORT_KEYS = ['files', 'base-directory', 'discard-paths', 'file-format'];
const REPORT_FORMATS = ['JUNITXML', 'CUCUMBERJSON', 'NUNITXML', 'NUNIT3XML', 'TESTNGXML', 'VISUALSTUDIOTRX', 'CLOVERXML', 'COBERTURAXML', 'JACOCOXML', 'SIMPLECOV'];
const MAX_REPORT_GROUPS = 5;

type Say = (range: Range, message: string) => void;

/** BS-13: the required keys and enumerations of `artifacts`, `reports` and `cache`. */
export const bs13ArtifactsReportsCache: Rule = {
  id: 'BS-13',
  title: 'Invalid artifacts, reports or cache section',
  severity: 'error',
  files: ['buildspec'],
  docs: {
    what:
      '`artifacts` has `files` (even when only `secondary-artifacts` are used), each secondary artifact has `files`, `cache` has `paths`, and each report group has `files` and a known `file-format` (JUNITXML, CUCUMBERJSON, NUNITXML, NUNIT3XML, TESTNGXML, VISUALSTUDIOTRX, CLOVERXML, COBERTURAXML, JACOCOXML, SIMPLECOV). ' +
      'There are at most 5 report groups, and the sections hold only the keys the reference lists.',
    why: 'These keys are required by the buildspec reference; CodeBuild rejects the buildspec, or finds nothing to upload, when they are missing or misspelt. An artifact without `files` leaves the CodeDeployToECS stage with no taskdef.json, appspec or imageDetail.json.',
    bad: [{ file: 'buildspec.yml', text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - npm test\nreports:\n  unit-tests:\n    file: reports/junit.xml\n    file-format: JUNIT\nartifacts:\n  discard-paths: yes\n' }],
    good: [{ file: 'buildspec.yml', text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - npm test\nreports:\n  unit-tests:\n    files:\n      - reports/junit.xml\n    file-format: JUNITXML\nartifacts:\n  files:\n    - imageDetail.json\n    - taskdef.json\n    - appspec.yaml\n  discard-paths: yes\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of buildspecs(project)) {
      const say: Say = (range, message) => report({ doc, range, message });
      const artifacts = entry(root, 'artifacts');
      if (artifacts) checkArtifacts(artifacts, say);
      const cache = entry(root, 'cache');
      if (cache) checkSection(cache, { keys: CACHE_KEYS, required: 'paths', label: '"cache"', example: "paths:\n  - '/root/.npm/**/*'" }, say);
      const reports = entry(root, 'reports');
      if (reports) checkReports(reports, say);
    }
  },
};

function checkArtifacts(artifacts: Entry, say: Say): void {
  if (!checkSection(artifacts, { keys: ARTIFACT_KEYS, required: 'files', label: '"artifacts"', example: 'files:\n  - imageDetail.json' }, say)) return;
  const secondary = entry(artifacts.value, 'secondary-artifacts');
  if (!secondary) return;
  if (secondary.value.type !== 'object') {
    say(secondary.value.type === 'null' ? secondary.keyRange : secondary.value.range, `"secondary-artifacts" is ${secondary.value.type === 'null' ? 'empty' : typeName(secondary.value)}; it maps each artifact identifier to its "files:"`);
    return;
  }
  for (const e of entries(secondary.value)) checkSection(e, { keys: SECONDARY_KEYS, required: 'files', label: `secondary artifact "${e.key}"`, example: 'files:\n  - taskdef.json' }, say);
}

function checkReports(reports: Entry, say: Say): void {
  if (reports.value.type !== 'object') {
    if (reports.value.type !== 'null') say(reports.value.range, `"reports" is ${typeName(reports.value)}; it maps each report group name or ARN to its "files:"`);
    return;
  }
  const groups = entries(reports.value);
  if (groups.length > MAX_REPORT_GROUPS) say(groups[MAX_REPORT_GROUPS].keyRange, `a project can have at most ${MAX_REPORT_GROUPS} report groups, and this buildspec has ${groups.length}; merge some of them`);
  for (const g of groups) {
    if (!checkSection(g, { keys: REPORT_KEYS, required: 'files', label: `report group "${g.key}"`, example: 'files:\n  - reports/junit.xml' }, say)) continue;
    const format = entry(g.value, 'file-format');
    if (!format) continue;
    const text = written(format.value)?.trim();
    if (text !== undefined && REPORT_FORMATS.includes(text.toUpperCase())) continue;
    const hint = text ? (REPORT_FORMATS.find((f) => f.startsWith(text.toUpperCase())) ?? didYouMean(text, REPORT_FORMATS)) : undefined;
    say(format.value.range, `"file-format" ${text ? `"${text}"` : '(empty)'} of report group "${g.key}" is not a report format; ${hint ? `did you mean "${hint}"?` : `use one of ${orList(REPORT_FORMATS)}`}`);
  }
}

interface Section {
  keys: readonly string[];
  required: string;
  label: string;
  example: string;
}

/** Checks a map section's keys and its required list; false when it is not a map at all. */
function checkSection(e: Entry, s: Section, say: Say): boolean {
  const v: Node = e.value;
  if (v.type !== 'object') {
    say(v.type === 'null' ? e.keyRange : v.range, `${s.label} is ${v.type === 'null' ? 'empty' : typeName(v)}; it needs "${s.required}:" with the paths under it, e.g. "${s.example.split('\n')[1].trim()}"`);
    return false;
  }
  for (const { entry: u, hint } of unknownKeys(v, s.keys)) say(u.keyRange, `"${u.key}" is not valid in ${s.label}; ${suggestion(hint, `it holds ${s.keys.join(', ')}`)}`);
  const list = entry(v, s.required);
  const misspelt = unknownKeys(v, s.keys).some((u) => u.hint === s.required);
  if (!list) {
    if (!misspelt) say(e.keyRange, `${s.label} has no "${s.required}"; list the paths under "${s.required}:", e.g. "${s.example.split('\n')[1].trim()}"`);
  } else if (list.value.type === 'null' || list.value.type === 'object' || (list.value.type === 'array' && items(list.value).length === 0)) {
    say(list.value.type === 'null' || list.value.type === 'array' ? list.keyRange : list.value.range, `"${s.required}" of ${s.label} is ${list.value.type === 'object' ? 'a map' : 'empty'}; list the paths, one "- path" per line`);
  }
  return true;
}
