import { describe, expect, it } from "vitest";
import { cardProblems, cardTypes } from "./validate-card.js";

const base = { type: "AdaptiveCard", $schema: "http://adaptivecards.io/schemas/adaptive-card.json", version: "1.5" };
const card = (body: unknown[], actions: unknown[] = []) => ({ ...base, body, ...(actions.length > 0 && { actions }) });
const ok = { type: "TextBlock", text: "Hello", wrap: true };

describe("the card validator used by the card tests", () => {
  it("passes a valid 1.5 card with Action.Execute, a ShowCard and Teams' msteams extension", () => {
    const valid = {
      ...card(
        [
          ok,
          {
            type: "ColumnSet",
            columns: [
              { type: "Column", width: "40px", items: [ok] },
              { type: "Column", width: "stretch", items: [ok] },
            ],
          },
        ],
        [
          {
            type: "Action.ShowCard",
            title: "More",
            card: { type: "AdaptiveCard", body: [ok], actions: [{ type: "Action.Execute", title: "Keep", verb: "keep", data: { x: 1 } }] },
          },
          { type: "Action.Execute", title: "Go", verb: "go", data: { meetingId: "m" } },
        ],
      ),
      msteams: { width: "Full" },
    };
    expect(cardProblems(valid)).toEqual([]);
    expect(cardTypes(valid)).toEqual([
      "AdaptiveCard",
      "TextBlock",
      "ColumnSet",
      "Column",
      "TextBlock",
      "Column",
      "TextBlock",
      "Action.ShowCard",
      "AdaptiveCard",
      "TextBlock",
      "Action.Execute",
      "Action.Execute",
    ]);
  });

  it("reports unknown element and action types, also inside a ShowCard", () => {
    const problems = cardProblems(
      card(
        [ok, { type: "Bogus" }],
        [
          {
            type: "Action.ShowCard",
            title: "s",
            card: { type: "AdaptiveCard", body: [{ type: "Nope" }], actions: [{ type: "Action.Nope", title: "n" }] },
          },
        ],
      ),
    );
    expect(problems.join("\n")).toMatch(/UnknownElementType.*"Bogus"/);
    expect(problems.join("\n")).toMatch(/UnknownElementType.*"Nope"/);
    expect(problems.join("\n")).toMatch(/UnknownActionType.*"Action.Nope"/);
  });

  it("reports invalid values, misspelled properties, and what Teams cannot render", () => {
    expect(cardProblems(card([{ ...ok, size: "Huge" }])).join("\n")).toMatch(/InvalidPropertyValue.*"Huge"/);
    expect(cardProblems(card([{ ...ok, wieght: "Bolder" }])).join("\n")).toMatch(/wieght: unknown to the parser/);
    expect(cardProblems(card([{ type: "Carousel", pages: [] }])).join("\n")).toMatch(/UnknownElementType.*"Carousel"/); // schema 1.6
    expect(cardProblems({ ...card([ok]), version: "1.6" }).join("\n")).toMatch(/version "1.6"; Teams renders at most 1.5/);
    expect(cardProblems({ ...card([ok]), type: "Card" }).join("\n")).toMatch(/not "AdaptiveCard"/);
  });

  it("reports missing required properties the parser accepts", () => {
    const problems = cardProblems(
      card(
        [{ type: "TextBlock" }, { type: "FactSet", facts: [] }, { type: "Container", items: [] }],
        [{ type: "Action.Execute", title: "x" }],
      ),
    );
    expect(problems).toEqual([
      "card.body[0]: TextBlock needs a non-empty text",
      "card.body[1]: FactSet needs a non-empty facts",
      "card.body[2]: Container needs a non-empty items",
      "card.actions[0]: Action.Execute needs a non-empty verb",
    ]);
  });

  it("reports values JSON cannot carry", () => {
    expect(
      cardProblems(
        card([
          { ...ok, maxLines: undefined },
          { ...ok, maxLines: Number.NaN },
        ]),
      ),
    ).toEqual(expect.arrayContaining(["card.body[0].maxLines: undefined", "card.body[1].maxLines: NaN is not JSON"]));
  });

  describe("Teams' chart elements", () => {
    const fallback = { type: "TextBlock", text: "You talked 77% of the time.", wrap: true };
    const donut = { type: "Chart.Donut", data: [{ legend: "You 77%", value: 77, color: "categoricalPurple" }], fallback };
    const line = {
      type: "Chart.Line",
      xAxisTitle: "Meeting",
      data: [{ legend: "Moments missed", values: [{ x: "2 Mar", y: 3 }], color: "neutral" }],
      fallback,
    };
    const bars = { type: "Chart.HorizontalBar", displayMode: "AbsoluteWithAxis", data: [{ x: "You", y: 43 }], fallback };

    it("passes the chart shapes Attune uses, and checks their fallback as a client without charts reads it", () => {
      expect(cardProblems(card([donut, line, bars]))).toEqual([]);
      // the fallback stands where the chart stood, so problems in it are named by the chart's place
      expect(cardProblems(card([{ ...donut, fallback: { type: "TextBlock" } }]))).toEqual([
        "card.body[0]: TextBlock needs a non-empty text",
      ]);
      expect(cardProblems(card([{ ...donut, fallback: { ...fallback, wieght: "Bolder" } }])).join("\n")).toMatch(
        /card\.body\[0\]\.wieght: unknown to the parser/,
      );
    });

    it("reports a chart that strays from the documented shape", () => {
      const problems = (c: unknown) => cardProblems(card([c])).join("\n");
      expect(problems({ ...donut, legend: "x" })).toMatch(/card\.body\[0\]: Chart\.Donut: Unrecognized key: "legend"/);
      expect(problems({ ...donut, data: [{ legend: "You", value: 77, color: "purple" }] })).toMatch(
        /body\[0\]\.data\.0\.color: Chart\.Donut/,
      );
      expect(problems({ ...donut, data: [] })).toMatch(/body\[0\]\.data: Chart\.Donut/);
      expect(problems({ ...line, data: [{ legend: "x", values: [{ x: "a", value: 3 }] }] })).toMatch(/Chart\.Line/);
      expect(problems({ ...bars, displayMode: "Stacked" })).toMatch(/body\[0\]\.displayMode: Chart\.HorizontalBar/);
    });

    it("requires a fallback element, never a chart and never nothing", () => {
      const { fallback: _, ...bare } = donut;
      expect(cardProblems(card([bare])).join("\n")).toMatch(/body\[0\]\.fallback: Chart\.Donut/);
      expect(cardProblems(card([{ ...donut, fallback: "drop" }])).join("\n")).toMatch(/body\[0\]\.fallback: Chart\.Donut/);
      expect(cardProblems(card([{ ...donut, fallback: line }])).join("\n")).toMatch(/must not be a chart/);
    });

    it("keeps reporting chart types Attune does not use as unknown elements", () => {
      const pie = { type: "Chart.Pie", data: [{ legend: "a", value: 1 }], fallback };
      expect(cardProblems(card([pie])).join("\n")).toMatch(/UnknownElementType.*"Chart\.Pie"/);
      expect(cardProblems(card([{ ...donut, type: "Chart.Gauge" }])).join("\n")).toMatch(/UnknownElementType.*"Chart\.Gauge"/);
    });
  });
});
