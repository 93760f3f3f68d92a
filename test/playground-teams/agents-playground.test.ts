import { mkdir } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTeamsTry, type TeamsTry } from "../../scripts/agents-playground/teams-try-stack.js";
import { createLogger } from "../../src/log.js";
import { eventually } from "../helpers/attune-server.js";
import { haveChromium, launchChromium } from "../helpers/browser.js";
import { describeIf, NO_CHROMIUM } from "../helpers/skip-reason.js";
import { ConversationStream, type StreamedMessage } from "./conversation-stream.js";

/**
 * Attune in Microsoft 365 Agents Playground 0.2.28, Microsoft's own Teams test client, driven over the
 * Playground's HTTP and WebSocket API the way its web client drives it. The Playground has no meeting API
 * and no Graph: the stand-ins of `npm run teams:try` serve them, with a bundled meeting.
 */
let trial: TeamsTry;
let stream: ConversationStream;
const logLines: string[] = [];

beforeAll(async () => {
  trial = await startTeamsTry({
    env: { LOG_LEVEL: "info", DATABASE_URL: "" },
    log: createLogger("info", { write: (line: string) => void logLines.push(line) }),
  });
  stream = await ConversationStream.open(trial.playground.url);
});

afterAll(async () => {
  stream?.close();
  await trial?.stop();
});

const isCoachingCard = (m: StreamedMessage) => m.cards.some((c) => JSON.stringify(c).includes("Only you can see this card"));
const cardText = (m: StreamedMessage) => JSON.stringify(m.cards);
const fromBot = (m: StreamedMessage) => m.from === trial.playground.botId;

/** The Action.Execute buttons of a card, wherever they sit in it. */
function buttons(card: unknown): { verb: string; data: Record<string, unknown>; title?: string }[] {
  if (Array.isArray(card)) return card.flatMap(buttons);
  if (!card || typeof card !== "object") return [];
  const node = card as Record<string, unknown>;
  const own = node.type === "Action.Execute" && typeof node.verb === "string" ? [node as never] : [];
  return [...own, ...Object.values(node).flatMap(buttons)];
}

describe("Attune in Microsoft 365 Agents Playground", () => {
  it("installed in the personal chat, it greets the organizer (installationUpdate and conversationUpdate)", async () => {
    await trial.api.install(trial.playground.personalChatId);
    const welcome = await stream.waitFor("the welcome card", (m) => fromBot(m) && m.conversationId === trial.playground.personalChatId);
    expect(cardText(welcome)).toContain("Hi, I'm Attune");
  });

  it("answers help in the personal chat", async () => {
    await trial.api.say(trial.playground.personalChatId, trial.meeting.organizer.id, "help");
    const help = await stream.waitFor("the help card", (m) => fromBot(m) && cardText(m).includes("What you can ask me"));
    expect(help.conversationId).toBe(trial.playground.personalChatId);
  });

  it("added to the meeting chat, it says it is there and nothing else", async () => {
    await trial.api.install(trial.playground.groupChatId);
    const notice = await stream.waitFor("the meeting notice", (m) => fromBot(m) && m.conversationId === trial.playground.groupChatId);
    expect(cardText(notice)).toContain("Attune is in this meeting");
  });

  it("a meeting end brings exactly one private coaching card, to the organizer's personal chat", async () => {
    await trial.endMeeting();
    const card = await stream.waitFor("the coaching card", (m) => fromBot(m) && isCoachingCard(m), 60_000);
    expect(card.conversationId).toBe(trial.playground.personalChatId);
    expect(cardText(card)).toContain(trial.meeting.title);
    // The pipeline's terminal state, then the count: a second card would have been sent before it.
    await eventually(() => (logLines.some((l) => l.includes('"to":"delivered"')) ? true : undefined), 60_000, "the job to be delivered");
    expect(stream.messages.filter(isCoachingCard)).toHaveLength(1);
    const sentCards = trial.standIns.sent.filter((s) => JSON.stringify(s.activity).includes("Only you can see this card"));
    expect(sentCards.map((s) => s.conversationId)).toEqual([trial.playground.personalChatId]);
    expect(stream.messages.filter((m) => m.conversationId === trial.playground.groupChatId && isCoachingCard(m))).toHaveLength(0);
    // The meeting API and Graph the Playground lacks were asked through the stand-ins.
    expect(trial.standIns.calls.meetingInfo).toBeGreaterThanOrEqual(1);
    expect(trial.standIns.calls.content).toBeGreaterThanOrEqual(1);
  });

  it("a one-on-one with Jordan begins: the prep card in the organizer's personal chat only, and once (meetingStart)", async () => {
    // Before Jordan touches Attune in any other way (a press would store Jordan's Entra id under the Playground's name).
    // Jordan adds Attune personally (a custom activity: the Playground's install button acts as the organizer only),
    // under the name Teams wrote in the transcript, so Attune joins Jordan's Entra id to the person of the coached
    // meeting (as it does for anyone who messages it). At a meeting's start people are matched by that id, never by name.
    const jordan = { ...trial.meeting.participant, name: "Lee, Jordan (Guest)" };
    const installs = logLines.length;
    await trial.api.sendActivity(await trial.api.installedByActivity(trial.playground.personalChatId, jordan, trial.meeting.tenantId));
    await stream.waitFor("the welcome to Jordan", (m) => fromBot(m) && cardText(m).includes(`Hi ${jordan.name}`));
    expect(logLines.slice(installs).some((l) => l.includes("turn failed"))).toBe(false);
    const isPrepCard = (m: StreamedMessage) => cardText(m).includes("Prep for your one-on-one with");
    const noCard = () => logLines.filter((l) => l.includes("meeting start: no prep card")).length;

    await trial.startMeeting();
    const card = await stream.waitFor("the prep card", (m) => fromBot(m) && isPrepCard(m), 60_000);
    expect(card.conversationId).toBe(trial.playground.personalChatId);
    expect(cardText(card)).toContain("Jordan");
    expect(trial.standIns.calls.members).toBe(1);

    // Teams sends the start again: Attune says it already sent the card, and sends none.
    const before = noCard();
    await trial.startMeeting();
    await eventually(
      () => (noCard() > before && logLines.some((l) => l.includes('"reason":"already-sent"')) ? true : undefined),
      30_000,
      "the repeated start",
    );
    expect(stream.messages.filter(isPrepCard)).toHaveLength(1);
    const prepSent = trial.standIns.sent.filter((s) => JSON.stringify(s.activity).includes("Prep for your one-on-one with"));
    expect(prepSent.map((s) => s.conversationId)).toEqual([trial.playground.personalChatId]);
  });

  it("a button on the card is answered with the card again, for the organizer", async () => {
    const card = stream.messages.find(isCoachingCard)!;
    const pressable = buttons(card.cards).filter((b) => b.verb === "feedback" || b.verb === "showAllMoments");
    expect(pressable.length).toBeGreaterThan(0);
    const press = pressable.find((b) => b.verb === "feedback") ?? pressable[0]!;
    const answer = await trial.api.pressButton(trial.playground.personalChatId, trial.meeting.organizer.id, card.messageId, press);
    expect(answer.type).toBe("application/vnd.microsoft.card.adaptive");
    const text = JSON.stringify(answer.value);
    expect(text).toContain("Only you can see this card");
    expect(text).toContain(trial.meeting.title);
    if (press.verb === "feedback") expect(text).toContain("Thanks, noted.");
  });

  it("Practise this: the organizer types a restatement in the personal chat and reads how it landed", async () => {
    const card = stream.messages.find(isCoachingCard)!;
    const practise = buttons(card.cards).find((b) => b.verb === "practise");
    expect(practise).toBeDefined();
    const organizer = trial.meeting.organizer.id;
    const chat = trial.playground.personalChatId;
    const asked = await trial.api.pressButton(chat, organizer, card.messageId, practise!);
    expect(JSON.stringify(asked.value)).toContain("Practise saying it back");
    await trial.api.say(chat, organizer, "You should ask someone to help you with that.");
    const feedback = await stream.waitFor(
      "the feedback on the attempt",
      (m) => fromBot(m) && m.conversationId === chat && cardText(m).includes("Not said back yet"),
    );
    expect(cardText(feedback)).toContain("This is advice rather than a restatement");
  });

  it("another participant gets no coaching: not in the meeting chat, not by pressing the organizer's button", async () => {
    const jordan = trial.meeting.participant.id;
    const group = trial.playground.groupChatId;
    const sentBefore = trial.standIns.sent.length;
    await trial.api.say(group, jordan, "last", { id: trial.playground.botId, name: "Attune" });
    const refusal = await stream.waitFor(
      "the refusal in the meeting chat",
      (m) => fromBot(m) && m.conversationId === group && /private/i.test(m.text ?? ""),
    );
    expect(refusal.cards).toHaveLength(0);

    // Jordan replays the organizer's button (its meeting id) on the notice card in the meeting chat.
    const organizerButton = buttons(stream.messages.find(isCoachingCard)!.cards).find((b) => typeof b.data.meetingId === "string")!;
    const notice = stream.messages.find(
      (m) => fromBot(m) && m.conversationId === group && cardText(m).includes("Attune is in this meeting"),
    )!;
    const answer = await trial.api.pressButton(group, jordan, notice.messageId, {
      verb: "showAllMoments",
      data: { meetingId: organizerButton.data.meetingId },
    });
    const text = JSON.stringify(answer.value);
    expect(text).toContain("belongs to someone else");
    expect(text).not.toContain("Only you can see this card");
    expect(text).not.toContain(trial.meeting.title);
    // Nothing of the organizer's coaching went anywhere after that.
    expect(trial.standIns.sent.slice(sentBefore).some((s) => JSON.stringify(s.activity).includes("Only you can see this card"))).toBe(
      false,
    );
    expect(stream.messages.filter(isCoachingCard)).toHaveLength(1);
  });
});

describeIf(haveChromium, NO_CHROMIUM)("the card in the Playground's web client (headless Chromium)", () => {
  it("typing last in Microsoft's client shows the organizer's coaching card, drawn by its Adaptive Cards renderer", async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      // Its fonts and animations come from Microsoft's CDN; nothing here reaches the internet.
      await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort());
      await page.goto(trial.playground.url);
      await page.getByText("Personal Chat", { exact: true }).first().click();
      // The compose box is a rich-text editor (contenteditable), typed into as a person would.
      const box = page.locator('[data-lexical-editor="true"][role="textbox"]');
      await box.click();
      await page.keyboard.type("last");
      await page.keyboard.press("Enter");
      await page.getByText("Only you can see this card").first().waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: "Helpful", exact: true }).first().waitFor({ state: "visible", timeout: 10_000 });
      await mkdir("test-artifacts", { recursive: true });
      await page.screenshot({ path: "test-artifacts/agents-playground-card.png" });
    } finally {
      await browser.close();
    }
  });
});
