/** The timeline's shared geometry and colours, and its key to the marks (timeline-svg.ts draws the rest). */

export const TIMELINE_WIDTH = 720;
export const PAD = 8;
const LEGEND_H = 22;

/** Default colours (presentation attributes); the page's CSS overrides them by class for dark mode and print. */
export const COLORS = { manager: "#5b5fc7", other: "#8a8886", monologue: "#c4314b", missed: "#b7791f", kept: "#0e700e", axis: "#8a8886" };

export /** The key to the marks, wrapping onto more lines when it does not fit the width. */
function legend(x0: number, y0: number, coached: boolean, withManager: boolean): { svg: string; height: number } {
  const items: string[] = [];
  let x = x0;
  let y = y0;
  const item = (mark: (x: number, y: number) => string, label: string) => {
    const width = 22 + label.length * 6.2;
    if (x + width > TIMELINE_WIDTH - PAD && x > x0) {
      x = x0;
      y += LEGEND_H;
    }
    items.push(`${mark(x, y)}<text class="tl-legend" x="${num(x + 14)}" y="${num(y + 4)}">${label}</text>`);
    x += width;
  };
  const square = (fill: string, cls: string) => (x: number, y: number) =>
    `<rect class="${cls}" x="${num(x)}" y="${num(y - 5)}" width="10" height="10" fill="${fill}"/>`;
  if (withManager) item(square(COLORS.manager, "tl-manager"), "you");
  item(square(COLORS.other, "tl-bar"), withManager ? "others" : "speech");
  item(
    (x, y) =>
      `<rect class="tl-monologue" x="${num(x)}" y="${num(y - 5)}" width="10" height="10" fill="none" stroke="${COLORS.monologue}" stroke-dasharray="4 2"/>`,
    "a minute or more holding the floor",
  );
  if (coached)
    item((x, y) => `<path class="tl-missed" d="M${num(x + 5)} ${num(y - 5)}l5 9h-10z" fill="${COLORS.missed}"/>`, "a moment to restate");
  if (coached && withManager)
    item((x, y) => `<circle class="tl-kept" cx="${num(x + 5)}" cy="${num(y)}" r="4" fill="${COLORS.kept}"/>`, "you said it back");
  if (withManager)
    item(
      (x, y) =>
        `<path class="tl-interruption" d="M${num(x + 2)} ${num(y - 3)}l6 6m0 -6l-6 6" stroke="${COLORS.monologue}" stroke-width="1.5"/>`,
      "you talked over someone",
    );
  return { svg: `<g class="tl-legend-row">${items.join("")}</g>`, height: y - y0 + LEGEND_H };
}

/** A coordinate with one decimal: enough for a screen, and the SVG stays small. */
export function num(n: number): string {
  return String(Math.round(n * 10) / 10);
}
