import { describe, expect, it } from "vitest";
import { safeText, truncate } from "../../src/cards/safe-text.js";

const LINK = /\]\(|[a-z]:\/\/|\bwww\./i;

describe("safeText", () => {
  it("leaves ordinary speech alone", () => {
    expect(safeText("Honestly I'm worried about it. The migration & the rota, 3.5 days?", 280)).toBe(
      "Honestly I'm worried about it. The migration & the rota, 3.5 days?",
    );
  });

  it("reduces Markdown links and images to their text", () => {
    expect(safeText("Please [click me](https://evil.example) now", 280)).toBe("Please click me now");
    expect(safeText("![logo](https://evil.example/a.png) and [a (b)](https://x.example/(c)) end", 280)).toBe("logo and a (b) end");
    expect(safeText('[[nested](https://a.example)](https://b.example "title")', 280)).toBe("nested");
    expect(safeText("[x](javascript:alert(1))", 280)).toBe("x");
  });

  it("breaks bare URLs, scheme or www, so they cannot be followed", () => {
    expect(safeText("see https://evil.example/steal?x=1 now", 280)).toBe("see https[:]//evil[.]example/steal?x=1 now");
    expect(safeText("HTTP://EVIL.EXAMPLE and ftp://files.example.org", 280)).toBe(
      "HTTP[:]//EVIL[.]EXAMPLE and ftp[:]//files[.]example[.]org",
    );
    expect(safeText("go to www.evil.example/path", 280)).toBe("go to www[.]evil[.]example/path");
    expect(safeText("<https://evil.example>", 280)).toBe("<https[:]//evil[.]example>");
    for (const s of ["https://a.b](c)", "[t](https://a.b", "x](https://a.b)"]) expect(safeText(s, 280)).not.toMatch(LINK);
  });

  it("folds white space and drops control, zero-width and direction-changing characters", () => {
    expect(safeText("one\ntwo\r\n\tthree\u2028four", 280)).toBe("one two three four");
    expect(safeText("a\u0000b\u200bc\u202eevil\u2066d\ufeff", 280)).toBe("a bcevild");
    expect(safeText("family 👨‍👩‍👧 ok", 280)).toBe("family 👨‍👩‍👧 ok");
  });

  it("caps the length with an ellipsis, at a word boundary when one is near", () => {
    const out = safeText("word ".repeat(100), 50);
    expect(Array.from(out).length).toBeLessThanOrEqual(50);
    expect(out).toMatch(/^word( word)*…$/);
    expect(safeText("x".repeat(5_000), 280)).toBe(`${"x".repeat(279)}…`);
    expect(safeText("exactly ten", 11)).toBe("exactly ten");
  });

  it("never splits an emoji or other astral character", () => {
    const out = safeText("😀".repeat(500), 10);
    expect(out).toBe(`${"😀".repeat(9)}…`);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });

  it("keeps a hostile 5,000-character string bounded and link-free", () => {
    const hostile = "[click me](https://evil.example) https://evil.example ".repeat(100);
    const out = safeText(hostile, 280);
    expect(Array.from(out).length).toBeLessThanOrEqual(280);
    expect(out.endsWith("…")).toBe(true);
    expect(out).not.toMatch(LINK);
  });

  it("marks text cut before cleaning even when the cleaned text is short", () => {
    expect(safeText(`a${" ".repeat(5_000)}b`, 20)).toBe("a…");
  });
});

describe("truncate", () => {
  it("keeps short text and cuts long text to the cap", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("a long sentence that goes on", 12)).toBe("a long…");
    expect(truncate("line one\nline two", 100)).toBe("line one\nline two");
  });
});

// Finding 5 of issue 10: card text still formatted: Markdown emphasis, bare e-mail addresses, `{{DATE(…)}}`.
describe("safeText neutralises what Teams would format", () => {
  it.each([
    ["**Jordan** is _useless_ and ~~done~~, see `rm -rf`", "∗∗Jordan∗∗ is useless and ∼∼done∼∼, see 'rm -rf'"],
    ["snake_case_name stays, L_C_D_ loses its tail", "snake_case_name stays, L_C_D loses its tail"],
    ["write to hr@evil.example or mailto:a.b@x.co.uk", "write to hr[at]evil[.]example or mailto:a.b[at]x[.]co[.]uk"],
    [
      "on {{DATE(2026-12-01T09:00:00Z, SHORT)}} at {{TIME(2026-12-01T09:00:00Z)}}",
      "on { {DATE(2026-12-01T09:00:00Z, SHORT)} } at { {TIME(2026-12-01T09:00:00Z)} }",
    ],
    ["{{{x}}}", "{ { {x} } }"],
    ["@Jordan said 3 * 4 = 12", "@Jordan said 3 ∗ 4 = 12"],
  ])("%s", (input, expected) => {
    expect(safeText(input, 280)).toBe(expected);
  });

  it("leaves nothing from which emphasis, a mail link or a card function could form", () => {
    const out = safeText("*a* _b_ `c` x@y.example {{DATE(1)}} __d__", 280);
    expect(out).not.toMatch(/[*`~]|(^|\W)_|_(\W|$)|@\w+\.\w|\{\{|\}\}/);
  });
});
