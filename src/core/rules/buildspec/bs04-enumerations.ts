import { PHASES } from '../../config/buildspec.js';
import { at, child, entries, entry } from '../../config/node.js';
import type { Node, Range } from '../../types.js';
import type { Rule } from '../rule.js';
import { buildspecs, orList, suggestion, unknownKeys, written } from './util.js';

/** YAML 1.1 booleans, which is how CodeBuild reads `yes` and `no`. */
const YES_NO = /^(?:y|yes|n|no|true|false|on|off)$/i;
const SHELLS = ['bash', '/bin/sh', 'powershell.exe', 'cmd.exe'];
const CACHE_ACTIONS = ['restore', 'save'];

/**
 * `on-failure` takes ABORT, CONTINUE or a retry: RETRY, RETRY-<count> with a
 * count from 0 to 100, RETRY-<regex>, or RETRY-<count>-<regex>.
 */
export function onFailureProblem(value: string): string | undefined {
  if (value === 'ABORT' || value === 'CONTINUE') return undefined;
  const retry = /^retry(?:-(.*))?$/i.exec(value);
  if (!retry) {
    const hint = ['ABORT', 'CONTINUE', 'RETRY'].find((v) => v.toLowerCase() === value.toLowerCase());
    return hint ? `write it in capitals, "${hint}"` : 'use ABORT (stop the build), CONTINUE (go on to the next phase) or RETRY, RETRY-<count>, RETRY-<regex>, RETRY-<count>-<regex>';
  }
  const rest = retry[1];
  if (rest === undefined) return undefined;
  if (rest === '') return 'a retry needs a count or a pattern after "RETRY-", e.g. RETRY-3';
  const count = /^(\d+)(?:-|$)/.exec(rest);
  if (count && Number(count[1]) > 100) return `the retry count is at most 100, not ${count[1]}`;
  return undefined;
}

/** BS-04: values that CodeBuild accepts only from a fixed list. */
export const bs04Enumerations: Rule = {
  id: 'BS-04',
  title: 'Invalid buildspec setting value',
  severity: 'error',
  files: ['buildspec'],
  docs: {
    what:
      'Settings with a fixed set of values hold one of them: `on-failure` is `ABORT`, `CONTINUE` or a retry (`RETRY`, `RETRY-3`, `RETRY-<regex>`, `RETRY-3-<regex>`); ' +
      '`git-credential-helper`, `proxy.upload-artifacts`, `proxy.logs`, `discard-paths` and `enable-symlinks` are `yes` or `no`; `env.shell` is `bash` or `/bin/sh` (`powershell.exe` or `cmd.exe` on Windows); `cache.action` is `restore` or `save`.',
    why: 'CodeBuild validates these values when it reads the buildspec; anything else, such as the placeholder `no | yes` copied from the reference, stops the build with `YAML_FILE_ERROR`.',
    bad: [{ file: 'buildspec.yml', text: 'version: 0.2\nphases:\n  build:\n    on-failure: STOP\n    commands:\n      - docker build -t myapp .\nartifacts:\n  files: imageDetail.json\n  discard-paths: no | yes\n' }],
    good: [{ file: 'buildspec.yml', text: 'version: 0.2\nphases:\n  build:\n    on-failure: ABORT\n    commands:\n      - docker build -t myapp .\nartifacts:\n  files: imageDetail.json\n  discard-paths: yes\n' }],
  },
  check({ project, report }) {
    for (const { doc, root } of buildspecs(project)) {
      const say = (range: Range, message: string) => report({ doc, range, message });
      const yesNo = (node: Node | undefined, label: string) => {
        if (!node || node.type === 'boolean') return;
        const text = written(node);
        if (text !== undefined && YES_NO.test(text.trim())) return;
        say(node.range, `${label} is ${text === undefined ? 'not a value' : `"${text}"`}; it takes "yes" or "no"`);
      };
      for (const name of PHASES) {
        const value = child(child(child(root, 'phases'), name), 'on-failure');
        if (!value) continue;
        const text = written(value);
        const problem = text === undefined ? 'use ABORT, CONTINUE or RETRY' : onFailureProblem(text.trim());
        if (problem) say(value.range, `"on-failure" of "${name}" is ${text === undefined ? 'empty' : `"${text}"`}; ${problem}`);
      }
      yesNo(at(root, 'env.git-credential-helper'), '"git-credential-helper"');
      const shell = at(root, 'env.shell');
      if (shell) {
        const text = written(shell);
        if (text === undefined || !SHELLS.includes(text.trim())) say(shell.range, `"env.shell" is ${text === undefined ? 'empty' : `"${text}"`}; CodeBuild runs ${orList(SHELLS)}`);
      }
      const proxy = child(root, 'proxy');
      for (const { entry: e, hint } of unknownKeys(proxy, ['upload-artifacts', 'logs'])) say(e.keyRange, `"${e.key}" is not a proxy setting; ${suggestion(hint, 'the proxy settings are upload-artifacts and logs')}`);
      yesNo(child(proxy, 'upload-artifacts'), '"proxy.upload-artifacts"');
      yesNo(child(proxy, 'logs'), '"proxy.logs"');
      const artifacts = child(root, 'artifacts');
      for (const [label, node] of [['artifacts', artifacts], ...entries(child(artifacts, 'secondary-artifacts')).map((e) => [`secondary artifact "${e.key}"`, e.value] as const)] as const) {
        yesNo(child(node, 'discard-paths'), `"discard-paths" of ${label}`);
        yesNo(child(node, 'enable-symlinks'), `"enable-symlinks" of ${label}`);
      }
      for (const group of entries(child(root, 'reports'))) yesNo(child(group.value, 'discard-paths'), `"discard-paths" of report group "${group.key}"`);
      const action = entry(child(root, 'cache'), 'action');
      if (action) {
        const text = written(action.value)?.trim();
        if (text === undefined || !CACHE_ACTIONS.includes(text)) say(action.value.range, `"cache.action" is ${text === undefined ? 'empty' : `"${text}"`}; use "restore" or "save", or leave it out to do both`);
      }
    }
  },
};
