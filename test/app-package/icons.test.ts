import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { pngSize } from "../../src/app-package/png-size.js";
import { drawColorIcon, drawOutlineIcon } from "../../scripts/icon-art.js";
import { appPackageDir } from "./sample.js";

function readPng(name: string): PNG {
  return PNG.sync.read(readFileSync(join(appPackageDir, name)));
}

function pixels(png: PNG): { r: number; g: number; b: number; a: number }[] {
  const out = [];
  for (let i = 0; i < png.data.length; i += 4) out.push({ r: png.data[i]!, g: png.data[i + 1]!, b: png.data[i + 2]!, a: png.data[i + 3]! });
  return out;
}

describe("appPackage icons", () => {
  it("color.png is 192×192, opaque and in colour", () => {
    const png = readPng("color.png");
    expect([png.width, png.height]).toEqual([192, 192]);
    const all = pixels(png);
    expect(all.every((p) => p.a === 255)).toBe(true);
    expect(all.some((p) => p.r !== p.g || p.g !== p.b)).toBe(true);
    expect(new Set(all.map((p) => `${p.r},${p.g},${p.b}`)).size).toBeGreaterThan(2);
  });

  it("outline.png is 32×32, white on transparent", () => {
    const png = readPng("outline.png");
    expect([png.width, png.height]).toEqual([32, 32]);
    const all = pixels(png);
    expect(all.filter((p) => p.a > 0).every((p) => p.r === 255 && p.g === 255 && p.b === 255)).toBe(true);
    const transparent = all.filter((p) => p.a === 0).length;
    const solid = all.filter((p) => p.a === 255).length;
    expect(transparent).toBeGreaterThan(all.length * 0.3);
    expect(solid).toBeGreaterThan(all.length * 0.2);
  });

  it("the header reader used when packaging agrees with the decoder", () => {
    expect(pngSize(readFileSync(join(appPackageDir, "color.png")))).toEqual({ width: 192, height: 192 });
    expect(pngSize(readFileSync(join(appPackageDir, "outline.png")))).toEqual({ width: 32, height: 32 });
    expect(pngSize(new TextEncoder().encode('{"not":"a png"}'))).toBeNull();
  });

  it("the committed PNGs are what scripts/make-icons.ts draws", () => {
    for (const [name, art] of [
      ["color.png", drawColorIcon()],
      ["outline.png", drawOutlineIcon()],
    ] as const) {
      const png = readPng(name);
      expect([png.width, png.height], name).toEqual([art.width, art.height]);
      // Exact on the Node that drew them; a little slack for another engine's last-bit float rounding.
      let maxDifference = 0;
      for (let i = 0; i < art.data.length; i++) maxDifference = Math.max(maxDifference, Math.abs(png.data[i]! - art.data[i]!));
      expect(maxDifference, `${name} differs from the art: run npx tsx scripts/make-icons.ts`).toBeLessThanOrEqual(2);
    }
  });
});
