import { describe, expect, it } from "vitest";
import { brushOff } from "../../src/coaching/brush-off.js";

describe("brushOff: a reply that leaves what they raised where it was", () => {
  it.each([
    ["you'll be fine. you always pull it together.", "waves-away"],
    ["honestly, jo, don't worry about that board, nobody reads it.", "waves-away"],
    ["rob'll be fine, don't worry about rob.", "waves-away"],
    ["i'm sure it'll be recognised.", "waves-away"],
    ["you're honestly one of the best on the team.", "waves-away"],
    ["i had exactly that happen to me at my last place.", "own-story"],
    ["oh god, i remember that feeling.", "own-story"],
    ["when i was at leeds i covered a maternity leave.", "own-story"],
    ["you know, this reminds me, back when i was at mercer blake.", "own-story"],
    ["ha, welcome to the trade.", "laughs-off"],
    ["that's no bad thing.", "laughs-off"],
    ["right, about the grant.", "turns-away"],
    ["anyway, the rota.", "turns-away"],
    ["so, moderation, we need to get the practicals signed off.", "turns-away"],
    ["so, where are we on the engineering reqs?", "turns-away"],
    ["listen, while i've got you, the winter roster.", "turns-away"],
    ["sorry, hang on one sec, it's the crane supervisor.", "turns-away"],
  ])("%s → %s", (sentence, kind) => {
    expect(brushOff(sentence)).toBe(kind);
  });

  it.each([
    "don't worry, alex can take the pager on saturday.", // comfort that offers something answers it
    "so on the one hand, you're worried about him, and on the other you're not sure it's the smoking.",
    "so, for you, it sounds like you really want to be prepared.",
    "so, the drinking, you feel it's under control.",
    "okay, hang on, that's a much bigger deal than i realised.",
    "i remember you said the rota was a mess last month.",
    "so you've been here till seven most nights.",
    "it sounds like you're worried the client blames you.",
  ])("%s → none", (sentence) => {
    expect(brushOff(sentence)).toBeNull();
  });
});
