import type { Node } from '../types.js';
import { at, child, entries, items, str } from './node.js';

export const PHASES = ['install', 'pre_build', 'build', 'post_build'] as const;

export interface Command {
  /** The phase it runs in, or `<phase>.finally`. */
  phase: string;
  text: string;
  node: Node;
}

/** Commands of every phase, in the order CodeBuild runs them. */
export function commandsOf(root: Node | undefined): Command[] {
  const out: Command[] = [];
  const phases = child(root, 'phases');
  for (const name of PHASES) {
    const phase = child(phases, name);
    for (const list of ['commands', 'finally'] as const) {
      for (const item of items(child(phase, list))) {
        const text = str(item);
        if (text !== undefined) out.push({ phase: list === 'finally' ? `${name}.finally` : name, text, node: item });
      }
    }
  }
  return out;
}

/** `env.variables` as plain strings (numbers and booleans as CodeBuild would pass them). */
export function envVariables(root: Node | undefined): Map<string, string> {
  const vars = new Map<string, string>();
  for (const e of entries(at(root, 'env.variables'))) {
    const v = e.value;
    if (v.type === 'string' || v.type === 'number' || v.type === 'boolean') vars.set(e.key, String(v.value));
  }
  return vars;
}

/** Names defined anywhere in `env` (variables, parameter-store, secrets-manager). */
export function envNames(root: Node | undefined): Set<string> {
  const names = new Set<string>();
  for (const section of ['variables', 'parameter-store', 'secrets-manager']) {
    for (const e of entries(at(root, `env.${section}`))) names.add(e.key);
  }
  return names;
}

export interface WrittenFile {
  /** The path as written in the command, quotes removed. */
  path: string;
  command: Command;
  /** Offset of the redirection target inside the command text. */
  offset: number;
  how: 'heredoc' | 'redirect' | 'tee';
}

/**
 * Files a command writes with `> file`, `>> file` or `tee file`. The shell is
 * not fully parsed: redirections inside quotes are skipped, which is what
 * matters for the generated taskdef.json, appspec and imageDetail.json.
 */
export function writtenFiles(commands: Command[]): WrittenFile[] {
  const out: WrittenFile[] = [];
  for (const c of commands) {
    // Most commands write nothing; skip the masking for them.
    if (!c.text.includes('>') && !c.text.includes('tee')) continue;
    const masked = maskQuotes(firstLineOfHeredocs(c.text));
    for (const m of masked.matchAll(/(?<![<>&0-9])>>?\s*([^\s;&|<>()]+)/g)) {
      const path = unquote(c.text.slice(m.index! + m[0].length - m[1].length, m.index! + m[0].length));
      if (path.startsWith('&') || path === '/dev/null') continue;
      out.push({ path, command: c, offset: m.index! + m[0].indexOf(m[1]), how: /<<-?\s*['"]?\w/.test(c.text) ? 'heredoc' : 'redirect' });
    }
    for (const m of masked.matchAll(/\btee\s+(?:-a\s+)?([^\s;&|<>()]+)/g)) {
      out.push({ path: unquote(c.text.slice(m.index! + m[0].length - m[1].length, m.index! + m[0].length)), command: c, offset: m.index! + m[0].length - m[1].length, how: 'tee' });
    }
  }
  return out;
}

/** Replaces quoted parts by spaces (same length) so that offsets stay valid. */
export function maskQuotes(s: string): string {
  return s.replace(/'[^']*'|"(?:\\.|[^"\\])*"/g, (q) => ' '.repeat(q.length));
}

function unquote(s: string): string {
  return s.replace(/^['"]|['"]$/g, '');
}

/** Heredoc bodies are data, not commands: keep only the lines up to the first heredoc opener's line. */
function firstLineOfHeredocs(text: string): string {
  const lines = text.split('\n');
  const out: string[] = [];
  let tag: string | undefined;
  for (const line of lines) {
    if (tag !== undefined) {
      out.push(' '.repeat(line.length));
      if (line.trim() === tag) tag = undefined;
      continue;
    }
    out.push(line);
    const m = /<<-?\s*['"]?([A-Za-z_][A-Za-z0-9_]*)['"]?/.exec(line);
    if (m) tag = m[1];
  }
  return out.join('\n');
}
