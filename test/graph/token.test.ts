import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { createGraphTokenSource } from "../../src/graph/token.js";
import { FAKE_IDENTITY_HEADER, FakeGraph, graphEnv } from "../helpers/fake-graph.js";

/**
 * Finding 12 (issue 10): Graph app-only tokens through @azure/identity, by client secret, certificate and
 * managed identity (system- and user-assigned), against the local fake sign-in service and App Service
 * identity endpoint.
 */
let graph: FakeGraph;
let url: string;
beforeAll(async () => {
  graph = new FakeGraph();
  url = await graph.start();
});
afterAll(async () => graph.stop());

const certificate = fileURLToPath(new URL("../fixtures/tls/graph-client.pem", import.meta.url));
const APP_ID = "9f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b";

function tokenSource(env: Record<string, string>) {
  const loaded = loadConfig(env);
  if (!loaded.ok) throw new Error(loaded.problems.join("; "));
  return { source: createGraphTokenSource(loaded.config.graph), settings: loaded.config.graph };
}

/** The managed identity endpoint is found from the process environment by the library itself (as on App Service). */
const identityVars = ["IDENTITY_ENDPOINT", "IDENTITY_HEADER"] as const;
const savedIdentity = identityVars.map((name) => [name, process.env[name]] as const);
afterEach(() => {
  for (const [name, value] of savedIdentity) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
function onAppService(): void {
  process.env.IDENTITY_ENDPOINT = `${url}/msi/token`;
  process.env.IDENTITY_HEADER = FAKE_IDENTITY_HEADER;
}

describe("Graph tokens through @azure/identity", () => {
  it("a client secret", async () => {
    const { source, settings } = tokenSource(graphEnv(url));
    expect(settings.credential).toBe("client-secret");
    const before = graph.tokenRequests.length;
    expect(await source()).toEqual({ ok: true, value: "fake-graph-token" });
    expect(await source()).toEqual({ ok: true, value: "fake-graph-token" }); // cached by the library
    expect(graph.tokenRequests.slice(before)).toEqual(["client-secret"]);
  });

  it("a certificate (a signed client assertion, no secret sent)", async () => {
    const env = { ...graphEnv(url), GRAPH_CLIENT_SECRET: "", GRAPH_CLIENT_CERTIFICATE_PATH: certificate };
    const { source, settings } = tokenSource(env);
    expect(settings.credential).toBe("certificate");
    const before = graph.requests.length;
    expect(await source()).toEqual({ ok: true, value: "fake-graph-token" });
    const sent = graph.requests.slice(before).find((r) => r.method === "POST")!.body as Record<string, string>;
    expect(sent.client_assertion_type).toBe("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    expect(sent.client_assertion?.split(".")).toHaveLength(3);
    expect(sent.client_secret).toBeUndefined();
  });

  it("the user-assigned managed identity of a UserAssignedMsi bot, with no secret anywhere", async () => {
    onAppService();
    const { source, settings } = tokenSource({
      GRAPH_BASE_URL: `${url}/v1.0`,
      AUTHORITY_HOST: url,
      MicrosoftAppId: APP_ID,
      MicrosoftAppType: "UserAssignedMsi",
      MicrosoftAppTenantId: "0d9e2f4a-8b7c-4e5d-a1b2-c3d4e5f60718",
      PUBLIC_BASE_URL: "https://attune.example.com",
    });
    expect(settings).toMatchObject({ credential: "managed-identity", managedIdentityClientId: APP_ID });
    const before = graph.requests.length;
    expect(await source()).toEqual({ ok: true, value: "fake-graph-token" });
    const asked = graph.requests.slice(before).find((r) => r.path.startsWith("/msi/token"))!;
    expect(new URL(asked.path, url).searchParams.get("client_id")).toBe(APP_ID);
  });

  it("the system-assigned managed identity", async () => {
    onAppService();
    const { source } = tokenSource({ GRAPH_BASE_URL: `${url}/v1.0`, GRAPH_CREDENTIAL: "managed-identity" });
    const before = graph.tokenRequests.length;
    expect(await source()).toEqual({ ok: true, value: "fake-graph-token" });
    expect(graph.tokenRequests.slice(before)).toEqual(["managed-identity:system"]);
  });

  it("a sign-in service that refuses says what to check, never its answer", async () => {
    graph.route((req) =>
      req.method === "POST" && req.path.includes("/oauth2/v2.0/token")
        ? { status: 401, body: { error: "invalid_client", error_description: "AADSTS7000215: secret-looking text" } }
        : null,
    );
    const { source } = tokenSource({ ...graphEnv(url), GRAPH_CLIENT_SECRET: "wrong" });
    const refused = await source();
    expect(refused).toEqual({
      ok: false,
      error: { code: "refused", retry: true, message: expect.stringContaining("check the Graph credentials") },
    });
    expect(JSON.stringify(refused)).not.toContain("AADSTS");
  });

  it("a sign-in service that is down: no token, worth retrying", async () => {
    const down = new FakeGraph();
    const downUrl = await down.start();
    await down.stop();
    const { source } = tokenSource(graphEnv(downUrl));
    const failed = await source();
    expect(failed).toMatchObject({ ok: false, error: { code: "unreachable", retry: true } });
  });

  // Issue 16 (smaller): an http AUTHORITY_HOST was accepted at start-up, and then every job failed.
  it("http sign-in, Graph and public URLs stop start-up, each named with what to fix, all at once", () => {
    const loaded = loadConfig({
      ...graphEnv(url.replace("https:", "http:")),
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "secret",
      MicrosoftAppTenantId: "0d9e2f4a-8b7c-4e5d-a1b2-c3d4e5f60718",
      PUBLIC_BASE_URL: "http://attune.example.com",
    });
    expect(loaded).toEqual({
      ok: false,
      problems: [
        expect.stringMatching(/^GRAPH_BASE_URL: must be an https URL/),
        expect.stringMatching(/^AUTHORITY_HOST: must be an https URL \(the identity library signs in over https only\)/),
      ],
    });
    const publicUrl = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: "secret",
      MicrosoftAppTenantId: "0d9e2f4a-8b7c-4e5d-a1b2-c3d4e5f60718",
      PUBLIC_BASE_URL: "http://attune.example.com",
    });
    expect(publicUrl).toEqual({ ok: false, problems: [expect.stringMatching(/^PUBLIC_BASE_URL: must be an https URL/)] });
  });

  it("GRAPH_CREDENTIAL=certificate without a certificate is a configuration problem at start-up", () => {
    expect(loadConfig({ GRAPH_CREDENTIAL: "certificate" })).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^GRAPH_CLIENT_CERTIFICATE_PATH: required with GRAPH_CREDENTIAL=certificate/)],
    });
  });
});
