/** Counts requests in progress, so shutdown can wait for turns to finish and refuse new ones. */
export interface InFlight {
  /** Null once draining: refuse the request. Otherwise call the returned function when done. */
  begin(): (() => void) | null;
  drain(timeoutMs: number): Promise<void>;
}

export function createInFlight(): InFlight {
  let active = 0;
  let draining = false;
  let idle: (() => void) | null = null;
  return {
    begin() {
      if (draining) return null;
      active++;
      return () => {
        active--;
        if (active === 0) idle?.();
      };
    },
    async drain(timeoutMs) {
      draining = true;
      if (active === 0) return;
      await Promise.race([
        new Promise<void>((resolve) => (idle = resolve)),
        new Promise((resolve) => setTimeout(resolve, timeoutMs).unref()),
      ]);
    },
  };
}
