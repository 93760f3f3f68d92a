import { describe, expect, it } from "vitest";
import { feltIn } from "../../src/language/felt.js";
import { normalise } from "../../src/language/phrases.js";
import { readText } from "../../src/language/read.js";

const felt = (said: string) => feltIn(normalise(readText(said).cleaned));

describe("a feeling the speaker owns, said in the first person", () => {
  it("reads worries, feelings and struggles as theirs", () => {
    expect(felt("Honestly I'm worried I'll be fired if the release slips again.")).toBe("worry");
    expect(felt("I'm a little bit worried about making it harder for them.")).toBe("worry");
    expect(felt("I just feel helpless about this whole deal.")).toBe("feeling");
    expect(felt("I've just been feeling really stressed lately.")).toBe("feeling");
    expect(felt("I feel like I'm being a bad parent.")).toBe("feeling");
    expect(felt("Well, to be honest, I drink sometimes when I'm feeling down.")).toBe("feeling");
    expect(felt("Um, I'm having a hard time with that.")).toBe("struggle");
    expect(felt("It's just really-- It's really, really hard.")).toBe("struggle");
    expect(felt("Everything is so stressful being a single mom with a full-time job.")).toBe("struggle");
    expect(felt("I don't know what to do anymore.")).toBe("struggle");
    expect(felt("It was a bit embarrassing, I'm the only one walking out.")).toBe("struggle");
    expect(felt("I can do it, but not before the release. I'm stretched pretty thin right now.")).toBe("feeling");
    expect(felt("Honestly I'm completely swamped with the migration.")).toBe("feeling");
    expect(felt("It's been a really rough week with the outage.")).toBe("struggle");
    // strain and hurt said without a feeling word of their own
    expect(felt("It's been, um. It's been a lot lately, honestly.")).toBe("struggle");
    expect(felt("Everything's just been too much this week.")).toBe("struggle");
    expect(felt("It felt kind of humiliating, to be honest.")).toBe("struggle");
    expect(felt("No. I mean, it still stings.")).toBe("feeling");
    expect(felt("I didn't feel fine.")).toBe("struggle");
    expect(felt("I did feel a bit awkward raising it, 'cause you built the first version.")).toBe("feeling");
    expect(felt("Honestly, I felt sick. Like actually physically sick when ops called me.")).toBe("struggle");
    expect(felt("Period five on a Thursday, I dread it.")).toBe("struggle");
    expect(felt("It's fine, it's just a lot, I guess. With everything.")).toBe("struggle");
    expect(felt("Honestly, it's a lot.")).toBe("struggle");
    expect(felt("And I'm, I don't know. I'm finding it quite hard, to be honest.")).toBe("struggle");
    expect(felt("I've been doing doubles for three weeks now. I'm knackered.")).toBe("feeling");
    expect(felt("It just kind of rattled me a bit on the drive home, that's all.")).toBe("feeling");
    expect(felt("But after, I was shaking, like, for one hour.")).toBe("feeling");
    // a fear at the time they tell of is how they felt then, not a worry they raise
    expect(felt("Maybe I smiled because I was nervous, I don't know.")).toBe("feeling");
    expect(felt("But I was very scared, honestly.")).toBe("feeling");
    expect(felt("I've been worried about the audit for weeks.")).toBe("worry");
    // someone else's words about them are not what they feel; their own words are
    expect(felt("He called me, uh, he said I was stupid, in front of the families.")).toBeNull();
    expect(felt("She told me I'm useless.")).toBeNull();
    expect(felt("I said I was tired, and I am.")).toBe("feeling");
    // self-doubt
    expect(felt("And I'm starting to think, maybe I'm not, like, cut out for a class like this.")).toBe("struggle");
    expect(felt("Honestly I'm out of my depth with the ledger work.")).toBe("struggle");
    expect(felt("But I've been feeling sick about it all week.")).toBe("struggle");
  });

  it("not a feeling denied, asked about, someone else's or hypothetical", () => {
    for (const said of [
      "I'm not worried about the release at all.",
      "Not really, I haven't been stressed.",
      "Are you worried about the deadline?",
      "I think she's just probably getting stressed out too.",
      "He gets really upset.",
      "I was gasping for air and my daughter became so frightened that she called 911.",
      "If you feel like that's a community that would be good to tie into, then it's worth doing.",
      "You know, to start with, I could cut down on my drinking.",
      "It would end up being fairly difficult to edit the transcripts at the sub-utterance level.",
      "I think it's harder to train with the energy only.",
      "It's been a lot of fun, the new team.",
      "It's been a lot better since May.",
      "Honestly, it never stung.",
      "I was sick on Monday, so I missed the stand-up.",
      "I never felt sick on the boat.",
      "Per night, if we go out, oh, it's a lot.",
      "It's a lot, but the pay is good.",
      "I'm not finding it hard at all.",
      // a difficulty granted to the listener, not theirs
      "But I know that's hard with Sian on maternity leave.",
    ])
      expect(felt(said), said).toBeNull();
  });
});
