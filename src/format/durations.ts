/** `1:27`, `12:05`, `1:02:03`: whole seconds, the most a transcript's ±250 ms timing supports for durations. */
export function clock(ms: number): string {
  const total = Math.round(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** A short gap in seconds, to the nearest quarter second (transcript timing is good to about ±250 ms). */
export function seconds(ms: number): string {
  const quarters = Math.round(ms / 250) / 4;
  return `${quarters.toFixed(2).replace(/\.?0+$/, "")} s`;
}

/** A threshold as configured, in seconds without rounding: `0.3 s`, `2 s`. */
export function exactSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}
