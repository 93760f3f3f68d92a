// The Attune playground: choose a meeting, "end" it, render what the manager receives.
// Plain browser script (no build step); AdaptiveCards is the global from /vendor/adaptivecards.js.
(() => {
  const $ = (id) => document.getElementById(id);
  const form = $("run-form");
  const sampleSelect = $("sample");
  const managerSelect = $("manager");
  const fileInput = $("file");
  const endButton = $("end");
  const statusLine = $("status");
  let samples = [];
  let upload = null; // { name, text }

  // Colours and sizes close to the Teams light theme, so the card looks as it does there.
  const palette = {
    default: "#242424",
    dark: "#242424",
    light: "#FFFFFF",
    accent: "#5B5FC7",
    good: "#0E700E",
    warning: "#835B00",
    attention: "#C4314B",
  };
  const foregroundColors = Object.fromEntries(
    Object.entries(palette).map(([name, color]) => [name, { default: color, subtle: name === "default" ? "#616161" : color }]),
  );
  const style = (backgroundColor) => ({ backgroundColor, foregroundColors });
  const hostConfig = new AdaptiveCards.HostConfig({
    fontFamily:
      "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', Arial, sans-serif",
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: "#E0E0E0" },
    fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: style("#FFFFFF"),
      emphasis: style("#F5F5F5"),
      accent: style("#C5CBFA"),
      good: style("#C9E8C9"),
      warning: style("#FBE6B2"),
      attention: style("#F6D1D5"),
    },
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

  // Teams renders a small Markdown subset in TextBlocks: **bold**, _italic_, lists, links. Escape first.
  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown(text);
    result.didProcess = true;
  };

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

  function renderCard(json, host) {
    const note = host.parentElement.querySelector(".note");
    note.hidden = true;
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = hostConfig;
    card.onExecuteAction = (action) => {
      if (action instanceof AdaptiveCards.OpenUrlAction) {
        window.open(action.url, "_blank", "noopener");
        return;
      }
      const verb = action instanceof AdaptiveCards.ExecuteAction && action.verb ? ` (${action.verb})` : "";
      note.textContent = `In Teams, this goes to the bot${verb}. The playground only shows the card.`;
      note.hidden = false;
    };
    card.parse(json);
    const element = card.render();
    host.replaceChildren(element ?? document.createTextNode("This card could not be rendered."));
  }

  function setStatus(text, kind = "") {
    statusLine.textContent = text;
    statusLine.className = `status ${kind}`;
  }

  async function api(path, body) {
    const response = await fetch(
      path,
      body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
    );
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || `the server answered ${response.status}`);
    return data;
  }

  const mode = () => form.elements.source.value;

  function showMode() {
    $("sample-fields").hidden = mode() !== "sample";
    $("upload-fields").hidden = mode() !== "upload";
    setStatus("");
  }

  function showSampleAbout() {
    const sample = samples.find((s) => s.id === sampleSelect.value);
    $("sample-about").textContent = sample ? `${sample.about} Manager: ${sample.manager}. ${sample.speakers.length} speakers.` : "";
  }

  function option(value, label) {
    const o = document.createElement("option");
    o.value = value;
    o.textContent = label;
    return o;
  }

  async function loadSamples() {
    try {
      samples = await api("/playground/api/samples");
      sampleSelect.replaceChildren(...samples.map((s) => option(s.id, s.title)));
      $("live-sample").replaceChildren(...samples.map((s) => option(s.id, s.title)));
      showSampleAbout();
    } catch (error) {
      setStatus(`Could not load the sample meetings: ${error.message}`, "error");
    }
  }

  async function readUpload() {
    upload = null;
    managerSelect.disabled = true;
    managerSelect.replaceChildren(option("", "Choose a transcript first"));
    const file = fileInput.files[0];
    if (!file) return;
    if (file.size > 5 * 1024 * 1024) {
      setStatus("That file is over 5 MB; a Teams transcript is usually far smaller.", "error");
      return;
    }
    setStatus("Reading the transcript…");
    try {
      const text = await file.text();
      const { speakers } = await api("/playground/api/speakers", { vtt: text });
      if (speakers.length === 0) throw new Error("the transcript names no speakers, so there is no manager to coach");
      upload = { name: file.name.replace(/\.[^.]+$/, ""), text };
      managerSelect.replaceChildren(...speakers.map((name) => option(name, name)));
      managerSelect.disabled = false;
      setStatus(`${speakers.length} speakers found. Pick the manager, then end the meeting.`);
    } catch (error) {
      setStatus(error.message, "error");
    }
  }

  async function run(event) {
    event.preventDefault();
    let body;
    if (mode() === "sample") body = { sampleId: sampleSelect.value };
    else if (upload && managerSelect.value) body = { vtt: upload.text, manager: managerSelect.value, title: upload.name };
    else return setStatus("Choose a transcript and its manager first.", "error");
    endButton.disabled = true;
    setStatus("Analysing the meeting and writing the coaching…");
    try {
      const result = await api("/playground/api/run", body);
      show(result);
      setStatus("Done. This is what the manager receives, privately, after the meeting.", "ok");
    } catch (error) {
      setStatus(error.message, "error");
    } finally {
      endButton.disabled = false;
    }
  }

  function show(result) {
    $("results").hidden = false;
    $("coach").textContent = result.coach === "llm" ? "Model coach" : "Heuristic coach";
    $("card-time").textContent = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    renderCard(result.card, $("card"));
    $("report").textContent = result.report;
    $("card-text").textContent = result.cardText;
    const prep = result.prep;
    $("prep-message").hidden = !prep;
    $("prep-text-box").hidden = !prep;
    $("no-prep").hidden = Boolean(prep);
    $("no-prep").textContent = "No one-on-one prep for this meeting.";
    if (prep) {
      $("prep-label").textContent = "· one-on-one prep";
      renderCard(prep.card, $("prep-card"));
      $("prep-text").textContent = prep.text;
    }
    $("results").scrollIntoView({ behavior: "smooth", block: "start" });
  }

  // Live replay: the server feeds the meeting into its own live mode; the frame is the organizer's side panel.
  async function play(event) {
    event.preventDefault();
    const speed = Number($("live-speed").value);
    const liveStatus = $("live-status");
    $("play").disabled = true;
    liveStatus.className = "status";
    liveStatus.textContent = "Starting the replay…";
    try {
      const replay = await api("/playground/api/live", { sampleId: $("live-sample").value, speed });
      const frame = $("live-panel");
      frame.src = replay.panelPath;
      frame.hidden = false;
      const seconds = Math.round(replay.durationMs / 1000 / speed);
      liveStatus.textContent = `Playing as ${replay.manager} sees it: ${Math.round(replay.durationMs / 60000)} minutes of meeting in about ${seconds} seconds.`;
      setTimeout(() => ($("play").disabled = false), Math.min(seconds, 30) * 1000);
    } catch (error) {
      liveStatus.className = "status error";
      liveStatus.textContent = error.message;
      $("play").disabled = false;
    }
  }

  $("live-form").addEventListener("submit", play);
  for (const radio of form.elements.source) radio.addEventListener("change", showMode);
  sampleSelect.addEventListener("change", showSampleAbout);
  fileInput.addEventListener("change", readUpload);
  form.addEventListener("submit", run);
  loadSamples();
})();
