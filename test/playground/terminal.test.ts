import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { defaultLogFormat } from "../../src/log.js";
import { humanLine } from "../../src/log-lines.js";
import { launchChromium } from "../helpers/browser.js";
import { startAttune, type Running } from "../helpers/child-processes.js";
import { describeIf, NO_CHROMIUM } from "../helpers/skip-reason.js";
import { haveChromium } from "../helpers/browser.js";

/** Issue 18, item 1: what `npm start` prints while a newcomer uses the playground. */
let dataDir: string;
let server: Running | null = null;
let browser: Browser | null = null;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "attune-terminal-"));
});
afterAll(async () => {
  server?.kill("SIGKILL");
  await browser?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

it("logs human lines on a terminal and JSON lines elsewhere", () => {
  expect(defaultLogFormat(true)).toBe("human");
  expect(defaultLogFormat(false)).toBe("json");
  expect(defaultLogFormat(undefined)).toBe("json");
  const line = humanLine(
    JSON.stringify({
      level: 40,
      time: Date.UTC(2026, 11, 6, 16, 0, 5),
      module: "http",
      req: { method: "POST", path: "/x" },
      res: { statusCode: 404 },
      msg: "request completed",
    }),
  );
  expect(line).toMatch(/^\d\d:\d\d:\d\d warning: request completed · POST \/x 404$/);
});

describeIf(haveChromium, NO_CHROMIUM)("the terminal of `attune serve` in a browser session", () => {
  it("stays under 20 short lines through loading the playground and ending a sample meeting", async () => {
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, ATTUNE_DATA_DIR: dataDir };
    server = startAttune(["serve", "--port", "0", "--log-format", "human"], env);
    await expect
      .poll(() => server!.output().stdout, { timeout: 90_000, interval: 100 })
      .toMatch(/Attune is running at (http:\/\/127\.0\.0\.1:\d+)/);
    const url = /Attune is running at (http:\/\/127\.0\.0\.1:\d+)/.exec(server.output().stdout)![1]!;
    browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(`${url}/`);
    await page.selectOption("#sample", "one-on-one");
    await page.getByRole("button", { name: "End the meeting" }).click();
    await page.locator("#card .ac-adaptiveCard").waitFor({ state: "visible", timeout: 60_000 });
    await page.goto(`${url}/`);
    await page.close();
    server.kill("SIGTERM");
    const done = await server.done;
    const all = `${done.stdout}${done.stderr}`.trimEnd();
    const lines = all.split("\n");
    console.log(`--- attune serve wrote ${lines.length} lines ---\n${all}`);
    expect(done.code).toBe(0);
    expect(lines.length).toBeLessThan(20);
    for (const line of lines) {
      expect(line).not.toMatch(/^\{/);
      expect(line).not.toMatch(/warning|error/i);
      expect(line.length).toBeLessThanOrEqual(160);
    }
    expect(all).not.toContain("/vendor/");
  });
});
