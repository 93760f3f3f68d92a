import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

/** Where recorded model answers live: one folder per meeting, one JSON file per request answered. */
export const replaysDir = fileURLToPath(new URL("../fixtures/model-replays/", import.meta.url));

/** A stable key for a request: the hash of its messages (role and content, in order), never of the model name. */
export function replayKey(messages: readonly { role: string; content: string }[]): string {
  const canonical = JSON.stringify(messages.map((m) => [m.role, m.content]));
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}

/** One stored answer: the request it answers (by key and prompt) and the JSON the model answered. */
export const replayFixtureSchema = z.object({ key: z.string().regex(/^[0-9a-f]{16}$/), prompt: z.string(), answer: z.unknown() });
export type ReplayFixture = z.infer<typeof replayFixtureSchema>;
export type ReplayFixtures = Map<string, ReplayFixture>;

/** What a meeting folder replays: the transcript (relative to the repository) and the manager named on the CLI. */
export const replayMeetingSchema = z.object({
  transcript: z.string(),
  manager: z.string(),
  /** Answers the guards are expected to drop, by reason (an honest answer is never among them). */
  expectedDrops: z.record(z.string(), z.number().int().positive()).default({}),
});
export type ReplayMeeting = z.infer<typeof replayMeetingSchema>;

/** Every fixture under `dir` (a meeting's folder, or all of them), keyed; a file whose name is not its key is an error. */
export function loadReplayFixtures(dir: string): ReplayFixtures {
  const out: ReplayFixtures = new Map();
  for (const file of walk(dir)) {
    if (!/[0-9a-f]{16}\.json$/.test(file)) continue;
    const fixture = replayFixtureSchema.parse(JSON.parse(readFileSync(file, "utf8")));
    if (!file.endsWith(`${fixture.key}.json`))
      throw new Error(`${relative(dir, file)}: its key is ${fixture.key}; name it ${fixture.key}.json`);
    out.set(fixture.key, fixture);
  }
  return out;
}

/** The meeting folders that have a meeting.json. */
export function replayMeetings(dir = replaysDir): { name: string; dir: string; meeting: ReplayMeeting }[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory())
    .sort()
    .flatMap((name) => {
      const path = join(dir, name, "meeting.json");
      if (!existsSync(path)) return [];
      return [{ name, dir: join(dir, name), meeting: replayMeetingSchema.parse(JSON.parse(readFileSync(path, "utf8"))) }];
    });
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
