import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { foldForQuote } from "../../src/llm/untrusted-text.js";
import { teamsServices } from "../../src/bot/teams-services.js";
import { createLogger } from "../../src/log.js";
import { prepJsonSchema, type PrepJson } from "../../src/rendering/prep-json.js";
import type { Db } from "../../src/storage/db.js";
import { questionFor, shortName } from "../../src/prep/wording.js";
import { sharedMeetings } from "../../src/storage/history.js";
import { loadUtterances } from "../../src/storage/meetings.js";
import { findPerson } from "../../src/storage/people.js";
import { fixturesDir } from "../helpers/fixtures.js";
import { cardCharts, cardStrings, expectValidCard } from "../cards/validate-card.js";
import { freshStorage, type TestStorage } from "../helpers/fresh-storage.js";
import { GROUP_DATE, MANAGER, MIGRATION_QUOTE, ONE_ON_ONE_DATE, PERSON, RESTATEMENT, saveGroupMeeting, saveOneOnOne } from "./meetings.js";

const heuristic = { llm: null, prompts: null };
let store: TestStorage;
beforeAll(async () => {
  store = await freshStorage("prep");
  await saveOneOnOne(store);
});
afterAll(async () => store?.remove());

async function prep(...args: string[]): Promise<PrepJson> {
  const r = await store.cli(["prep", "--manager", "Renée", "--with", "Jordan", "--format", "json", ...args]);
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  return prepJsonSchema.parse(JSON.parse(r.out));
}

describe("wording", () => {
  it("addresses people by their given name and says back the first clause of what they said", () => {
    expect(shortName(PERSON)).toBe("Jordan");
    expect(shortName(MANAGER)).toBe("Renée");
    expect(shortName("FEE013 (Project Manager)")).toBe("FEE013");
    const at = new Date("2026-11-20T10:00:00Z");
    expect(questionFor("missed-concern", MIGRATION_QUOTE, at, true)).toBe(
      "Last time you said that the migration script still fails on the larger tenants. How is that going now?",
    );
    expect(questionFor("missed-concern", "Honestly I'm stretched pretty thin.", at, false)).toBe(
      "On 20 November you said that you're stretched pretty thin. How is that going now?",
    );
  });

  it("asks nothing from garbled speech: a question is built only from a clause that can be said back", () => {
    const at = new Date("2026-11-20T10:00:00Z");
    expect(questionFor("interrupted", "bit like so uh um in the form of my hand.", at, true)).toBeNull();
    // what cannot be said back whole may still name the feeling they named, in their own word
    expect(questionFor("missed-concern", "Uh, uh, I don't know, I-I guess I'm-I'm getting pretty frustrated with her.", at, true)).toBe(
      "Last time you mentioned feeling frustrated. How are things now?",
    );
    expect(questionFor("missed-concern", "I don't know, I'm not frustrated with her at all, it's fine.", at, true)).toBeNull();
    expect(questionFor("missed-concern", "It's really, really hard.", at, true, null, true)).toBeNull();
    expect(questionFor("missed-question", "Can we move the release to Friday?", at, true)).toBe(
      "Last time you asked whether we can move the release to Friday. What do you still need on that?",
    );
  });
});

describe("attune prep from the one-on-one sample", () => {
  it("the missed concern shows with its quote and date, the kept restatement as done well", async () => {
    const p = await prep();
    expect(p).toMatchObject({
      source: "heuristic",
      fallbackReason: null,
      manager: MANAGER,
      person: PERSON,
      firstName: "Jordan",
      dropped: 0,
    });
    expect(p.raised).toHaveLength(1);
    expect(p.raised[0]).toMatchObject({ kind: "missed-concern", quote: MIGRATION_QUOTE, utteranceId: "u4", title: "Release and on-call" });
    expect(p.raised[0]!.at.slice(0, 10)).toBe(ONE_ON_ONE_DATE);
    expect(p.wentWell).toEqual([
      expect.objectContaining({
        quote: RESTATEMENT,
        theirWords: "I can do it, but not before the release. I'm stretched pretty thin right now.",
      }),
    ]);
    expect(p.wentWell[0]!.at.slice(0, 10)).toBe(ONE_ON_ONE_DATE);
  });

  it("the quotes are in the stored transcript", async () => {
    const p = await prep();
    await store.withDb(async (db) => {
      const utterances = await loadUtterances(db, p.raised[0]!.meetingId);
      const said = utterances!.find((u) => u.id === p.raised[0]!.utteranceId)!;
      expect(said.speaker).toBe(PERSON);
      expect(foldForQuote(said.text)).toContain(foldForQuote(MIGRATION_QUOTE));
      expect(utterances!.find((u) => u.text.includes(RESTATEMENT))?.speaker).toBe(MANAGER);
    });
  });

  it("open questions build on Jordan's words; the reminder gives Renée's share: 77% in the last one-on-one", async () => {
    const p = await prep();
    expect(p.questions[0]).toMatchObject({
      question: "Last time you said that the migration script still fails on the larger tenants. How is that going now?",
      quote: MIGRATION_QUOTE,
    });
    // only one thing was raised: a general open question makes the second
    expect(p.questions).toHaveLength(2);
    expect(p.questions[1]).toMatchObject({ quote: null, meetingId: null });
    expect(p.questions[1]!.question).toMatch(/^What/);
    expect(p.habit).toMatchObject({ meetings: 1, oneOnOne: true, expectedShare: [0.2, 0.4], interruptions: 1 });
    expect(p.habit!.managerShare).toBeCloseTo(0.7741, 4);
    expect(p.reminder).toBe(
      "You talked 77% in your last one-on-one with Jordan; aim for 20%–40% and let Jordan do most of the talking. You came in before Jordan had finished once: let them finish, then start with what you heard.",
    );
    expect(p.meetings).toHaveLength(1);
    expect(p.meetings[0]!.personShare).toBeCloseTo(0.2259, 4);
    expect(p.share.direction).toBe("not-enough-meetings");
    // one shared meeting is not a trend: no chart, and the card says so
    const r = await store.cli(["prep", "--manager", MANAGER, "--with", "jordan", "--format", "card"]);
    const card = JSON.parse(r.out) as unknown;
    expectValidCard(card);
    expect(cardCharts(card)).toEqual([]);
    expect(cardStrings(card).some((s) => s.startsWith("23%, first shared meeting: no direction yet"))).toBe(true);
  });
});

describe("attune prep over two shared meetings", () => {
  beforeAll(async () => saveGroupMeeting(store), 60_000);

  it("Jordan's share per meeting and its trend: 10% in the group meeting, 23% in the one-on-one, rising", async () => {
    const p = await prep();
    expect(p.meetings.map((m) => [m.title, m.at.slice(0, 10), m.oneOnOne])).toEqual([
      ["Remote control kick-off", GROUP_DATE, false],
      ["Release and on-call", ONE_ON_ONE_DATE, true],
    ]);
    expect(p.share.values.map((v) => Number(v!.toFixed(4)))).toEqual([0.1003, 0.2259]);
    expect(p.share).toMatchObject({ direction: "rising", sparkline: "▂▃" });
    expect(p.meetings[0]!.managerShare).toBeCloseTo(0.5893, 4);
  });

  it("what was raised, latest first, each with its date and a question; a fragment ('How does it look like?') is not raised", async () => {
    const p = await prep();
    expect(p.raised.map((r) => [r.kind, r.at.slice(0, 10), r.quote])).toEqual([["missed-concern", ONE_ON_ONE_DATE, MIGRATION_QUOTE]]);
    // the team meeting's card shows no moment: "I feel that the remote should be very compact" is an opinion the
    // reply took up ("Small, right."), not a feeling left unheard (issue 17)
    expect(p.questions.map((q) => q.question)).toEqual([
      "Last time you said that the migration script still fails on the larger tenants. How is that going now?",
      "What's on your mind this week that we haven't talked about yet?",
    ]);
    // the habit is judged on one-on-ones: the group meeting does not dilute the 77%
    expect(p.reminder).toMatch(/^You talked 77% in your last one-on-one with Jordan;/);
  });

  it("text output", async () => {
    const { code, out, err } = await store.cli(["prep", "--manager", MANAGER, "--with", PERSON]);
    expect(err).toBe("");
    expect(code).toBe(0);
    expect(out).toContain(
      `Attune one-on-one prep: ${MANAGER} with ${PERSON}\nFrom 2 shared meetings, ${GROUP_DATE} to ${ONE_ON_ONE_DATE}; heuristic (no language model)`,
    );
    expect(out).toContain("Jordan's share of talk  ▂▃  10% → 23%, rising");
    expect(out).toContain(`  ${ONE_ON_ONE_DATE}  concern: “${MIGRATION_QUOTE}”`);
    expect(out).toContain(`What you did well with Jordan\n  ${ONE_ON_ONE_DATE}  you said back: “${RESTATEMENT}”`);
    expect(out).toContain(
      "Questions to ask\n  1. Last time you said that the migration script still fails on the larger tenants. How is that going now?\n",
    );
    expect(out).toContain("Your habit with Jordan\n  You talked 77% in your last one-on-one with Jordan");
  });

  it("markdown, and a valid Adaptive Card 1.5 with the quote and the questions", async () => {
    const md = await store.cli(["prep", "--manager", MANAGER, "--with", "jordan", "--format", "markdown"]);
    expect(md.out).toContain(`- ${ONE_ON_ONE_DATE}, concern: “${MIGRATION_QUOTE}”`);
    const r = await store.cli(["prep", "--manager", MANAGER, "--with", "jordan", "--format", "card"]);
    expect(r.code).toBe(0);
    const card = JSON.parse(r.out) as { version: string };
    expect(card.version).toBe("1.5");
    expectValidCard(card);
    const strings = cardStrings(card);
    expect(strings).toContain(`“${MIGRATION_QUOTE}”`);
    // Each question's number in a column of its own, so no client renders "1." twice (issue 18, item 5).
    expect(strings).toContain("Last time you said that the migration script still fails on the larger tenants. How is that going now?");
    expect(strings.filter((t) => /^\d+$/.test(t))).toEqual(["1", "2"]);
    expect(strings.filter((t) => /^\d+\. /.test(t))).toEqual([]);
    // one date style in the card: "2 Mar", never "2026-03-02" beside it
    expect(strings.filter((t) => /\d{4}-\d\d-\d\d/.test(t))).toEqual([]);
    expect(strings).toContain("From 2 shared meetings, 2 Mar to 9 Mar");
    // Jordan's share and Renée's over the two shared meetings, as a line chart, and in words for clients without charts
    const [line, ...more] = cardCharts(card);
    expect(more).toEqual([]);
    expect(line).toMatchObject({ type: "Chart.Line", yAxisTitle: "% of the talk" });
    expect(line!.data).toEqual([
      {
        legend: "Jordan",
        color: "categoricalLightBlue",
        values: [
          { x: "2 Mar", y: 10.03 },
          { x: "9 Mar", y: 22.59 },
        ],
      },
      {
        legend: "You",
        color: "categoricalPurple",
        values: [
          { x: "2 Mar", y: 58.93 },
          { x: "9 Mar", y: 77.41 },
        ],
      },
    ]);
    expect(cardStrings(line!.fallback)).toEqual(["Jordan's share, oldest first: 2 Mar 10%, 9 Mar 23%.", "Yours: 2 Mar 59%, 9 Mar 77%."]);
    expect(r.out).not.toMatch(/[▁▂▃▄▅▆▇█]/);
  });

  it("the bot's prep card reaches only people the manager has met", async () => {
    await store.withDb(async (db) => {
      const renee = await findPerson(db, "local", MANAGER);
      if (!renee.ok) throw new Error(renee.error.message);
      const prepCardFor = (store: Db, personId: string, who: string) =>
        teamsServices({
          db: store,
          log: createLogger("silent"),
          retentionDays: 30,
          fallbackTenant: "local",
          kick: () => undefined,
          coach: heuristic,
        }).prepCard(personId, who) as Promise<{ actions?: unknown }>;
      const card = await prepCardFor(db, renee.value.id, "jordan");
      expectValidCard(card);
      expect(cardStrings(card)).toContain("Refresh");
      expect(JSON.stringify(card.actions)).toContain(PERSON);
      const strangers = await prepCardFor(db, renee.value.id, "Zed");
      expect(cardStrings(strangers)).toContain("I have no stored meetings of yours with anyone called 'Zed'.");
      const two = await prepCardFor(db, renee.value.id, "FIO");
      expect(cardStrings(two).join(" ")).toMatch(
        /'FIO' matches 2 people you have met: FIO084 \(Industrial Designer\), FIO089 \(Marketing Expert\)/,
      );
      // sharedMeetings gives the prep the person's own utterances, and nobody else's
      const jordan = await findPerson(db, "local", "Jordan");
      if (!jordan.ok) throw new Error(jordan.error.message);
      const shared = await sharedMeetings(db, renee.value.id, jordan.value.id, [PERSON], 10);
      expect(shared.flatMap((s) => s.theirUtterances ?? []).every((u) => u.speaker === PERSON)).toBe(true);
    });
  });

  const errors: [string, string[], RegExp][] = [
    [
      "an unknown manager",
      ["prep", "--manager", "Zed", "--with", "Jordan"],
      /^attune prep: --manager: nobody called 'Zed' is stored; people include /,
    ],
    [
      "an unknown person",
      ["prep", "--manager", MANAGER, "--with", "Quinn"],
      /^attune prep: --with: nobody called 'Quinn' is stored; people include /,
    ],
    [
      "a manager with no meetings",
      ["prep", "--manager", "Jordan", "--with", "Renée"],
      /^attune prep: no meetings stored for Lee, Jordan \(Guest\); save one with attune analyze FILE --manager "Lee, Jordan \(Guest\)" --save$/,
    ],
    [
      "the manager as the person",
      ["prep", "--manager", MANAGER, "--with", "renee"],
      /^attune prep: --with names Renée Ortiz, the manager; give the person the one-on-one is with$/,
    ],
    ["no --with", ["prep", "--manager", MANAGER], /^attune prep: prep needs --with PERSON: whom the one-on-one is with$/],
  ];
  for (const [name, args, message] of errors) {
    it(`exits 2 with one line for ${name}`, async () => {
      const { code, out, err } = await store.cli(args);
      expect(code).toBe(2);
      expect(out).toBe("");
      expect(err.split("\n").filter(Boolean)).toHaveLength(1);
      expect(err.trimEnd()).toMatch(message);
    });
  }

  it("exits 2 with one line when the two never met", async () => {
    const saved = await store.cli([
      "analyze",
      `${fixturesDir}ami/ES2004a.teams.vtt`,
      "--manager",
      "FEE013",
      "--save",
      "--date",
      "2026-03-04",
    ]);
    expect(saved.code).toBe(0);
    const { code, err } = await store.cli(["prep", "--manager", MANAGER, "--with", "FEE013"]);
    expect(code).toBe(2);
    expect(err).toBe(
      `attune prep: no stored meetings of ${MANAGER} with FEE013 (Project Manager); save one with attune analyze FILE --manager "${MANAGER}" --save\n`,
    );
  });
});
