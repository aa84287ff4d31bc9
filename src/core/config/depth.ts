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

/**
 * YAML nests by indentation and by compact `- ` and `? ` indicators as well as
 * by brackets; the yaml package recurses once per level and overflows the
 * stack near 900. A line whose indentation plus chained indicators exceeds
 * this is refused (no real buildspec or appspec comes near it).
 */
export const MAX_YAML_INDENT = 512;

export function excessiveYamlIndent(text: string): number | undefined {
  let lineStart = 0;
  while (lineStart < text.length) {
    let i = lineStart;
    let depth = 0;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        depth++;
        i++;
      } else if ((c === 45 /* - */ || c === 63 /* ? */) && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) {
        depth += 2;
        i += 2;
      } else break;
      if (depth > MAX_YAML_INDENT) return i;
    }
    const nl = text.indexOf('\n', i);
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  return undefined;
}
