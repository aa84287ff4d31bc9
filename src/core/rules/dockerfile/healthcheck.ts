import type { Instruction } from '../../config/dockerfile.js';
import type { Doc } from '../../model.js';
import { argsText, type ArgsText } from './text.js';

export interface Healthcheck {
  ins: Instruction;
  /** `HEALTHCHECK NONE`: the check of the base image is switched off. */
  none: boolean;
  /** `--interval=30s` … */
  options: Map<string, string>;
  /** The command after CMD, shell or exec form, as written. */
  command: string;
  /** Where `command` starts in `args.text`. */
  commandAt: number;
  args: ArgsText;
}

/** The HEALTHCHECK the image ends up with: the last one of the stages it is built from. */
export function effectiveHealthcheck(doc: Doc, instructions: Instruction[]): Healthcheck | undefined {
  const ins = [...instructions].reverse().find((i) => i.keyword === 'HEALTHCHECK');
  if (!ins) return undefined;
  const args = argsText(doc, ins);
  const m = /^(\s*(?:--[a-z-]+=\S*\s+)*)(CMD|NONE)\b\s*/i.exec(args.text);
  if (!m) return undefined;
  const options = new Map<string, string>();
  for (const o of m[1].matchAll(/--([a-z-]+)=(\S*)/gi)) options.set(o[1].toLowerCase(), o[2]);
  return { ins, none: m[2].toUpperCase() === 'NONE', options, command: args.text.slice(m[0].length), commandAt: m[0].length, args };
}

/** The command as ECS takes it: exec form stays `CMD`, shell form becomes `CMD-SHELL`. */
export function ecsCommand(command: string): string[] {
  const t = command.trim();
  if (t.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(t);
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) return ['CMD', ...(parsed as string[])];
    } catch {
      // Not JSON: Docker runs it with a shell too.
    }
  }
  return ['CMD-SHELL', t];
}

/** Docker durations (`30s`, `1m`, `1m30s`) in whole seconds, as ECS wants them. */
export function seconds(duration: string | undefined): number | undefined {
  if (!duration) return undefined;
  const m = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+)s)?$/.exec(duration);
  if (!m || !m[0]) return undefined;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}
