import type { TokenCredential } from "@azure/identity";
import type { GraphSettings } from "../config.js";
import { ok, type Failure, type Result } from "../result.js";

/** Why Graph (or its sign-in service) gave nothing usable, and whether asking again later may help. */
export interface GraphFailure
  extends Failure<"not-configured" | "unreachable" | "refused" | "unexpected-answer" | "no-permission" | "http"> {
  retry: boolean;
}

export type TokenResult = Result<string, GraphFailure>;

export function graphFailure(code: GraphFailure["code"], retry: boolean, message: string): { ok: false; error: GraphFailure } {
  return { ok: false, error: { code, message, retry } };
}

/** Sign-in hosts @azure/identity knows; any other (a test, a private cloud) is used as given, without instance discovery. */
const KNOWN_AUTHORITY_HOSTS = new Set([
  "login.microsoftonline.com",
  "login.microsoftonline.us",
  "login.chinacloudapi.cn",
  "login.microsoftonline.de",
]);

/**
 * App-only Microsoft Graph tokens through @azure/identity: a client secret, a certificate, or a managed
 * identity (system- or user-assigned), as `settings.credential` says. The library caches and renews tokens.
 * It is imported on first use, so a start-up that never asks Graph does not load it.
 */
export function createGraphTokenSource(settings: GraphSettings): () => Promise<TokenResult> {
  const scope = `${new URL(settings.baseUrl).origin}/.default`;
  let credential: Promise<Result<TokenCredential, GraphFailure>> | null = null;
  return async () => {
    credential ??= buildCredential(settings);
    const built = await credential;
    if (!built.ok) return built;
    try {
      const token = await built.value.getToken(scope, { abortSignal: AbortSignal.timeout(settings.requestTimeoutMs ?? 60_000) });
      return token ? ok(token.token) : graphFailure("unexpected-answer", true, "the sign-in service answered without a token");
    } catch (error) {
      return tokenFailure(settings.credential, error);
    }
  };
}

async function buildCredential(settings: GraphSettings): Promise<Result<TokenCredential, GraphFailure>> {
  const identity = await import("@azure/identity");
  const options = {
    authorityHost: settings.authorityHost,
    disableInstanceDiscovery: !KNOWN_AUTHORITY_HOSTS.has(new URL(settings.authorityHost).hostname),
  };
  const { clientId, tenantId } = settings;
  switch (settings.credential) {
    case "managed-identity":
      return ok(
        settings.managedIdentityClientId
          ? new identity.ManagedIdentityCredential({ clientId: settings.managedIdentityClientId })
          : new identity.ManagedIdentityCredential(),
      );
    case "certificate":
      if (!settings.authorityHost.startsWith("https:")) return insecureAuthority();
      if (!clientId || !tenantId || !settings.certificatePath)
        return notConfigured("GRAPH_CLIENT_ID, GRAPH_TENANT_ID and GRAPH_CLIENT_CERTIFICATE_PATH, or the bot's MicrosoftApp* values");
      return ok(new identity.ClientCertificateCredential(tenantId, clientId, { certificatePath: settings.certificatePath }, options));
    case "client-secret":
      if (!settings.authorityHost.startsWith("https:")) return insecureAuthority();
      if (!clientId || !tenantId || !settings.clientSecret)
        return notConfigured("GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET, GRAPH_TENANT_ID, or the bot's MicrosoftApp* values");
      return ok(new identity.ClientSecretCredential(tenantId, clientId, settings.clientSecret, options));
  }
}

function insecureAuthority(): { ok: false; error: GraphFailure } {
  return graphFailure("not-configured", false, "AUTHORITY_HOST must be an https URL for Graph sign-in (the identity library refuses http)");
}

function notConfigured(what: string): { ok: false; error: GraphFailure } {
  return graphFailure("not-configured", false, `Graph credentials are not configured (${what})`);
}

/**
 * The failure as a status and an error code, never the library's message: it can carry the sign-in
 * service's answer. No answer at all, throttling and server errors may pass; a refusal will not.
 */
function tokenFailure(kind: GraphSettings["credential"], error: unknown): { ok: false; error: GraphFailure } {
  const e = error as { name?: unknown; statusCode?: unknown; errorResponse?: { error?: unknown }; code?: unknown } | null;
  const code = [e?.errorResponse?.error, e?.code, e?.name].find((v) => typeof v === "string" && /^[\w.:-]{1,60}$/.test(v)) as
    | string
    | undefined;
  if (e?.name === "CredentialUnavailableError") {
    const where = kind === "managed-identity" ? "no managed identity answered on this host" : "the credential is unavailable";
    return graphFailure("unreachable", true, `no Graph token: ${where} (${code})`);
  }
  // The library reports a refusal and a server error alike as this, without a status: retry, and say what to check.
  if (e?.name === "AuthenticationRequiredError")
    return graphFailure("refused", true, `the sign-in service gave no app token (${code}): check the Graph credentials, or it is failing`);
  const status = typeof e?.statusCode === "number" && e.statusCode > 0 ? e.statusCode : null;
  if (status === null) return graphFailure("unreachable", true, `cannot reach the sign-in service (${code ?? "no answer"})`);
  const retry = status === 429 || status >= 500;
  return graphFailure("refused", retry, `the sign-in service refused the app token (${status}${code ? ` ${code}` : ""})`);
}
