/**
 * The meeting side panel (browser module): finds its host, opens /live/panel, sends the viewer's token as
 * the first frame and shows what comes back. Imports only browser-safe modules.
 */
import { panelFrameSchema } from "../live/protocol.js";
import { showNudge, showState, showStatus, showWatching } from "./panel-view.js";
import { connectHost, type Host, type Theme } from "./teams-host.js";

const WAITING =
  "Connected. Waiting for the meeting's live transcript: nothing has been heard in this meeting yet. If it has ended, its coaching card comes in your chat with Attune.";

/** Close codes after which reconnecting cannot help: the reason is shown instead. */
const FINAL = new Set([1000, 4400, 4401, 4403, 4503]);

function applyTheme(theme: Theme): void {
  document.body.classList.remove("theme-default", "theme-dark", "theme-contrast");
  document.body.classList.add(`theme-${theme}`);
}

function open(host: Host, attempt: number): void {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  const socket = new WebSocket(`${scheme}//${location.host}/live/panel?meetingId=${encodeURIComponent(host.meetingId)}`);
  let heard = false;
  socket.addEventListener("open", () => {
    host.token().then(
      (token) => {
        socket.send(JSON.stringify({ type: "auth", token }));
        showStatus(WAITING);
      },
      (error: unknown) => {
        showStatus(`Could not sign you in: ${String(error)}`, "error");
        socket.close();
      },
    );
  });
  socket.addEventListener("message", (event) => {
    const frame = panelFrameSchema.safeParse(JSON.parse(String(event.data)));
    if (!frame.success) return;
    heard = true;
    if (frame.data.type === "state") {
      showState(frame.data);
      showStatus("Live", "ok");
      showWatching(frame.data);
    } else if (frame.data.type === "nudge") showNudge(frame.data);
    else showStatus("The meeting ended. Your private coaching card follows after the meeting.", "ok");
  });
  socket.addEventListener("close", (event) => {
    if (event.code === 1000 && heard) return;
    if (FINAL.has(event.code)) {
      showStatus(event.reason || `Disconnected (${event.code}).`, "error");
      return;
    }
    const wait = Math.min(30_000, 1000 * 2 ** attempt);
    showStatus(`Connection lost; trying again in ${Math.round(wait / 1000)} s…`);
    setTimeout(() => open(host, heard ? 0 : attempt + 1), wait);
  });
}

async function main(): Promise<void> {
  // Until a host says otherwise (Teams' theme, ?theme=), the browser's own dark mode.
  if (matchMedia("(prefers-color-scheme: dark)").matches) applyTheme("dark");
  showStatus("Looking for the meeting…");
  const host = await connectHost(location).catch(
    (error: unknown): Awaited<ReturnType<typeof connectHost>> => ({ ok: false, error: `Could not reach the meeting: ${String(error)}` }),
  );
  if (!host.ok) {
    showStatus(host.error, "error");
    return;
  }
  applyTheme(host.value.theme);
  host.value.onThemeChange(applyTheme);
  document.body.dataset.frame = host.value.frameContext;
  open(host.value, 0);
}

void main();
