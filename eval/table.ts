/** A plain-text table: the columns at the indices in `left` left-aligned (text), the rest right-aligned (numbers). */
export function table(header: readonly string[], rows: readonly (readonly string[])[], left: readonly number[] = [0]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, i) => (left.includes(i) ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** A score to 3 decimals; "n/a" when undefined (a zero denominator). */
export const fmt = (x: number | null): string => (x === null ? "n/a" : x.toFixed(3));

export const pct = (x: number | null): string => (x === null ? "n/a" : `${(100 * x).toFixed(1)} %`);
