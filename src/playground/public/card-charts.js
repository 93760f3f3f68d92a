// Teams' chart elements (Chart.Donut, Chart.HorizontalBar, Chart.Line) for the Adaptive Cards renderer, so the
// playground draws the cards' charts the way a Teams client that has them does. The `adaptivecards` renderer
// does not know them and would show their fallback: `AttuneCharts.enable(false)` brings that back, to see
// what a client without charts shows. Plain browser script; AdaptiveCards is the global renderer.
(() => {
  const SVG = "http://www.w3.org/2000/svg";
  const PALETTE = {
    categoricalPurple: ["#5b5fc7", "#7f85f5"],
    categoricalLightBlue: ["#8cb8d8", "#6fa8d6"],
    categoricalTeal: ["#038387", "#3fb6b2"],
    categoricalMarigold: ["#c19c00", "#e3b93a"],
    neutral: ["#8a8886", "#9e9e9e"],
  };
  const dark = () => window.matchMedia("(prefers-color-scheme: dark)").matches;
  const colorOf = (name, i) => {
    const pair = PALETTE[name] ?? Object.values(PALETTE)[i % 5];
    return pair[dark() ? 1 : 0];
  };
  const el = (name, attrs = {}, text) => {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const svgBox = (width, height, label) => {
    const svg = el("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "aria-label": label, class: "ac-chart" });
    svg.style.maxWidth = `${width}px`;
    return svg;
  };
  const legendRow = (items) => {
    const row = document.createElement("div");
    row.className = "ac-chart-legend";
    for (const { label, color } of items) {
      const item = document.createElement("span");
      const swatch = document.createElement("i");
      swatch.style.background = color;
      item.append(swatch, document.createTextNode(label));
      row.append(item);
    }
    return row;
  };

  function donut(json) {
    const data = (json.data ?? []).filter((d) => d.value > 0);
    const total = data.reduce((s, d) => s + d.value, 0) || 1;
    const svg = svgBox(160, 160, data.map((d) => d.legend).join(", "));
    let angle = -Math.PI / 2;
    data.forEach((d, i) => {
      const sweep = (d.value / total) * Math.PI * 2;
      const end = angle + sweep;
      const [x0, y0, x1, y1] = [80 + 64 * Math.cos(angle), 80 + 64 * Math.sin(angle), 80 + 64 * Math.cos(end), 80 + 64 * Math.sin(end)];
      const path = data.length === 1 ? "M80 16a64 64 0 1 1 -0.01 0z" : `M${x0} ${y0}A64 64 0 ${sweep > Math.PI ? 1 : 0} 1 ${x1} ${y1}`;
      svg.append(el("path", { d: path, fill: "none", stroke: colorOf(d.color, i), "stroke-width": 26 }));
      angle = end;
    });
    return [svg, legendRow(data.map((d, i) => ({ label: d.legend, color: colorOf(d.color, i) })))];
  }

  function bars(json) {
    const data = json.data ?? [];
    const max = Math.max(1, ...data.map((d) => d.y));
    const rowH = 30;
    const svg = svgBox(360, data.length * rowH + 4, data.map((d) => `${d.x} ${Math.round(d.y)}`).join(", "));
    data.forEach((d, i) => {
      const y = i * rowH;
      svg.append(el("text", { x: 0, y: y + 11, class: "ac-chart-label" }, d.x));
      svg.append(el("rect", { x: 0, y: y + 15, width: 300, height: 10, class: "ac-chart-track" }));
      svg.append(el("rect", { x: 0, y: y + 15, width: Math.max(1, (d.y / max) * 300), height: 10, fill: colorOf(d.color, i) }));
      svg.append(el("text", { x: 306, y: y + 24, class: "ac-chart-value" }, `${Math.round(d.y)}`));
    });
    return [svg];
  }

  function line(json) {
    const series = json.data ?? [];
    const xs = [...new Set(series.flatMap((s) => s.values.map((v) => String(v.x))))];
    const ys = series.flatMap((s) => s.values.map((v) => v.y));
    const lo = Math.min(0, ...ys);
    const hi = Math.max(lo + 1, ...ys);
    const [w, h, left, bottom] = [360, 150, 34, 22];
    const sx = (x) => left + (xs.length === 1 ? 0 : (xs.indexOf(String(x)) / (xs.length - 1)) * (w - left - 10));
    const sy = (y) => 8 + (1 - (y - lo) / (hi - lo)) * (h - bottom - 8);
    const svg = svgBox(w, h, `${json.yAxisTitle ?? ""}: ${series.map((s) => s.legend).join(", ")}`);
    for (const tick of [lo, (lo + hi) / 2, hi]) {
      svg.append(el("line", { x1: left, x2: w - 10, y1: sy(tick), y2: sy(tick), class: "ac-chart-grid" }));
      svg.append(
        el("text", { x: left - 4, y: sy(tick) + 4, "text-anchor": "end", class: "ac-chart-value" }, `${Math.round(tick * 10) / 10}`),
      );
    }
    xs.forEach((x, i) => {
      if (xs.length > 6 && i % Math.ceil(xs.length / 6) !== 0 && i !== xs.length - 1) return;
      const anchor = xs.length > 1 && i === 0 ? "start" : i === xs.length - 1 && xs.length > 1 ? "end" : "middle";
      svg.append(el("text", { x: sx(x), y: h - 6, "text-anchor": anchor, class: "ac-chart-value" }, x));
    });
    series.forEach((s, i) => {
      const color = colorOf(s.color, i);
      const points = s.values.map((v) => `${sx(v.x)},${sy(v.y)}`).join(" ");
      svg.append(el("polyline", { points, fill: "none", stroke: color, "stroke-width": 2 }));
      for (const v of s.values) svg.append(el("circle", { cx: sx(v.x), cy: sy(v.y), r: 2.5, fill: color }));
    });
    return [svg, legendRow(series.map((s, i) => ({ label: s.legend, color: colorOf(s.color, i) })))];
  }

  const DRAW = { "Chart.Donut": donut, "Chart.HorizontalBar": bars, "Chart.Line": line };

  function chartClass(type) {
    return class extends AdaptiveCards.CardElement {
      getJsonTypeName() {
        return type;
      }
      internalParse(source, context) {
        super.internalParse(source, context);
        this.chart = source;
      }
      internalRender() {
        const box = document.createElement("div");
        box.className = "ac-chart-box";
        if (this.chart.title)
          box.append(Object.assign(document.createElement("div"), { className: "ac-chart-title", textContent: this.chart.title }));
        box.append(...DRAW[type](this.chart));
        return box;
      }
    };
  }

  const classes = Object.fromEntries(Object.keys(DRAW).map((type) => [type, chartClass(type)]));

  window.AttuneCharts = {
    /** Draw charts (true), or leave them unknown so their fallback renders (false). */
    enable(on) {
      for (const [type, cls] of Object.entries(classes)) {
        AdaptiveCards.GlobalRegistry.elements.unregister(type);
        if (on) AdaptiveCards.GlobalRegistry.elements.register(type, cls, AdaptiveCards.Versions.v1_5);
      }
    },
  };
  window.AttuneCharts.enable(true);
})();
