/**
 * What to say about a caught value in a log line or a check run: an Error's message (never its stack, which users
 * must not see), anything else thrown as its string.
 */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
