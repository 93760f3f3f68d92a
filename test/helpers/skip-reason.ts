import { describe, it } from "vitest";

/**
 * A describe (or it) that runs when `runs`, and otherwise is skipped with the reason in its name, so the run's
 * summary says why (`skippedReporter` in vitest.config.ts lists skipped tests by name).
 */
export function describeIf(runs: boolean, reason: string): (name: string, body: () => void) => void {
  return (name, body) => (runs ? describe(name, body) : describe.skip(`${name} (skipped: ${reason})`, body));
}

export function itIf(runs: boolean, reason: string): (name: string, body: () => Promise<void>, timeout?: number) => void {
  return (name, body, timeout) => (runs ? it(name, body, timeout) : it.skip(`${name} (skipped: ${reason})`, body));
}

export const NO_CHROMIUM = "no Chromium at /usr/bin/chromium (apt-get install -y chromium)";
export const NO_DATABASE_URL = "DATABASE_URL not set";
