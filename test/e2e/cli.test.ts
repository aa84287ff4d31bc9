import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from '../../src/cli/args.js';
import { useColor } from '../../src/cli/color.js';
import { baseEnv, lineOf, node, removeTempDirs, ROOT, seedWithErrors, STACK, tempDir, type Run } from './helpers.js';
import { sarifSchemaErrors } from './sarif-schema.js';

const BIN = join(ROOT, 'bin/ecs-codepipeline.js');
const KEYS = ['rule', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message'];
const ANSI = /\u001b\[[0-9;]*m/;

function cli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  return node([BIN, ...args], { cwd: options.cwd, env: options.env ?? baseEnv() });
}

afterAll(removeTempDirs);

describe('ecs-codepipeline check (bin/ecs-codepipeline.js → dist/cli/index.js)', () => {
  describe('on examples/seed', () => {
    it('--format json prints exactly one object with the documented keys, and exits 0', () => {
      const r = cli(['check', 'examples/seed', '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(Object.keys(out)).toEqual(['findings']);
      expect(out.findings.length).toBeGreaterThan(0);
      for (const f of out.findings) {
        expect(Object.keys(f)).toEqual(KEYS);
        expect(['error', 'warning', 'notice']).toContain(f.severity);
        expect(f.file).toMatch(/^examples\/seed\/[^\\]+$/);
        for (const k of ['line', 'column', 'endLine', 'endColumn']) expect(Number.isInteger(f[k]) && f[k] >= 1).toBe(true);
        expect(typeof f.message).toBe('string');
      }
      expect(out.findings.filter((f: { severity: string }) => f.severity === 'error')).toEqual([]);
      const healthcheck = lineOf(join(ROOT, 'examples/seed/Dockerfile'), 'HEALTHCHECK');
      expect(out.findings.some((f: { rule: string; line: number }) => f.rule === 'DF-01' && f.line === healthcheck)).toBe(true);
    });

    it('--format sarif is valid SARIF 2.1.0 with the same findings, as code scanning needs them', () => {
      const sarif = JSON.parse(cli(['check', 'examples/seed', '--format', 'sarif']).stdout);
      const json = JSON.parse(cli(['check', 'examples/seed', '--format', 'json']).stdout);
      expect(sarifSchemaErrors(sarif)).toEqual([]);
      expect(sarif.version).toBe('2.1.0');
      expect(sarif.runs).toHaveLength(1);
      const run = sarif.runs[0];
      const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
      expect(run.results).toHaveLength(json.findings.length);
      run.results.forEach((res: Record<string, any>, i: number) => {
        const f = json.findings[i];
        expect(res.ruleId).toBe(f.rule);
        expect(ruleIds[res.ruleIndex]).toBe(f.rule);
        expect(res.level).toBe({ error: 'error', warning: 'warning', notice: 'note' }[f.severity as string]);
        const loc = res.locations[0].physicalLocation;
        expect(loc.artifactLocation.uri).toBe(f.file);
        expect(loc.region.startLine).toBe(f.line);
        expect(loc.region.startColumn).toBe(f.column);
      });
      for (const rule of run.tool.driver.rules) {
        expect(rule.helpUri).toMatch(new RegExp(`^https://.+/docs/rules\\.md#${rule.id.toLowerCase()}$`));
        expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
      }
    });

    it('--format text groups by file, one line per finding, then a count, without colour off a terminal', () => {
      const r = cli(['check', 'examples/seed']);
      expect(r.status).toBe(0);
      expect(r.stdout).not.toMatch(ANSI);
      const lines = r.stdout.trimEnd().split('\n');
      const files = lines.filter((l) => /^\S/.test(l) && !l.startsWith('✖') && !l.startsWith('✔'));
      expect(new Set(files).size).toBe(files.length);
      expect(files).toEqual(expect.arrayContaining(['examples/seed/Dockerfile']));
      for (const l of lines.filter((x) => x.startsWith('  '))) expect(l).toMatch(/^ {2}\d+:\d+ +(error|warning|notice) +\S.* {2}[A-Z]+-\d+$/);
      expect(lines[lines.length - 1]).toMatch(/^✖ \d+ problems \(0 errors, \d+ warnings?, \d+ notices?\) in \d+ files?$/);
    });

    it('colours the text when FORCE_COLOR is set, and not when NO_COLOR is', () => {
      expect(cli(['check', 'examples/seed'], { env: baseEnv({ FORCE_COLOR: '1' }) }).stdout).toMatch(ANSI);
      expect(cli(['check', 'examples/seed', '--color'], { env: baseEnv({ NO_COLOR: '1' }) }).stdout).toMatch(ANSI);
      expect(cli(['check', 'examples/seed'], { env: baseEnv({ NO_COLOR: '1' }) }).stdout).not.toMatch(ANSI);
    });

    it('--format github prints workflow commands', () => {
      const r = cli(['check', 'examples/seed', '--format=github']);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines.length).toBeGreaterThan(0);
      for (const l of lines) expect(l).toMatch(/^::(error|warning|notice) file=examples\/seed\/[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[A-Z]+-\d+%3A .+::.+$/);
    });

    it('--fail-on warning exits 1 on the seed\'s warnings; never exits 0', () => {
      expect(cli(['check', 'examples/seed', '--fail-on', 'warning']).status).toBe(1);
      expect(cli(['check', 'examples/seed', '--fail-on=never']).status).toBe(0);
    });

    it('reports paths relative to the working directory', () => {
      const r = cli(['check', '.', '--format', 'json'], { cwd: join(ROOT, 'examples/seed') });
      const files = JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file);
      expect(files).toContain('Dockerfile');
      expect(files.every((f: string) => !f.startsWith('examples/') && !f.startsWith('/'))).toBe(true);
    });
  });

  describe('on a copy of the seed with three errors', () => {
    const { workspace, dir } = seedWithErrors();

    it('prints the three errors at their exact lines and exits 1', () => {
      const r = cli(['check', 'app', '--format', 'json'], { cwd: workspace });
      expect(r.status).toBe(1);
      const errors = JSON.parse(r.stdout).findings.filter((f: { severity: string }) => f.severity === 'error');
      expect(errors.map((f: { file: string; line: number }) => `${f.file}:${f.line}`).sort()).toEqual(
        [
          `app/buildspec.yml:${lineOf(join(dir, 'buildspec.yml'), '"memory": "4096"')}`,
          `app/buildspec.yml:${lineOf(join(dir, 'buildspec.yml'), 'ContainerName: "web"')}`,
          `app/pipeline.json:${lineOf(join(dir, 'pipeline.json'), '"Image1ContainerName"')}`,
        ].sort(),
      );
    });

    it('says so in the text format and exits 0 with --fail-on never', () => {
      const r = cli(['check', 'app', '--fail-on', 'never'], { cwd: workspace });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/\(3 errors, /);
      expect(r.stdout).toContain('app/pipeline.json\n');
    });

    it('accepts explicit file paths', () => {
      const r = cli(['check', 'app/buildspec.yml', 'app/pipeline.json', '--format', 'json'], { cwd: workspace });
      expect(r.status).toBe(1);
      expect(JSON.parse(r.stdout).findings.some((f: { rule: string }) => f.rule === 'TD-05')).toBe(true);
    });
  });

  describe('file discovery', () => {
    it('reads linked files but does not follow linked folders (no loop), and skips dangling links', () => {
      const dir = tempDir('links');
      mkdirSync(join(dir, 'app'));
      copyFileSync(join(ROOT, 'examples/seed/Dockerfile'), join(dir, 'real.Dockerfile'));
      symlinkSync(join(dir, 'real.Dockerfile'), join(dir, 'app/Dockerfile'));
      symlinkSync(dir, join(dir, 'app/loop'));
      symlinkSync(join(dir, 'nowhere.yml'), join(dir, 'app/buildspec.yml'));
      const r = cli(['check', 'app', '--format', 'json'], { cwd: dir });
      expect(r.status).toBe(0);
      const files = new Set(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file));
      expect([...files]).toEqual(['app/Dockerfile']);
    });

    it('says so on stderr when a folder holds no pipeline file', () => {
      const dir = tempDir('empty');
      writeFileSync(join(dir, 'notes.txt'), 'nothing here\n');
      const r = cli(['check', '.'], { cwd: dir });
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/no Dockerfile, buildspec, task definition, appspec, pipeline or imageDetail.json file found in \./);
      expect(r.stdout).toBe('✔ No problems found\n');
    });
  });

  describe('usage', () => {
    function expectUsageError(r: Run, message: RegExp) {
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK);
    }

    it('a missing path: exit 2 and which path', () => {
      expectUsageError(cli(['check', 'examples/nope']), /^ecs-codepipeline: path 'examples\/nope' not found/);
    });

    it('an unknown format: exit 2 and the formats', () => {
      expectUsageError(cli(['check', '--format', 'xml']), /--format does not take 'xml'; use one of text, json, sarif, github/);
    });

    it('an unknown fail-on or a missing value: exit 2', () => {
      expectUsageError(cli(['check', '--fail-on', 'errors']), /--fail-on does not take 'errors'; use one of error, warning, never/);
      expectUsageError(cli(['check', '--format']), /--format needs a value/);
    });

    it('an unknown option or command: exit 2', () => {
      expectUsageError(cli(['check', '--strict']), /unknown option '--strict'/);
      expectUsageError(cli(['lint', '.']), /unknown command 'lint'/);
      expectUsageError(cli([]), /no command given/);
    });

    it.each(['start', 'track'])('%s: not yet available, exit 2', (command) => {
      expectUsageError(cli([command]), new RegExp(`'${command}' is not yet available; it comes in a later release`));
    });

    it('--help and --version exit 0', () => {
      const help = cli(['--help']);
      expect(help.status).toBe(0);
      expect(help.stdout).toMatch(/^Usage: ecs-codepipeline <command>/);
      expect(cli(['check', '-h']).stdout).toBe(help.stdout);
      const version = cli(['--version']);
      expect(version.status).toBe(0);
      expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    });
  });
});

describe('argument parsing', () => {
  it('reads paths and options in any order, with = or a separate value', () => {
    expect(parseArgs(['check', 'a', '--format=sarif', 'b', '--fail-on', 'never', '--no-color'])).toEqual({ kind: 'check', paths: ['a', 'b'], format: 'sarif', failOn: 'never', color: false });
    expect(parseArgs(['check'])).toEqual({ kind: 'check', paths: [], format: 'text', failOn: 'error' });
  });

  it('takes everything after -- as paths', () => {
    expect(parseArgs(['check', '--', '--odd-name', '-h'])).toMatchObject({ kind: 'check', paths: ['--odd-name', '-h'] });
  });
});

describe('colour', () => {
  it('follows --color/--no-color, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    expect(useColor(false, { FORCE_COLOR: '1' }, true)).toBe(false);
    expect(useColor(undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
    expect(useColor(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(useColor(undefined, { NO_COLOR: '' }, true)).toBe(true);
    expect(useColor(undefined, { TERM: 'dumb' }, true)).toBe(false);
    expect(useColor(undefined, {}, false)).toBe(false);
  });
});
