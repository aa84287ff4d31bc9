import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { analyze } from '../../src/core/analyze.js';
import { loadFile } from '../../src/core/config/load.js';
import type { Finding } from '../../src/core/types.js';
import {
  acceptedKinds,
  byCorpusFile,
  corpusDir,
  corpusPresent,
  formatSnapshot,
  groupsOf,
  INTERNAL_ERROR,
  notChecked,
  readSources,
  snapshotPath,
  sourceFiles,
  type Snapshot,
} from './corpus.js';

/**
 * The real-world corpus: every group of files (one repository) is checked as
 * one tree, and the findings are compared with test/corpus/findings.json,
 * which a person reviewed. `UPDATE_CORPUS=1` rewrites that file instead.
 */
const updating = process.env.UPDATE_CORPUS === '1';

if (!corpusPresent()) {
  // A skipped suite alone shows only as a count; this says why.
  console.warn(`real-world corpus test SKIPPED: ${corpusDir} not found (it sits beside the repository as ../shared/corpus)`);
  describe.skip(`real-world corpus (SKIPPED: ${corpusDir} not found; it sits beside the repository as ../shared/corpus)`, () => {
    it('checks every corpus file', () => undefined);
  });
} else {
  const files = readSources();
  const groups = groupsOf(files);
  const saved: Snapshot = existsSync(snapshotPath) ? (JSON.parse(readFileSync(snapshotPath, 'utf8')) as Snapshot) : {};
  const actual: Snapshot = {};

  describe('real-world corpus', () => {
    it('lists its files', () => {
      expect(files.length).toBeGreaterThan(0);
      for (const f of files) expect(existsSync(`${corpusDir}/${f.file}`)).toBe(true);
    });

    describe.each(groups.map((g) => [g.name, g] as const))('%s', (_name, group) => {
      let findings: Finding[] | undefined;
      const run = () => (findings ??= analyze({ files: sourceFiles(group) }));

      it('is checked without an exception or an internal error', () => {
        // Alone too: a rule must not depend on a companion file being there.
        const alone = sourceFiles(group).flatMap((file) => analyze({ files: [file] }));
        const internal = [...run(), ...alone].filter((f) => INTERNAL_ERROR.test(f.message));
        expect(internal.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
      });

      it('has every file of a known kind detected as such', () => {
        const wrong: string[] = [];
        for (const f of group.files) {
          const bytes = readFileSync(`${corpusDir}/${f.file}`);
          const kinds = loadFile({ path: f.path, bytes }).filter((d) => !d.embedded).map((d) => d.kind);
          const accepted = acceptedKinds(f.kind);
          // Lookalikes (an Elasticsearch "pipeline.json") must not be taken for ours.
          if (!accepted && kinds.length > 0) wrong.push(`${f.file}: a ${f.kind} file detected as ${kinds.join(', ')}`);
          if (accepted && !notChecked(f) && !(kinds.length === 1 && accepted.includes(kinds[0]))) {
            wrong.push(`${f.file}: a ${f.kind} file detected as ${kinds.join(', ') || 'nothing'}`);
          }
        }
        expect(wrong).toEqual([]);
      });

      it(updating ? 'records its findings' : 'reports the reviewed findings', () => {
        const got = byCorpusFile(group, run());
        Object.assign(actual, got);
        if (updating) return;
        const want: Snapshot = {};
        for (const key of Object.keys(got)) {
          // A missing key shows in the diff as `undefined`: run UPDATE_CORPUS=1 and review the new findings.
          want[key] = saved[key];
        }
        expect(got).toEqual(want);
      });
    });

    it('has no stale entries in the snapshot', () => {
      if (updating) return;
      const known = new Set(files.map((f) => f.file));
      expect(Object.keys(saved).filter((k) => !known.has(k))).toEqual([]);
    });

    afterAll(() => {
      if (updating && Object.keys(actual).length === files.length) {
        writeFileSync(snapshotPath, formatSnapshot(actual));
        console.log(`UPDATE_CORPUS=1: wrote ${snapshotPath}; review it with \`node scripts/corpus-report.mjs\``);
      }
    });
  });
}
