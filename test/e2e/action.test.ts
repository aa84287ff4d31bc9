import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { baseEnv, lineOf, node, parseCommands, parseOutputs, removeTempDirs, ROOT, seedWithErrors, STACK, tempDir, type Run } from './helpers.js';

const ACTION = join(ROOT, 'dist/index.js');

interface ActionRun extends Run {
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Runs the bundled action as the runner does: inputs as INPUT_<NAME> (upper
 * case, spaces to `_`, dashes kept), the GITHUB_OUTPUT and GITHUB_STEP_SUMMARY
 * files, and the workspace as the working directory.
 */
function runAction(inputs: Record<string, string>, workspace = ROOT, extraEnv: Record<string, string> = {}): ActionRun {
  const files = tempDir('runner');
  const output = join(files, 'output');
  const summary = join(files, 'summary');
  writeFileSync(output, '');
  writeFileSync(summary, '');
  const env = baseEnv({
    GITHUB_OUTPUT: output,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_WORKSPACE: workspace,
    GITHUB_ACTIONS: 'true',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'my-org/myapp',
    GITHUB_SHA: '0123456789abcdef0123456789abcdef01234567',
    ...extraEnv,
  });
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  const run = node([ACTION], { cwd: workspace, env });
  return { ...run, outputs: parseOutputs(readFileSync(output, 'utf8')), summary: readFileSync(summary, 'utf8') };
}

afterAll(removeTempDirs);

beforeAll(() => {
  if (!existsSync(ACTION)) throw new Error('dist/index.js is missing: run `npm run package`');
});

describe('dist/index.js, mode: check', () => {
  describe('on examples/seed', () => {
    let run: ActionRun;
    beforeAll(() => {
      run = runAction({ mode: 'check', path: 'examples/seed', 'fail-on': 'error' });
    });

    it('passes: no errors', () => {
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(parseCommands(run.stdout).filter((c) => c.command === 'error')).toEqual([]);
      expect(run.outputs.errors).toBe('0');
    });

    it('warns at the HEALTHCHECK that ECS ignores and at the curl that node:*-alpine lacks', () => {
      const dockerfile = join(ROOT, 'examples/seed/Dockerfile');
      const line = String(lineOf(dockerfile, 'HEALTHCHECK'));
      const warnings = parseCommands(run.stdout).filter((c) => c.command === 'warning' && c.props.file === 'examples/seed/Dockerfile' && c.props.line === line);
      expect(warnings.map((w) => w.props.title)).toEqual(expect.arrayContaining([expect.stringMatching(/^DF-01: /), expect.stringMatching(/^DF-02: /)]));
      const curl = warnings.find((w) => w.props.title.startsWith('DF-02'))!;
      expect(Number(curl.props.col)).toBe(readFileSync(dockerfile, 'utf8').split('\n')[Number(line) - 1].indexOf('curl') + 1);
    });

    it('flags the deprecated npm ci --production', () => {
      const line = String(lineOf(join(ROOT, 'examples/seed/Dockerfile'), '--production'));
      expect(parseCommands(run.stdout).some((c) => c.props.file === 'examples/seed/Dockerfile' && c.props.line === line && c.props.title.startsWith('DF-04'))).toBe(true);
    });

    it('gives every annotation a file, line, col, endLine, endColumn and a title of rule id and title', () => {
      const annotations = parseCommands(run.stdout).filter((c) => ['error', 'warning', 'notice'].includes(c.command));
      expect(annotations.length).toBeGreaterThan(0);
      for (const a of annotations) {
        expect(Object.keys(a.props).sort()).toEqual(['col', 'endColumn', 'endLine', 'file', 'line', 'title']);
        expect(a.props.title).toMatch(/^[A-Z]+-\d+: \S/);
        expect(existsSync(join(ROOT, a.props.file))).toBe(true);
        expect(Number(a.props.endLine)).toBeGreaterThanOrEqual(Number(a.props.line));
      }
    });

    it('sets the outputs errors and warnings to the counts of the annotations', () => {
      const commands = parseCommands(run.stdout);
      expect(run.outputs.errors).toBe(String(commands.filter((c) => c.command === 'error').length));
      expect(run.outputs.warnings).toBe(String(commands.filter((c) => c.command === 'warning').length));
      expect(Number(run.outputs.warnings)).toBeGreaterThanOrEqual(2);
    });

    it('writes a job summary with the counts, a table per file and links to docs/rules.md', () => {
      const s = run.summary;
      expect(s).toContain('## ecs-codepipeline check of `examples/seed`');
      expect(s).toContain(`❌ 0 errors · ⚠️ ${run.outputs.warnings} warning`);
      expect(s).toContain('### `examples/seed/Dockerfile`');
      expect(s).toContain('| Line | Severity | Rule | Message |');
      // `uses: ./` has no GITHUB_ACTION_REPOSITORY: the docs are this repository's, at this commit.
      expect(s).toContain('](https://github.com/my-org/myapp/blob/0123456789abcdef0123456789abcdef01234567/docs/rules.md#df-01)');
      expect(s).toContain(`[${lineOf(join(ROOT, 'examples/seed/Dockerfile'), 'HEALTHCHECK')}:1](https://github.com/my-org/myapp/blob/0123456789abcdef0123456789abcdef01234567/examples/seed/Dockerfile#L`);
    });
  });

  describe('on a copy of the seed with three errors', () => {
    const { workspace, dir } = seedWithErrors();
    let run: ActionRun;
    beforeAll(() => {
      run = runAction({ mode: 'check', path: 'app' }, workspace);
    });

    it('annotates the three errors at their exact lines, with paths relative to the workspace', () => {
      const errors = parseCommands(run.stdout).filter((c) => c.command === 'error' && c.props.file);
      const at = errors.map((e) => `${e.props.file}:${e.props.line}`).sort();
      expect(at).toEqual(
        [
          `app/buildspec.yml:${lineOf(join(dir, 'buildspec.yml'), '"memory": "4096"')}`,
          `app/buildspec.yml:${lineOf(join(dir, 'buildspec.yml'), 'ContainerName: "web"')}`,
          `app/pipeline.json:${lineOf(join(dir, 'pipeline.json'), '"Image1ContainerName"')}`,
        ].sort(),
      );
      expect(errors.map((e) => e.props.title.split(':')[0]).sort()).toEqual(['TD-05', 'XF-01', 'XF-03']);
    });

    it('fails the step (exit 1) with a message, and sets errors to 3', () => {
      expect(run.status).toBe(1);
      expect(run.outputs.errors).toBe('3');
      const failure = parseCommands(run.stdout).filter((c) => c.command === 'error' && !c.props.file);
      expect(failure).toHaveLength(1);
      expect(failure[0].message).toMatch(/found 3 errors, .* \(fail-on: error\)/);
      expect(run.stdout + run.stderr).not.toMatch(STACK);
    });

    it('lists the errors in the job summary', () => {
      expect(run.summary).toContain('❌ 3 errors');
      expect(run.summary).toContain('### `app/buildspec.yml`');
      expect(run.summary).toContain('### `app/pipeline.json`');
    });

    it('does not fail with fail-on: never, but still annotates', () => {
      const r = runAction({ mode: 'check', path: 'app', 'fail-on': 'never' }, workspace);
      expect(r.status).toBe(0);
      expect(r.outputs.errors).toBe('3');
      expect(parseCommands(r.stdout).filter((c) => c.command === 'error')).toHaveLength(3);
    });
  });

  it('fails on warnings with fail-on: warning', () => {
    const r = runAction({ mode: 'check', path: 'examples/seed', 'fail-on': 'warning' });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^::error::ecs-codepipeline found 0 errors, \d+ warnings?.*\(fail-on: warning\)/m);
  });

  it('checks the whole workspace when no path is given', () => {
    const { workspace } = seedWithErrors();
    const r = runAction({ mode: 'check', 'fail-on': 'never' }, workspace);
    expect(r.status).toBe(0);
    expect(r.outputs.errors).toBe('3');
  });

  it('works without a job summary file', () => {
    const r = runAction({ mode: 'check', path: 'examples/seed' }, ROOT, { GITHUB_STEP_SUMMARY: '' });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(STACK);
  });
});

describe('dist/index.js, inputs', () => {
  function expectFailure(r: ActionRun, message: RegExp) {
    expect(r.status).toBe(1);
    const errors = parseCommands(r.stdout).filter((c) => c.command === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toMatch(message);
    expect(r.stdout + r.stderr).not.toMatch(STACK);
    expect(r.outputs).toEqual({});
  }

  it('defaults to mode: track, which needs the pipeline name and says so', () => {
    expectFailure(runAction({}), /^Input 'pipeline-name' is required for mode: track; set it to the name of the CodePipeline pipeline/);
  });

  it('mode: start needs the pipeline name too', () => {
    expectFailure(runAction({ mode: 'start' }), /^Input 'pipeline-name' is required for mode: start/);
  });

  it('mode: scaffold says which required inputs are missing (test/e2e/scaffold.test.ts covers the mode)', () => {
    const empty = tempDir('empty');
    expectFailure(runAction({ mode: 'scaffold' }, empty), /^mode: scaffold needs more: set input 'service-name' .*set input 'container-port' .*set input 'aws-region' .*set input 'aws-account-id' /);
    expect(readdirSync(empty)).toEqual([]);
  });

  it('names the input and the allowed values for a wrong mode', () => {
    expectFailure(runAction({ mode: 'chek' }), /^Input 'mode' is 'chek', which is not allowed; use one of: check, preview, scaffold, start, track\.$/);
  });

  it('names the input and the allowed values for a wrong fail-on', () => {
    expectFailure(runAction({ mode: 'check', 'fail-on': 'errors' }), /^Input 'fail-on' is 'errors', which is not allowed; use one of: error, warning, never\.$/);
  });

  it('says which path is missing and what to do', () => {
    expectFailure(runAction({ mode: 'check', path: 'no/such/folder' }), /^Input 'path': 'no\/such\/folder' not found in the workspace .*Set path to a folder or file of the repository/);
  });

  it('accepts values in any case and with spaces around them', () => {
    const r = runAction({ mode: ' Check ', path: 'examples/seed', 'fail-on': 'NEVER' });
    expect(r.status).toBe(0);
    expect(r.outputs.errors).toBe('0');
  });
});
