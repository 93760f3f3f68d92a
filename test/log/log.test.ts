import { describe, expect, it } from "vitest";
import { createLogger, routeConsoleToLog, scrubSecrets } from "../../src/log.js";

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

// Finding 6 of issue 10: what libraries print with console.* reaches the log as one line, without key material.
describe("console output routed into the log", () => {
  it("one JSON line per call at the console method's level, tokens, keys and given secrets redacted, then restored", () => {
    const { log, lines } = capture();
    const before = console.error;
    const restore = routeConsoleToLog(log, ["s3cret-app-password"]);
    try {
      console.error(new Error("connector failed\n  with Bearer abc.def.ghi and s3cret-app-password"));
      console.warn("careful:", { token: "eyJhbGciOi.eyJzdWIiOi.c2ln" });
      console.error("Error finding key for token. Available keys: -----BEGIN RSA PUBLIC KEY-----\nMIIB\n-----END RSA PUBLIC KEY-----");
    } finally {
      restore();
    }
    expect(console.error).toBe(before);
    expect(lines).toHaveLength(2); // the refused-token report went to debug, below this logger's level
    expect(lines[0]).toMatchObject({ level: 50, source: "console", err: { type: "Error" } });
    expect(lines[1]).toMatchObject({ level: 40, msg: 'careful: {"token":"[redacted]"}' });
    const text = JSON.stringify(lines);
    for (const secret of ["abc.def.ghi", "s3cret-app-password", "eyJhbGciOi", "MIIB"]) expect(text).not.toContain(secret);
  });

  it("scrubs credentials from any text", () => {
    expect(scrubSecrets("Authorization: Bearer x.y.z now")).toBe("Authorization: Bearer [redacted] now");
    expect(scrubSecrets("a -----BEGIN PRIVATE KEY-----\nAAA\n-----END PRIVATE KEY----- b")).toBe("a [redacted] b");
  });
});

describe("console output routed only from the library's files", () => {
  it("a call from elsewhere prints as before", () => {
    const { log, lines } = capture();
    const restore = routeConsoleToLog(log, [], { from: /[\\/]node_modules[\\/]botbuilder[\\/]/ });
    try {
      console.debug("from a test file, not botbuilder");
    } finally {
      restore();
    }
    expect(lines).toHaveLength(0);
  });
});
