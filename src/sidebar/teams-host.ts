/**
 * The side panel's view of its host, browser-side. In Teams: teams-js (the global from /vendor/teams-js.js)
 * gives the meeting, the frame, the theme and the viewer's SSO token. Outside Teams (local mode), the page's
 * address carries a development token from `attune live token`.
 */
import type * as TeamsJs from "@microsoft/teams-js";

export type Theme = "default" | "dark" | "contrast";

export interface Host {
  meetingId: string;
  /** sidePanel, meetingStage, content… or "browser" outside Teams. */
  frameContext: string;
  theme: Theme;
  /** A fresh token for each (re)connection. */
  token(): Promise<string>;
  onThemeChange(handler: (theme: Theme) => void): void;
  inTeams: boolean;
}

export type HostResult = { ok: true; value: Host } | { ok: false; error: string };

const teams = (): typeof TeamsJs | null => (globalThis as { microsoftTeams?: typeof TeamsJs }).microsoftTeams ?? null;

/** teams-js is loaded only inside Teams: outside it (local mode) the page needs nothing from Microsoft's servers. */
function loadTeamsJs(): Promise<boolean> {
  return new Promise((resolve) => {
    const script = document.createElement("script");
    script.src = "/vendor/teams-js.js";
    script.onload = () => resolve(true);
    script.onerror = () => resolve(false);
    document.head.append(script);
  });
}

/** Outside Teams, the browser's own dark mode. */
function prefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

export function asTheme(value: string | null | undefined): Theme {
  return value === "dark" || value === "contrast" ? value : "default";
}

/** What the panel says when it is neither in Teams nor opened with a development token. */
export const NOT_IN_TEAMS =
  "This is Attune's meeting side panel. In Teams it opens inside a meeting. On this machine, open the address that “attune live token --meeting ID --user NAME” prints, or press Play under Live replay in the playground.";

/** `framed`: the page is inside another (Teams, the playground); a page on its own cannot be in Teams. */
export async function connectHost(location: Location, framed = window.parent !== window): Promise<HostResult> {
  const params = new URLSearchParams(location.search);
  const devToken = params.get("token");
  if (devToken) {
    const meetingId = params.get("meetingId");
    if (!meetingId) return { ok: false, error: "Add meetingId to this page's address, next to the token." };
    return {
      ok: true,
      value: {
        meetingId,
        frameContext: "browser",
        theme: params.has("theme") ? asTheme(params.get("theme")) : prefersDark() ? "dark" : "default",
        token: async () => devToken,
        onThemeChange: () => undefined,
        inTeams: false,
      },
    };
  }
  // Not in a frame and no token: not in Teams either, so say at once what the page needs.
  if (!framed) return { ok: false, error: NOT_IN_TEAMS };
  const sdk = (await loadTeamsJs()) ? teams() : null;
  if (!sdk) return { ok: false, error: "Teams' library did not load; reload the panel." };
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 8000));
  const initialized = sdk.app.initialize().then(
    () => "ready" as const,
    () => "failed" as const,
  );
  if ((await Promise.race([initialized, timeout])) !== "ready") return { ok: false, error: NOT_IN_TEAMS };
  const context = await sdk.app.getContext();
  const meetingId = context.meeting?.id;
  if (!meetingId) return { ok: false, error: "Attune's live panel works inside a meeting; this tab is not in one." };
  sdk.app.notifySuccess();
  return {
    ok: true,
    value: {
      meetingId,
      frameContext: String(context.page.frameContext ?? "content"),
      theme: asTheme(context.app.theme),
      token: () => sdk.authentication.getAuthToken(),
      onThemeChange: (handler) => sdk.app.registerOnThemeChangeHandler((theme) => handler(asTheme(theme))),
      inTeams: true,
    },
  };
}
