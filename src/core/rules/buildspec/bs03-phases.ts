import { PHASES } from '../../config/buildspec.js';
import { entries, entry, items, typeName } from '../../config/node.js';
import { FILE_START } from '../../config/position.js';
import type { Entry, Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { buildspecs, suggestion, unknownKeys } from './util.js';

const PHASE_KEYS = ['run-as', 'on-failure', 'runtime-versions', 'commands', 'finally'];

/** BS-03: `phases` and what each phase may hold. */
export const bs03Phases: Rule = {
  id: 'BS-03',
  title: 'Buildspec phases',
  severity: 'error',
  files: ['buildspec'],
  docs: {
    what:
      'The buildspec has `phases`, and its phases are only `install`, `pre_build`, `build` and `post_build`. A declared `pre_build`, `build` or `post_build` has `commands`, a list of strings; ' +
      '`finally` is a list too; a phase holds only `run-as`, `on-failure`, `commands` and `finally` (and `runtime-versions` in `install`); `run-as` is a user name.',
    why: 'These are the keys the buildspec reference requires or allows. A misspelt phase such as `prebuild` or a phase without `commands` makes CodeBuild reject the buildspec with `YAML_FILE_ERROR` before anything runs.',
    bad: [{ file: 'buildspec.yml', text: 'version: 0.2\nphases:\n  prebuild:\n    commands:\n      - aws ecr get-login-password | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com\n  build:\n    - docker build -t myapp .\n' }],
    good: [{ file: 'buildspec.yml', text: 'version: 0.2\nphases:\n  pre_build:\n    commands:\n      - aws ecr get-login-password | docker login --username AWS --password-stdin 123456789012.dkr.ecr.us-east-1.amazonaws.com\n  build:\n    commands:\n      - docker build -t myapp .\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of buildspecs(project)) {
      const say = (range: Range, message: string) => report({ doc, range, message });
      const runAs = entry(root, 'run-as');
      if (runAs && runAs.value.type !== 'string') say(runAs.value.range, `"run-as" is ${typeName(runAs.value)}; it names the Linux user that runs the commands, e.g. "run-as: codebuild-user"`);
      const phasesEntry = entry(root, 'phases');
      if (!phasesEntry) {
        say(root.entries![0]?.keyRange ?? FILE_START, 'the buildspec has no "phases"; add "phases:" with at least a "build:" phase and its "commands:"');
        continue;
      }
      const phases = phasesEntry.value;
      if (phases.type !== 'object') {
        say(phases.type === 'null' ? phasesEntry.keyRange : phases.range, `"phases" is ${phases.type === 'null' ? 'empty' : typeName(phases)}; it is a map of phases, e.g. "build:" with "commands:" under it`);
        continue;
      }
      for (const { entry: e, hint } of unknownKeys(phases, [...PHASES])) {
        say(e.keyRange, `"${e.key}" is not a build phase; ${suggestion(hint, 'the phases are install, pre_build, build and post_build')}`);
      }
      for (const p of entries(phases)) if ((PHASES as readonly string[]).includes(p.key)) checkPhase(p, say);
    }
  },
};

function checkPhase(p: Entry, say: (range: Range, message: string) => void): void {
  const phase = p.value;
  const needsCommands = p.key !== 'install';
  if (phase.type !== 'object') {
    if (phase.type === 'array') say(p.keyRange, `"${p.key}" holds a list; put the commands under "commands:" (indent them below "${p.key}:" → "commands:")`);
    else if (phase.type === 'null') say(p.keyRange, `"${p.key}" is empty; give it "commands:" or remove the phase`);
    else say(phase.range, `"${p.key}" is ${typeName(phase)}; a phase is a map with "commands:"`);
    return;
  }
  const allowed = p.key === 'install' ? PHASE_KEYS : PHASE_KEYS.filter((k) => k !== 'runtime-versions');
  for (const { entry: e, hint } of unknownKeys(phase, allowed)) {
    const where = e.key === 'runtime-versions' ? 'it is only valid in the "install" phase' : suggestion(hint, `a phase holds ${allowed.join(', ')}`);
    say(e.keyRange, `"${e.key}" is not valid in the "${p.key}" phase; ${where}`);
  }
  const commands = entry(phase, 'commands');
  // install may leave out its commands (runtime-versions alone); an empty "commands:" there is the same.
  if (!commands || (!needsCommands && commands.value.type === 'null')) {
    if (needsCommands) say(p.keyRange, `the "${p.key}" phase has no "commands"; add "commands:" with the steps to run, or remove the phase`);
  } else {
    checkList(commands, p.key, say);
  }
  const fin = entry(phase, 'finally');
  if (fin) checkList(fin, p.key, say);
  const runAs = entry(phase, 'run-as');
  if (runAs && runAs.value.type !== 'string') say(runAs.value.range, `"run-as" is ${typeName(runAs.value)}; it names the Linux user that runs this phase's commands`);
}

function checkList(list: Entry, phase: string, say: (range: Range, message: string) => void): void {
  const v = list.value;
  if (v.type === 'string') {
    say(v.range, `"${list.key}" of "${phase}" is a single string; write it as a list item: "- ${v.value as string}"`);
    return;
  }
  if (v.type !== 'array') {
    say(v.type === 'null' ? list.keyRange : v.range, `"${list.key}" of "${phase}" is ${v.type === 'null' ? 'empty' : typeName(v)}; it is a list of commands, one "- command" per line`);
    return;
  }
  for (const item of items(v)) {
    // Maps are BS-01's finding (an unquoted ": "); numbers and booleans are read as text, and an empty item ("- # note") does nothing.
    if (item.type === 'array') say(item.range, `this nested list is not a command; every item of "${list.key}" is one command string`);
  }
}
