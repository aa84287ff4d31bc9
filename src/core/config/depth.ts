/** Deepest nesting any real configuration file of ours needs is far below this. */
export const MAX_DEPTH = 256;

/**
 * Finds the offset where bracket nesting first exceeds the limit, skipping
 * quoted strings, so that pathological input is refused before a recursive
 * parser could exhaust the stack.
 */
export function excessiveNesting(text: string, limit = MAX_DEPTH): number | undefined {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === 92 /* \ */ && quote === 34) i++;
      else if (c === quote) quote = 0;
      continue;
    }
    if (c === 34 /* " */) quote = 34;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
  }
  return undefined;
}
