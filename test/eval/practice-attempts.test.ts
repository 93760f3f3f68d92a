import { describe, expect, it } from "vitest";
import { parseAnnoMi } from "../../eval/annomi.js";
import { annomiAttempts, icsiAttempts } from "../../eval/practice-attempts.js";

describe("practice attempts from expert-labelled conversations", () => {
  it("AnnoMI: each counsellor reply after a client turn is an attempt at that whole turn, labelled by reflection_exists", () => {
    const header = "mi_quality,transcript_id,topic,utterance_id,interlocutor,timestamp,utterance_text,reflection_exists,question_exists";
    const rows = [
      "high,9,t,0,therapist,00:00:01,Hello.,False,False",
      "high,9,t,1,therapist,00:00:02,How are you?,False,True",
      "high,9,t,2,client,00:00:03,I'm tired.,n/a,n/a",
      "high,9,t,3,client,00:00:04,Work is a lot.,n/a,n/a",
      "high,9,t,4,therapist,00:00:05,You're worn out.,True,False",
    ];
    const [c] = parseAnnoMi(`${header}\n${rows.join("\n")}\n`);
    const attempts = annomiAttempts(c!, "held-out");
    expect(attempts).toEqual([
      {
        source: "annomi",
        id: "annomi/9#4",
        split: "held-out",
        said: "I'm tired. Work is a lot.",
        speaker: "Client",
        attempt: "You're worn out.",
        gold: true,
      },
    ]);
  });

  it("ICSI: each lead utterance after someone else's turn, labelled by restates; the lead's run-on utterances are not attempts", () => {
    const u = (speaker: string, text: string, restates = false) => ({ speaker, text, tags: [], restates });
    const attempts = icsiAttempts(
      "Bxx",
      "Lead",
      [u("Lead", "Hi."), u("A", "It broke."), u("A", "Again."), u("Lead", "It broke again?", true), u("Lead", "Okay.")],
      "tune",
    );
    expect(attempts).toEqual([
      { source: "icsi", id: "icsi/Bxx#3", split: "tune", said: "It broke. Again.", speaker: "A", attempt: "It broke again?", gold: true },
    ]);
  });
});
