import { commandsOf, type Command } from '../../config/buildspec.js';
import { memoByText } from '../../memo-by-text.js';
import type { Node } from '../../types.js';
import { codeView, definitions, lex, varUses, withoutComments, type Definitions, type Lexed, type VarUse } from './shell.js';

/** One command read once and shared by the rules that look inside commands. */
export interface ScannedCommand {
  command: Command;
  lexed: Lexed;
  /** Shell code only: quoted text, comments and heredoc bodies blanked. */
  code: string;
  /** Comments and heredoc bodies blanked, quoted text kept. */
  plain: string;
  defs: Definitions;
  uses: VarUse[];
}

const cache = new WeakMap<Node, ScannedCommand[]>();

/** What a command's text alone tells (shared by equal commands, so read-only). */
const read = memoByText((text): Omit<ScannedCommand, 'command'> => {
  const lexed = lex(text);
  const code = codeView(lexed);
  return { lexed, code, plain: withoutComments(lexed), defs: definitions(lexed, code), uses: varUses(lexed) };
});

export function scanCommands(root: Node): ScannedCommand[] {
  const hit = cache.get(root);
  if (hit) return hit;
  const out = commandsOf(root).map((command) => ({ command, ...read(command.text) }));
  cache.set(root, out);
  return out;
}
