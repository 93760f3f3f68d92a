import { fileURLToPath } from "node:url";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { coachingCard } from "../../src/cards/coaching-card.js";
import { inputFromUtterances } from "../cards/coaching-inputs.js";
import { LONG_MEETING_MANAGER, longMeeting } from "../cards/long-meeting.js";
import { startLocalAttune } from "../helpers/attune-server.js";
import { haveChromium, launchChromium } from "../helpers/browser.js";
import { openOfflinePage, type OfflinePage } from "../helpers/offline-page.js";
import { describeIf, NO_CHROMIUM } from "../helpers/skip-reason.js";

/**
 * The playground as a manager uses it, in headless Chromium against the real local server: light, dark and a
 * 390 px phone, no console error, and no request for anything off this machine (all blocked and counted).
 * Screenshots go to test-artifacts/.
 */

let server: Awaited<ReturnType<typeof startLocalAttune>>;
let browser: Browser;
let scratch: string;

beforeAll(async () => {
  server = await startLocalAttune({});
  scratch = await mkdtemp(join(tmpdir(), "attune-views-"));
  if (haveChromium) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

async function open(options: { width?: number; colorScheme?: "light" | "dark" } = {}): Promise<OfflinePage> {
  const opened = await openOfflinePage(browser, options);
  await opened.page.goto(`${server.attune.url}/`);
  await expect.poll(() => opened.page.locator("#sample option").count()).toBeGreaterThan(1);
  return opened;
}

async function endSample(page: Page, sampleId: string): Promise<void> {
  await page.getByLabel("Sample meeting").check();
  await page.selectOption("#sample", sampleId);
  await page.getByRole("button", { name: "End the meeting" }).click();
  await page.locator("#card .ac-adaptiveCard").waitFor({ state: "visible", timeout: 60_000 });
}

async function upload(page: Page, file: string): Promise<void> {
  await page.getByLabel("Upload a Teams transcript (.vtt)").check();
  await page.setInputFiles("#file", file);
}

function expectClean(opened: OfflinePage): void {
  expect(opened.problems).toEqual([]);
  expect(opened.offMachine).toEqual([]);
}

describeIf(haveChromium, NO_CHROMIUM)("the playground in headless Chromium", () => {
  it("light: the card's chart, the timeline, the stored-data notice and a trend over two saved meetings", async () => {
    const opened = await open();
    const { page } = opened;
    await expect(page.locator(".stored").innerText()).resolves.toMatch(/attune forget --person NAME.*forget me/s);
    await endSample(page, "one-on-one");
    // the donut is drawn (card-charts.js), the manager as "You"
    await expect(page.locator("#card .ac-chart-legend").innerText()).resolves.toMatch(/You 7\d%/);
    // the timeline: one row per speaker, the manager first
    const rows = page.locator("#timeline svg.attune-timeline text.tl-label");
    await expect(rows.allTextContents()).resolves.toEqual(["You · Renée Ortiz", "Lee, Jordan (Guest)"]);
    // the trend after one saved meeting: no chart, no direction yet
    await page.locator("#trend-card .ac-adaptiveCard").waitFor({ state: "visible", timeout: 60_000 });
    await expect(page.locator("#trend-card").innerText()).resolves.toContain("First meeting: no direction yet");
    await expect(page.locator("#trend-card .ac-chart").count()).resolves.toBe(0);

    // a second meeting of Renée's, uploaded (the bundled series' next one; the same file again would be the same
    // meeting, issue 18): now the trend draws its lines
    await upload(page, fileURLToPath(new URL("../../samples/one-on-one-2.vtt", import.meta.url)));
    await expect.poll(() => page.locator("#manager option").allTextContents()).toContain("Renée Ortiz");
    await page.selectOption("#manager", "Renée Ortiz");
    await page.getByRole("button", { name: "End the meeting" }).click();
    await expect.poll(() => page.locator("#trend-status").innerText(), { timeout: 60_000 }).toBe("Renée Ortiz: 2 saved meetings.");
    await expect.poll(() => page.locator("#trend-card svg.ac-chart polyline").count()).toBeGreaterThan(3);
    await opened.shot("playground-light.png");
    await opened.shot("playground-card.png", { selector: "#card" });
    await opened.shot("playground-trend-card.png", { selector: "#trend-card" });
    await opened.shot("playground-timeline.png", { selector: "#timeline" });
    expectClean(opened);
    await opened.close();
  });

  it("dark: page and cards follow the colour scheme; the prep is for the person picked in a group meeting", async () => {
    const opened = await open({ colorScheme: "dark" });
    const { page } = opened;
    await endSample(page, "ami-es2004a");
    const background = (selector: string) => page.locator(selector).evaluate((e) => getComputedStyle(e).backgroundColor);
    await expect(background("body")).resolves.toBe("rgb(20, 20, 20)");
    await expect(background("#card .ac-adaptiveCard")).resolves.toBe("rgb(41, 41, 41)");
    // one bar per person in a group meeting
    await expect(page.locator("#card svg.ac-chart text.ac-chart-label").allTextContents()).resolves.toEqual([
      "You",
      "FEE016 (Marketing Expert)",
      "MEE014 (Industrial Designer)",
      "MEO015 (Interface Designer)",
    ]);
    // prep: by default with whoever talked most besides the manager; pick another and the card follows
    await expect(page.locator("#prep-person option").allTextContents()).resolves.toEqual([
      "FEE016 (Marketing Expert)",
      "MEE014 (Industrial Designer)",
      "MEO015 (Interface Designer)",
    ]);
    await expect(page.locator("#prep-label").innerText()).resolves.toBe("· one-on-one prep with FEE016 (Marketing Expert)");
    await page.selectOption("#prep-person", "MEO015 (Interface Designer)");
    await expect.poll(() => page.locator("#prep-label").innerText()).toBe("· one-on-one prep with MEO015 (Interface Designer)");
    await expect(page.locator("#prep-card").innerText()).resolves.toContain("Prep for your one-on-one with MEO015 (Interface Designer)");
    await opened.shot("playground-dark.png");
    await opened.shot("playground-dark-card.png", { selector: "#card" });
    expectClean(opened);
    await opened.close();
  });

  it("390 px: nothing wider than the screen, the card unclipped, and without charts the manager's own name whole", async () => {
    const opened = await open({ width: 390 });
    const { page } = opened;
    await endSample(page, "ami-es2004a");
    const fits = () =>
      page.evaluate(() => {
        const frame = document.querySelector("#card")!;
        const card = frame.querySelector(".ac-adaptiveCard")!;
        const right = frame.getBoundingClientRect().right;
        const sticking = [...card.querySelectorAll("*")].filter((e) => e.getBoundingClientRect().right > right + 1).length;
        return { page: document.documentElement.scrollWidth, sticking, card: card.scrollWidth <= card.clientWidth };
      });
    await expect(fits()).resolves.toEqual({ page: 390, sticking: 0, card: true });
    await opened.shot("playground-390.png");
    await opened.shot("playground-390-card.png", { selector: "#card" });

    // what a client without charts shows: the rows in words, the manager's name wrapping, never cut
    await page.getByLabel(/Draw charts/).uncheck();
    const mine = page.locator("#card .ac-textBlock", { hasText: "You · FEE013 (Project Manager)" });
    await mine.waitFor({ state: "visible" });
    await expect(mine.evaluate((e) => e.scrollWidth <= e.clientWidth && getComputedStyle(e).textOverflow !== "ellipsis")).resolves.toBe(
      true,
    );
    await expect(fits()).resolves.toEqual({ page: 390, sticking: 0, card: true });
    await opened.shot("playground-390-fallback.png", { selector: "#card" });
    expectClean(opened);
    await opened.close();
  });

  it("a failed upload clears the earlier result and says why under the file; a run without a transcript says so by the button", async () => {
    const opened = await open();
    const { page } = opened;
    await endSample(page, "one-on-one");
    await expect(page.locator("#results").isVisible()).resolves.toBe(true);
    const bad = join(scratch, "notes.vtt");
    await writeFile(bad, "hello, this is not a transcript\nat all\n");
    await upload(page, bad);
    await expect.poll(() => page.locator("#upload-status").innerText()).toMatch(/^notes\.vtt: line 1: not a transcript/);
    await expect(page.locator("#results").isVisible()).resolves.toBe(false);
    await expect(page.locator("#card").innerHTML()).resolves.toBe("");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("upload-status");
    await page.getByRole("button", { name: "End the meeting" }).click();
    await expect(page.locator("#status").innerText()).resolves.toBe("Choose a transcript and its manager first.");
    await expect(page.locator("#status").getAttribute("role")).resolves.toBe("alert");
    // the bad request is the page's own, answered 400: the console shows the failed fetch, nothing else
    expect(opened.problems.filter((p) => !/status of 400/.test(p))).toEqual([]);
    expect(opened.offMachine).toEqual([]);
    await opened.close();
  });

  it("renders the 2-hour, 12-person card as the playground does (the stand-in for Agents Playground)", async () => {
    const opened = await open();
    const { page } = opened;
    const input = inputFromUtterances(longMeeting(), LONG_MEETING_MANAGER, { title: "Quarterly planning: all hands" });
    const card = coachingCard(input);
    await page.evaluate((json) => {
      const host = document.createElement("div");
      host.id = "long-card";
      host.className = "card-frame";
      document.querySelector("main")!.prepend(host);
      const rendered = new AdaptiveCards.AdaptiveCard();
      rendered.hostConfig = AttuneHost.hostConfig();
      rendered.parse(json);
      host.append(rendered.render()!);
    }, card);
    await expect(page.locator("#long-card svg.ac-chart text.ac-chart-label").count()).resolves.toBe(12);
    await opened.shot("card-2h-12-people.png", { selector: "#long-card" });
    expectClean(opened);
    await opened.close();
  });
});

// The page's globals, for page.evaluate above.
declare const AdaptiveCards: typeof import("adaptivecards");
declare const AttuneHost: { hostConfig(): import("adaptivecards").HostConfig };
