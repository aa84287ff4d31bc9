import { threadsSetting } from '../adapters/workers/parallel-check.js';
import { readForCheck } from '../adapters/workers/read-for-check.js';
import { renderGithub } from '../core/report/github.js';
import { renderJson } from '../core/report/json.js';
import { renderSarif } from '../core/report/sarif.js';
import { renderText } from '../core/report/text.js';
import { ruleById, rules } from '../core/rules/index.js';
import type { Finding } from '../core/types.js';
import { checkFilesWith, failsAt } from '../services/check-files.js';
import { parseArgs, type Format, type Parsed } from './args.js';
import { useColor } from './color.js';
import { HELP } from './help.js';
import { packageVersion } from './version.js';
import { previewMain } from './preview.js';
import { scaffoldMain } from './scaffold.js';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colours). */
  isTTY: boolean;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Runs one command line and returns the exit code; all output goes through `io`. */
export function main(argv: readonly string[], io: CliIO): number | Promise<number> {
  const parsed = parseArgs(argv);
  switch (parsed.kind) {
    case 'help':
      io.stdout(HELP);
      return EXIT.ok;
    case 'version':
      io.stdout(packageVersion() + '\n');
      return EXIT.ok;
    case 'scaffold':
      return scaffoldMain(parsed.args, io);
    case 'preview':
      return previewMain(parsed.args, io);
    case 'later':
      io.stderr(`ecs-codepipeline: '${parsed.command}' is not yet available; it comes in a later release. Use \`ecs-codepipeline check\` for now.\n`);
      return EXIT.usage;
    case 'usage':
      io.stderr(`ecs-codepipeline: ${parsed.message}\nRun \`ecs-codepipeline --help\` for the usage.\n`);
      return EXIT.usage;
    case 'check':
      return checkMain(parsed, io);
  }
}

async function checkMain(parsed: Extract<Parsed, { kind: 'check' }>, io: CliIO): Promise<number> {
  const paths = parsed.paths.length > 0 ? parsed.paths : ['.'];
  const setting = threadsSetting(io.env);
  if (setting.error) {
    io.stderr(`ecs-codepipeline: ${setting.error}\n`);
    return EXIT.usage;
  }
  const { read, checker } = await readForCheck(paths, io.cwd, { threads: setting.threads });
  if (read.missing.length > 0) {
    const list = read.missing.map((m) => `'${m}'`).join(', ');
    io.stderr(`ecs-codepipeline: ${read.missing.length === 1 ? 'path' : 'paths'} ${list} not found (relative to ${io.cwd}); give existing folders or files, e.g. \`ecs-codepipeline check .\`\n`);
    return EXIT.usage;
  }
  for (const u of read.unreadable) io.stderr(`ecs-codepipeline: could not read ${u.path} (${u.reason}); it was not checked\n`);
  if (read.files.length === 0) {
    io.stderr(`ecs-codepipeline: no Dockerfile, buildspec, task definition, appspec, pipeline or imageDetail.json file found in ${paths.join(', ')}\n`);
  }
  // A large tree is checked in worker threads; the findings are the same.
  const result = await checkFilesWith({ files: read.files, tree: read.tree }, async (input) => (await checker.check(input)).findings);
  io.stdout(render(result.findings, parsed.format, useColor(parsed.color, io.env, io.isTTY)));
  return failsAt(result.counts, parsed.failOn) ? EXIT.findings : EXIT.ok;
}

function render(findings: Finding[], format: Format, color: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(findings);
    case 'sarif':
      return renderSarif(findings, { rules, version: packageVersion() });
    case 'github':
      return renderGithub(findings, ruleById);
    case 'text':
      return renderText(findings, { color });
  }
}
