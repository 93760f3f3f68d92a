import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { z } from "zod";
import { CLOSE } from "./protocol.js";
import { verifyDevToken } from "./dev-token.js";

/** Who opened a side panel, as their token proves. */
export interface Viewer {
  /** Display name: finds a participant's own figures; never makes anyone the organizer (see panel-frames.ts). */
  name: string;
  /** The account id: Entra object id (`oid`), or a development token's `oid` when it has one. */
  id: string | null;
  /** Entra tenant (`tid`); "local" for development tokens. */
  tenantId: string;
  /** The meeting a development token is limited to; null for Entra tokens. */
  meetingId: string | null;
  /** A development token of this machine (local mode): its name stands for the organizer when no organizer id is known. */
  dev: boolean;
}

export type ViewerCheck = { ok: true; value: Viewer } | { ok: false; code: number; reason: string };

export interface ViewerAuth {
  verify(token: string): Promise<ViewerCheck>;
}

const expired = (): ViewerCheck => ({ ok: false, code: CLOSE.unauthenticated, reason: "token expired: reopen the side panel" });
const invalid = (why: string): ViewerCheck => ({ ok: false, code: CLOSE.unauthenticated, reason: `token not valid: ${why}` });

/** Local mode: tokens from `attune live token`, signed with this machine's key. */
export function devViewerAuth(key: Uint8Array): ViewerAuth {
  return {
    async verify(token) {
      try {
        const { name, meetingId, id } = await verifyDevToken(key, token);
        return { ok: true, value: { name, id, tenantId: "local", meetingId, dev: true } };
      } catch (error) {
        if (error instanceof errors.JWTExpired) return expired();
        return invalid("not a development token of this machine (make one with attune live token)");
      }
    },
  };
}

export interface EntraSettings {
  authorityHost: string;
  appId: string;
  /** Tokens of other tenants are refused; undefined (multi-tenant) accepts any tenant. */
  tenantId: string | undefined;
  /** The side panel's SSO resource is api://<host>/<app id> (webApplicationInfo in the manifest). */
  publicHostname: string | undefined;
}

const metadataSchema = z.object({ issuer: z.string(), jwks_uri: z.url() });
const claimsSchema = z.object({
  iss: z.string(),
  tid: z.string(),
  oid: z.string(),
  name: z.string().optional(),
  preferred_username: z.string().optional(),
});

/**
 * Teams: the Entra SSO token from authentication.getAuthToken(), checked for signature (the tenant's
 * published keys), audience (this app), issuer and expiry, then for the tenant.
 */
export function entraViewerAuth(settings: EntraSettings): ViewerAuth {
  const tenantPath = settings.tenantId ?? "organizations";
  const metadataUrl = `${settings.authorityHost}/${tenantPath}/v2.0/.well-known/openid-configuration`;
  let keys: Promise<{ jwks: JWTVerifyGetKey; issuer: string }> | null = null;
  const load = () => {
    keys ??= fetch(metadataUrl)
      .then(async (res) => {
        if (!res.ok) throw new Error(`OpenID metadata answered ${res.status}`);
        const metadata = metadataSchema.parse(await res.json());
        return { jwks: createRemoteJWKSet(new URL(metadata.jwks_uri)), issuer: metadata.issuer };
      })
      .catch((error: unknown) => {
        keys = null;
        throw error;
      });
    return keys;
  };
  const audience = [settings.appId, ...(settings.publicHostname ? [`api://${settings.publicHostname}/${settings.appId}`] : [])];
  return {
    async verify(token) {
      let source: { jwks: JWTVerifyGetKey; issuer: string };
      try {
        source = await load();
      } catch (error) {
        return { ok: false, code: CLOSE.unavailable, reason: `cannot check tokens now (${(error as Error).message}); try again shortly` };
      }
      let claims: z.infer<typeof claimsSchema>;
      try {
        const { payload } = await jwtVerify(token, source.jwks, { audience, algorithms: ["RS256"] });
        const parsed = claimsSchema.safeParse(payload);
        if (!parsed.success) return invalid("it names no tenant or user");
        claims = parsed.data;
      } catch (error) {
        if (error instanceof errors.JWTExpired) return expired();
        if (error instanceof errors.JWTClaimValidationFailed && error.claim === "aud") return invalid("it is for another app");
        return invalid("its signature or claims do not check out");
      }
      const issuers = [source.issuer.replace("{tenantid}", claims.tid), `https://sts.windows.net/${claims.tid}/`];
      if (!issuers.includes(claims.iss)) return invalid("unexpected issuer");
      if (settings.tenantId && claims.tid !== settings.tenantId)
        return { ok: false, code: CLOSE.forbidden, reason: "token is for another tenant: this Attune serves one organization" };
      const name = claims.name ?? claims.preferred_username ?? "";
      return { ok: true, value: { name, id: claims.oid, tenantId: claims.tid, meetingId: null, dev: false } };
    },
  };
}
