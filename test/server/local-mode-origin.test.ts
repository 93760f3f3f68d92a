import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { isLoopbackServiceUrl } from "../../src/bot/local-service-url.js";
import { startLocalAttune } from "../helpers/attune-server.js";
import { activity, FakeConnector } from "../helpers/fake-teams.js";

let server: Awaited<ReturnType<typeof startLocalAttune>>;
let connector: FakeConnector;
let port: number;
beforeAll(async () => {
  connector = new FakeConnector();
  await connector.start();
  server = await startLocalAttune({});
  port = Number(new URL(server.attune.url).port);
});
afterAll(async () => {
  await server?.stop();
  await connector?.stop();
});

/** A request to the local server with any Host and Origin (fetch will not send another Host). */
function send(method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      { host: "127.0.0.1", port, method, path, headers: { ...(data && { "content-type": "application/json" }), ...headers } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(data);
  });
}

// Finding 4 of issue 10: a page on attacker.example that rebinds its name to 127.0.0.1 got 200 from the
// playground's API (and through it stored prep text), and local mode posted to any serviceUrl.
describe("local mode answers only the loopback names it serves (DNS rebinding)", () => {
  const attacker = { host: "attacker.example" };
  it.each([
    ["GET", "/playground/api/samples", undefined],
    ["POST", "/playground/api/run", { sampleId: "one-on-one" }],
    ["POST", "/playground/api/prep", { manager: "Renée", with: "Jordan" }],
    ["POST", "/playground/api/practise", { manager: "Renée", meetingId: "x", utteranceId: "u1", attempt: "So you're worried" }],
    ["GET", "/", undefined],
    ["GET", "/sidepanel", undefined],
    ["POST", "/api/messages", { type: "message", text: "last" }],
  ])("%s %s with Host: attacker.example is 421 with a one-line reason", async (method, path, body) => {
    const res = await send(method, path, attacker, body);
    expect(res.status).toBe(421);
    const error = (JSON.parse(res.body) as { error: string }).error;
    expect(error).toMatch(/^Host 'attacker\.example' is not an address this local Attune serves; open http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it("a page of another origin is refused with 403, even with a loopback Host", async () => {
    const res = await send(
      "POST",
      "/playground/api/run",
      { host: `127.0.0.1:${port}`, origin: "http://attacker.example" },
      { sampleId: "x" },
    );
    expect(res.status).toBe(403);
    expect(res.body).toMatch(/attacker\.example.*refused/);
    const practice = await send(
      "POST",
      "/playground/api/practise",
      { host: `127.0.0.1:${port}`, origin: "http://attacker.example" },
      { manager: "Renée", meetingId: "x", utteranceId: "u1", attempt: "So you're worried" },
    );
    expect(practice.status).toBe(403);
    expect(practice.body).toMatch(/attacker\.example.*refused/);
    const otherPort = await send("GET", "/playground/api/samples", { host: `localhost:${port}`, origin: `http://localhost:${port + 1}` });
    expect(otherPort.status).toBe(403);
  });

  it.each([`127.0.0.1:${"PORT"}`, "localhost:PORT", "[::1]:PORT"])("Host %s (and its own Origin) is answered", async (name) => {
    const host = name.replace("PORT", String(port));
    const res = await send("GET", "/playground/api/samples", { host, origin: `http://${host}` });
    expect(res.status).toBe(200);
  });

  it("a loopback name on another port is not this server", async () => {
    expect((await send("GET", "/playground/api/samples", { host: `127.0.0.1:${port + 1}` })).status).toBe(421);
  });

  it("the health probes answer whatever the Host", async () => {
    expect((await send("GET", "/healthz", attacker)).status).toBe(200);
  });
});

/** Opens a WebSocket to the local server with the given Host and Origin: the status of the answer to the upgrade. */
function upgradeStatus(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}${path}`, { headers });
    ws.on("upgrade", (res) => {
      resolve(res.statusCode ?? 0);
      ws.close();
    });
    ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.on("error", (error) => (error.message.includes("Unexpected server response") ? undefined : reject(error)));
  });
}

describe("local mode's WebSocket upgrades pass the same check", () => {
  it.each([
    ["another Host", { host: "attacker.example" }, 421],
    ["another Origin", { origin: "http://attacker.example" }, 403],
  ])("the side panel socket from %s is refused (%s)", async (_name, headers, status) => {
    expect(await upgradeStatus("/live/panel?meetingId=demo", headers)).toBe(status);
  });

  it("the loopback page's own socket is upgraded", async () => {
    expect(await upgradeStatus("/live/panel?meetingId=demo", { origin: `http://127.0.0.1:${port}` })).toBe(101);
  });
});

describe("in local mode an activity's serviceUrl must be loopback", () => {
  it.each([
    "https://evil.example/teams/",
    "http://10.0.0.8/teams/",
    "http://127.0.0.1.evil.example/",
    "http://user:pw@localhost/",
    "file:///etc/passwd",
    "",
  ])("serviceUrl %j: 403 and nothing is sent", async (serviceUrl) => {
    const before = connector.requests.length;
    const res = await send(
      "POST",
      "/api/messages",
      { host: `127.0.0.1:${port}` },
      { ...activity("message-personal-prep", connector.port), serviceUrl },
    );
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toEqual({ error: expect.stringMatching(/^serviceUrl must be a loopback address/) });
    expect(connector.requests.length).toBe(before);
  });

  it("a loopback serviceUrl is served (the reply reaches the local connector)", async () => {
    const res = await send("POST", "/api/messages", { host: `127.0.0.1:${port}` }, activity("message-personal-prep", connector.port));
    expect(res.status).toBe(200);
    expect(connector.requests.some((r) => r.method === "POST")).toBe(true);
  });

  it("tells loopback from look-alikes", () => {
    for (const url of ["http://127.0.0.1:3978/", "https://localhost/x", "http://[::1]:56000/teams/", "http://127.1.2.3/"])
      expect(isLoopbackServiceUrl(url), url).toBe(true);
    for (const url of ["http://127.0.0.1.nip.io/", "http://localhost.evil.example/", "http://0.0.0.0/", "ftp://127.0.0.1/"])
      expect(isLoopbackServiceUrl(url), url).toBe(false);
  });
});
