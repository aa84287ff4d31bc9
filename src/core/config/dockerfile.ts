import type { Range } from '../types.js';
import { rangeOf, type Locator } from './position.js';

export interface Instruction {
  /** Upper-cased keyword: FROM, RUN, HEALTHCHECK … */
  keyword: string;
  /** The arguments with line continuations joined (comment lines inside dropped). */
  args: string;
  /** The whole instruction, from keyword to the end of its last line. */
  range: Range;
  /** Where the arguments start, for findings about them. */
  argsRange: Range;
  /** Index of the build stage (0 = first FROM); -1 before any FROM. */
  stage: number;
}

export interface Stage {
  index: number;
  /** The image reference after FROM, flags removed. */
  image: string;
  /** `AS name`, lower-cased, when given. */
  name?: string;
  /** `--platform=…`, when given. */
  platform?: string;
  from: Instruction;
  instructions: Instruction[];
}

export interface Dockerfile {
  instructions: Instruction[];
  stages: Stage[];
}

const KEYWORD = /^\s*([A-Za-z]+)(\s+|$)/;

/**
 * Reads a Dockerfile into instructions with positions. Continuation lines end
 * in the escape character (`\`, or the one set by an `# escape=` directive);
 * `RUN <<EOF` heredoc bodies are kept inside their instruction.
 */
export function parseDockerfile(text: string, locator: Locator): Dockerfile {
  const lines = text.split(/\r\n|\n|\r/);
  const offsets: number[] = [];
  {
    let o = 0;
    const re = /\r\n|\n|\r/g;
    offsets.push(0);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) offsets.push((o = m.index + m[0].length));
    void o;
  }
  let escape = '\\';
  const instructions: Instruction[] = [];
  const stages: Stage[] = [];
  let i = 0;
  let directives = true;
  while (i < lines.length) {
    const line = lines[i];
    if (/^\s*#/.test(line) || line.trim() === '') {
      const d = directives && /^\s*#\s*escape\s*=\s*([\\`])\s*$/i.exec(line);
      if (d) escape = d[1];
      if (line.trim() !== '' && !/^\s*#\s*\w+\s*=/.test(line)) directives = false;
      i++;
      continue;
    }
    directives = false;
    const m = KEYWORD.exec(line);
    const startLine = i;
    const parts: string[] = [];
    let cur = line;
    const heredocs: string[] = [];
    for (;;) {
      const trimmed = cur.replace(/\s+$/, '');
      if (cur.includes('<<')) for (const h of cur.matchAll(/<<-?\s*["']?([A-Za-z_][A-Za-z0-9_]*)["']?/g)) heredocs.push(h[1]);
      if (trimmed.endsWith(escape) && i + 1 < lines.length) {
        parts.push(trimmed.slice(0, -1));
        i++;
        // Comment lines inside a continued instruction are removed by Docker.
        while (i < lines.length && /^\s*#/.test(lines[i])) i++;
        cur = lines[i] ?? '';
        continue;
      }
      parts.push(cur);
      break;
    }
    // Heredoc bodies (BuildKit syntax) belong to the instruction.
    for (const tag of heredocs) {
      while (i + 1 < lines.length) {
        i++;
        parts.push(lines[i]);
        if (lines[i].trim() === tag) break;
      }
    }
    const endLine = i;
    i++;
    const keyword = m ? m[1].toUpperCase() : line.trim().split(/\s+/)[0].toUpperCase();
    const joined = parts.join(' ');
    const kwLen = m ? m[0].length : 0;
    const args = joined.slice(kwLen).trim();
    const start = offsets[startLine] + (line.length - line.trimStart().length);
    const end = offsets[endLine] + (lines[endLine]?.length ?? 0);
    const argsStart = offsets[startLine] + Math.min(kwLen, line.length);
    const ins: Instruction = {
      keyword,
      args,
      range: rangeOf(locator, start, end),
      argsRange: rangeOf(locator, argsStart, end),
      stage: stages.length - 1,
    };
    if (keyword === 'FROM') {
      const words = args.split(/\s+/).filter(Boolean);
      const flags = words.filter((w) => w.startsWith('--'));
      const rest = words.filter((w) => !w.startsWith('--'));
      const platform = flags.find((f) => f.startsWith('--platform='))?.slice('--platform='.length);
      const asIdx = rest.findIndex((w) => w.toLowerCase() === 'as');
      ins.stage = stages.length;
      stages.push({
        index: stages.length,
        image: rest[0] ?? '',
        name: asIdx >= 0 ? rest[asIdx + 1]?.toLowerCase() : undefined,
        platform,
        from: ins,
        instructions: [],
      });
    }
    instructions.push(ins);
    if (stages.length > 0) stages[stages.length - 1].instructions.push(ins);
  }
  return { instructions, stages };
}
