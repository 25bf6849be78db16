/**
 * Edit distance with adjacent transpositions (optimal string alignment), bounded: returns
 * `max + 1` as soon as the distance must exceed `max`. Typos are mostly one insertion, deletion,
 * substitution or swap ("framwork", "eurpoean"), so callers ask for `max = 1`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      const up = rows[i - 1] as number[];
      let v = Math.min(
        (up[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (up[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row.push(v);
      low = Math.min(low, v);
    }
    if (low > max) return max + 1;
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The targets closest to a misspelt word: one edit away, two for a word of eight letters or
 * more; empty when none is that close.
 */
export function nearest(word: string, targets: readonly string[]): string[] {
  const max = word.length >= 8 ? 2 : 1;
  let best = max + 1;
  let at: string[] = [];
  for (const k of targets) {
    if (Math.abs(k.length - word.length) > max) continue;
    const d = editDistance(word, k, max);
    if (d < best) {
      best = d;
      at = [k];
    } else if (d === best) at.push(k);
  }
  return best <= max ? at : [];
}
