import { describe, expect, it } from "vitest";
import { fillPlaceholders } from "../../src/app-package/placeholders.js";
import { sampleValues } from "./sample.js";

describe("fillPlaceholders", () => {
  it("fills placeholders inside strings, at any depth, and leaves everything else alone", () => {
    const template = {
      a: "https://${{PUBLIC_HOSTNAME}}/x",
      b: ["${{APP_VERSION}}", 3, null, true],
      c: { d: "api://${{PUBLIC_HOSTNAME}}/${{MICROSOFT_APP_ID}}" },
    };
    expect(fillPlaceholders(template, sampleValues)).toEqual({
      ok: true,
      manifest: {
        a: "https://attune.example.com/x",
        b: ["1.2.3", 3, null, true],
        c: { d: `api://attune.example.com/${sampleValues.MICROSOFT_APP_ID}` },
      },
    });
  });

  it("refuses unknown and leftover placeholders, saying where", () => {
    const result = fillPlaceholders({ a: "${{BOT_ID}}", b: ["${{ PUBLIC_HOSTNAME }}"], c: { d: "x${{APP_VERSION" } }, sampleValues);
    expect(result).toEqual({
      ok: false,
      problems: [
        "manifest.json $.a: unknown placeholder ${{BOT_ID}} (known: MICROSOFT_APP_ID, TEAMS_APP_ID, APP_VERSION, PUBLIC_HOSTNAME)",
        'manifest.json $.b[0]: leftover placeholder "${{ PUBLIC_HOSTNAME }}"',
        'manifest.json $.c.d: leftover placeholder "${{"',
      ],
    });
  });

  it("never lets a value break out of its string", () => {
    const result = fillPlaceholders({ a: "${{APP_VERSION}}" }, { ...sampleValues, APP_VERSION: '1", "x": "y' });
    expect(result).toEqual({ ok: true, manifest: { a: '1", "x": "y' } });
  });
});
