type Op = { kind: ' ' | '-' | '+'; line: string };

function lines(text: string): string[] {
  const out = text.split('\n');
  if (out[out.length - 1] === '') out.pop();
  return out;
}

/** Line operations turning `a` into `b`, from a longest common subsequence (files here are small). */
function operations(a: string[], b: string[]): Op[] {
  const m = a.length;
  const n = b.length;
  const lcs: Uint32Array[] = Array.from({ length: m + 1 }, () => new Uint32Array(n + 1));
  for (let i = m - 1; i >= 0; i--) for (let j = n - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < m || j < n) {
    if (i < m && j < n && a[i] === b[j]) {
      ops.push({ kind: ' ', line: a[i++] });
      j++;
    } else if (i < m && (j === n || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ kind: '-', line: a[i++] });
    else ops.push({ kind: '+', line: b[j++] });
  }
  return ops;
}

/**
 * A unified diff (as `diff -u` prints it, 3 lines of context) from the file
 * on disk (`from`) to what scaffold would write (`to`); empty when equal.
 */
export function unifiedDiff(o: { path: string; from: string; to: string; context?: number }): string {
  if (o.from === o.to) return '';
  const context = o.context ?? 3;
  const ops = operations(lines(o.from), lines(o.to));
  const changed = ops.map((op, k) => (op.kind !== ' ' ? k : -1)).filter((k) => k >= 0);
  let out = `--- a/${o.path}\n+++ b/${o.path}\n`;
  if (changed.length === 0) return out + '@@ only the line endings or the final newline differ @@\n';
  // Group changes whose context overlaps into hunks.
  const hunks: [number, number][] = [];
  for (const k of changed) {
    const start = Math.max(0, k - context);
    const end = Math.min(ops.length, k + context + 1);
    const last = hunks[hunks.length - 1];
    if (last && start <= last[1]) last[1] = end;
    else hunks.push([start, end]);
  }
  for (const [start, end] of hunks) {
    let aLine = 1;
    let bLine = 1;
    for (const op of ops.slice(0, start)) {
      if (op.kind !== '+') aLine++;
      if (op.kind !== '-') bLine++;
    }
    const body = ops.slice(start, end);
    const aCount = body.filter((op) => op.kind !== '+').length;
    const bCount = body.filter((op) => op.kind !== '-').length;
    out += `@@ -${aCount ? aLine : aLine - 1},${aCount} +${bCount ? bLine : bLine - 1},${bCount} @@\n`;
    out += body.map((op) => op.kind + op.line + '\n').join('');
  }
  return out;
}
