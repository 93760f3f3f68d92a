/**
 * The HTML report's stylesheet, inlined into the page so the file stands alone (no request leaves it). Light
 * by default, dark with `prefers-color-scheme`, and plain black on white when printed. The timeline's
 * colours are set here through its `tl-…` classes.
 */
export const HTML_REPORT_CSS = `
:root { color-scheme: light dark; --text: #242424; --subtle: #616161; --line: #e0e0e0; --canvas: #ffffff; --panel: #fafafa;
  --you: #5b5fc7; --other: #8a8886; --track: #f0f0f0; --warn: #c4314b; --missed: #b7791f; --kept: #0e700e; --good: #0e700e; }
@media (prefers-color-scheme: dark) {
  :root { --text: #e6e6e6; --subtle: #adadad; --line: #3d3d3d; --canvas: #1f1f1f; --panel: #292929;
    --you: #7f85f5; --other: #8f8f8f; --track: #333333; --warn: #f1707b; --missed: #e3a73a; --kept: #54b054; --good: #54b054; }
}
* { box-sizing: border-box; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
body { margin: 0; background: var(--canvas); color: var(--text); font: 15px/1.5 "Segoe UI", system-ui, -apple-system, Roboto, sans-serif; }
main { max-width: 800px; margin: 0 auto; padding: 24px 20px 40px; }
h1 { font-size: 22px; margin: 0 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 17px; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.meta, .note, .footer { color: var(--subtle); font-size: 13px; margin: 0; }
.private { margin: 12px 0 0; padding: 8px 12px; border-left: 3px solid var(--you); background: var(--panel); font-size: 13px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 4px 8px 4px 0; vertical-align: top; }
th { font-size: 13px; color: var(--subtle); font-weight: 600; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.name { overflow-wrap: anywhere; }
tr.you td.name { font-weight: 600; }
.bar { height: 10px; background: var(--track); min-width: 80px; }
.bar span { display: block; height: 100%; background: var(--other); }
tr.you .bar span { background: var(--you); }
dl { display: grid; grid-template-columns: minmax(140px, max-content) 1fr; gap: 6px 16px; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
.timeline { overflow-x: auto; }
.timeline svg { width: 100%; height: auto; max-width: 720px; min-width: 560px; }
@media (max-width: 480px) { dl { grid-template-columns: 1fr; gap: 2px; } dd { margin-bottom: 8px; } }
.attune-timeline .tl-label, .attune-timeline .tl-tick, .attune-timeline .tl-legend { fill: var(--text); }
.attune-timeline .tl-you { font-weight: 600; }
.attune-timeline .tl-track { fill: var(--track); }
.attune-timeline .tl-bar { fill: var(--other); }
.attune-timeline .tl-manager { fill: var(--you); }
.attune-timeline .tl-axis { stroke: var(--subtle); }
.attune-timeline .tl-monologue { stroke: var(--warn); }
.attune-timeline .tl-interruption { stroke: var(--warn); }
.attune-timeline .tl-missed { fill: var(--missed); }
.attune-timeline .tl-kept { fill: var(--kept); }
ol.moments { padding-left: 20px; margin: 0; }
ol.moments li { margin: 0 0 14px; break-inside: avoid; }
.lead { color: var(--subtle); font-size: 13px; }
blockquote { margin: 2px 0; font-style: italic; overflow-wrap: anywhere; }
.try { color: var(--good); }
.habit { padding: 10px 14px; background: var(--panel); border: 1px solid var(--line); border-radius: 6px; }
ul.observations { padding-left: 20px; margin: 0; }
@media print {
  :root { --text: #000; --subtle: #444; --line: #bbb; --canvas: #fff; --panel: #fff; --track: #eee; }
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  section, .habit, table, .timeline { break-inside: avoid; }
  .bar, .bar span, .attune-timeline { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
