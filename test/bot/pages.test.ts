import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLocalAttune } from "../helpers/attune-server.js";

let server: Awaited<ReturnType<typeof startLocalAttune>>;
beforeAll(async () => {
  server = await startLocalAttune({});
});
afterAll(async () => server?.stop());

describe("the server's own pages", () => {
  it("health and readiness", async () => {
    expect(await (await fetch(`${server.attune.url}/healthz`)).json()).toEqual({ ok: true });
    expect(await (await fetch(`${server.attune.url}/readyz`)).json()).toEqual({ ok: true, database: "reachable" });
  });

  it("serves every page the app manifest links to", async () => {
    for (const path of ["/privacy", "/terms", "/sidepanel/configure", "/sidepanel", "/vendor/teams-js.js", "/page.css"]) {
      const res = await fetch(`${server.attune.url}${path}`);
      expect(res.status, path).toBe(200);
    }
    expect(await (await fetch(`${server.attune.url}/privacy`)).text()).toContain("forget me");
  });

  // Issue 18, item 9 and item 1: the Agents Playground's HEAD check is answered, and pages served are no info lines.
  it("answers HEAD /api/messages, and logs a page or script served below info, a refusal at warn", async () => {
    const head = await fetch(`${server.attune.url}/api/messages`, { method: "HEAD" });
    expect(head.status).toBe(200);
    for (const path of ["/", "/sidepanel", "/page.css"]) expect((await fetch(`${server.attune.url}${path}`)).status).toBe(200);
    await fetch(`${server.attune.url}/nope-for-the-log`);
    await server.waitForLog("the 404's line", ['"path":"/nope-for-the-log"']);
    const access = server.logs.filter((line) => line.includes('"module":"http"'));
    expect(access.filter((line) => /"path":"\/(page\.css|sidepanel)?"/.test(line) || line.includes('"method":"HEAD"'))).toEqual([]);
    expect(access.find((line) => line.includes("/nope-for-the-log"))).toContain('"level":40');
  });

  it("in local mode, / is the playground; unknown paths are a JSON 404", async () => {
    expect(await (await fetch(`${server.attune.url}/`)).text()).toMatch(/End the meeting/i);
    const missing = await fetch(`${server.attune.url}/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "not found" });
  });

  it("bad JSON to the bot endpoint is a 400, not a crash", async () => {
    const res = await fetch(`${server.attune.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{ nope",
    });
    expect(res.status).toBe(400);
    expect((await fetch(`${server.attune.url}/healthz`)).status).toBe(200);
  });
});
