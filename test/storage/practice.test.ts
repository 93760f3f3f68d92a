import { expect, it } from "vitest";
import { forgetPerson } from "../../src/storage/forget.js";
import { upsertMeeting } from "../../src/storage/meetings.js";
import { ensureTenant, getPerson, personForAad } from "../../src/storage/people.js";
import { awaitAttempt, awaitingAttempt, practiceCounts, saveAttempt, stopAwaiting } from "../../src/storage/practice.js";
import { countRows, describeEachDatabase } from "../helpers/databases.js";

describeEachDatabase("practice", (t) => {
  const setUp = async (aad: string) =>
    t.db.transaction(async (tx) => {
      await ensureTenant(tx, "tenant-practice");
      const person = await personForAad(tx, "tenant-practice", aad, null);
      const { meeting } = await upsertMeeting(tx, { tenantId: "tenant-practice", source: "teams", externalId: `m-${aad}`, title: "1:1" });
      return { person, meeting: meeting.id };
    });

  it("one moment awaited per manager, the latest; stopped when asked", async () => {
    const { person, meeting } = await setUp("aad-await");
    expect(await awaitingAttempt(t.db, person)).toBeNull();
    await awaitAttempt(t.db, person, meeting, "u4");
    await awaitAttempt(t.db, person, meeting, "u9");
    expect(await awaitingAttempt(t.db, person)).toEqual({ meetingId: meeting, utteranceId: "u9" });
    await stopAwaiting(t.db, person);
    expect(await awaitingAttempt(t.db, person)).toBeNull();
  });

  it("an old ask is no longer awaited", async () => {
    const { person, meeting } = await setUp("aad-old");
    await awaitAttempt(t.db, person, meeting, "u4");
    await t.db.query("update practice_awaiting set asked_at = now() - interval '31 minutes' where person_id = $1", [person]);
    expect(await awaitingAttempt(t.db, person)).toBeNull();
  });

  it("counts attempts and those said back, per manager", async () => {
    const a = await setUp("aad-count-a");
    const b = await setUp("aad-count-b");
    await saveAttempt(t.db, a.person, a.meeting, false);
    await saveAttempt(t.db, a.person, a.meeting, true);
    await saveAttempt(t.db, b.person, b.meeting, true);
    expect(await practiceCounts(t.db, a.person)).toEqual({ attempts: 2, saidBack: 1 });
    expect(await practiceCounts(t.db, b.person)).toEqual({ attempts: 1, saidBack: 1 });
  });

  it("forgetting the manager removes their attempts and the awaited moment", async () => {
    const { person, meeting } = await setUp("aad-forget");
    await awaitAttempt(t.db, person, meeting, "u4");
    await saveAttempt(t.db, person, meeting, true);
    await forgetPerson(t.db, (await getPerson(t.db, person))!);
    expect(await countRows(t.db, "practice_attempts", "person_id = $1", [person])).toBe(0);
    expect(await countRows(t.db, "practice_awaiting", "person_id = $1", [person])).toBe(0);
  });
});
