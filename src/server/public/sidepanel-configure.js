// Lets Teams save the side panel tab: its content page is /sidepanel on this host.
microsoftTeams.app.initialize().then(() => {
  microsoftTeams.pages.config.registerOnSaveHandler((saveEvent) => {
    const base = window.location.origin;
    microsoftTeams.pages.config
      .setConfig({ entityId: "attune-live", contentUrl: `${base}/sidepanel`, websiteUrl: `${base}/`, suggestedDisplayName: "Attune" })
      .then(
        () => saveEvent.notifySuccess(),
        (error) => saveEvent.notifyFailure(String(error)),
      );
  });
  microsoftTeams.pages.config.setValidityState(true);
});
