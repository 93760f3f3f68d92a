import { expect, it } from "vitest";
import { forgetPerson } from "../../src/storage/forget.js";
import { ensureTenant, getPerson, personForAad } from "../../src/storage/people.js";
import { claimPrepAtStart, prepAtStartEnabled, releasePrepAtStart, setPrepAtStart } from "../../src/storage/prep-at-start.js";
import { countRows, describeEachDatabase } from "../helpers/databases.js";

describeEachDatabase("prep at start", (t) => {
  const manager = async (aad: string) =>
    t.db.transaction(async (tx) => {
      await ensureTenant(tx, "tenant-prep");
      return personForAad(tx, "tenant-prep", aad, null);
    });

  it("is on until the manager turns it off, and back on", async () => {
    const id = await manager("aad-setting");
    expect(await prepAtStartEnabled(t.db, id)).toBe(true);
    await setPrepAtStart(t.db, id, false);
    expect(await prepAtStartEnabled(t.db, id)).toBe(false);
    await setPrepAtStart(t.db, id, true);
    expect(await prepAtStartEnabled(t.db, id)).toBe(true);
  });

  it("one claim per manager and meeting start; a released claim can be taken again", async () => {
    const id = await manager("aad-claim");
    const claims = await Promise.all([1, 2, 3].map(() => claimPrepAtStart(t.db, id, "meeting-1@2026-11-25")));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimPrepAtStart(t.db, id, "meeting-1@2026-12-02")).toBe(true);
    await releasePrepAtStart(t.db, id, "meeting-1@2026-11-25");
    expect(await claimPrepAtStart(t.db, id, "meeting-1@2026-11-25")).toBe(true);
  });

  it("forgetting the manager removes the setting and the claims", async () => {
    const id = await manager("aad-forget");
    await setPrepAtStart(t.db, id, false);
    await claimPrepAtStart(t.db, id, "meeting-2@2026-11-25");
    await forgetPerson(t.db, (await getPerson(t.db, id))!);
    expect(await countRows(t.db, "prep_at_start_settings", "person_id = $1", [id])).toBe(0);
    expect(await countRows(t.db, "prep_at_start_sent", "manager_id = $1", [id])).toBe(0);
  });
});
