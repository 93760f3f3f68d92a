import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger("info", { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, lines };
}

describe("the logger", () => {
  it("writes an error with its type, message, stack and cause, not only a message", () => {
    const { log, lines } = capture();
    const cause = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    log.error({ err: new Error("retention purge failed", { cause }) }, "retention purge failed");
    const err = lines[0]!.err as { type: string; message: string; stack: string; cause: { message: string; code: string } };
    expect(err.type).toBe("Error");
    expect(err.message).toBe("retention purge failed");
    expect(err.stack).toMatch(/^Error: retention purge failed\n\s+at /);
    expect(err.cause).toMatchObject({ message: "connect ECONNREFUSED 127.0.0.1:5432", code: "ECONNREFUSED" });
  });

  it("still redacts what people said and secrets", () => {
    const { log, lines } = capture();
    log.info({ text: "the migration script still fails", job: { token: "eyJ…" } }, "x");
    expect(lines[0]).toMatchObject({ text: "[redacted]", job: { token: "[redacted]" } });
  });
});
