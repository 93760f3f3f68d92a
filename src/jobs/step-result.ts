/** What a pipeline step tells the worker: done, try again later, or give up (with a reason a person can read). */
export type StepResult<T> = { ok: true; value: T } | { ok: false; retry: boolean; reason: string; delayMs?: number };

export const retryLater = (reason: string, delayMs?: number): StepResult<never> => ({
  ok: false,
  retry: true,
  reason,
  ...(delayMs !== undefined && { delayMs }),
});
export const giveUp = (reason: string): StepResult<never> => ({ ok: false, retry: false, reason });
