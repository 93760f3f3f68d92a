import { describe, expect, it } from "vitest";
import { pickMoments } from "../../src/coaching/moments.js";
import { whatHappened } from "../../src/coaching/what-happened.js";
import type { Utterance } from "../../src/transcript/schema.js";
import { talk } from "../helpers/talk.js";

const MANAGER = "Sam";

const momentsOf = (utterances: Utterance[]) => pickMoments(utterances, MANAGER).candidates;
/** What each moment quotes from: the words of the utterances that raise it. */
const triggerTexts = (utterances: Utterance[]) => momentsOf(utterances).map((c) => c.trigger.map((u) => u.text).join(" "));

/**
 * Issue 17: 41 of 81 moments judged were flagged although the manager had reflected, answered, disagreed or asked
 * about the point, and others were no listening moment at all. Each pattern, in a realistic exchange.
 */
describe("a moment only where they raised something and the reply did not take it up", () => {
  it("flags a worry answered with advice, and says so truly", () => {
    const candidates = momentsOf(
      talk(
        ["Lee", "I'm worried the ledger migration won't finish before the freeze, every dry run has stalled at the second batch."],
        [MANAGER, "You should ask the platform team for a bigger database instance."],
      ),
    );
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.raised).toBe("worry");
    expect(whatHappened(candidates[0]!)).toBe(
      "You replied \"You should ask the platform team for a bigger database…\" without first saying back that they're worried the ledger migration won't finish before the freeze.",
    );
    // where the clause cannot be told of them plainly (a "they" of its own), the line names only the kind of thing
    const theirs = momentsOf(
      talk(
        ["Lee", "I'm worried they won't finish the ledger migration before the freeze, every dry run has stalled."],
        [MANAGER, "You should ask the platform team for a bigger database instance."],
      ),
    );
    expect(whatHappened(theirs[0]!)).toBe(
      'You replied "You should ask the platform team for a bigger database…" without first saying back the worry they raised.',
    );
  });

  it("flags a worry brushed aside with a 'but'", () => {
    const candidates = momentsOf(
      talk(
        ["Lee", "I'm worried I'm the only one who knows that code, and I'm on call the weekend of the release."],
        [MANAGER, "Right, but the soak tests will catch anything serious before then."],
      ),
    );
    expect(candidates.map((c) => c.raised)).toEqual(["worry"]);
  });

  it("not where the reply asked about it, right away or after an 'okay'", () => {
    for (const reply of ["What makes the second batch stall?", "Okay. Can you tell me a little bit more about that?"]) {
      const utterances = talk(
        ["Lee", "I'm worried the ledger migration won't finish before the freeze, every dry run has stalled at the second batch."],
        [MANAGER, reply],
      );
      expect(momentsOf(utterances)).toEqual([]);
    }
  });

  it("not where the reply disagreed with a proposal, or agreed with it in so many words", () => {
    for (const reply of [
      "No, I think the pilot is the only thing that tells us whether customers want it.",
      "I think that's exactly right.",
    ]) {
      const utterances = talk(
        ["Ari", "I think we should drop the pilot and put the two of us on the checkout rewrite instead, it keeps slipping."],
        [MANAGER, reply],
      );
      expect(momentsOf(utterances)).toEqual([]);
    }
  });

  it("not where the reply answered their question in its terms", () => {
    const utterances = talk(
      ["Ari", "I'm not sure about the budget: can we still hire the contractor for the data migration this quarter?"],
      [MANAGER, "Yes, the contractor for the migration is in this quarter's budget, finance signed it off on Monday."],
    );
    expect(momentsOf(utterances)).toEqual([]);
  });

  it("not where the reply reflected it", () => {
    const utterances = talk(
      ["Lee", "Honestly the on-call load is too much for me right now, I've been paged four nights in a row."],
      [MANAGER, "It sounds like being paged night after night has worn you down."],
    );
    expect(momentsOf(utterances)).toEqual([]);
  });

  it("never logistics, a fragment, note-taking or a description with nothing of their own in it", () => {
    const utterances = talk(
      ["Ari", "Can you maximize the window so all that stuff on the side doesn't appear?"],
      [MANAGER, "Sure, there you go."],
      ["Ari", "Well, I guess."],
      [MANAGER, "Let's look at the next slide then."],
      ["Kim", "And uh, birds of prey, intrepid. I'll put that, intrepid."],
      [MANAGER, "That's lovely."],
      [
        "Kim",
        "The second path is an MLP using nine frames of features, and the third path is the low-pass filter, which runs after the KLT on every channel we record in the room.",
      ],
      [MANAGER, "Right, and the results for the third path are in the table."],
    );
    expect(momentsOf(utterances)).toEqual([]);
  });

  it("a felt on a paper machine is a thing, not a feeling", () => {
    const utterances = talk(
      ["Curt", "I think part of it's the felts, they're due, and the felt change isn't till shutdown."],
      [MANAGER, "Right, and the dryer section?"],
    );
    expect(momentsOf(utterances).map((c) => c.raised)).not.toContain("feeling");
    // said of themselves, it is one
    const felt = talk(["Curt", "I felt really let down when the felt change was moved again."], [MANAGER, "Right, and the dryer section?"]);
    expect(momentsOf(felt).map((c) => c.raised)).toContain("feeling");
  });

  it("quotes what came after a bare 'I hear you', so the line does not read as if the acknowledgement were the fault", () => {
    const [c] = momentsOf(
      talk(
        ["Lee", "The nursery closes at six, so I need to leave by quarter past five, and I'm a bit worried about close weeks."],
        [MANAGER, "Yeah, I hear you. So on the audit list, the main thing is the additions schedule."],
      ),
    );
    expect(c && whatHappened(c)).toBe(
      'You replied "Yeah, I hear you." and then "So on the audit list, the main thing is the…" without first saying back that they\'re a bit worried about close weeks.',
    );
  });

  it("quotes the reply past the listener's excuse for what they were doing, or a call for attention", () => {
    for (const before of ["Sorry, sorry, I'm typing.", "Okay. Listen to me. Listen."]) {
      const [c] = momentsOf(
        talk(
          ["Lee", "The nursery closes at six, so I need to leave by quarter past five, and I'm a bit worried about close weeks."],
          [MANAGER, `${before} So on the audit list, the main thing is the additions schedule.`],
        ),
      );
      expect(c && whatHappened(c), before).toBe(
        'You replied "So on the audit list, the main thing is the…" without first saying back that they\'re a bit worried about close weeks.',
      );
    }
  });

  it("reads a turn from the start of the sentence its last utterances open in", () => {
    const [c] = momentsOf(
      talk(
        ["Lee", "So, the nursery closes at six."],
        ["Lee", "So I kind of need to leave by about quarter past five,"],
        ["Lee", "which, I don't know, maybe that's fine, but with close on day four I'm a bit worried about those weeks."],
        ["Lee", "I was wondering if I could start at eight and finish at four."],
        ["Lee", "I don't want to be the person who's always leaving early."],
        [MANAGER, "Right. On the audit list, the main thing is the additions schedule."],
      ),
    );
    expect(c?.turn.map((u) => u.id)).toEqual(["u2", "u3", "u4", "u5"]);
  });

  it("names what they raised: a proposal is not called a worry, and an early reply is not 'they stopped'", () => {
    const utterances: Utterance[] = [
      {
        id: "u1",
        speaker: "Ari",
        startMs: 0,
        endMs: 9000,
        text: "I think we should move the demo to Friday so the data team can finish the export first.",
      },
      { id: "u2", speaker: MANAGER, startMs: 7000, endMs: 9500, text: "Okay, anyway, the budget numbers." },
    ];
    const [c] = momentsOf(utterances);
    expect(c?.raised).toBe("proposal");
    const line = whatHappened(c!);
    // the line says what was said, never a talk-over a transcript's loose timings cannot show of one sentence
    expect(line).toBe('You replied "Okay, the budget numbers." without first saying back what they said.');
    expect(line).not.toMatch(/worry|stopped/);
    // someone else's anger in their story is no feeling they said of themselves
    const [angry] = momentsOf(
      talk(
        ["Kelly", "They had to wait with the tourists, and the manager, Mr. Hollis, he wrote me very angry."],
        [MANAGER, "Then we don't use the boat until the river goes down."],
      ),
    );
    expect(angry?.raised).toBe("feeling");
    expect(whatHappened(angry!)).toBe(
      'You replied "Then we don\'t use the boat until the river goes…" without first saying back what they told you.',
    );
  });
});

describe("no point of theirs left unheard", () => {
  it("where they put it off themselves, said sorry, or spoke of the manager", () => {
    const turnsToDashboard = [MANAGER, "Okay. Let me share, um, let me share the dashboard. Can you see it?"] as [string, string];
    const deferred = "I also have the commissions issue. But it's connected to the numbers, so we can do it there.";
    expect(momentsOf(talk(["Brian", deferred], turnsToDashboard))).toEqual([]);
    // the same problem not put off is one
    expect(
      momentsOf(talk(["Brian", "I also have the commissions issue. The agents are two months behind."], turnsToDashboard)),
    ).toHaveLength(1);
    const movesOn = [MANAGER, "No, no sorry needed. Right. So, back to hours."] as [string, string];
    expect(
      momentsOf(talk(["Ciara", "Okay. Sorry, I didn't think it was a big deal when it kept passing the second time."], movesOn)),
    ).toEqual([]);
    // put off by themselves, in other words; or their agreement with the manager's suggestion
    const idea = "Not really, I mean, the roster stuff. And I had a sort of idea thing, but it can wait till the end.";
    expect(momentsOf(talk(["Tom", idea], [MANAGER, "Okay, an idea thing. Right, anyway, the rota."]))).toEqual([]);
    const autos = (first: string) => `${first} The auto renewals I don't mind doing myself.`;
    const focus = [MANAGER, "Ha, welcome to the trade."] as [string, string];
    expect(momentsOf(talk(["David", autos("Yeah. That's true.")], focus))).toEqual([]);
    expect(momentsOf(talk(["David", autos("Yeah. Honestly.")], focus))).toHaveLength(1);
    // a joke at praise, opened with a laugh
    const packOut = [MANAGER, "I could tell. You're a star. Okay, wine club pack-out."] as [string, string];
    expect(momentsOf(talk(["Tom", "Ha, I deleted about three versions of the message first."], packOut))).toEqual([]);
    expect(momentsOf(talk(["Tom", "I deleted about three versions of the message first, it took me all night."], packOut))).toHaveLength(1);
    // their question answered in their words, whatever comfort follows
    const logged = "Okay. I just, did it get logged as a non-conformance? Because I wrote it in the book, but I don't know.";
    expect(momentsOf(talk(["Priya", logged], [MANAGER, "Ja, Sipho goes through the book. It'll be fine."]))).toEqual([]);
    expect(momentsOf(talk(["Priya", logged], [MANAGER, "Ja, look. It'll be fine, honestly."]))).toHaveLength(1);
    // comfort that goes on to act on it
    const referral = "So I filled out the referral, but I didn't hear anything back. And I just, I keep thinking about it.";
    expect(momentsOf(talk(["David", referral], [MANAGER, "Okay. Don't worry about it. I'll ping Tom today and ask where it is."]))).toEqual(
      [],
    );
    expect(momentsOf(talk(["David", referral], [MANAGER, "Okay. Don't worry about it. These things take time."]))).toHaveLength(1);
    // put off to the end of the meeting
    const agenda =
      "Yeah, a few. The billing queue, Lorie, and then I wanted to ask about the ops manager posting. But we can do that last.";
    expect(momentsOf(talk(["Jerome", agenda], [MANAGER, "Sure, sure, you'll be fine. Okay, let me share my screen."]))).toEqual([]);
    expect(
      momentsOf(
        talk(
          ["Jerome", "I wanted to ask about the ops manager posting, I keep getting passed over."],
          [MANAGER, "Sure, sure, you'll be fine. Okay, let me share my screen."],
        ),
      ),
    ).toHaveLength(1);
    const ownStory = [MANAGER, "Oh God, sorry. I'm at my kitchen table, I've been up since three."] as [string, string];
    expect(momentsOf(talk(["Dee", "Your camera's on. I can see your ceiling."], ownStory))).toEqual([]);
  });
});
