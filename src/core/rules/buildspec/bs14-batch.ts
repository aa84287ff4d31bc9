import { child, entry, items, str, typeName } from '../../config/node.js';
import type { Node, Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { buildspecs, suggestion, unknownKeys, written } from './util.js';

const BATCH_KEYS = ['fast-fail', 'build-graph', 'build-list', 'build-matrix', 'build-fanout'];
const TASK_KEYS = ['identifier', 'buildspec', 'env', 'depend-on', 'ignore-failure', 'debug-session'];

type Say = (range: Range, message: string) => void;

/** BS-14: batch builds: task identifiers, dependencies and booleans. */
export const bs14Batch: Rule = {
  id: 'BS-14',
  title: 'Invalid batch build section',
  severity: 'error',
  files: ['buildspec'],
  docs: {
    what:
      'In `batch`, every `build-graph` task has a unique `identifier`, every `depend-on` names one of them, `build-list` identifiers are unique, and `fast-fail` and `ignore-failure` are booleans. `batch` holds only `fast-fail`, `build-graph`, `build-list`, `build-matrix` and `build-fanout`.',
    why: 'CodeBuild cannot order a build graph whose dependencies point at tasks that do not exist, and rejects the batch configuration before any build of the batch starts.',
    bad: [{ file: 'buildspec.yml', text: 'version: 0.2\nbatch:\n  fast-fail: "yes"\n  build-graph:\n    - identifier: build_image\n    - identifier: deploy\n      depend-on:\n        - build-image\n' }],
    good: [{ file: 'buildspec.yml', text: 'version: 0.2\nbatch:\n  fast-fail: true\n  build-graph:\n    - identifier: build_image\n    - identifier: deploy\n      depend-on:\n        - build_image\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of buildspecs(project)) {
      const batch = entry(root, 'batch');
      if (!batch) continue;
      const say: Say = (range, message) => report({ doc, range, message });
      if (batch.value.type !== 'object') {
        if (batch.value.type !== 'null') say(batch.value.range, `"batch" is ${typeName(batch.value)}; it is a map with "build-graph:", "build-list:" or "build-matrix:"`);
        continue;
      }
      for (const { entry: e, hint } of unknownKeys(batch.value, BATCH_KEYS)) say(e.keyRange, `"${e.key}" is not a batch setting; ${suggestion(hint, `batch holds ${BATCH_KEYS.join(', ')}`)}`);
      boolean(child(batch.value, 'fast-fail'), '"fast-fail"', say);
      checkTasks(child(batch.value, 'build-graph'), 'build-graph', true, say);
      checkTasks(child(batch.value, 'build-list'), 'build-list', false, say);
      boolean(child(child(child(batch.value, 'build-matrix'), 'static'), 'ignore-failure'), '"ignore-failure"', say);
    }
  },
};

function boolean(node: Node | undefined, label: string, say: Say): void {
  if (!node || node.type === 'boolean') return;
  say(node.range, `${label} is ${node.type === 'string' ? `the string "${written(node)}"` : typeName(node)}; write true or false without quotes`);
}

function checkTasks(list: Node | undefined, kind: string, graph: boolean, say: Say): void {
  if (!list) return;
  if (list.type !== 'array') {
    say(list.range, `"${kind}" is ${typeName(list)}; it is a list of tasks, each starting with "- identifier: …"`);
    return;
  }
  const ids = new Map<string, Node>();
  for (const task of items(list)) {
    if (task.type !== 'object') {
      say(task.range, `this ${kind} task is ${typeName(task)}; a task is a map such as "identifier: build_image"`);
      continue;
    }
    for (const { entry: e, hint } of unknownKeys(task, TASK_KEYS)) say(e.keyRange, `"${e.key}" is not a ${kind} task setting; ${suggestion(hint, `a task holds ${TASK_KEYS.join(', ')}`)}`);
    boolean(child(task, 'ignore-failure'), '"ignore-failure"', say);
    const idNode = child(task, 'identifier');
    const id = written(idNode)?.trim();
    if (!id) {
      if (graph) say(idNode?.range ?? task.entries![0]?.keyRange ?? task.range, `every build-graph task needs an "identifier" (letters, digits and underscores), which "depend-on" refers to`);
      continue;
    }
    if (ids.has(id)) say(idNode!.range, `identifier "${id}" is used by two ${kind} tasks; give each task its own`);
    ids.set(id, idNode!);
  }
  if (!graph) return;
  for (const task of items(list)) {
    const deps = entry(task, 'depend-on');
    if (!deps) continue;
    if (deps.value.type !== 'array') {
      say(deps.value.range, `"depend-on" is ${typeName(deps.value)}; it is a list of task identifiers`);
      continue;
    }
    for (const d of items(deps.value)) {
      const name = str(d) ?? written(d);
      if (name === undefined || ids.has(name.trim())) continue;
      const near = [...ids.keys()].find((k) => k.replace(/[-_]/g, '').toLowerCase() === name.replace(/[-_]/g, '').toLowerCase());
      say(d.range, `"depend-on" names "${name}", which is not an identifier of this build graph; ${near ? `did you mean "${near}"?` : `the identifiers are ${[...ids.keys()].join(', ') || '(none)'}`}`);
    }
  }
}
