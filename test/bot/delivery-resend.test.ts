import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStorage } from "../../src/storage/open-storage.js";
import { eventually, postActivity, startLocalAttune } from "../helpers/attune-server.js";
import { FakeGraph, graphEnv } from "../helpers/fake-graph.js";
import { activity, FakeConnector, isCoachingCard, PERSONAL_CONVERSATION } from "../helpers/fake-teams.js";

/**
 * Finding 8 (issue 10): a delivery run again after a crash updates the card it posted instead of posting a
 * second one. The crash is put exactly where kill -9 left a duplicate: the Bot Connector has answered the
 * post, and the report is not yet marked delivered nor the job moved on.
 */
let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

describe("a delivery resumed after a crash between the post and its recording", () => {
  it("replaces the posted card (PUT to its activity id) and posts no second card", async () => {
    const connector = new FakeConnector();
    await connector.start();
    const graph = new FakeGraph();
    const graphUrl = await graph.start();
    const dataDir = await mkdtemp(join(tmpdir(), "attune-resend-"));
    cleanup = [() => connector.stop(), () => graph.stop(), () => rm(dataDir, { recursive: true, force: true })];
    const env = { ATTUNE_DATA_DIR: dataDir, ...graphEnv(graphUrl), ATTUNE_TRANSCRIPT_POLL_SECONDS: "1" };

    const first = await startLocalAttune(env);
    await postActivity(first.attune.url, activity("installation-update-personal", connector.port));
    await postActivity(first.attune.url, activity("meeting-end", connector.port));
    await eventually(() => (connector.cardsTo(PERSONAL_CONVERSATION).some(isCoachingCard) ? true : undefined), 30_000, "the card");
    await first.stop();
    const posts = connector.sentTo(PERSONAL_CONVERSATION).length;
    // The fake answers each post with the id `sent-<its request number>`.
    const postedId = `sent-${connector.requests.findIndex((r) => r.method === "POST" && JSON.stringify(r.body).includes("Only you can see this card")) + 1}`;

    // Where the process died: the post answered (its id recorded), the delivery not yet marked, the job still delivering.
    const opened = await openStorage({ databaseUrl: undefined, dataDir });
    if (!opened.ok) throw new Error(opened.error.message);
    const recorded = await opened.value.query<{ delivery_activity_id: string | null }>("select delivery_activity_id from coaching_reports");
    expect(recorded.rows).toEqual([{ delivery_activity_id: postedId }]);
    await opened.value.query("update coaching_reports set delivered_at = null");
    await opened.value.query(
      "update jobs set state = 'delivering', attempts = 0, run_after = now(), locked_by = null, locked_until = null",
    );
    await opened.value.close();

    const second = await startLocalAttune(env);
    cleanup.push(() => second.stop());
    const updates = await eventually(
      () => {
        const found = connector.updatesTo(PERSONAL_CONVERSATION);
        return found.length > 0 ? found : undefined;
      },
      30_000,
      "the card to be updated",
    );
    expect(updates.map((u) => u.activityId)).toEqual([postedId]);
    expect(JSON.stringify(updates[0]!.body)).toContain("Only you can see this card");
    expect(connector.sentTo(PERSONAL_CONVERSATION)).toHaveLength(posts);
    expect(connector.cardsTo(PERSONAL_CONVERSATION).filter(isCoachingCard)).toHaveLength(1);
  }, 90_000);
});
