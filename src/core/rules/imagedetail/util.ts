import { commandsOf, maskQuotes, writtenFiles, type Command, type WrittenFile } from '../../config/buildspec.js';
import { commandLocator } from '../../config/heredoc.js';
import { ecsDeployActions, pipelineActions } from '../../config/pipeline.js';
import { LineIndex } from '../../config/position.js';
import { docsOf, type Doc, type Project } from '../../model.js';
import type { Range } from '../../types.js';

export const IMAGE_DETAIL = 'imageDetail.json';

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export interface Write {
  doc: Doc;
  file: WrittenFile;
  /** Where the written path stands in the buildspec. */
  range: Range;
}

/** Per project, shared by ID-01, ID-02 and ID-03 (read-only). */
const writesOf = new WeakMap<Project, Write[]>();
const printedOf = new WeakMap<Project, PrintedImageDetail[]>();

/** Files the project's buildspecs write with `>`, `>>`, `tee` or a heredoc. */
export function buildspecWrites(project: Project): Write[] {
  const hit = writesOf.get(project);
  if (hit) return hit;
  const out: Write[] = [];
  for (const doc of docsOf(project, 'buildspec')) {
    if (doc.embedded || !doc.root) continue;
    for (const file of writtenFiles(commandsOf(doc.root))) {
      out.push({ doc, file, range: commandRange(doc, file.command, file.offset, file.path.length) });
    }
  }
  writesOf.set(project, out);
  return out;
}

/** Maps characters of a command's text to the buildspec lines that hold them. */
export function commandRange(doc: Doc, command: Command, offset: number, length: number): Range {
  if (!(doc.locator instanceof LineIndex)) return command.node.range;
  const start = commandLocator(command, doc.locator)(offset);
  return { start, end: { line: start.line, column: start.column + Math.max(1, length) } };
}

/**
 * Whether the project's pipeline has a CodeDeployToECS action that takes an
 * image (an `Image<N>ArtifactName`) from a CodeBuild action's output, so that
 * some buildspec must write imageDetail.json.
 */
export function imageFromBuild(project: Project): boolean {
  for (const p of docsOf(project, 'pipeline')) {
    const built = new Set(pipelineActions(p.root).filter((a) => a.provider === 'CodeBuild').flatMap((a) => a.outputs));
    for (const a of ecsDeployActions(p.root)) {
      for (const [key, value] of a.configuration) if (/^Image[1-4]ArtifactName$/.test(key) && built.has(value)) return true;
    }
  }
  return false;
}

export interface Payload {
  /** The JSON text the command writes, with variables and `%s` replaced by a sample value. */
  json: string;
  /** Offset of the template argument in the command text. */
  offset: number;
  length: number;
}

/** What a variable or `%s` stands for in printed JSON: only its presence matters. */
export const SAMPLE = '__SHELL_VALUE__';

/**
 * The JSON an `echo '…' > file` or `printf '…' … > file` writes, when its
 * text is written out in the command itself. Anything the shell would
 * compute (command substitution, `jq`, a variable holding the whole JSON)
 * gives undefined: no guess is made about it.
 */
export function printedJson(w: WrittenFile): Payload | undefined {
  if (w.how !== 'redirect') return undefined;
  const text = w.command.text;
  const masked = maskQuotes(text);
  // The simple command the redirection belongs to: back to the previous separator.
  let start = w.offset;
  while (start > 0 && !/[;&|\n]/.test(masked[start - 1])) start--;
  const segment = text.slice(start, w.offset);
  const m = /^\s*(printf|echo)((?:\s+-[neE]+)*)\s+/.exec(segment);
  if (!m) return undefined;
  const argStart = start + m[0].length;
  const arg = readWord(text, argStart);
  if (!arg) return undefined;
  let json = arg.value;
  if (m[1] === 'printf') json = json.replace(/%%/g, '\u0000').replace(/%s/g, SAMPLE).replace(/\\n/g, '\n').replace(/\u0000/g, '%');
  else if (/e/.test(m[2])) json = json.replace(/\\n/g, '\n');
  if (!/^\s*[[{]/.test(json) || (m[1] === 'printf' && /%[^%]/.test(json))) return undefined;
  return { json, offset: argStart, length: arg.end - argStart };
}

/** One shell word: quoted parts unquoted, variables replaced by a sample value; undefined when it computes anything. */
function readWord(text: string, from: number): { value: string; end: number } | undefined {
  let i = from;
  let value = '';
  while (i < text.length && !/[\s;&|<>()]/.test(text[i])) {
    const c = text[i];
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return undefined;
      value += text.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\' && /["\\$`]/.test(text[j + 1] ?? '')) value += text[++j];
        else if (text[j] === '$' || text[j] === '`') {
          const v = variable(text, j);
          if (!v) return undefined;
          value += SAMPLE;
          j = v - 1;
        } else value += text[j];
      }
      if (j >= text.length) return undefined;
      i = j + 1;
    } else if (c === '\\') {
      value += text[i + 1] ?? '';
      i += 2;
    } else if (c === '$' || c === '`') {
      const v = variable(text, i);
      if (!v) return undefined;
      value += SAMPLE;
      i = v;
    } else {
      value += c;
      i++;
    }
  }
  return i > from ? { value, end: i } : undefined;
}

/** End of a `$NAME` or `${NAME}` reference at `i`; undefined for `$(…)`, backquotes and the like. */
function variable(text: string, i: number): number | undefined {
  const m = /^\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})/.exec(text.slice(i));
  return m ? i + m[0].length : undefined;
}

export interface PrintedImageDetail {
  write: Write;
  /** Where the printed JSON text stands in the buildspec. */
  range: Range;
  /** The parsed JSON, when it parses. */
  value?: unknown;
  /** The JSON parser's message, when it does not. */
  error?: string;
}

/** imageDetail.json files the buildspecs write with printf or echo, parsed where their text is in the command. */
export function printedImageDetails(project: Project): PrintedImageDetail[] {
  const hit = printedOf.get(project);
  if (hit) return hit;
  const out: PrintedImageDetail[] = [];
  for (const write of buildspecWrites(project)) {
    if (basename(write.file.path) !== IMAGE_DETAIL) continue;
    const printed = printedJson(write.file);
    if (!printed) continue;
    const range = commandRange(write.doc, write.file.command, printed.offset, printed.length);
    try {
      out.push({ write, range, value: JSON.parse(printed.json) });
    } catch (e) {
      out.push({ write, range, error: (e as Error).message });
    }
  }
  printedOf.set(project, out);
  return out;
}
