import { describe, expect, it } from "vitest";
import { pickMoments } from "../../src/coaching/moments.js";
import type { Utterance } from "../../src/transcript/schema.js";
import { talk } from "../helpers/talk.js";

const MANAGER = "Sam";

const momentsOf = (utterances: Utterance[]) => pickMoments(utterances, MANAGER).candidates;
const triggerTexts = (utterances: Utterance[]) => momentsOf(utterances).map((c) => c.trigger.map((u) => u.text).join(" "));

describe("a reply that answers what their turn asked for, or a yes to what the manager said back", () => {
  it("an answer to the manager's question of fact, unless it says a worry or a feeling of their own", () => {
    const estimate = (end: string) =>
      triggerTexts(
        talk(
          ["Yerin", "I think players like the mirror room once they understand it, the problem is before they understand."],
          [MANAGER, "How long for your version?"],
          ["Yerin", `So three days for the particles and the setup. The build is on the fourteenth. ${end}`],
          [MANAGER, "Send me the slides."],
        ),
      );
    expect(estimate("If we wait until next week, it's difficult for me.").filter((t) => t.startsWith("So three days"))).toEqual([]);
    expect(estimate("And honestly I'm worried we won't make it.").filter((t) => t.startsWith("So three days"))).toHaveLength(1);
  });

  it("what they said of themselves, granted, is answered", () => {
    const meds = "Sorry, I know. I'm usually very careful with the meds, I've done them for six years.";
    expect(momentsOf(talk(["Ioana", meds], [MANAGER, "I know you are, pet. You're one of the best we have. Sure it's grand."]))).toEqual(
      [],
    );
    expect(momentsOf(talk(["Ioana", meds], [MANAGER, "Ah, you're one of the best we have. Sure it's grand."]))).toHaveLength(1);
  });

  it("their short question about the manager, answered with the manager's own story", () => {
    const weekend = (end: string) =>
      momentsOf(
        talk(
          ["Ryan", `Aye, fine. Went to my mum's in Paisley on Sunday, that was me.${end}`],
          [MANAGER, "My daughter had a dance competition in Motherwell."],
        ),
      );
    expect(weekend(" You?")).toEqual([]);
    expect(weekend("")).toHaveLength(1);
  });

  it("what they take on, with what they did, is no point left unheard", () => {
    const comfort = [MANAGER, "Okay. Don't worry, you'll be fine."] as [string, string];
    expect(
      momentsOf(
        talk(["Yasmine", "I'll forward you the email from the committee. I already updated the numbers for the animals."], comfort),
      ),
    ).toEqual([]);
    expect(
      momentsOf(
        talk(["Yasmine", "I already updated the numbers for the animals, and nobody on the committee has looked at them."], comfort),
      ),
    ).toHaveLength(1);
    // an offer to do it is something taken on too
    const offer = ["Yasmine", "Yeah. I can check the numbers for the animals with Lina."] as [string, string];
    expect(momentsOf(talk(offer, [MANAGER, "Sure, check, but honestly, don't worry. It's nothing."]))).toEqual([]);
    // an offer to hand it over, thanked
    const handover = ["Baraka", "End of June. I can train whoever comes. I can show them the garages and the parts people in Dar."];
    expect(momentsOf(talk(handover as [string, string], [MANAGER, "That's very kind of you. So who can take it?"]))).toEqual([]);
  });

  it("their answer to the manager's yes-or-no question raises no point their words do not name", () => {
    const said = ["Lee", "Yes, I'm in the car. I've got the mortgage and everything. And Ade's hours got cut at his place."] as [
      string,
      string,
    ];
    const comfort = [MANAGER, "Look, you're not going anywhere. You'll be fine, honestly."] as [string, string];
    const late = ["Lee", "Sorry I'm a few minutes late, the last client took longer."] as [string, string];
    expect(momentsOf(talk(late, [MANAGER, "No problem. Are you in the car?"], said, comfort))).toEqual([]);
    // an open question asks for what they bring, and the comfort still brushes it off
    expect(momentsOf(talk(late, [MANAGER, "No problem. How are things with you?"], said, comfort))).toHaveLength(1);
  });

  it("a turn to the next topic shows no point that their words do not name; comfort or a story does", () => {
    const numbers = "I already updated the numbers for the animals, and nobody on the committee has looked at them.";
    // something taken on after naming it
    const uniqueness = "And the uniqueness check, I'll do that this week. I already ran it on the small tables.";
    expect(momentsOf(talk(["Ravi", uniqueness], [MANAGER, "Ah, you're a star."]))).toEqual([]);
    expect(momentsOf(talk(["Yasmine", numbers], [MANAGER, "Okay. Anything else?"]))).toEqual([]);
    expect(momentsOf(talk(["Yasmine", numbers], [MANAGER, "Good. Okay, and, um, career-wise."]))).toEqual([]);
    expect(momentsOf(talk(["Yasmine", numbers], [MANAGER, "Ah, nobody reads those, don't worry."]))).toHaveLength(1);
  });

  it("advice in their words past the comfort disagrees with their point, which takes it up", () => {
    const applying = "I was thinking of applying. But after Saturday, I'm kind of thinking maybe my timing is off.";
    expect(momentsOf(talk(["Jenna", applying], [MANAGER, "Oh, don't worry about that. You should apply."]))).toEqual([]);
    expect(momentsOf(talk(["Jenna", applying], [MANAGER, "Oh, don't worry about that. You'll be fine."]))).toHaveLength(1);
  });

  it("a question of fact or an echo of a word beside a feeling is no sign of having heard it", () => {
    const doubt = "I go home and I'm replaying it. Maybe I'm not cut out for a class like this.";
    expect(momentsOf(talk(["Ryan", doubt], [MANAGER, "Mm. How many in your class this year?"]))).toHaveLength(1);
    expect(momentsOf(talk(["Ryan", doubt], [MANAGER, "Mm. What is it about this class that gets to you?"]))).toEqual([]);
    const baby = "It's a bit hard since the baby, I don't sleep a lot in the day, she cries all the time.";
    expect(momentsOf(talk(["Mathieu", baby], [MANAGER, "Ah, the baby. How old is she now?"]))).toHaveLength(1);
    expect(momentsOf(talk(["Mathieu", baby], [MANAGER, "So you're not sleeping in the day since the baby came."]))).toEqual([]);
  });

  it("a say-back the card would not praise does not take the point up: an echo of a side detail with the manager's verdict", () => {
    const behind: [string, string] = ["Lee", "I'm on two big matters and I'm behind on the bundle, I've billed two hundred and ten hours."];
    expect(momentsOf(talk(behind, [MANAGER, "Two hundred and ten hours. Well, that's good for your numbers, at least."]))).toHaveLength(1);
    expect(momentsOf(talk(behind, [MANAGER, "So you're behind on the bundle with two big matters on."]))).toHaveLength(0);
  });

  it("what follows their yes to the manager's say-back goes on with a point already heard", () => {
    const heardAfter = (sayBack: string) =>
      momentsOf(
        talk(
          ["Mathieu", "Bastien is doing two jobs, he is falling asleep on the line and I am worried for him."],
          [MANAGER, sayBack],
          ["Mathieu", "Yes. Yes, exactly. I'm worried he will get hurt on the divider."],
          [MANAGER, "Okay. Can you check the oven rota for next week?"],
        ),
      ).map((c) => c.trigger[0]!.text);
    const yes = "Yes. Yes, exactly. I'm worried he will get hurt on the divider.";
    // a feeling the manager has just named, confirmed
    const named = triggerTexts(
      talk(
        ["Aileen", "The go-live is in exam week, and the helpdesk will be on its knees if it goes wrong."],
        [MANAGER, "I can tell. You sound quite worried about this one."],
        ["Aileen", "I am, aye. That one, I'm worried about."],
        [MANAGER, "Okay. Last thing from me, the team leader post."],
      ),
    );
    expect(named.filter((t) => t.includes("That one, I'm worried about"))).toEqual([]);
    expect(heardAfter("So you're worried about him as a person, not only about the line.")).toEqual([]);
    expect(heardAfter("Right. Did the flour order come in?")).toContain(yes);
  });

  it("their word that the manager named how they feel covers the feeling they go on to name, not a feeling of their own", () => {
    const followedBy = (confirms: string) =>
      triggerTexts(
        talk(
          ["Rodrigo", "I'm leaving at five in the morning and I still get a warning for two minutes late, because of the road works."],
          [MANAGER, "So you're already doing everything you can, and you still risk a warning. That's exhausting."],
          ["Rodrigo", confirms],
          [MANAGER, "Okay. Two practical things I can do, and tell me if they're useful."],
        ),
      );
    expect(followedBy("Yes. That's exactly how I feel. I'm tired before I log in.")).toEqual([]);
    expect(followedBy("Yes. And I feel awful about it, because the team sees me come in late.")).toHaveLength(1);
  });
});

describe("small talk before the meeting's business", () => {
  it("is no moment where the reply opens the business, unless it is a worry", () => {
    const wedding = (said: string) =>
      momentsOf(
        talk(
          [MANAGER, "Hi Danielle. How was the wedding?"],
          ["Danielle", said],
          [MANAGER, "So I have a pretty long list today, so let's get going. The gala first."],
        ),
      );
    expect(wedding("It was fun. And then I drove back Sunday night in the rain, so I'm a little tired still.")).toEqual([]);
    expect(wedding("It was fun. But honestly I'm worried about the gala, the caterer still hasn't confirmed.")).toHaveLength(1);
    // the same words answered by a turn to the list later in the meeting are a moment
    const later = talk(
      [MANAGER, "Hi Danielle. So I have a pretty long list today. The gala first."],
      ["Danielle", "Sure. The gala's on track."],
      [MANAGER, "Good. How was the wedding?"],
      ["Danielle", "It was fun. And then I drove back Sunday night in the rain, so I'm a little tired still."],
      [MANAGER, "Right, the sponsors."],
    );
    expect(momentsOf(later)).toHaveLength(1);
  });
});

describe("moments track listening", () => {
  it("a reply that lectures gets a moment where one that asks or reflects does not", () => {
    const said = "I know it's bad for him, so I try really hard not to smoke around him, but I'm so stressed at work.";
    const lecture = momentsOf(talk(["Client", said], [MANAGER, "Smoking around children is linked to asthma and ear infections."]));
    const listening = momentsOf(talk(["Client", said], [MANAGER, "How does the stress at work show up for you?"]));
    expect(lecture).toHaveLength(1);
    expect(listening).toEqual([]);
  });
});
