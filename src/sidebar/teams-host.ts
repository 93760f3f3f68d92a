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

export function asTheme(value: string | null | undefined): Theme {
  return value === "dark" || value === "contrast" ? value : "default";
}

export async function connectHost(location: Location): Promise<HostResult> {
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
        theme: asTheme(params.get("theme")),
        token: async () => devToken,
        onThemeChange: () => undefined,
        inTeams: false,
      },
    };
  }
  const sdk = (await loadTeamsJs()) ? teams() : null;
  if (!sdk) return { ok: false, error: "Teams' library did not load; reload the panel." };
  const timeout = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 8000));
  if ((await Promise.race([sdk.app.initialize().then(() => "ready" as const), timeout])) === "timeout")
    return {
      ok: false,
      error: "This page is Attune's meeting side panel: open it in a Teams meeting (or, locally, with a token from attune live token).",
    };
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
