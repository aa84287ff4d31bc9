import type { FailOn } from '../services/check-files.js';

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];
export const FAIL_ON = ['error', 'warning', 'never'] as const;
/** Commands of later releases: named so that users get a clear answer, not "unknown command". */
export const LATER_COMMANDS = ['start', 'track'] as const;

export type Parsed =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'later'; command: string }
  | { kind: 'scaffold'; args: string[] }
  | { kind: 'preview'; args: string[] }
  | { kind: 'check'; paths: string[]; format: Format; failOn: FailOn; color?: boolean }
  | { kind: 'usage'; message: string };

function oneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

/**
 * Reads the command line (without `node` and the script). Never throws: a
 * mistake gives `usage` with a message that says what to type instead.
 */
export function parseArgs(argv: readonly string[]): Parsed {
  // scaffold and preview read their own options (and their own --help).
  if (argv[0] === 'scaffold') return { kind: 'scaffold', args: argv.slice(1) };
  if (argv[0] === 'preview') return { kind: 'preview', args: argv.slice(1) };
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  if (argv.slice(0, end).some((a) => a === '-h' || a === '--help')) return { kind: 'help' };
  const [command, ...rest] = argv;
  if (command === undefined) return { kind: 'usage', message: 'no command given; to check the files of the current folder, run `ecs-codepipeline check .`' };
  if (command === '-v' || command === '--version') return { kind: 'version' };
  if (oneOf(command, LATER_COMMANDS)) return { kind: 'later', command };
  if (command === 'help') return { kind: 'help' };
  if (command !== 'check') {
    if (command.startsWith('-')) return { kind: 'usage', message: `unknown option '${command}' before the command; run \`ecs-codepipeline check --help\`` };
    return { kind: 'usage', message: `unknown command '${command}'; the commands are \`check\`, \`scaffold\` and \`preview\` (to check a folder: \`ecs-codepipeline check ${command}\`)` };
  }
  return parseCheck(rest);
}

function parseCheck(args: readonly string[]): Parsed {
  const out: { kind: 'check'; paths: string[]; format: Format; failOn: FailOn; color?: boolean } = { kind: 'check', paths: [], format: 'text', failOn: 'error' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      out.paths.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      out.paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = args[i + 1];
      if (next === undefined || next.startsWith('-')) return undefined;
      i++;
      return next;
    };
    if (name === '--format' || name === '-f') {
      const v = value();
      if (v === undefined || !oneOf(v, FORMATS)) return { kind: 'usage', message: badValue(name, v, FORMATS) };
      out.format = v;
    } else if (name === '--fail-on') {
      const v = value();
      if (v === undefined || !oneOf(v, FAIL_ON)) return { kind: 'usage', message: badValue(name, v, FAIL_ON) };
      out.failOn = v;
    } else if ((name === '--color' || name === '--no-color') && inline === undefined) {
      out.color = name === '--color';
    } else if ((name === '--version' || name === '-v') && inline === undefined) {
      return { kind: 'version' };
    } else {
      return { kind: 'usage', message: `unknown option '${arg}'; the options of check are --format, --fail-on, --color, --no-color (see \`ecs-codepipeline check --help\`)` };
    }
  }
  return out;
}

function badValue(option: string, value: string | undefined, allowed: readonly string[]): string {
  const list = allowed.join(', ');
  return value === undefined ? `option ${option} needs a value: one of ${list}` : `option ${option} does not take '${value}'; use one of ${list}`;
}
