import { readFileSync } from "node:fs";
import { fixturesDir } from "./fixtures.js";
import { HttpFake, type Recorded } from "./http-fake.js";

/** A Teams activity fixture with its serviceUrl pointed at the fake Bot Connector. */
export function activity(name: string, port: number): Record<string, unknown> {
  return JSON.parse(readFileSync(`${fixturesDir}teams/activities/${name}.json`, "utf8").replaceAll("PORT", String(port))) as Record<
    string,
    unknown
  >;
}

export const PERSONAL_CONVERSATION = "a:1SamplePersonalConversationWithOrganizer";
export const MEETING_CHAT = "19:meeting_NjE5ZTk3YzAtSampleMeetingChat@thread.v2";

/** The Bot Connector service as the bot sees it: meeting info, and every message the bot sends, recorded. */
export class FakeConnector extends HttpFake {
  constructor() {
    super();
    const info = JSON.parse(readFileSync(`${fixturesDir}teams/graph/connector-meeting-info.json`, "utf8")) as unknown;
    this.route((req) => (req.method === "GET" && /^\/teams\/v1\/meetings\/[^/]+$/.test(req.path) ? { status: 200, body: info } : null));
    const participant = JSON.parse(readFileSync(`${fixturesDir}teams/graph/connector-meeting-participant.json`, "utf8")) as unknown;
    this.route((req) =>
      req.method === "GET" && /^\/teams\/v1\/meetings\/[^/]+\/participants\/[^/?]+/.test(req.path)
        ? { status: 200, body: participant }
        : null,
    );
    this.route((req) =>
      req.method === "POST" && /^\/teams\/v3\/conversations\/[^/]+\/activities/.test(req.path)
        ? { status: 201, body: { id: `sent-${this.requests.length}` } }
        : null,
    );
    this.route((req) =>
      req.method === "PUT" && /^\/teams\/v3\/conversations\/[^/]+\/activities\/[^/]+$/.test(req.path)
        ? { status: 200, body: { id: decodeURIComponent(req.path.split("/").pop()!) } }
        : null,
    );
  }

  /** Messages the bot replaced (PUT …/activities/{id}) in a conversation, with the id it replaced. */
  updatesTo(conversationId: string): { activityId: string; body: Record<string, unknown> }[] {
    const prefix = `/teams/v3/conversations/${encodeURIComponent(conversationId)}/activities/`;
    return this.requests
      .filter((r) => r.method === "PUT" && r.path.startsWith(prefix))
      .map((r) => ({ activityId: decodeURIComponent(r.path.slice(prefix.length)), body: r.body as Record<string, unknown> }));
  }

  /** Messages the bot posted to a conversation. */
  sentTo(conversationId: string): Record<string, unknown>[] {
    const prefix = `/teams/v3/conversations/${encodeURIComponent(conversationId)}/activities`;
    return this.requests.filter((r) => r.method === "POST" && r.path.startsWith(prefix)).map((r) => r.body as Record<string, unknown>);
  }

  /** Adaptive Cards among those messages. */
  cardsTo(conversationId: string): Record<string, unknown>[] {
    return this.sentTo(conversationId).flatMap((a) =>
      ((a.attachments as { contentType: string; content: Record<string, unknown> }[] | undefined) ?? [])
        .filter((x) => x.contentType === "application/vnd.microsoft.card.adaptive")
        .map((x) => x.content),
    );
  }
}

export function isCoachingCard(card: Record<string, unknown>): boolean {
  return JSON.stringify(card).includes("Only you can see this card");
}

export type { Recorded };
