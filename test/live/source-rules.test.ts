/** Which source owns which meeting, and Recall.ai ids taken once (issue 16, items 6 and 7), on a fake clock. */
import { describe, expect, it } from "vitest";
import { replayGuard } from "../../src/live/recall-replay.js";
import { sourceLedger } from "../../src/live/source-ledger.js";

const start = (meetingId: string) => ({ type: "start" as const, meetingId, manager: "Renée Ortiz" });
const end = (meetingId: string) => ({ type: "end" as const, meetingId });

describe("the source ledger", () => {
  it("keeps a meeting its starter's until it ends, the starter goes or the meeting is quiet for idleMs", () => {
    let clock = 0;
    const ledger = sourceLedger({ perSource: 2, idleMs: 1000, now: () => clock });
    const a = { id: "a", capped: true };
    const b = { id: "b", capped: true };
    expect(ledger.admit(a, start("m"))).toEqual({ ok: true });
    expect(ledger.admit(b, end("m"))).toMatchObject({ ok: false, error: expect.stringMatching(/another live source/) });
    ledger.release("a");
    expect(ledger.admit(b, start("m"))).toEqual({ ok: true });
    clock += 1001;
    expect(ledger.admit(a, start("m"))).toEqual({ ok: true });
    expect(ledger.admit(a, end("m"))).toEqual({ ok: true });
    expect(ledger.stats().meetings).toBe(0);
  });

  it("counts a source's meetings against its cap (quiet ones no longer), uncapped sources only against the hub's", () => {
    let clock = 0;
    const ledger = sourceLedger({ perSource: 2, idleMs: 1000, now: () => clock });
    const a = { id: "a", capped: true };
    expect(ledger.admit(a, start("1"))).toEqual({ ok: true });
    expect(ledger.admit(a, start("2"))).toEqual({ ok: true });
    expect(ledger.admit(a, start("3"))).toMatchObject({ ok: false, error: expect.stringMatching(/already follows 2 meetings/) });
    clock += 1001;
    expect(ledger.admit(a, start("3"))).toEqual({ ok: true });
    const signed = { id: "recall.ai", capped: false };
    for (let i = 0; i < 10; i++) expect(ledger.admit(signed, start(`r${i}`))).toEqual({ ok: true });
  });
});

describe("Recall.ai webhook ids", () => {
  it("are taken once within the window, forgotten after it, at most max kept", () => {
    let clock = 0;
    const guard = replayGuard({ windowMs: 1000, max: 3, now: () => clock });
    expect(guard.firstSight("x")).toBe(true);
    expect(guard.firstSight("x")).toBe(false);
    clock += 1001;
    expect(guard.firstSight("y")).toBe(true);
    expect(guard.size()).toBe(1);
    for (const id of ["1", "2", "3", "4"]) guard.firstSight(id);
    expect(guard.size()).toBe(3);
  });
});
