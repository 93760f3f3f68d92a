import { exportJWK, type CryptoKey } from "jose";
import { HttpFake } from "./http-fake.js";

/** The issuer of the Bot Framework channel's tokens. */
export const BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";

/**
 * The Bot Framework's OpenID metadata and signing keys on 127.0.0.1, as a sovereign cloud or a test overrides
 * them (`BOTFRAMEWORK_OPENID_METADATA_URL`): one key, `channel-key`, endorsed for Teams.
 */
export async function startFakeBotOpenId(channelPublicKey: CryptoKey): Promise<{ fake: HttpFake; metadataUrl: string }> {
  const jwk = { ...(await exportJWK(channelPublicKey)), kid: "channel-key", use: "sig", alg: "RS256" };
  const fake = new HttpFake();
  const base = await fake.start();
  fake.route((req) =>
    req.path === "/v1/.well-known/openidconfiguration"
      ? {
          status: 200,
          body: { issuer: BOT_FRAMEWORK_ISSUER, jwks_uri: `${base}/v1/keys`, id_token_signing_alg_values_supported: ["RS256"] },
        }
      : null,
  );
  fake.route((req) => (req.path === "/v1/keys" ? { status: 200, body: { keys: [{ ...jwk, endorsements: ["msteams"] }] } } : null));
  return { fake, metadataUrl: `${base}/v1/.well-known/openidconfiguration` };
}
