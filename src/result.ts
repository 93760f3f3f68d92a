/**
 * The one result shape at Attune's boundaries (transcript parsing, storage, Graph, job steps, use cases):
 * a value, or a failure with a code callers may branch on and one line a person can read. Expected
 * failures are these values; exceptions are for bugs.
 */
export interface Failure<C extends string = string> {
  code: C;
  message: string;
}

export type Result<T, E extends Failure = Failure> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<C extends string>(code: C, message: string): { ok: false; error: Failure<C> } {
  return { ok: false, error: { code, message } };
}
