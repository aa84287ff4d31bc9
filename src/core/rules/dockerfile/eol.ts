/**
 * End-of-life dates of the language runtimes that official images carry,
 * from each project's own schedule (YYYY-MM-DD; where a schedule gives only a
 * month, its last day):
 * - Node.js: github.com/nodejs/Release, schedule.json ("end"); `lts` is when a line became LTS.
 * - Python: devguide.python.org/versions (PEP 373 for 2.7).
 * - Go: go.dev/doc/devel/release; a release is supported until the release of the second newer one.
 * - Ruby: ruby-lang.org/en/downloads/branches.
 * Lines not listed (newer than the table, or still without a date) are never reported.
 */
export interface Line {
  version: string;
  /** When the line came out (and, for Node.js, became LTS): the earliest date it is suggested as a fix. */
  usable: string;
  /** Last day of support; undefined while not announced. */
  eol?: string;
}

export interface Runtime {
  name: string;
  /** Lines, oldest first. Versions older than the first are long past their end of life. */
  lines: Line[];
  /** Turns a tag into a line (`18.20-alpine` → `18`), or undefined for `latest`, `lts`, `alpine` … */
  lineOf(tag: string): string | undefined;
}

const NODE_CODENAMES: Record<string, string> = {
  argon: '4', boron: '6', carbon: '8', dubnium: '10', erbium: '12', fermium: '14', gallium: '16', hydrogen: '18', iron: '20', jod: '22', krypton: '24',
};

const majorMinor = (tag: string) => /^(\d+\.\d+)(?:[.\-]|$)/.exec(tag)?.[1];

export const RUNTIMES: Record<string, Runtime> = {
  node: {
    name: 'Node.js',
    lines: [
      { version: '4', usable: '2015-10-12', eol: '2018-04-30' },
      { version: '5', usable: '2015-10-29', eol: '2016-06-30' },
      { version: '6', usable: '2016-10-18', eol: '2019-04-30' },
      { version: '7', usable: '2016-10-25', eol: '2017-06-30' },
      { version: '8', usable: '2017-10-31', eol: '2019-12-31' },
      { version: '9', usable: '2017-10-01', eol: '2018-06-30' },
      { version: '10', usable: '2018-10-30', eol: '2021-04-30' },
      { version: '11', usable: '2018-10-23', eol: '2019-06-01' },
      { version: '12', usable: '2019-10-21', eol: '2022-04-30' },
      { version: '13', usable: '2019-10-22', eol: '2020-06-01' },
      { version: '14', usable: '2020-10-27', eol: '2023-04-30' },
      { version: '15', usable: '2020-10-20', eol: '2021-06-01' },
      { version: '16', usable: '2021-10-26', eol: '2023-09-11' },
      { version: '17', usable: '2021-10-19', eol: '2022-06-01' },
      { version: '18', usable: '2022-10-25', eol: '2025-04-30' },
      { version: '19', usable: '2022-10-18', eol: '2023-06-01' },
      { version: '20', usable: '2023-10-24', eol: '2026-04-30' },
      { version: '21', usable: '2023-10-17', eol: '2024-06-01' },
      { version: '22', usable: '2024-10-29', eol: '2027-04-30' },
      { version: '23', usable: '2024-10-16', eol: '2025-06-01' },
      { version: '24', usable: '2025-10-28', eol: '2028-04-30' },
      { version: '25', usable: '2025-10-15', eol: '2026-06-01' },
      { version: '26', usable: '2026-10-28', eol: '2029-04-30' },
    ],
    lineOf(tag) {
      const m = /^(\d+)(?:[.\-]|$)/.exec(tag);
      if (m) return m[1];
      const c = /^(?:lts-)?([a-z]+)(?:-|$)/.exec(tag);
      return c ? NODE_CODENAMES[c[1]] : undefined;
    },
  },
  python: {
    name: 'Python',
    lines: [
      { version: '2.7', usable: '2010-07-03', eol: '2020-01-01' },
      { version: '3.4', usable: '2014-03-16', eol: '2019-03-18' },
      { version: '3.5', usable: '2015-09-13', eol: '2020-09-30' },
      { version: '3.6', usable: '2016-12-23', eol: '2021-12-23' },
      { version: '3.7', usable: '2018-06-27', eol: '2023-06-27' },
      { version: '3.8', usable: '2019-10-14', eol: '2024-10-07' },
      { version: '3.9', usable: '2020-10-05', eol: '2025-10-31' },
      { version: '3.10', usable: '2021-10-04', eol: '2026-10-31' },
      { version: '3.11', usable: '2022-10-24', eol: '2027-10-31' },
      { version: '3.12', usable: '2023-10-02', eol: '2028-10-31' },
      { version: '3.13', usable: '2024-10-07', eol: '2029-10-31' },
      { version: '3.14', usable: '2025-10-07', eol: '2030-10-31' },
    ],
    lineOf: (tag) => (/^2(?:[.\-]|$)/.test(tag) && !majorMinor(tag) ? '2.7' : majorMinor(tag)),
  },
  golang: {
    name: 'Go',
    lines: [
      { version: '1.16', usable: '2021-02-16', eol: '2022-03-15' },
      { version: '1.17', usable: '2021-08-16', eol: '2022-08-02' },
      { version: '1.18', usable: '2022-03-15', eol: '2023-02-01' },
      { version: '1.19', usable: '2022-08-02', eol: '2023-08-08' },
      { version: '1.20', usable: '2023-02-01', eol: '2024-02-06' },
      { version: '1.21', usable: '2023-08-08', eol: '2024-08-13' },
      { version: '1.22', usable: '2024-02-06', eol: '2025-02-11' },
      { version: '1.23', usable: '2024-08-13', eol: '2025-08-12' },
      { version: '1.24', usable: '2025-02-11', eol: '2026-02-10' },
      { version: '1.25', usable: '2025-08-12', eol: '2026-08-19' },
      { version: '1.26', usable: '2026-02-10' },
      { version: '1.27', usable: '2026-08-19' },
    ],
    lineOf: majorMinor,
  },
  ruby: {
    name: 'Ruby',
    lines: [
      { version: '2.4', usable: '2016-12-25', eol: '2020-03-31' },
      { version: '2.5', usable: '2017-12-25', eol: '2021-04-05' },
      { version: '2.6', usable: '2018-12-25', eol: '2022-04-12' },
      { version: '2.7', usable: '2019-12-25', eol: '2023-03-31' },
      { version: '3.0', usable: '2020-12-25', eol: '2024-04-23' },
      { version: '3.1', usable: '2021-12-25', eol: '2025-03-26' },
      { version: '3.2', usable: '2022-12-25', eol: '2026-03-31' },
      { version: '3.3', usable: '2023-12-25' },
      { version: '3.4', usable: '2024-12-25' },
    ],
    lineOf: majorMinor,
  },
};

/** Compares dotted versions numerically (`3.10` after `3.9`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export interface EolVerdict {
  line: string;
  /** undefined when the line is older than the table (long past its end). */
  eol?: string;
  /** The newest line that is usable and supported on `today`, to suggest. */
  suggest?: Line;
}

/** Whether a line is past its end of life on `today` (YYYY-MM-DD). */
export function eolVerdict(runtime: Runtime, line: string, today: string): EolVerdict | undefined {
  if (!/^\d+(\.\d+)?$/.test(line)) return undefined;
  const known = runtime.lines.find((l) => l.version === line);
  const older = !known && compareVersions(line, runtime.lines[0].version) < 0;
  if (!older && !(known?.eol && known.eol < today)) return undefined;
  const supported = runtime.lines.filter((l) => l.usable <= today && (!l.eol || l.eol >= today));
  // Node.js odd lines are never LTS: suggest only the even ones.
  const candidates = runtime === RUNTIMES.node ? supported.filter((l) => Number(l.version) % 2 === 0) : supported;
  return { line, eol: known?.eol, suggest: candidates[candidates.length - 1] };
}
