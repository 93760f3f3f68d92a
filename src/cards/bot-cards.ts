/** Small Adaptive Cards (schema 1.5) the bot sends besides the coaching card. Pure builders. */

type Element = Record<string, unknown>;

function card(body: Element[], actions: Element[] = []): Record<string, unknown> {
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body,
    ...(actions.length > 0 && { actions }),
  };
}

const heading = (text: string): Element => ({ type: "TextBlock", text, weight: "Bolder", size: "Medium", wrap: true });
const para = (text: string, extra: Element = {}): Element => ({ type: "TextBlock", text, wrap: true, ...extra });
const bullets = (items: string[]): Element => ({ type: "TextBlock", text: items.map((i) => `- ${i}`).join("\r"), wrap: true });

/** After a personal install: what Attune does, and that coaching is private. */
export function welcomeCard(name: string | null): Record<string, unknown> {
  return card([
    heading(`Hi${name ? ` ${name}` : ""}, I'm Attune`),
    para(
      "After meetings you organize, I read the Teams transcript and send you, and only you, a short coaching card: how the talk time was shared, the moments where you could have shown you listened, and a restatement you could have said.",
    ),
    para(
      "Nobody else sees your coaching, and it is never a score for HR. Turn on transcription in a meeting and add me to it to get a card afterwards.",
    ),
    para(
      "When a one-on-one you organize begins with someone you have met in a coached meeting, I send you, here, a prep card: their share of talk and yours last time, what they raised that was not picked up, one habit to keep in mind. Type **prep at start off** to stop it (**prep at start on** to have it again).",
    ),
    para("Type **help** for what I can do, or **privacy** for what I keep.", { isSubtle: true }),
  ]);
}

/** Posted once in a meeting chat: participants must know Attune is there. */
export function transparencyNoticeCard(): Record<string, unknown> {
  return card([
    heading("Attune is in this meeting"),
    para(
      "After the meeting, Attune analyses the transcript to coach the organizer, privately, on listening: talk-time balance and moments to restate what someone said. Nothing is posted here, and nobody is scored.",
    ),
    para(
      "Don't want to be included? Ask the organizer to remove Attune from the meeting, or after the meeting send Attune **forget me** in a personal chat to delete what it holds about you.",
      { isSubtle: true },
    ),
  ]);
}

export function helpCard(): Record<string, unknown> {
  return card([
    heading("What you can ask me"),
    bullets([
      "**last**: your coaching card from your latest meeting",
      "**trend**: your listening trend over recent meetings",
      "**prep NAME**: get ready for your next one-on-one with NAME",
      "**pause** / **resume**: stop or restart coaching cards",
      "**prep at start off** / **on**: stop or restart the prep card when a one-on-one begins",
      "**Practise this** on a moment of your card: type how you would say it back, and I'll tell you how it landed",
      "**privacy**: what I keep, and for how long",
      "**forget me**: delete everything I hold about you",
    ]),
  ]);
}

export function privacyCard(retentionDays: number): Record<string, unknown> {
  return card([
    heading("What Attune keeps"),
    bullets([
      `Meeting transcripts, for ${retentionDays} days, to build your coaching and one-on-one prep; then they are deleted.`,
      "Talk-time figures and your coaching reports, so you can see your trend. Only you receive them.",
      "Whether you found a coaching moment helpful, to improve the coaching.",
      "Whether each practice attempt said it back (never what you typed), for your trend.",
    ]),
    para(
      "Attune works from text and timings only: no audio, no video, no emotion detection. Type **forget me** to delete everything about you.",
      { isSubtle: true },
    ),
  ]);
}

export function noteCard(title: string, text: string): Record<string, unknown> {
  return card([heading(title), para(text)]);
}
