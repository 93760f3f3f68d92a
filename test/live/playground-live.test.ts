import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalAttune } from "../helpers/attune-server.js";
import { haveChromium, launchChromium } from "../helpers/browser.js";
import { describeIf, NO_CHROMIUM } from "../helpers/skip-reason.js";

const artifactsDir = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
let server: Awaited<ReturnType<typeof startLocalAttune>>;

beforeAll(async () => {
  server = await startLocalAttune({ ATTUNE_LIVE_MONOLOGUE_SECONDS: "60" });
});
afterAll(async () => {
  await server?.stop();
});

const play = (body: unknown) =>
  fetch(`${server.attune.url}/playground/api/live`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("the playground's live replay", () => {
  it("starts a replay of a sample and gives the organizer's side panel address", async () => {
    const res = await play({ sampleId: "one-on-one", speed: 120 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { meetingId: string; panelPath: string; manager: string; durationMs: number };
    expect(body.manager).toBe("Renée Ortiz");
    expect(body.panelPath).toMatch(/^\/sidepanel\?meetingId=playground-[0-9a-f]{8}&token=/);
    expect(body.durationMs).toBeGreaterThan(60_000);
  });

  it("answers bad requests on one line", async () => {
    for (const [body, message] of [
      [{ sampleId: "nope", speed: 10 }, /^no sample meeting 'nope'/],
      [{ sampleId: "one-on-one", speed: 0 }, /^speed: from 1 to 120 times real time$/],
      [{ sampleId: "one-on-one" }, /speed must be a number/],
    ] as [unknown, RegExp][]) {
      const res = await play(body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(message);
    }
  });
});

describeIf(haveChromium, NO_CHROMIUM)("the playground's live replay in headless Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("pick a meeting, press play, watch the panel and its nudge", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`page: ${e.message}`));
    await page.goto(`${server.attune.url}/`);
    await expect.poll(() => page.locator("#live-sample option").count()).toBeGreaterThan(1);
    await page.selectOption("#live-sample", "ami-es2004a");
    await page.selectOption("#live-speed", "60");
    await page.getByRole("button", { name: "Play" }).click();
    await expect.poll(() => page.locator("#live-status").innerText()).toMatch(/^Playing as FEE013 \(Project Manager\) sees it/);
    const panel = page.frameLocator("#live-panel");
    await panel.locator("#nudge").waitFor({ state: "visible", timeout: 30_000 });
    // The first nudge: the manager's share, over the line from the start, after the warm-up (issue 18, item 7).
    expect(await panel.locator("#nudge-text").innerText()).toMatch(
      /^You've had \d+% of the talk in the last \d+ seconds; an even share here is about 25%\. Invite someone in\.$/,
    );
    await mkdir(artifactsDir, { recursive: true });
    await page.locator(".live-replay").screenshot({ path: join(artifactsDir, "playground-live.png") });
    expect(problems).toEqual([]);
    await page.close();
  });
});
