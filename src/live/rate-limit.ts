/** A token bucket: `perSecond` on average, bursts up to `burst`. */
export interface RateLimit {
  take(): boolean;
}

export function rateLimit(perSecond: number, burst: number, now: () => number = Date.now): RateLimit {
  let tokens = burst;
  let at = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - at) / 1000) * perSecond);
      at = t;
      if (tokens < 1) return false;
      tokens--;
      return true;
    },
  };
}
