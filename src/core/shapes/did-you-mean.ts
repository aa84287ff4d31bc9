/**
 * "Did you mean" for keys and enum values: a case-only difference wins
 * (`Essential` → `essential`), then the closest name by Damerau-Levenshtein
 * distance (a swap of two neighbours counts once: `essentail` → `essential`),
 * then a known name the word starts with (`environmentVariables` → `environment`).
 */

/** Optimal-string-alignment distance; stops early once it exceeds `max`. */
export function damerauLevenshtein(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/** How many edits still look like a typo rather than another word. */
function tolerance(length: number): number {
  return length <= 4 ? 1 : length <= 8 ? 2 : 3;
}

// Keys longer than this are not names anyone mistyped; skip the quadratic work.
const LONGEST = 80;

export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  if (word.length === 0 || word.length > LONGEST) return undefined;
  const lower = word.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase !== undefined) return sameCase;

  const max = tolerance(word.length);
  let best: string | undefined;
  let bestDistance = max + 1;
  for (const c of candidates) {
    const d = damerauLevenshtein(lower, c.toLowerCase(), max);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best !== undefined) return best;

  // A known name with something appended (`environmentVariables` → `environment`).
  let prefix: string | undefined;
  for (const c of candidates) {
    if (c.length >= 4 && lower.startsWith(c.toLowerCase()) && (!prefix || c.length > prefix.length)) prefix = c;
  }
  return prefix;
}
