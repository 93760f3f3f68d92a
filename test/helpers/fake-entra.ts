import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from "jose";
import { HttpFake } from "./http-fake.js";

export interface FakeEntra {
  /** The https address to give Attune as AUTHORITY_HOST (http is refused at start-up). */
  base: string;
  /** Signs tokens the tenant's published key verifies. */
  tenantKey: CryptoKey;
  /** The requests Attune made (OpenID metadata, keys). */
  idp: HttpFake;
}

/** Entra's OpenID metadata and signing keys for one tenant, as AUTHORITY_HOST points Attune at them. */
export async function startFakeEntra(tenant: string): Promise<FakeEntra> {
  const keys = await generateKeyPair("RS256");
  const jwk: JWK = { ...(await exportJWK(keys.publicKey)), kid: "tenant-key", use: "sig", alg: "RS256" };
  const idp = new HttpFake({ tls: true });
  const base = await idp.start();
  idp.route((req) =>
    req.path === `/${tenant}/v2.0/.well-known/openid-configuration`
      ? { status: 200, body: { issuer: `${base}/{tenantid}/v2.0`, jwks_uri: `${base}/${tenant}/discovery/v2.0/keys` } }
      : null,
  );
  idp.route((req) => (req.path === `/${tenant}/discovery/v2.0/keys` ? { status: 200, body: { keys: [jwk] } } : null));
  return { base, tenantKey: keys.privateKey, idp };
}

/** Attune in Teams mode (an app id) for one tenant, checking side panel tokens against `entra`. */
export function teamsModeEnv(entra: FakeEntra, appId: string, tenant: string): Record<string, string> {
  return {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: "not-used-in-this-test",
    MicrosoftAppTenantId: tenant,
    PUBLIC_BASE_URL: "https://attune.example.com",
    HOST: "127.0.0.1",
    AUTHORITY_HOST: entra.base,
  };
}
