/** A fraction as a percentage: `percent(0.4312)` is `43%`, `percent(0.4312, 1)` is `43.1%`. */
export function percent(fraction: number, digits = 0): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}
