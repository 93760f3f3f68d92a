/**
 * In local mode nothing authenticates an activity, so the `serviceUrl` it names is where the bot would post
 * its replies: only a loopback address is accepted (the Agents Playground, a local stand-in of the Bot
 * Connector). With an app id, the Bot Framework token's `serviceurl` claim vouches for it instead.
 */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return false;
  if (url.username || url.password) return false;
  return url.hostname === "localhost" || url.hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

/** Why a local-mode activity is refused, or null when its serviceUrl (if any) is loopback. */
export function localServiceUrlProblem(activity: { serviceUrl?: unknown }): string | null {
  const { serviceUrl } = activity;
  if (serviceUrl === undefined) return null;
  if (typeof serviceUrl === "string" && isLoopbackServiceUrl(serviceUrl)) return null;
  return "serviceUrl must be a loopback address (127.0.0.1, localhost or [::1]) in local mode, where activities are not authenticated";
}
