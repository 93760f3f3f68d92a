import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { coachMeeting } from "../../src/coaching/coach.js";
import { analyze } from "../../src/metrics/analyze.js";
import { htmlReport } from "../../src/rendering/html-report.js";
import { haveChromium, launchChromium } from "../helpers/browser.js";
import { transcriptOf } from "../helpers/fixtures.js";
import { artifactsDir, openOfflinePage } from "../helpers/offline-page.js";
import { describeIf, NO_CHROMIUM } from "../helpers/skip-reason.js";

/**
 * The HTML report of AMI ES2004a as a manager opens it: served from 127.0.0.1 (as a saved file would be read),
 * in light, dark, 390 px and print. Any request beyond the page itself is a failure. Screenshots and a PDF
 * go to test-artifacts/.
 */
const PM = "FEE013 (Project Manager)";
let html: string;
let server: Server;
let url: string;
let browser: Browser;
const requests: string[] = [];

beforeAll(async () => {
  const { utterances, format, cueCount } = transcriptOf("ami/ES2004a.teams.vtt");
  const analysis = analyze({ utterances, manager: PM });
  const coaching = await coachMeeting({ utterances, analysis, manager: PM }, { llm: null, prompts: null });
  html = htmlReport({ analysis, coaching, utterances, source: "ES2004a.teams.vtt", format, cueCount });
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
  }).listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/report.html`;
  if (haveChromium) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describeIf(haveChromium, NO_CHROMIUM)("the HTML report in headless Chromium", () => {
  for (const [name, options] of [
    ["report-light.png", { colorScheme: "light" as const }],
    ["report-dark.png", { colorScheme: "dark" as const }],
    ["report-390.png", { width: 390 }],
  ] as const) {
    it(`${name}: renders the timeline and the coaching with no error and no request but the page`, async () => {
      const before = requests.length;
      const opened = await openOfflinePage(browser, options);
      const { page } = opened;
      await page.goto(url);
      await expect(page.locator("svg.attune-timeline text.tl-label").allTextContents()).resolves.toEqual([
        `You · ${PM}`,
        "FEE016 (Marketing Expert)",
        "MEE014 (Industrial Designer)",
        "MEO015 (Interface Designer)",
      ]);
      // a discussion of four coached by the rules: the coaching section says in words why no moment is shown
      await expect(page.getByText("No moments are picked out in a discussion among several people").isVisible()).resolves.toBe(true);
      await expect(page.locator("p.habit").isVisible()).resolves.toBe(true);
      // the page never scrolls sideways; a narrow screen scrolls the timeline inside its box
      await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).resolves.toBe(true);
      if (options.colorScheme === "dark")
        await expect(page.evaluate(() => getComputedStyle(document.body).backgroundColor)).resolves.toBe("rgb(31, 31, 31)");
      await opened.shot(name);
      expect(opened.problems).toEqual([]);
      expect(opened.offMachine).toEqual([]);
      expect(requests.slice(before)).toEqual(["/report.html"]);
      await opened.close();
    });
  }

  it("prints: black on white, as a PDF and a print-media screenshot", async () => {
    const opened = await openOfflinePage(browser, { colorScheme: "dark" });
    const { page } = opened;
    await page.goto(url);
    await page.emulateMedia({ media: "print" });
    await expect(page.evaluate(() => getComputedStyle(document.body).color)).resolves.toBe("rgb(0, 0, 0)");
    await opened.shot("report-print.png");
    const pdf = await page.pdf({ path: `${artifactsDir}report.pdf`, format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(opened.problems).toEqual([]);
    expect(opened.offMachine).toEqual([]);
    await opened.close();
  });
});
