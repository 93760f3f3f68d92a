import { readFileSync } from "node:fs";
import { fixturesDir } from "./fixtures.js";
import { HttpFake, type Reply } from "./http-fake.js";

/**
 * Microsoft Graph and the sign-in service for the bot's app-only calls. `transcripts` decides what the
 * transcript list answers each time it is asked (by default: the list with one transcript).
 */
export class FakeGraph extends HttpFake {
  listCalls = 0;
  transcripts: (call: number) => Reply = () => ({
    status: 200,
    body: JSON.parse(readFileSync(`${fixturesDir}teams/graph/graph-transcripts-list.json`, "utf8")),
  });
  content: () => Reply = () => ({
    status: 200,
    text: readFileSync(`${fixturesDir}teams/download-style.vtt`, "utf8"),
    headers: { "content-type": "text/vtt" },
  });
  metadataContent: () => Reply = () => ({
    status: 200,
    text: readFileSync(`${fixturesDir}teams/no-speaker.vtt`, "utf8"),
    headers: { "content-type": "text/vtt" },
  });

  /** What looking a meeting up by its join URL answers (by default: no such meeting). */
  meetingsByJoinUrl: (filter: string) => Reply = () => ({ status: 200, body: { value: [] } });

  /** Token requests, by how they signed in: "client-secret", "certificate" or "managed-identity". */
  readonly tokenRequests: string[] = [];

  /** Served over https: MSAL only asks an https authority for tokens. */
  constructor() {
    super({ tls: true });
    // What MSAL reads first about an authority it does not know: where its token endpoint is.
    this.route((req) => {
      const tenant = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration/.exec(req.path)?.[1];
      if (req.method !== "GET" || !tenant) return null;
      const base = `https://127.0.0.1:${this.port}/${tenant}`;
      return {
        status: 200,
        body: {
          issuer: `${base}/v2.0`,
          token_endpoint: `${base}/oauth2/v2.0/token`,
          authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${base}/oauth2/v2.0/logout`,
          jwks_uri: `${base}/discovery/v2.0/keys`,
        },
      };
    });
    this.route((req) => {
      if (req.method !== "POST" || !/\/oauth2\/v2\.0\/token(\?|$)/.test(req.path)) return null;
      const form = req.body as Record<string, string>;
      this.tokenRequests.push(form.client_assertion ? "certificate" : "client-secret");
      return { status: 200, body: { token_type: "Bearer", access_token: "fake-graph-token", expires_in: 3599, ext_expires_in: 3599 } };
    });
    // The App Service managed identity endpoint (IDENTITY_ENDPOINT, with IDENTITY_HEADER as x-identity-header).
    this.route((req) => {
      if (req.method !== "GET" || !req.path.startsWith("/msi/token")) return null;
      if (req.headers["x-identity-header"] !== FAKE_IDENTITY_HEADER) return { status: 401, body: { error: "unauthorized" } };
      this.tokenRequests.push(
        `managed-identity${new URL(req.path, "https://x").searchParams.get("client_id") ? ":user-assigned" : ":system"}`,
      );
      const expiresOn = String(Math.floor(Date.now() / 1000) + 3600);
      return { status: 200, body: { access_token: "fake-graph-token", expires_on: expiresOn, resource: "graph", token_type: "Bearer" } };
    });
    this.route((req) => {
      if (req.method !== "GET" || !req.path.startsWith("/v1.0/users/")) return null;
      if (req.headers.authorization !== "Bearer fake-graph-token")
        return { status: 401, body: { error: { code: "InvalidAuthenticationToken" } } };
      const path = req.path.split("?")[0]!;
      if (path.endsWith("/onlineMeetings"))
        return this.meetingsByJoinUrl(new URL(req.path, "http://graph").searchParams.get("$filter") ?? "");
      if (path.endsWith("/transcripts")) return this.transcripts(++this.listCalls);
      if (path.endsWith("/content")) return this.content();
      if (path.endsWith("/metadataContent")) return this.metadataContent();
      return null;
    });
  }

  static readonly empty: Reply = {
    status: 200,
    body: JSON.parse(readFileSync(`${fixturesDir}teams/graph/graph-transcripts-list-empty.json`, "utf8")),
  };
  static readonly attributionOff: Reply = {
    status: 403,
    body: JSON.parse(readFileSync(`${fixturesDir}teams/graph/graph-error-403-speaker-attribution.json`, "utf8")),
  };
}

export const FAKE_IDENTITY_HEADER = "fake-identity-header-value";

/** The environment that points Attune's Graph calls (token and transcripts) at a fake at `url`. */
export function graphEnv(url: string): Record<string, string> {
  return {
    GRAPH_BASE_URL: `${url}/v1.0`,
    AUTHORITY_HOST: url,
    GRAPH_CLIENT_ID: "00000000-0000-0000-0000-00000000a11e",
    GRAPH_CLIENT_SECRET: "fake-secret",
    GRAPH_TENANT_ID: "0d9e2f4a-8b7c-4e5d-a1b2-c3d4e5f60718",
  };
}
