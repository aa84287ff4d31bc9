/**
 * Whether the text output gets colours: an explicit --color/--no-color wins,
 * then FORCE_COLOR (any value but 0/false), then NO_COLOR (set and not
 * empty, see no-color.org), then whether stdout is a terminal.
 */
export function useColor(flag: boolean | undefined, env: Record<string, string | undefined>, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}
