/** Display helpers for the side panel (browser-safe, no imports). */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Meeting time as m:ss (or h:mm:ss). */
export function clock(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

export function minutes(ms: number): string {
  const m = Math.round(ms / 60_000);
  return m === 1 ? "1 minute" : `${m} minutes`;
}
