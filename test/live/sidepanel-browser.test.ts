import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { replayPlan } from "../../src/live/replay-plan.js";
import { sendReplay } from "../../src/live/replay-sender.js";
import { startLocalAttune } from "../helpers/attune-server.js";
import { CHROMIUM, haveChromium, launchChromium } from "../helpers/browser.js";
import { transcriptOf } from "../helpers/fixtures.js";
import { devToken, wsUrl } from "./live-client.js";
import { describeIf, NO_CHROMIUM } from "../helpers/skip-reason.js";

const artifactsDir = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const TOKEN = "test-ingest-token-0123456789";
const MANAGER = "FEE013 (Project Manager)";
const haveBuild = existsSync(fileURLToPath(new URL("../../dist/sidebar/panel.js", import.meta.url)));
if (!haveChromium) console.warn(`side panel browser test skipped: ${CHROMIUM} is absent (apt-get install chromium)`);
if (!haveBuild)
  throw new Error("dist/ is missing: run `npm run build` before this test (npm test does): the panel's browser modules are compiled");

describeIf(haveChromium, NO_CHROMIUM)("the side panel in headless Chromium against a live replay", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startLocalAttune>>;
  beforeAll(async () => {
    server = await startLocalAttune({ ATTUNE_LIVE_INGEST_TOKEN: TOKEN, ATTUNE_LIVE_MONOLOGUE_SECONDS: "60" });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function openPanel(meetingId: string, user: string, theme = "default"): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 320, height: 720 } });
    const problems: string[] = [];
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`page: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
    const token = await devToken(server.dataDir, meetingId, user);
    await page.goto(
      `${server.attune.url}/sidepanel?meetingId=${encodeURIComponent(meetingId)}&token=${encodeURIComponent(token)}&theme=${theme}`,
    );
    return { page, problems };
  }

  it("shows the manager's share and the share nudge; a screenshot goes to test-artifacts/", async () => {
    const meetingId = "browser-es2004a";
    const { utterances } = transcriptOf("ami/ES2004a.teams.vtt");
    const { page, problems } = await openPanel(meetingId, MANAGER);
    await expect.poll(() => page.locator("#status").innerText(), { timeout: 60_000 }).toMatch(/waiting for the meeting's live transcript/i);
    // The first 150 s of the meeting, 30 times real time: past the manager's 60-s mark at 140.5 s.
    const frames = replayPlan(utterances, { meetingId, manager: MANAGER, title: "Remote control kick-off" }).filter(
      (f) => f.atMs <= 150_000,
    );
    const replay = sendReplay({
      url: wsUrl(server.attune.url, "/live/ingest"),
      token: TOKEN,
      frames: [...frames, { atMs: 150_000, frame: { type: "end", meetingId } }],
      speed: 30,
    });
    const nudge = page.locator("#nudge");
    await nudge.waitFor({ state: "visible", timeout: 30_000 });
    // The manager's share nudge comes first now (from 1:30 of meeting, issue 18), before the 60-s monologue mark.
    expect(await page.locator("#nudge-text").innerText()).toMatch(/^You've had \d+% of the talk in the last \d+ seconds/);
    expect(await page.locator("#you-share").innerText()).toMatch(/^\d+%$/);
    expect(await page.locator("#fair-share").innerText()).toBe("25%");
    expect(await page.locator("#title").innerText()).toBe("Remote control kick-off");
    await mkdir(artifactsDir, { recursive: true });
    await page.screenshot({ path: join(artifactsDir, "sidepanel-live.png"), fullPage: true });
    expect(existsSync(join(artifactsDir, "sidepanel-live.png"))).toBe(true);
    expect(await replay).toMatchObject({ ok: true });
    await expect.poll(() => page.locator("#status").innerText(), { timeout: 60_000 }).toMatch(/meeting ended/i);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a participant sees their own share only, in the dark theme; a refused token is said plainly", async () => {
    const meetingId = "browser-participant";
    const { utterances } = transcriptOf("ami/IS1009a.teams.vtt");
    const frames = replayPlan(utterances, { meetingId, manager: "FIE088 (Project Manager)" }).filter((f) => f.atMs <= 30_000);
    const { page, problems } = await openPanel(meetingId, "FIO089 (Marketing Expert)", "dark");
    await sendReplay({
      url: wsUrl(server.attune.url, "/live/ingest"),
      token: TOKEN,
      frames: [...frames, { atMs: 30_000, frame: { type: "end", meetingId } }],
      speed: 60,
    });
    await page.locator("#share").waitFor({ state: "visible", timeout: 60_000 });
    expect(await page.evaluate(() => document.body.className)).toContain("theme-dark");
    expect(await page.locator("#quiet").isHidden()).toBe(true);
    expect(await page.locator("#nudge").isHidden()).toBe(true);
    await page.screenshot({ path: join(artifactsDir, "sidepanel-participant-dark.png"), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();

    const stranger = await openPanel("browser-participant-2", "Mallory");
    const other = await devToken(server.dataDir, "another-meeting", "Mallory");
    await stranger.page.goto(`${server.attune.url}/sidepanel?meetingId=browser-participant-2&token=${other}`);
    await expect.poll(() => stranger.page.locator("#status").innerText(), { timeout: 60_000 }).toMatch(/this token is for another meeting/);
    await stranger.page.close();
  });
});
