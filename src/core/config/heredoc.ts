import type { Position, Range } from '../types.js';
import type { Command } from './buildspec.js';
import { maskQuotes } from './buildspec.js';
import type { LineIndex, Locator } from './position.js';
import { scalarSourceMap } from './scalar-map.js';

/** A file written by `cat > file << TAG … TAG` inside one buildspec command. */
export interface Heredoc {
  target: string;
  command: Command;
  /** Offset of the target name inside the command text. */
  targetOffset: number;
  /** Where the target name stands in the buildspec. */
  redirect: Range;
  /** The body after variable substitution. */
  text: string;
  /** Maps offsets in `text` back to the buildspec. */
  locator: Locator;
  substituted: string[];
  unresolved: string[];
}

interface Segment {
  /** Column in the extracted line (0-based) where the segment starts. */
  from: number;
  /** Host column (1-based) of that character. */
  host: number;
  /** The segment is a substituted value: every column maps to `host`. */
  fixed: boolean;
}

interface MappedLine {
  start: number;
  hostLine: number;
  segments: Segment[];
}

class EmbeddedLocator implements Locator {
  constructor(private readonly lines: MappedLine[]) {}
  at(offset: number): Position {
    let lo = 0;
    let hi = this.lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lines[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    const line = this.lines[lo];
    if (!line) return { line: 1, column: 1 };
    const col = Math.max(0, offset - line.start);
    let seg = line.segments[0];
    for (const s of line.segments) if (s.from <= col) seg = s;
    return { line: line.hostLine, column: seg.fixed ? seg.host : seg.host + (col - seg.from) };
  }
}

const OPENER = /(?:\bcat|\btee)\b[^\n]*?<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2|<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\5[^\n]*?\b(?:cat|tee)\b/;
const TARGET = /(?:>>?|\btee\s+(?:-a\s+)?)\s*(['"]?)([^\s;&|<>()'"]+)\1/;
const VAR = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/**
 * Finds heredocs that write files in a command and maps every character of
 * their bodies back to the buildspec, so that findings in a generated
 * taskdef.json land on the buildspec line that holds them.
 */
export function extractHeredocs(command: Command, host: LineIndex, vars: ReadonlyMap<string, string>): Heredoc[] {
  const out: Heredoc[] = [];
  const lines = command.text.split('\n');
  const hostLines = mapCommandLines(command, lines, host);
  const lineStarts: number[] = [];
  for (let k = 0, o = 0; k < lines.length; o += lines[k].length + 1, k++) lineStarts.push(o);
  let i = 0;
  while (i < lines.length) {
    const open = OPENER.exec(lines[i]);
    const t = open ? TARGET.exec(maskQuotes(lines[i]).replace(/<<-?\s*['"]?\w+['"]?/, (m) => ' '.repeat(m.length))) : null;
    if (!open || !t) {
      i++;
      continue;
    }
    const dash = (open[1] ?? open[4]) === '-';
    const quotedTag = (open[2] ?? open[5]) !== '';
    const tag = open[3] ?? open[6];
    const targetStart = t.index + t[0].length - t[2].length - t[1].length;
    const target = t[2];
    const body: MappedLine[] = [];
    const textLines: string[] = [];
    const substituted = new Set<string>();
    const unresolved = new Set<string>();
    let pos = 0;
    let j = i + 1;
    for (; j < lines.length; j++) {
      const raw = dash ? lines[j].replace(/^\t+/, '') : lines[j];
      if (raw.trim() === tag) break;
      const col = hostLines[j].column + (lines[j].length - raw.length);
      const segments: Segment[] = [{ from: 0, host: col, fixed: false }];
      let outLine = raw;
      if (!quotedTag) {
        let built = '';
        let last = 0;
        for (const m of raw.matchAll(VAR)) {
          const name = m[1] ?? m[2];
          const value = vars.get(name);
          if (value === undefined) {
            unresolved.add(name);
            continue;
          }
          substituted.add(name);
          built += raw.slice(last, m.index);
          segments.push({ from: built.length, host: col + m.index!, fixed: true });
          built += value;
          last = m.index! + m[0].length;
          segments.push({ from: built.length, host: col + last, fixed: false });
        }
        outLine = built + raw.slice(last);
      }
      body.push({ start: pos, hostLine: hostLines[j].line, segments });
      textLines.push(outLine);
      pos += outLine.length + 1;
    }
    if (body.length === 0) body.push({ start: 0, hostLine: hostLines[i].line, segments: [{ from: 0, host: hostLines[i].column, fixed: true }] });
    out.push({
      target,
      command,
      targetOffset: lineStarts[i] + targetStart,
      redirect: {
        start: { line: hostLines[i].line, column: hostLines[i].column + targetStart },
        end: { line: hostLines[i].line, column: hostLines[i].column + targetStart + target.length },
      },
      text: textLines.join('\n') + (textLines.length ? '\n' : ''),
      locator: new EmbeddedLocator(body),
      substituted: [...substituted],
      unresolved: [...unresolved],
    });
    i = j + 1;
  }
  return out;
}

/**
 * Where each line of a command's value stands in the buildspec. A literal
 * block scalar (`- |`) keeps its lines one below the other, indented; other
 * scalars are mapped line by line onto the command's first line.
 */
export function mapCommandLines(command: Command, lines: string[], host: LineIndex): Position[] {
  const start = command.node.range.start;
  const header = host.lineText(start.line);
  const isBlock = /^[|>][0-9+-]*\s*(#.*)?$/.test(header.slice(start.column - 1).trim());
  if (isBlock) {
    const firstNonBlank = lines.findIndex((l) => l.trim() !== '');
    let indent = 0;
    if (firstNonBlank >= 0) {
      const h = host.lineText(start.line + 1 + firstNonBlank);
      if (h.endsWith(lines[firstNonBlank])) indent = h.length - lines[firstNonBlank].length;
    }
    return lines.map((_, k) => ({ line: start.line + 1 + k, column: indent + 1 }));
  }
  return lines.map((_, k) => (k === 0 ? { line: start.line, column: start.column + (command.node.quoted ? 1 : 0) } : { line: start.line + k, column: 1 }));
}

/**
 * Where a character of a command's value stands in the buildspec: exact for
 * folded blocks, quoted and multi-line scalars (through scalarSourceMap),
 * line by line for literal blocks and single-line plain scalars, where the
 * value is a copy of the source.
 */
export function commandLocator(command: Command, host: LineIndex): (offset: number) => Position {
  // Rules ask for many words of the same command.
  const hit = locators.get(command.node);
  if (hit && hit.host === host && hit.text === command.text) return hit.at;
  const at = buildLocator(command, host);
  locators.set(command.node, { host, text: command.text, at });
  return at;
}

const locators = new WeakMap<object, { host: LineIndex; text: string; at: (offset: number) => Position }>();

function buildLocator(command: Command, host: LineIndex): (offset: number) => Position {
  const { start, end } = command.node.range;
  const from = host.lineStart(start.line) + start.column - 1;
  const to = host.lineStart(end.line) + end.column - 1;
  const source = host.text.slice(from, to);
  const copy = source === command.text || (source.length === command.text.length + 2 && source.slice(1, -1) === command.text && /^(["']).*\1$/s.test(source));
  // A value that is its source (a one-line plain or quoted scalar without escapes) needs no map.
  const map = copy ? undefined : scalarSourceMap(host.text, from, to, command.text);
  if (map) return (offset) => host.at(map[Math.max(0, Math.min(offset, map.length - 1))]);
  const lines = command.text.split('\n');
  const pos = mapCommandLines(command, lines, host);
  return (offset) => {
    let k = 0;
    let o = offset;
    while (k < lines.length - 1 && o > lines[k].length) {
      o -= lines[k].length + 1;
      k++;
    }
    return { line: pos[k].line, column: pos[k].column + o };
  };
}
