import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureTenant, findPerson, personForName } from "../../src/storage/people.js";
import { freshStorage, type TestStorage } from "../helpers/fresh-storage.js";

// Issue 18, item 5: with many people stored, "nobody called X" listed every one and the playground cut it mid-name.
let store: TestStorage;
beforeAll(async () => {
  store = await freshStorage("find-person");
});
afterAll(async () => store?.remove());

it("names a few whole people and how many more, on one short line", async () => {
  const message = await store.withDb(async (db) => {
    await ensureTenant(db, "local");
    for (let i = 1; i <= 30; i++) await personForName(db, "local", `Participant number ${String(i).padStart(2, "0")} (Guest)`);
    const found = await findPerson(db, "local", "Zed");
    if (found.ok) throw new Error("Zed is not stored");
    return found.error.message;
  });
  expect(message).toBe(
    "nobody called 'Zed' is stored; people include 'Participant number 01 (Guest)', 'Participant number 02 (Guest)', 'Participant number 03 (Guest)', 'Participant number 04 (Guest)', 'Participant number 05 (Guest)' and 25 more",
  );
  expect(message.length).toBeLessThan(300);
});
