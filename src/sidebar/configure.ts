/** The side panel's configuration page (browser module): lets Teams save the tab, whose content is /sidepanel on this host. */
import type * as TeamsJs from "@microsoft/teams-js";

const sdk = (globalThis as { microsoftTeams?: typeof TeamsJs }).microsoftTeams;
const status = document.getElementById("status");

if (!sdk) {
  if (status) status.textContent = "Teams' library did not load; reload this page.";
} else {
  void sdk.app.initialize().then(async () => {
    const context = await sdk.app.getContext();
    document.body.classList.add(
      `theme-${context.app.theme === "dark" || context.app.theme === "contrast" ? context.app.theme : "default"}`,
    );
    sdk.pages.config.registerOnSaveHandler((saveEvent) => {
      const base = window.location.origin;
      sdk.pages.config
        .setConfig({ entityId: "attune-live", contentUrl: `${base}/sidepanel`, websiteUrl: `${base}/`, suggestedDisplayName: "Attune" })
        .then(
          () => saveEvent.notifySuccess(),
          (error: unknown) => saveEvent.notifyFailure(String(error)),
        );
    });
    sdk.pages.config.setValidityState(true);
  });
}
