/**
 * Writes appPackage/color.png and appPackage/outline.png from scripts/icon-art.ts.
 * Run after changing the art: `npx tsx scripts/make-icons.ts`; commit the PNGs it writes.
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";
import { drawColorIcon, drawOutlineIcon, type RgbaImage } from "./icon-art.js";

const appPackageDir = fileURLToPath(new URL("../appPackage/", import.meta.url));

function encode(image: RgbaImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height, colorType: 6 });
  png.data = Buffer.from(image.data);
  return PNG.sync.write(png, { colorType: 6 });
}

for (const [name, image] of [
  ["color.png", drawColorIcon()],
  ["outline.png", drawOutlineIcon()],
] as const) {
  const path = `${appPackageDir}${name}`;
  writeFileSync(path, encode(image));
  console.log(`${path} (${image.width}×${image.height})`);
}
