/**
 * Stored meetings for prep tests, saved through `attune analyze --save` like a user would:
 * - the Teams download sample (test/fixtures/teams/download-style.vtt): a one-on-one of Renée Ortiz with
 *   "Lee, Jordan (Guest)", where Jordan's worry about the migration script is answered without being said
 *   back, and Renée later restates Jordan's "I'm stretched pretty thin";
 * - the AMI meeting IS1009a with its Project Manager renamed Renée Ortiz and its Interface Designer renamed
 *   "Lee, Jordan (Guest)": a real four-person meeting the two shared a week earlier, in which Jordan's
 *   question "How does it look like?" was answered without checking it.
 */
import { readFixture } from "../helpers/fixtures.js";
import type { TestStorage } from "../helpers/fresh-storage.js";

export const MANAGER = "Renée Ortiz";
export const PERSON = "Lee, Jordan (Guest)";
export const ONE_ON_ONE_DATE = "2026-03-09";
export const GROUP_DATE = "2026-03-02";

export const MIGRATION_QUOTE =
  "The migration script still fails on the larger tenants, and I'm the only one who knows that code & I'm on call that weekend.";
/** The manager's restating sentence and its check, as the kept restatement quotes it. */
export const RESTATEMENT =
  "So what I'm hearing is that you're carrying the migration and on-call alone and that's too much for one weekend. Is that right?";

export function renamedIs1009a(): string {
  return readFixture("ami/IS1009a.teams.vtt")
    .replaceAll("<v FIE088 (Project Manager)>", `<v ${MANAGER}>`)
    .replaceAll("<v FIO087 (Interface Designer)>", `<v ${PERSON}>`);
}

async function save(store: TestStorage, args: string[], stdin?: string): Promise<void> {
  const r = await store.cli(["analyze", ...args, "--save"], stdin === undefined ? {} : { stdin });
  if (r.code !== 0) throw new Error(`analyze ${args.join(" ")}: ${r.err}`);
}

export async function saveOneOnOne(store: TestStorage): Promise<void> {
  await save(
    store,
    ["-", "--manager", MANAGER, "--date", ONE_ON_ONE_DATE, "--title", "Release and on-call"],
    readFixture("teams/download-style.vtt"),
  );
}

export async function saveGroupMeeting(store: TestStorage): Promise<void> {
  await save(store, ["-", "--manager", MANAGER, "--date", GROUP_DATE, "--title", "Remote control kick-off"], renamedIs1009a());
}
