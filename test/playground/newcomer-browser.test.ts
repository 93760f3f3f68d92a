import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { SHARE_WARM_UP_MS } from "../../src/live/nudge-policy.js";
import { FIRST_NUDGE_AFTER_MS } from "../../src/sidebar/panel-view.js";
import { startLocalAttune } from "../helpers/attune-server.js";
import { haveChromium, launchChromium } from "../helpers/browser.js";
import { devToken } from "../live/live-client.js";
import { describeIf, NO_CHROMIUM } from "../helpers/skip-reason.js";

/**
 * Issue 18: what a newcomer sees on a phone-sized screen in dark mode: the playground, its cards, and the
 * side panel in each of its states. Screenshots go to SCREENSHOTS (default /tmp/attune-newcomer).
 */
const shots = process.env.SCREENSHOTS ?? "/tmp/attune-newcomer";
const WIDTH = 390;
const haveBuild = existsSync(fileURLToPath(new URL("../../dist/sidebar/panel.js", import.meta.url)));
if (!haveBuild) throw new Error("dist/ is missing: run `npm run build` before this test: the panel's browser modules are compiled");

it("the panel's 'first nudge after' is the policy's warm-up", () => {
  expect(FIRST_NUDGE_AFTER_MS).toBe(SHARE_WARM_UP_MS);
});

describeIf(haveChromium, NO_CHROMIUM)("at 390 px in dark mode", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof startLocalAttune>>;
  beforeAll(async () => {
    server = await startLocalAttune({});
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(path: string, height = 844): Promise<{ page: Page; problems: string[]; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width: WIDTH, height }, colorScheme: "dark" });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`page: ${e.message}`));
    await page.goto(`${server.attune.url}${path}`);
    return { page, problems, requests };
  }

  /** Elements under `selector` whose right edge is past the viewport, or the page scrolls sideways. */
  async function clipped(page: Page, selector: string): Promise<string[]> {
    return page.evaluate(
      ({ selector, width }) => {
        const out: string[] = [];
        // Inside a box that scrolls sideways (the timeline, the plain-text report) is not clipped.
        const inScroller = (el: Element): boolean => {
          for (let p = el.parentElement; p; p = p.parentElement) if (/auto|scroll/.test(getComputedStyle(p).overflowX)) return true;
          return false;
        };
        if (document.documentElement.scrollWidth > width) out.push(`page is ${document.documentElement.scrollWidth} px wide`);
        for (const el of document.querySelectorAll<HTMLElement>(`${selector} *`)) {
          const box = el.getBoundingClientRect();
          if (box.width > 0 && box.right > width + 0.5 && !inScroller(el))
            out.push(
              `${el.tagName.toLowerCase()}.${String(el.getAttribute("class"))} "${(el.textContent ?? "").slice(0, 30)}" ends at ${Math.round(box.right)} px`,
            );
        }
        return out.slice(0, 5);
      },
      { selector, width: WIDTH },
    );
  }

  it("the playground: the one-on-one's coaching card and prep card fit, questions numbered 1, 2…", async () => {
    const { page, problems } = await open("/");
    await page.selectOption("#sample", "one-on-one");
    await page.getByRole("button", { name: "End the meeting" }).click();
    await page.locator("#card .ac-adaptiveCard").waitFor({ state: "visible", timeout: 60_000 });
    await page.locator("#prep-card .ac-adaptiveCard").waitFor({ state: "visible", timeout: 60_000 });
    await page.screenshot({ path: `${shots}/playground-390-dark.png`, fullPage: true });
    await page.locator("#card").screenshot({ path: `${shots}/coaching-card-390-dark.png` });
    await page.locator("#prep-card").screenshot({ path: `${shots}/prep-card-390-dark.png` });
    expect(await clipped(page, "#results")).toEqual([]);
    expect(await clipped(page, "main")).toEqual([]);
    const prep = await page.locator("#prep-card").innerText();
    expect(prep).toMatch(/Questions to ask\s+1\s+\S[\s\S]*\n2\s+\S/);
    expect(await page.evaluate(() => getComputedStyle(document.body).colorScheme)).toContain("dark");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("an uploaded Word transcript is named as one, with where the .vtt is (the CLI's words)", async () => {
    const { page, problems } = await open("/");
    await page.getByLabel("Upload a Teams transcript (.vtt)").check();
    const docx = Buffer.concat([Buffer.from("PK\u0003\u0004\u0014\u0000"), Buffer.from("word/document.xml and more")]);
    await page.setInputFiles("#file", { name: "Meeting transcript.docx", mimeType: "application/octet-stream", buffer: docx });
    await expect
      .poll(() => page.locator("#upload-status").innerText())
      .toBe(
        "Meeting transcript.docx: this is a Word document (.docx), not a transcript Attune can read; in Teams, open the meeting's Recap, then Transcript → Download → Download as .vtt",
      );
    await page.screenshot({ path: `${shots}/playground-docx-390-dark.png` });
    expect(await clipped(page, "main")).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the side panel says what it waits for: no meeting, no transcript yet, watching, a nudge", async () => {
    const alone = await open("/sidepanel");
    await expect
      .poll(() => alone.page.locator("#status").innerText(), { timeout: 20_000 })
      .toMatch(/^This is Attune's meeting side panel\./);
    expect(await alone.page.evaluate(() => document.body.className)).toContain("theme-dark");
    await alone.page.screenshot({ path: `${shots}/sidepanel-no-meeting-390-dark.png`, fullPage: true });
    expect(await clipped(alone.page, "body")).toEqual([]);
    await alone.page.close();

    const token = await devToken(server.dataDir, "nothing-live", "Renée Ortiz");
    const waiting = await open(`/sidepanel?meetingId=nothing-live&token=${encodeURIComponent(token)}`);
    await expect
      .poll(() => waiting.page.locator("#status").innerText(), { timeout: 20_000 })
      .toMatch(/nothing has been heard in this meeting yet/);
    expect(await waiting.page.locator("#status").innerText()).toMatch(/If it has ended, its coaching card comes in your chat/);
    await waiting.page.screenshot({ path: `${shots}/sidepanel-waiting-390-dark.png`, fullPage: true });
    // zod's English messages only, not its ~95 locale files (issue 18, item 2)
    const locales = waiting.requests.filter((p) => p.startsWith("/vendor/zod/v4/locales/"));
    expect(locales).toEqual(["/vendor/zod/v4/locales/en.js"]);
    expect(waiting.problems).toEqual([]);
    await waiting.page.close();

    const { page, problems } = await open("/", 1600);
    await expect.poll(() => page.locator("#live-sample option").count()).toBeGreaterThan(1);
    await page.selectOption("#live-sample", "one-on-one");
    await page.selectOption("#live-speed", "10");
    await page.getByRole("button", { name: "Play" }).click();
    const panel = page.frameLocator("#live-panel");
    await expect
      .poll(() => panel.locator("#watching").innerText(), { timeout: 30_000 })
      .toMatch(/^Watching: the first nudge can come after 1:00/);
    await panel.locator("#nudge").waitFor({ state: "visible", timeout: 60_000 });
    expect(await panel.locator("#nudge-text").innerText()).toMatch(
      /^You've done \d+% of the talking in the last \d+ seconds\. Ask before you answer\.$/,
    );
    expect(await panel.locator("#watching").isHidden()).toBe(true);
    await page.locator(".live-replay").screenshot({ path: `${shots}/playground-live-one-on-one-390-dark.png` });
    expect(await clipped(page, ".live-replay")).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
