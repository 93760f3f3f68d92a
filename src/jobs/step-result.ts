import type { Failure, Result } from "../result.js";

/** Why a step did not finish: try again later (after `delayMs`, else the worker's backoff), or give up; the message says why. */
export interface StepFailure extends Failure<"retry-later" | "give-up"> {
  delayMs?: number;
}

/** What a pipeline step tells the worker: done (with the next state or value), or a StepFailure. */
export type StepResult<T> = Result<T, StepFailure>;

export const retryLater = (reason: string, delayMs?: number): StepResult<never> => ({
  ok: false,
  error: { code: "retry-later", message: reason, ...(delayMs !== undefined && { delayMs }) },
});
export const giveUp = (reason: string): StepResult<never> => ({ ok: false, error: { code: "give-up", message: reason } });
