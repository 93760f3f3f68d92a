import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/log.js";
import { playgroundRouter, type PlaygroundDeps } from "../../src/playground/router.js";
import type { Db } from "../../src/storage/db.js";
import { openStorage } from "../../src/storage/open-storage.js";
import { MAX_ATTEMPT_CHARS } from "../../src/usecases/practise-attempt.js";
import { CHROMIUM, launchChromium } from "../helpers/browser.js";
import { describeIf, NO_CHROMIUM } from "../helpers/skip-reason.js";

const samplesDir = fileURLToPath(new URL("../../samples/", import.meta.url));
const artifactsDir = fileURLToPath(new URL("../../test-artifacts/", import.meta.url));
const QUOTE = "The migration script still fails";
const SAMPLE_TITLE = "One-on-one: release plan and on-call";
/** The coaching card's line that it is private to the manager. */
const PRIVACY_NOTE = "Only you can see this card";

let dataDir: string;
let db: Db;
let server: Server;
let base: string;
/** Everything the routers logged, as parsed pino lines. */
const logged: Array<Record<string, unknown>> = [];

const post = (path: string, body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  fetch(`${base}${path}`, { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "attune-playground-"));
  const opened = await openStorage({ databaseUrl: undefined, dataDir });
  if (!opened.ok) throw new Error(opened.error.message);
  db = opened.value;
  const log = createLogger("info", { write: (line: string) => void logged.push(JSON.parse(line) as Record<string, unknown>) });
  const deps: PlaygroundDeps = { db, coach: async () => ({ llm: null, prompts: null }), samplesDir, log, tenant: "playground-test" };
  const app = express();
  // Variants under a prefix: a prep module plugged in, a failing prep, and a coach that breaks.
  app.use(
    "/with-prep",
    playgroundRouter({
      ...deps,
      prep: async (_db, manager, person) => ({
        card: { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: `Prep with ${person}` }] },
        text: `prep: ${manager} with ${person}`,
      }),
    }),
  );
  app.use("/failing-prep", playgroundRouter({ ...deps, prep: async () => Promise.reject(new Error("prep store unavailable")) }));
  app.use("/broken", playgroundRouter({ ...deps, coach: async () => Promise.reject(new Error("coach exploded")) }));
  app.use("/", playgroundRouter(deps));
  server = app.listen(0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => server.once("listening", resolve).once("error", reject));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await db?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("playground API", () => {
  it("lists the bundled sample meetings with their managers and speakers", async () => {
    const res = await fetch(`${base}/playground/api/samples`);
    expect(res.status).toBe(200);
    const samples = (await res.json()) as Array<{ id: string; title: string; manager: string; speakers: string[] }>;
    expect(samples.map((s) => s.id)).toEqual(["one-on-one", "one-on-one-2", "one-on-one-3", "ami-es2004a", "ami-is1009a"]);
    const byId = new Map(samples.map((s) => [s.id, s]));
    expect(byId.get("one-on-one")).toMatchObject({
      title: SAMPLE_TITLE,
      manager: "Renée Ortiz",
      speakers: ["Renée Ortiz", "Lee, Jordan (Guest)"],
    });
    expect(byId.get("ami-es2004a")?.manager).toBe("FEE013 (Project Manager)");
    expect(byId.get("ami-is1009a")?.manager).toBe("FIE088 (Project Manager)");
    for (const s of samples) expect(s.speakers).toContain(s.manager);
  });

  it("serves the page, the card renderer and the page's own assets, with a strict content policy", async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain("Local mode: Bot Framework authentication is off; this page is only served on 127.0.0.1.");
    expect(html).toContain("End the meeting");
    const renderer = await fetch(`${base}/vendor/adaptivecards.js`);
    expect(renderer.status).toBe(200);
    expect(renderer.headers.get("content-type")).toMatch(/javascript/);
    expect((await renderer.text()).length).toBeGreaterThan(100_000);
    for (const asset of ["/playground.js", "/playground.css"]) expect((await fetch(`${base}${asset}`)).status).toBe(200);
  });

  it("runs the one-on-one sample: coaching card with the quote and a suggestion, the report, stored once", async () => {
    const res = await post("/playground/api/run", { sampleId: "one-on-one" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { card: Record<string, unknown>; cardText: string; report: string; prep: unknown; coach: string };
    expect(body.coach).toBe("heuristic");
    expect(body.card).toMatchObject({ type: "AdaptiveCard", version: "1.5" });
    const card = JSON.stringify(body.card);
    expect(card).toContain(QUOTE);
    expect(card).toContain("Did I get that right?");
    expect(card).toContain(SAMPLE_TITLE);
    expect(body.cardText).toContain(QUOTE);
    expect(body.report).toContain(`Attune listening report: ${SAMPLE_TITLE}`);
    expect(body.report).toContain("Listening indicators for Renée Ortiz");
    expect(body.prep).toBeNull();

    expect((await post("/playground/api/run", { sampleId: "one-on-one" })).status).toBe(200);
    const stored = await db.query<{ source: string; title: string; tenant_id: string; reports: number }>(
      `select m.source, m.title, m.tenant_id, (select count(*)::int from coaching_reports r where r.meeting_id = m.id) as reports
       from meetings m where m.source = 'playground' and m.title = $1`,
      [SAMPLE_TITLE],
    );
    expect(stored.rows).toEqual([{ source: "playground", title: SAMPLE_TITLE, tenant_id: "playground-test", reports: 1 }]);
  });

  it("coaches an uploaded transcript, finding the manager from part of the name", async () => {
    const vtt = await readFile(join(samplesDir, "one-on-one.vtt"), "utf8");
    const speakers = await post("/playground/api/speakers", { vtt });
    expect(speakers.status).toBe(200);
    expect(await speakers.json()).toEqual({ speakers: ["Renée Ortiz", "Lee, Jordan (Guest)"] });

    const run = await post("/playground/api/run", { vtt, manager: "renee", title: "Uploaded one-on-one" });
    expect(run.status).toBe(200);
    const body = (await run.json()) as { card: unknown; report: string };
    expect(JSON.stringify(body.card)).toContain(QUOTE);
    expect(body.report).toContain("Attune listening report: Uploaded one-on-one");
  });

  it("answers a bad transcript with 400 and the parser's message on one line", async () => {
    for (const path of ["/playground/api/speakers", "/playground/api/run"]) {
      const res = await post(path, { vtt: "hello, this is not a transcript\nat all", manager: "Someone" });
      expect(res.status).toBe(400);
      const { error } = (await res.json()) as { error: string };
      expect(error).toMatch(/^line 1: not a transcript: expected a WebVTT file/);
      expect(error).not.toContain("\n");
    }
    const badTiming = await post("/playground/api/speakers", { vtt: "WEBVTT\n\n00:00:01.000 --> soon\n<v A>Hi</v>\n" });
    expect(badTiming.status).toBe(400);
    expect(((await badTiming.json()) as { error: string }).error).toMatch(/^line \d+: /);
  });

  it("answers other bad input with 400 and one line", async () => {
    const vtt = await readFile(join(samplesDir, "one-on-one.vtt"), "utf8");
    const cases: Array<[unknown, RegExp]> = [
      [{ sampleId: "nope" }, /^no sample meeting 'nope'; samples are 'one-on-one'/],
      [{ vtt, manager: "Nobody" }, /^manager: no speaker matches 'Nobody'; speakers are /],
      [{ vtt }, /^manager: pick the manager/],
      [{ vtt: "" }, /empty/],
      [[], /^send \{ sampleId \} or \{ vtt, manager \}$/],
    ];
    for (const [body, message] of cases) {
      const res = await post("/playground/api/run", body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      const { error } = (await res.json()) as { error: string };
      expect(error).toMatch(message);
      expect(error).not.toContain("\n");
    }
    const notJson = await post("/playground/api/run", "{not json");
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: string }).error).not.toContain("\n");
    const tooLarge = await post("/playground/api/speakers", { vtt: `WEBVTT\n\n${"x".repeat(6 * 1024 * 1024)}` });
    expect(tooLarge.status).toBe(413);
  });

  it("plugs in the one-on-one prep with the person who talked most besides the manager", async () => {
    const res = await post("/with-prep/playground/api/run", { sampleId: "ami-is1009a" });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { prep: { card: unknown; text: string } | null };
    expect(body.prep?.text).toBe("prep: FIE088 (Project Manager) with FIO089 (Marketing Expert)");

    const failing = await post("/failing-prep/playground/api/run", { sampleId: "one-on-one" });
    expect(failing.status).toBe(200);
    expect(((await failing.json()) as { prep: unknown }).prep).toBeNull();
  });

  it("answers a server failure with a generic 500, logged once and without what people said", async () => {
    const before = logged.length;
    const res = await post("/broken/playground/api/run", { sampleId: "one-on-one" });
    expect(res.status).toBe(500);
    const { error } = (await res.json()) as { error: string };
    expect(error).not.toMatch(/coach exploded/);
    const errors = logged.slice(before).filter((line) => (line.level as number) >= 50);
    expect(errors).toHaveLength(1);
    expect(JSON.stringify(errors[0])).toContain("coach exploded");
    const everything = JSON.stringify(logged);
    for (const said of [QUOTE, "migration script", "Did I get that right", "soak tests"]) expect(everything).not.toContain(said);
  });
});

/** The data of the card's first "Practise this" (Action.Execute, verb practise). */
function practiseData(card: unknown): { meetingId: string; utteranceId: string } {
  const found: Array<{ meetingId: string; utteranceId: string }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      const o = node as Record<string, unknown>;
      if (o.type === "Action.Execute" && o.verb === "practise") found.push(o.data as { meetingId: string; utteranceId: string });
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  if (!found[0]) throw new Error("the card has no Practise this");
  return found[0];
}

const GOOD_ATTEMPT = "So the migration script still fails, and with on-call as well the weekend feels like too much. Did I get that right?";
const ADVICE = "You should just ask Sam to cover on-call.";

describe("practice beside the card", () => {
  const manager = "Renée Ortiz";
  let moment: { meetingId: string; utteranceId: string };
  beforeAll(async () => {
    const run = await post("/playground/api/run", { sampleId: "one-on-one" });
    moment = practiseData(((await run.json()) as { card: unknown }).card);
  });
  const attempts = async () =>
    (
      await db.query<{ restates: boolean }>("select restates from practice_attempts where meeting_id = $1 order by restates", [
        moment.meetingId,
      ])
    ).rows;
  const errorOf = async (res: Response) => {
    const { error } = (await res.json()) as { error: string };
    expect(error).not.toContain("\n");
    return error;
  };

  it("shows the person's words at the moment", async () => {
    const res = await post("/playground/api/practise/moment", { manager, ...moment });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ speaker: "Lee, Jordan (Guest)", quote: expect.stringContaining(QUOTE) });
  });

  it("reads a good attempt and an advice, counts both for the trend, and logs neither", async () => {
    const before = logged.length;
    const good = await post("/playground/api/practise", { manager, ...moment, attempt: GOOD_ATTEMPT });
    expect(good.status).toBe(200);
    const read = (await good.json()) as { restates: boolean; feedback: string; example: string | null; moment: { speaker: string } };
    expect(read).toMatchObject({ restates: true, example: null, moment: { speaker: "Lee, Jordan (Guest)" } });
    expect(read.feedback).toMatch(/^You said back what they told you/);

    const advice = await post("/playground/api/practise", { manager, ...moment, attempt: ADVICE });
    expect(advice.status).toBe(200);
    const second = (await advice.json()) as { restates: boolean; feedback: string; example: string | null };
    expect(second.restates).toBe(false);
    expect(second.feedback).toMatch(/advice rather than a restatement/);
    // the card gives a starter for this worry, so the reading writes no example either
    expect(second.example).toBeNull();

    expect(await attempts()).toEqual([{ restates: false }, { restates: true }]);
    const trend = await post("/playground/api/trend", { manager });
    expect(((await trend.json()) as { text: string }).text).toContain("Practice: 2 practice attempts, 1 said back.");
    const lines = logged.slice(before);
    expect(lines.filter((l) => l.msg === "playground practice attempt read")).toHaveLength(2);
    const everything = JSON.stringify(lines);
    for (const said of ["migration script", "on-call", "Sam", QUOTE]) expect(everything).not.toContain(said);
  });

  it("refuses an empty or oversize attempt with one line, and counts nothing", async () => {
    const counted = (await attempts()).length;
    for (const attempt of ["", "   \n "]) {
      const res = await post("/playground/api/practise", { manager, ...moment, attempt });
      expect(res.status).toBe(400);
      expect(await errorOf(res)).toBe("the attempt is empty; type how you would say back what they said");
    }
    const over = await post("/playground/api/practise", { manager, ...moment, attempt: "a".repeat(MAX_ATTEMPT_CHARS + 1) });
    expect(over.status).toBe(400);
    expect(await errorOf(over)).toBe(`the attempt is ${MAX_ATTEMPT_CHARS + 1} characters; a restatement fits in ${MAX_ATTEMPT_CHARS}`);
    const padded = await post("/playground/api/practise", { manager, ...moment, attempt: ` ${"a".repeat(MAX_ATTEMPT_CHARS)} ` });
    expect(padded.status).toBe(200);
    const huge = await post("/playground/api/practise", { manager, ...moment, attempt: "a".repeat(20_000) });
    expect(huge.status).toBe(413);
    expect(await errorOf(huge)).toMatch(/too large/);
    expect((await attempts()).length).toBe(counted + 1);
  });

  it("refuses another manager's moment, a moment not on the card and bad bodies with one line", async () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ["/playground/api/practise", { manager: "Lee, Jordan", ...moment, attempt: ADVICE }, /^That moment's card was deleted/],
      ["/playground/api/practise/moment", { manager: "Lee, Jordan", ...moment }, /^This moment belongs to someone else's card/],
      ["/playground/api/practise/moment", { manager, ...moment, utteranceId: "u999" }, /^This moment belongs to someone else's card/],
      ["/playground/api/practise/moment", { manager: "Nobody", ...moment }, /^manager: nobody called 'Nobody' is stored; people include /],
      ["/playground/api/practise", { manager, ...moment }, /^attempt must be text$/],
      ["/playground/api/practise/moment", [], /^send \{ manager, meetingId, utteranceId \}$/],
    ];
    for (const [path, body, message] of cases) {
      const res = await post(path, body);
      expect(res.status, `${path} ${JSON.stringify(body).slice(0, 60)}`).toBe(400);
      expect(await errorOf(res)).toMatch(message);
    }
  });
});

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`playground browser test skipped: ${CHROMIUM} is absent (apt-get install chromium)`);

describeIf(haveChromium, NO_CHROMIUM)("playground page in headless Chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh page that records console errors, uncaught exceptions and failed requests. */
  async function openPage(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const problems: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page: ${error.message}`));
    page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
    await page.goto(`${base}/`);
    return { page, problems };
  }

  it("runs the one-on-one sample and renders the coaching card with the Adaptive Cards renderer", async () => {
    const { page, problems } = await openPage();
    await expect(page.getByRole("note").textContent()).resolves.toContain("Bot Framework authentication is off");
    await page.selectOption("#sample", "one-on-one");
    await page.getByRole("button", { name: "End the meeting" }).click();
    const card = page.locator("#card .ac-adaptiveCard");
    await card.waitFor({ state: "visible", timeout: 60_000 });

    const text = await card.innerText();
    expect(text).toContain(SAMPLE_TITLE);
    expect(text).toContain(QUOTE);
    expect(text).toContain("Did I get that right?");
    expect(text).toContain(PRIVACY_NOTE);

    await mkdir(artifactsDir, { recursive: true });
    await page.locator("#card").screenshot({ path: join(artifactsDir, "playground-card.png") });
    await page.screenshot({ path: join(artifactsDir, "playground-page.png"), fullPage: true });
    expect(existsSync(join(artifactsDir, "playground-card.png"))).toBe(true);

    await expect(page.locator("#report").innerText()).resolves.toContain("Listening indicators for Renée Ortiz");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("coaches an uploaded .vtt for the manager picked from its speakers; card buttons other than Practise say they go to the bot", async () => {
    const { page, problems } = await openPage();
    await page.getByLabel("Upload a Teams transcript (.vtt)").check();
    await page.setInputFiles("#file", join(samplesDir, "one-on-one.vtt"));
    await expect.poll(() => page.locator("#manager option").allTextContents()).toEqual(["Renée Ortiz", "Lee, Jordan (Guest)"]);
    await page.selectOption("#manager", "Renée Ortiz");
    await page.getByRole("button", { name: "End the meeting" }).click();
    const card = page.locator("#card .ac-adaptiveCard");
    await card.waitFor({ state: "visible", timeout: 60_000 });
    expect(await card.innerText()).toContain(QUOTE);

    await card.getByRole("button", { name: "Helpful", exact: true }).click();
    await expect(page.locator("#card + .note").innerText()).resolves.toMatch(/^In Teams, this goes to the bot \(feedback\)/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("practises a moment beside the card: the person's words, a typed attempt, and how it landed", async () => {
    const { page, problems } = await openPage();
    await page.selectOption("#sample", "one-on-one");
    await page.getByRole("button", { name: "End the meeting" }).click();
    const card = page.locator("#card .ac-adaptiveCard");
    await card.waitFor({ state: "visible", timeout: 60_000 });
    await card.getByRole("button", { name: "Practise this" }).first().click();
    const quote = page.locator("#practice-quote");
    await quote.filter({ hasText: QUOTE }).waitFor({ state: "visible", timeout: 60_000 });
    expect(await page.locator("#practice-speaker").innerText()).toBe("Lee, Jordan (Guest) said:");
    expect(await page.locator("#card + .note").isHidden()).toBe(true);

    await page.getByLabel("How would you say that back to them?").fill(GOOD_ATTEMPT);
    await page.getByRole("button", { name: "Read my attempt" }).click();
    const verdict = page.locator("#practice-verdict");
    await verdict.waitFor({ state: "visible", timeout: 60_000 });
    expect(await verdict.innerText()).toBe("You said it back");
    expect(await page.locator("#practice-observation").innerText()).toMatch(/^You said back what they told you/);
    expect(await page.locator("#practice-example").isHidden()).toBe(true);

    await page.getByLabel("How would you say that back to them?").fill(ADVICE);
    await page.getByRole("button", { name: "Read my attempt" }).click();
    await verdict.filter({ hasText: "Not said back yet" }).waitFor({ state: "visible", timeout: 60_000 });
    expect(await page.locator("#practice-observation").innerText()).toMatch(/advice rather than a restatement/);
    expect(await page.locator("#practice-example").isHidden()).toBe(true);
    await page
      .locator("#trend-card")
      .filter({ hasText: /Practice: \d+ practice attempts, \d+ said back\./ })
      .waitFor({ timeout: 60_000 });

    await page.getByLabel("How would you say that back to them?").fill("   ");
    await page.getByRole("button", { name: "Read my attempt" }).click();
    await page.locator("#practice-status.error").filter({ hasText: "the attempt is empty" }).waitFor({ timeout: 60_000 });
    expect(await verdict.isHidden()).toBe(true);

    await mkdir(artifactsDir, { recursive: true });
    await page.locator(".teams").screenshot({ path: join(artifactsDir, "playground-practice.png") });
    // the empty attempt's 400, and nothing else
    expect(problems).toEqual(["console: Failed to load resource: the server responded with a status of 400 (Bad Request)"]);
    await page.close();
  });
});
