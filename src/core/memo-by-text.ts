/**
 * A pure function of one string, remembered for the texts seen lately. In a
 * monorepo most services share their RUN lines and buildspec commands word for
 * word, so the same few hundred texts are split thousands of times. Answers
 * are shared between callers: they must treat them as read-only.
 */
export function memoByText<T>(fn: (text: string) => T, max = 4_096): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let hit = seen.get(text);
    if (hit === undefined && !seen.has(text)) {
      hit = fn(text);
      // Past the bound, start afresh: cheaper than an LRU, and a burst of new texts costs one miss each.
      if (seen.size >= max) seen.clear();
      seen.set(text, hit);
    }
    return hit as T;
  };
}
