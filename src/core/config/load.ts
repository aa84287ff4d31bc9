import type { Doc, SourceFile } from '../model.js';
import type { FileKind } from '../types.js';
import { commandsOf, envVariables } from './buildspec.js';
import { decode } from './decode.js';
import { kindByContent, kindByName, syntaxOf } from './detect.js';
import { parseDockerfile } from './dockerfile.js';
import { extractHeredocs } from './heredoc.js';
import { parseJson } from './json.js';
import { LineIndex, rangeOf, type Locator } from './position.js';
import { parseYaml } from './yaml.js';

/**
 * Reads one file into the docs to check: the file itself, plus the files its
 * buildspec commands write with heredocs. Files of no known kind give nothing.
 */
export function loadFile(file: SourceFile): Doc[] {
  const source = readSource(file);
  return 'docs' in source ? source.docs : parseSource(file.path, source);
}

/** A file decoded and its kind known, not parsed yet; or its docs when there is nothing to parse. */
export type Source = { kind: FileKind; text: string } | { docs: Doc[] };

/** The first half of loadFile: decoding and kind detection, which is all that grouping needs of most files. */
export function readSource(file: SourceFile): Source {
  const byName = kindByName(file.path);
  const decoded = decode(file);
  if ('problem' in decoded) {
    if (!byName) return { docs: [] };
    const locator = new LineIndex('');
    return { docs: [{ kind: byName, path: file.path, name: file.path, text: '', locator, problems: [{ kind: 'unreadable', range: rangeOf(locator, 0, 0), message: decoded.problem }] }] };
  }
  const text = decoded.text;
  const kind = byName ?? kindByContent(file.path, text);
  return kind ? { kind, text } : { docs: [] };
}

/** The second half of loadFile: the parsed doc, and for a buildspec the files its heredocs write. */
export function parseSource(path: string, source: { kind: FileKind; text: string }): Doc[] {
  const doc = parseDoc({ kind: source.kind, path, name: path, text: source.text, locator: new LineIndex(source.text) });
  return doc.kind === 'buildspec' ? [doc, ...embeddedDocs(doc)] : [doc];
}

interface ParseOptions {
  kind: FileKind;
  path: string;
  name: string;
  text: string;
  locator: Locator;
}

export function parseDoc(o: ParseOptions): Doc {
  const syntax = syntaxOf(o.kind, o.name);
  if (syntax === 'dockerfile') return { ...o, dockerfile: parseDockerfile(o.text, o.locator), problems: [] };
  const parsed = syntax === 'json' ? parseJson(o.text, o.locator) : parseYaml(o.text, o.locator);
  return { ...o, root: parsed.root, problems: parsed.problems };
}

function embeddedDocs(host: Doc): Doc[] {
  if (!host.root) return [];
  const vars = envVariables(host.root);
  const dir = host.path.includes('/') ? host.path.slice(0, host.path.lastIndexOf('/') + 1) : '';
  const out: Doc[] = [];
  for (const command of commandsOf(host.root)) {
    if (!command.text.includes('<<')) continue;
    for (const h of extractHeredocs(command, host.locator as LineIndex, vars)) {
      const kind = kindByName(h.target) ?? kindByContent(h.target, h.text);
      if (!kind || kind === 'buildspec' || kind === 'dockerfile') continue;
      const doc = parseDoc({ kind, path: host.path, name: dir + h.target.replace(/^\.\//, ''), text: h.text, locator: h.locator });
      doc.embedded = {
        host,
        command: command.node,
        redirect: h.redirect,
        phase: command.phase,
        substituted: h.substituted,
        unresolved: h.unresolved,
      };
      out.push(doc);
    }
  }
  return out;
}
