// The Attune playground: choose a meeting, "end" it, render what the manager receives: the coaching card (with
// "Practise this" on its moments), the meeting timeline, the listening trend over what is saved, and the
// one-on-one prep with a person they pick.
// Plain browser script (no build step); AdaptiveCards, AttuneHost (host-config.js) and AttuneCharts
// (card-charts.js) are globals from the scripts loaded before it.
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
  let current = null; // the latest run: { manager, people }
  let practising = null; // the moment of the card being practised: { meetingId, utteranceId }
  const rendered = new Map(); // host element → card JSON, to render again on a change of colour scheme or chart mode

  function renderCard(json, host) {
    rendered.set(host, json);
    const note = host.parentElement.querySelector(".note");
    if (note) note.hidden = true;
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = AttuneHost.hostConfig();
    card.onExecuteAction = (action) => {
      if (action instanceof AdaptiveCards.OpenUrlAction) {
        window.open(action.url, "_blank", "noopener");
        return;
      }
      if (action instanceof AdaptiveCards.ExecuteAction && action.verb === "practise" && host === $("card") && current) {
        startPractice(action.data);
        return;
      }
      const verb = action instanceof AdaptiveCards.ExecuteAction && action.verb ? ` (${action.verb})` : "";
      if (note) {
        note.textContent = `In Teams, this goes to the bot${verb}. The playground only shows the card.`;
        note.hidden = false;
      }
    };
    card.parse(json);
    const element = card.render();
    host.replaceChildren(element ?? document.createTextNode("This card could not be rendered."));
  }

  const renderAgain = () => {
    for (const [host, json] of rendered) if (host.isConnected && !host.closest("[hidden]")) renderCard(json, host);
  };

  function setStatus(text, kind = "") {
    statusLine.textContent = text;
    statusLine.className = `status ${kind}`;
    statusLine.setAttribute("role", kind === "error" ? "alert" : "status");
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
      $("trend-managers").replaceChildren(...[...new Set(samples.map((s) => s.manager))].map((m) => option(m, m)));
      showSampleAbout();
    } catch (error) {
      setStatus(`Could not load the sample meetings: ${error.message}`, "error");
    }
  }

  /** A failed run or upload leaves no earlier result on screen that could be taken for its answer. */
  function clearResults() {
    $("results").hidden = true;
    for (const id of ["card", "prep-card", "timeline", "report", "card-text", "prep-text"]) $(id).replaceChildren();
    for (const host of [...rendered.keys()]) if (host.id !== "trend-card") rendered.delete(host);
    current = null;
    stopPractice();
  }

  /** Shows a failure where the person is looking: under the file they chose, or beside the button they pressed. */
  function fail(message, where = statusLine) {
    clearResults();
    if (where === statusLine) setStatus(message, "error");
    else {
      setStatus("");
      where.textContent = message;
    }
    where.focus();
  }

  async function readUpload() {
    upload = null;
    $("upload-status").textContent = "";
    managerSelect.disabled = true;
    managerSelect.replaceChildren(option("", "Choose a transcript first"));
    const file = fileInput.files[0];
    if (!file) return;
    if (file.size > 5 * 1024 * 1024) return fail("That file is over 5 MB; a Teams transcript is usually far smaller.", $("upload-status"));
    setStatus("Reading the transcript…");
    try {
      const text = await file.text();
      // A Word transcript is a ZIP archive: say what it is and where the .vtt is (the CLI's words, src/cli/word-document.ts).
      if (text.startsWith("PK\u0003\u0004") || /\.docx$/i.test(file.name))
        throw new Error(
          "this is a Word document (.docx), not a transcript Attune can read; in Teams, open the meeting's Recap, then Transcript → Download → Download as .vtt",
        );
      const { speakers } = await api("/playground/api/speakers", { vtt: text });
      if (speakers.length === 0) throw new Error("the transcript names no speakers, so there is no manager to coach");
      upload = { name: file.name.replace(/\.[^.]+$/, ""), text };
      managerSelect.replaceChildren(...speakers.map((name) => option(name, name)));
      managerSelect.disabled = false;
      setStatus(`${speakers.length} speakers found. Pick the manager, then end the meeting.`);
    } catch (error) {
      fail(`${file.name}: ${error.message}`, $("upload-status"));
    }
  }

  async function run(event) {
    event.preventDefault();
    let body;
    if (mode() === "sample") body = { sampleId: sampleSelect.value };
    else if (upload && managerSelect.value) body = { vtt: upload.text, manager: managerSelect.value, title: upload.name };
    else return fail("Choose a transcript and its manager first.");
    endButton.disabled = true;
    setStatus("Analysing the meeting and writing the coaching…");
    try {
      const result = await api("/playground/api/run", body);
      show(result);
      setStatus("Done. This is what the manager receives, privately, after the meeting.", "ok");
      await showTrend(result.manager);
    } catch (error) {
      fail(error.message);
    } finally {
      endButton.disabled = false;
    }
  }

  function show(result) {
    current = { manager: result.manager, people: result.people ?? [] };
    stopPractice();
    $("results").hidden = false;
    $("coach").textContent = result.coach === "llm" ? "Model coach" : "Heuristic coach";
    $("card-time").textContent = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    renderCard(result.card, $("card"));
    showTimeline(result.timeline);
    $("report").textContent = result.report;
    $("card-text").textContent = result.cardText;
    const people = current.people;
    $("prep-person").replaceChildren(...people.map((p) => option(p, p)));
    $("prep-choose").hidden = people.length < 2;
    showPrep(result.prep, people[0]);
    $("results").scrollIntoView({ behavior: "smooth", block: "start" });
  }

  /** The server's SVG (its text escaped there), parsed as SVG and adopted: never set as HTML. */
  function showTimeline(svgText) {
    const host = $("timeline");
    host.replaceChildren();
    if (!svgText) return;
    const doc = new DOMParser().parseFromString(svgText, "image/svg+xml");
    const svg = doc.documentElement;
    if (svg.nodeName !== "svg") return;
    host.append(document.importNode(svg, true));
  }

  function showPrep(prep, person) {
    $("prep-message").hidden = !prep;
    $("prep-text-box").hidden = !prep;
    $("no-prep").hidden = Boolean(prep);
    $("no-prep").textContent = "No one-on-one prep for this meeting.";
    if (!prep) return;
    $("prep-label").textContent = `· one-on-one prep with ${person}`;
    renderCard(prep.card, $("prep-card"));
    $("prep-text").textContent = prep.text;
  }

  async function choosePrep() {
    if (!current) return;
    const person = $("prep-person").value;
    $("prep-status").textContent = "Preparing…";
    $("prep-status").className = "status";
    try {
      showPrep(await api("/playground/api/prep", { manager: current.manager, person }), person);
      $("prep-status").textContent = "";
    } catch (error) {
      $("prep-card").replaceChildren();
      $("prep-message").hidden = true;
      $("prep-status").textContent = error.message;
      $("prep-status").className = "status error";
    }
  }

  async function showTrend(manager) {
    const status = $("trend-status");
    $("trend-manager").value = manager;
    status.className = "status";
    status.textContent = "Reading the saved meetings…";
    try {
      const trend = await api("/playground/api/trend", { manager });
      $("trend-message").hidden = false;
      renderCard(trend.card, $("trend-card"));
      $("trend-text").textContent = trend.text;
      status.textContent = `${manager}: ${trend.meetings} saved meeting${trend.meetings === 1 ? "" : "s"}.`;
    } catch (error) {
      $("trend-message").hidden = true;
      $("trend-card").replaceChildren();
      rendered.delete($("trend-card"));
      status.className = "status error";
      status.textContent = error.message;
    }
  }

  // "Practise this" on a moment of the card: the person's words, a text box, and how the attempt landed.
  function stopPractice() {
    practising = null;
    $("practice").hidden = true;
    $("practice-feedback").hidden = true;
    $("practice-attempt").value = "";
    $("practice-status").textContent = "";
  }

  async function startPractice(data) {
    const moment = { meetingId: String(data?.meetingId ?? ""), utteranceId: String(data?.utteranceId ?? "") };
    stopPractice();
    const status = $("practice-status");
    $("practice").hidden = false;
    $("practice").scrollIntoView({ behavior: "smooth", block: "nearest" });
    $("practice-speaker").textContent = "";
    $("practice-quote").textContent = "";
    status.className = "status";
    status.textContent = "Finding the moment…";
    try {
      const said = await api("/playground/api/practise/moment", { manager: current.manager, ...moment });
      practising = moment;
      $("practice-speaker").textContent = `${said.speaker} said:`;
      $("practice-quote").textContent = `“${said.quote}”`;
      status.textContent = "";
      $("practice-attempt").focus();
    } catch (error) {
      status.className = "status error";
      status.textContent = error.message;
    }
  }

  async function sendAttempt(event) {
    event.preventDefault();
    if (!practising || !current) return;
    const status = $("practice-status");
    const button = $("practice-send");
    button.disabled = true;
    status.className = "status";
    status.textContent = "Reading your attempt…";
    try {
      const read = await api("/playground/api/practise", { manager: current.manager, ...practising, attempt: $("practice-attempt").value });
      $("practice-verdict").textContent = read.restates ? "You said it back" : "Not said back yet";
      $("practice-observation").textContent = read.feedback;
      $("practice-example").textContent = read.example ? `For example: “${read.example}”` : "";
      $("practice-example").hidden = !read.example;
      $("practice-feedback").hidden = false;
      status.textContent = "";
      await showTrend(current.manager);
    } catch (error) {
      $("practice-feedback").hidden = true;
      status.className = "status error";
      status.textContent = error.message;
    } finally {
      button.disabled = false;
    }
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
  $("trend-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const manager = $("trend-manager").value.trim();
    if (manager) showTrend(manager);
  });
  $("prep-person").addEventListener("change", choosePrep);
  $("practice-form").addEventListener("submit", sendAttempt);
  $("charts").addEventListener("change", (event) => {
    AttuneCharts.enable(event.target.checked);
    renderAgain();
  });
  AttuneHost.onSchemeChange(renderAgain);
  for (const radio of form.elements.source) radio.addEventListener("change", showMode);
  sampleSelect.addEventListener("change", showSampleAbout);
  fileInput.addEventListener("change", readUpload);
  form.addEventListener("submit", run);
  loadSamples();
})();
