import { z } from "zod";
import type { GraphSettings } from "../config.js";
import { ok, type Failure, type Result } from "../result.js";

const tokenResponseSchema = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });

/** Why Graph (or its sign-in service) gave nothing usable, and whether asking again later may help. */
export interface GraphFailure
  extends Failure<"not-configured" | "unreachable" | "refused" | "unexpected-answer" | "no-permission" | "http"> {
  retry: boolean;
}

export type TokenResult = Result<string, GraphFailure>;

export function graphFailure(code: GraphFailure["code"], retry: boolean, message: string): { ok: false; error: GraphFailure } {
  return { ok: false, error: { code, message, retry } };
}

/**
 * App-only Microsoft Graph tokens by the OAuth client-credentials grant at
 * {AUTHORITY_HOST}/{tenant}/oauth2/v2.0/token, cached until five minutes before they expire.
 */
export function createGraphTokenSource(settings: GraphSettings, fetchImpl: typeof fetch = fetch): () => Promise<TokenResult> {
  let cached: { token: string; until: number } | null = null;
  const scope = `${new URL(settings.baseUrl).origin}/.default`;
  return async () => {
    if (cached && Date.now() < cached.until) return ok(cached.token);
    if (!settings.clientId || !settings.clientSecret || !settings.tenantId) {
      return graphFailure(
        "not-configured",
        false,
        "Graph credentials are not configured (GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET, GRAPH_TENANT_ID, or the bot's MicrosoftApp* values)",
      );
    }
    let response: Response;
    try {
      response = await fetchImpl(`${settings.authorityHost}/${encodeURIComponent(settings.tenantId)}/oauth2/v2.0/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({
          client_id: settings.clientId,
          client_secret: settings.clientSecret,
          scope,
          grant_type: "client_credentials",
        }),
        signal: AbortSignal.timeout(15_000),
      });
    } catch (cause) {
      return graphFailure("unreachable", true, `cannot reach the sign-in service (${(cause as Error).message})`);
    }
    if (!response.ok) {
      const retry = response.status === 429 || response.status >= 500;
      return graphFailure("refused", retry, `the sign-in service refused the app token (${response.status})`);
    }
    const parsed = tokenResponseSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) return graphFailure("unexpected-answer", true, "the sign-in service answered without a token");
    cached = { token: parsed.data.access_token, until: Date.now() + Math.max(0, parsed.data.expires_in - 300) * 1000 };
    return ok(cached.token);
  };
}
