// How the playground renders Adaptive Cards: host configs close to Teams' light and dark themes, and the small
// Markdown subset Teams renders in TextBlocks (escaped first). Plain browser script; AdaptiveCards is the global.
(() => {
  const THEMES = {
    light: {
      text: { default: "#242424", subtle: "#616161" },
      accent: "#5B5FC7",
      good: "#0E700E",
      warning: "#835B00",
      attention: "#C4314B",
      surfaces: { default: "#FFFFFF", emphasis: "#F5F5F5", accent: "#C5CBFA", good: "#C9E8C9", warning: "#FBE6B2", attention: "#F6D1D5" },
      line: "#E0E0E0",
    },
    dark: {
      text: { default: "#FFFFFF", subtle: "#ADADAD" },
      accent: "#9EA2FF",
      good: "#92C353",
      warning: "#F8D22A",
      attention: "#F9525C",
      surfaces: { default: "#292929", emphasis: "#1F1F1F", accent: "#3D3E66", good: "#0D2E0D", warning: "#463100", attention: "#3E1F25" },
      line: "#3D3D3D",
    },
  };

  function hostConfig(theme) {
    const t = THEMES[theme];
    const colors = {
      default: t.text.default,
      dark: t.text.default,
      light: t.surfaces.default,
      accent: t.accent,
      good: t.good,
      warning: t.warning,
      attention: t.attention,
    };
    const foregroundColors = Object.fromEntries(
      Object.entries(colors).map(([name, color]) => [name, { default: color, subtle: name === "default" ? t.text.subtle : color }]),
    );
    const containerStyles = Object.fromEntries(
      Object.entries(t.surfaces).map(([name, backgroundColor]) => [name, { backgroundColor, foregroundColors }]),
    );
    return new AdaptiveCards.HostConfig({
      fontFamily:
        "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', Arial, sans-serif",
      supportsInteractivity: true,
      spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
      separator: { lineThickness: 1, lineColor: t.line },
      fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 300, default: 400, bolder: 600 },
      containerStyles,
      actions: {
        maxActions: 6,
        spacing: "default",
        buttonSpacing: 8,
        actionsOrientation: "horizontal",
        actionAlignment: "left",
        showCard: { actionMode: "inline", inlineTopMargin: 12 },
      },
      factSet: { title: { weight: "bolder", wrap: true, maxWidth: 150 }, value: { wrap: true }, spacing: 8 },
      adaptiveCard: { allowCustomStyle: true },
    });
  }

  function markdown(text) {
    const escapeHtml = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    const inline = (s) =>
      escapeHtml(s)
        .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
        .replace(/(^|[\s(])_(.+?)_(?=[\s).,;:!?]|$)/g, "$1<em>$2</em>")
        .replace(/(^|[\s(])\*(?!\s)(.+?)\*(?=[\s).,;:!?]|$)/g, "$1<em>$2</em>")
        .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, '<a href="$2" target="_blank" rel="noopener noreferrer">$1</a>');
    const blocks = [];
    let list = null;
    for (const line of text.split(/\r\n|\r|\n/)) {
      const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
      const numbered = /^\s*\d+\.\s+(.*)$/.exec(line);
      const tag = bullet ? "ul" : numbered ? "ol" : null;
      if (tag) {
        if (!list || list.tag !== tag) {
          list = { tag, items: [] };
          blocks.push(list);
        }
        list.items.push(inline((bullet ?? numbered)[1]));
        continue;
      }
      list = null;
      if (line.trim() === "") blocks.push({ tag: "gap" });
      else blocks.push({ tag: "line", html: inline(line) });
    }
    let html = "";
    let paragraph = [];
    const flush = () => {
      if (paragraph.length > 0) html += `<p>${paragraph.join("<br>")}</p>`;
      paragraph = [];
    };
    for (const block of blocks) {
      if (block.tag === "line") paragraph.push(block.html);
      else {
        flush();
        if (block.tag !== "gap") html += `<${block.tag}>${block.items.map((i) => `<li>${i}</li>`).join("")}</${block.tag}>`;
      }
    }
    flush();
    return html;
  }

  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown(text);
    result.didProcess = true;
  };

  const scheme = window.matchMedia("(prefers-color-scheme: dark)");
  window.AttuneHost = {
    /** The host config of the reader's colour scheme. */
    hostConfig: () => hostConfig(scheme.matches ? "dark" : "light"),
    /** Calls `listener` when the reader's colour scheme changes. */
    onSchemeChange: (listener) => scheme.addEventListener("change", listener),
  };
})();
