/**
 * The Attune mark, drawn without any image library: two speech bubbles, the front one holding three
 * "listening" dots, the back one set off by a thin gap. Pure and deterministic: the same code always gives
 * the same pixels, so the committed PNGs can be checked against it (test/app-package/icons.test.ts).
 */

export interface RgbaImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, rows top to bottom. */
  data: Uint8Array;
}

type Point = readonly [number, number];

/** Teal blue behind the mark; also the manifest's accentColor. */
export const ACCENT: readonly [number, number, number] = [0x1f, 0x6f, 0x8b];

const SAMPLES = 6; // per axis, so 36 samples a pixel for smooth edges

// Signed distance functions: negative inside, positive outside, in mark units (the mark lives in 0..1).
function roundedBox(p: Point, center: Point, half: Point, radius: number): number {
  const qx = Math.abs(p[0] - center[0]) - (half[0] - radius);
  const qy = Math.abs(p[1] - center[1]) - (half[1] - radius);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - radius;
}

function circle(p: Point, center: Point, radius: number): number {
  return Math.hypot(p[0] - center[0], p[1] - center[1]) - radius;
}

function triangle(p: Point, a: Point, b: Point, c: Point): number {
  const edges: [Point, Point][] = [
    [a, b],
    [b, c],
    [c, a],
  ];
  let nearest = Infinity;
  let sign = 0;
  for (const [from, to] of edges) {
    const ex = to[0] - from[0];
    const ey = to[1] - from[1];
    const wx = p[0] - from[0];
    const wy = p[1] - from[1];
    const t = Math.min(Math.max((wx * ex + wy * ey) / (ex * ex + ey * ey), 0), 1);
    nearest = Math.min(nearest, Math.hypot(wx - ex * t, wy - ey * t));
    sign += Math.sign(ex * wy - ey * wx);
  }
  // Inside when p is on the same side of all three edges.
  return Math.abs(sign) === 3 ? -nearest : nearest;
}

const frontBubble = (p: Point) =>
  Math.min(roundedBox(p, [0.4, 0.56], [0.3, 0.2], 0.13), triangle(p, [0.2, 0.7], [0.34, 0.7], [0.15, 0.87]));
const backBubble = (p: Point) =>
  Math.min(roundedBox(p, [0.62, 0.36], [0.26, 0.19], 0.12), triangle(p, [0.68, 0.5], [0.8, 0.5], [0.85, 0.66]));
const dots = (p: Point) => Math.min(circle(p, [0.28, 0.56], 0.042), circle(p, [0.4, 0.56], 0.042), circle(p, [0.52, 0.56], 0.042));
const GAP = 0.045;
const MARK_CENTER: Point = [0.495, 0.52];

/** Which layer a point of the mark falls in. */
function layerAt(p: Point): "dot" | "front" | "back" | "none" {
  if (frontBubble(p) <= 0) return dots(p) <= 0 ? "dot" : "front";
  if (backBubble(p) <= 0 && frontBubble(p) > GAP) return "back";
  return "none";
}

/** Fraction of each pixel's samples in each layer; `scale` is how much of the canvas the unit mark spans. */
function coverage(size: number, scale: number, pixelX: number, pixelY: number): Record<"dot" | "front" | "back", number> {
  const counts = { dot: 0, front: 0, back: 0, none: 0 };
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const u = (pixelX + (sx + 0.5) / SAMPLES) / size;
      const v = (pixelY + (sy + 0.5) / SAMPLES) / size;
      counts[layerAt([(u - 0.5) / scale + MARK_CENTER[0], (v - 0.5) / scale + MARK_CENTER[1]])]++;
    }
  }
  const n = SAMPLES * SAMPLES;
  return { dot: counts.dot / n, front: counts.front / n, back: counts.back / n };
}

/** 192×192, opaque: white bubbles on the accent colour, the back bubble half-tinted, the dots in the accent. */
export function drawColorIcon(size = 192): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(size, 0.66, x, y);
      const white = c.front + c.back * 0.5; // dots and background show the accent
      const i = (y * size + x) * 4;
      for (let k = 0; k < 3; k++) data[i + k] = Math.round(ACCENT[k]! * (1 - white) + 255 * white);
      data[i + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}

/** 32×32: white only, the coverage in the alpha channel; the dots are cut out of the front bubble. */
export function drawOutlineIcon(size = 32): RgbaImage {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = coverage(size, 1.12, x, y);
      const i = (y * size + x) * 4;
      data[i] = 255;
      data[i + 1] = 255;
      data[i + 2] = 255;
      data[i + 3] = Math.round((c.front + c.back) * 255);
    }
  }
  return { width: size, height: size, data };
}
