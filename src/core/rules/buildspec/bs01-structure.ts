import { PHASES } from '../../config/buildspec.js';
import { child, entry, items } from '../../config/node.js';
import { FILE_START } from '../../config/position.js';
import { docsOf } from '../../model.js';
import type { Node } from '../../types.js';
import type { Report, Rule } from '../rule.js';
import { suggestion, TOP_LEVEL_KEYS, unknownKeys } from './util.js';

/** BS-01: a buildspec CodeBuild can read: a map with `version`, known top-level keys, commands that are strings. */
export const bs01Structure: Rule = {
  id: 'BS-01',
  title: 'Buildspec structure',
  severity: 'error',
  files: ['buildspec'],
  docs: {
    what:
      'The buildspec is a YAML map with a `version` key, and its top-level keys are only `version`, `run-as`, `env`, `proxy`, `batch`, `phases`, `reports`, `artifacts` and `cache`. ' +
      'Every command is one string: a command containing `: ` (colon and space) must be quoted, or YAML reads it as a map.',
    why:
      'CodeBuild reads the buildspec before the first phase; when it cannot, the build stops in DOWNLOAD_SOURCE with `YAML_FILE_ERROR` and nothing runs. ' +
      'An unquoted `echo Build: done` becomes the map `{"echo Build": "done"}`, which is not a command.',
    bad: [
      {
        file: 'buildspec.yml',
        text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - echo Image tag: $IMAGE_TAG\n      - docker build -t myapp:$IMAGE_TAG .\nartifact:\n  files: imageDetail.json\n',
      },
    ],
    good: [
      {
        file: 'buildspec.yml',
        text: 'version: 0.2\nphases:\n  build:\n    commands:\n      - \'echo Image tag: $IMAGE_TAG\'\n      - docker build -t myapp:$IMAGE_TAG .\nartifacts:\n  files: imageDetail.json\n',
      },
    ],
  },
  check({ project, report }) {
    for (const doc of docsOf(project, 'buildspec')) {
      const root = doc.root;
      if (!root) continue;
      const say = (r: Omit<Report, 'doc'>) => report({ doc, ...r });
      if (root.type !== 'object') {
        say({ range: root.range, message: 'a buildspec is a YAML map (version:, phases: …), but this file holds a single value or a list; start it with "version: 0.2" and a "phases:" map' });
        continue;
      }
      if (!entry(root, 'version')) say({ range: root.entries![0]?.keyRange ?? FILE_START, message: 'the buildspec has no "version"; add "version: 0.2" as its first line' });
      for (const { entry: e, hint } of unknownKeys(root, TOP_LEVEL_KEYS)) {
        say({ range: e.keyRange, message: `"${e.key}" is not a top-level buildspec key, so CodeBuild rejects the file; ${placeOf(e.key) ?? suggestion(hint, `the top-level keys are ${TOP_LEVEL_KEYS.join(', ')}`)}` });
      }
      for (const name of PHASES) {
        const phase = child(child(root, 'phases'), name);
        for (const list of ['commands', 'finally']) {
          for (const item of items(child(phase, list))) if (item.type === 'object') say({ range: item.range, message: mapCommandMessage(item) });
        }
      }
    }
  },
};

/** Keys that are valid one level down, where the user probably meant them. */
function placeOf(key: string): string | undefined {
  if ((PHASES as readonly string[]).includes(key)) return `indent it under "phases:"`;
  if (key === 'runtime-versions') return 'indent it under "phases:" → "install:"';
  if (['variables', 'parameter-store', 'secrets-manager', 'exported-variables', 'git-credential-helper', 'shell'].includes(key)) return 'indent it under "env:"';
  if (['files', 'base-directory', 'discard-paths', 'secondary-artifacts'].includes(key)) return 'indent it under "artifacts:"';
  return undefined;
}

/** Rebuilds the command the user meant, to show the quoted form. */
function mapCommandMessage(item: Node): string {
  const e = item.entries![0];
  const value = e?.value.source ?? (e?.value.type === 'string' || e?.value.type === 'number' || e?.value.type === 'boolean' ? String(e.value.value) : '');
  const meant = e ? `${e.key}: ${value}`.trim() : '';
  const shown = meant.length > 60 ? `${meant.slice(0, 57)}…` : meant;
  return `this command contains ": " (colon and space), so YAML reads it as a map and CodeBuild fails with YAML_FILE_ERROR; quote the whole command${shown ? `, e.g. - '${shown.replace(/'/g, "''")}'` : ''}`;
}
