import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import type { BundledMeeting } from "./bundled-meeting.js";

/** A message the bot posted to a conversation, as it passed through the stand-in on its way to the Playground. */
export interface SentActivity {
  conversationId: string;
  activity: Record<string, unknown>;
}

export interface TeamsStandIns {
  /** The Bot Connector address to give the Playground as its service URL (`…/_connector`). */
  connectorUrl: string;
  /**
   * Microsoft Graph (`…/v1.0`) and the sign-in service, for GRAPH_BASE_URL and AUTHORITY_HOST: https, since
   * the identity library refuses an http authority, with the 127.0.0.1 certificate of `STAND_IN_CA_FILE`,
   * which the process must trust (NODE_EXTRA_CA_CERTS, read by Node at start-up).
   */
  graphUrl: string;
  authorityHost: string;
  /** Where the Playground's own connector is, once it runs: everything but the meeting API goes there. */
  forwardTo(playgroundConnectorUrl: string): void;
  /** Every message the bot posted, in order. */
  readonly sent: SentActivity[];
  /** How often each stand-in API was asked (meeting info, participant, token, transcript list, content). */
  readonly calls: Record<"meetingInfo" | "participant" | "members" | "token" | "transcripts" | "content", number>;
  close(): Promise<void>;
}

/**
 * Local stand-ins for the two Microsoft services the Agents Playground does not have: the Bot Connector's
 * meeting API (`GET /v1/meetings/{id}`, `…/participants/{aadId}`; the Playground answers 404), the members of
 * the meeting's chat (the one-on-one's two invitees; the Playground's group chat lists all its users) and Microsoft
 * Graph's transcripts (list and content), serving one bundled meeting. Attune sees one Bot Connector: this
 * server answers the meeting API itself and passes every other connector call (messages, members) on to
 * the Playground, so the bot's replies still appear in Microsoft's client. Listens on 127.0.0.1 only.
 */
export async function startTeamsStandIns(meeting: BundledMeeting): Promise<TeamsStandIns> {
  let playground: string | null = null;
  const sent: SentActivity[] = [];
  const calls = { meetingInfo: 0, participant: 0, members: 0, token: 0, transcripts: 0, content: 0 };
  const meetingPath = `/_connector/v1/meetings/${encodeURIComponent(meeting.meetingId)}`;
  const transcriptsPath = `/v1.0/users/${meeting.organizer.aadObjectId}/onlineMeetings/${encodeURIComponent(meeting.graphId)}/transcripts`;

  const handler = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) json(res, 502, { error: { code: "StandInFailed", message: (error as Error).message } });
      else res.destroy();
    });
  };
  const connector = createServer(handler);
  const graph = createTlsServer({ key: readFileSync(STAND_IN_KEY_FILE), cert: readFileSync(STAND_IN_CA_FILE) }, handler);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname;
    const body = await readBody(req);
    if (req.method === "GET" && path === meetingPath) {
      calls.meetingInfo++;
      return json(res, 200, meetingInfo(meeting));
    }
    if (req.method === "GET" && path.startsWith(`${meetingPath}/participants/`)) {
      calls.participant++;
      const aad = decodeURIComponent(path.slice(`${meetingPath}/participants/`.length));
      const person = [meeting.organizer, meeting.participant].find((p) => p.aadObjectId === aad);
      if (!person) return json(res, 404, { error: { code: "NotFound", message: "no such participant" } });
      return json(res, 200, participant(meeting, person, person === meeting.organizer ? "Organizer" : "Attendee"));
    }
    if (req.method === "GET" && /^\/_connector\/v3\/conversations\/[^/]+\/pagedmembers$/.test(path)) {
      calls.members++;
      const members = [meeting.organizer, meeting.participant].map((p) => ({
        id: p.id,
        name: p.name,
        aadObjectId: p.aadObjectId,
        userPrincipalName: p.email,
        tenantId: meeting.tenantId,
      }));
      return json(res, 200, { members });
    }
    if (path.startsWith("/_connector/v1/meetings/")) {
      // A meeting the stand-in does not hold: what Teams answers for an unknown id.
      return json(res, 404, { error: { code: "NotFound", message: "meeting not found" } });
    }
    if (path.startsWith("/_connector/")) return forward(req, res, url, body);
    if (req.method === "GET" && path === `/${meeting.tenantId}/v2.0/.well-known/openid-configuration`) {
      // What the identity library reads first about an authority it does not know: where its token endpoint is.
      const tenant = `${graphBase}/${meeting.tenantId}`;
      return json(res, 200, {
        issuer: `${tenant}/v2.0`,
        token_endpoint: `${tenant}/oauth2/v2.0/token`,
        authorization_endpoint: `${tenant}/oauth2/v2.0/authorize`,
        end_session_endpoint: `${tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${tenant}/discovery/v2.0/keys`,
      });
    }
    if (req.method === "POST" && path === `/${meeting.tenantId}/oauth2/v2.0/token`) {
      calls.token++;
      return json(res, 200, { token_type: "Bearer", access_token: STAND_IN_TOKEN, expires_in: 3599, ext_expires_in: 3599 });
    }
    if (req.method === "GET" && path.startsWith("/v1.0/")) {
      if (req.headers.authorization !== `Bearer ${STAND_IN_TOKEN}`)
        return json(res, 401, { error: { code: "InvalidAuthenticationToken", message: "no or wrong token" } });
      if (path === transcriptsPath) {
        calls.transcripts++;
        return json(res, 200, { value: [{ id: meeting.transcriptId, meetingId: meeting.graphId, createdDateTime: meeting.scheduledEnd }] });
      }
      if (path === `${transcriptsPath}/${encodeURIComponent(meeting.transcriptId)}/content`) {
        calls.content++;
        res.writeHead(200, { "content-type": "text/vtt" }).end(meeting.vtt);
        return;
      }
    }
    json(res, 404, { error: { code: "NotFound", message: `the stand-in has no ${req.method} ${path}` } });
  }

  async function forward(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> {
    if (!playground) return json(res, 503, { error: { code: "NotReady", message: "the Agents Playground is not running yet" } });
    const activities = /^\/_connector\/v3\/conversations\/([^/]+)\/activities/.exec(url.pathname);
    if (req.method === "POST" && activities && body.length > 0) {
      sent.push({
        conversationId: decodeURIComponent(activities[1]!),
        activity: JSON.parse(body.toString("utf8")) as Record<string, unknown>,
      });
    }
    const headers: Record<string, string> = {};
    for (const name of ["content-type", "authorization", "accept"]) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const answer = await fetch(`${playground}${url.pathname.slice("/_connector".length)}${url.search}`, {
      method: req.method ?? "GET",
      headers,
      ...(body.length > 0 && { body: new Uint8Array(body) }),
    });
    res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
    res.end(Buffer.from(await answer.arrayBuffer()));
  }

  const base = `http://127.0.0.1:${await listen(connector)}`;
  const graphBase = `https://127.0.0.1:${await listen(graph)}`;
  return {
    connectorUrl: `${base}/_connector`,
    graphUrl: `${graphBase}/v1.0`,
    authorityHost: graphBase,
    forwardTo(url) {
      playground = url.replace(/\/+$/, "");
    },
    sent,
    calls,
    close: async () => {
      await Promise.all(
        [connector, graph].map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}

/** A certificate for 127.0.0.1 and its key: the test suite's (test/fixtures/tls/), good for nothing but loopback. */
export const STAND_IN_CA_FILE = new URL("../../test/fixtures/tls/server-cert.pem", import.meta.url);
const STAND_IN_KEY_FILE = new URL("../../test/fixtures/tls/server-key.pem", import.meta.url);

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return (server.address() as AddressInfo).port;
}

const STAND_IN_TOKEN = "stand-in-graph-token";

/** The Bot Connector's meeting info, in the shape Teams answers (organizer, Graph id, title, schedule). */
function meetingInfo(meeting: BundledMeeting): unknown {
  return {
    details: {
      id: meeting.meetingId,
      msGraphResourceId: meeting.graphId,
      scheduledStartTime: meeting.scheduledStart,
      scheduledEndTime: meeting.scheduledEnd,
      title: meeting.title,
      type: "Scheduled",
    },
    conversation: { isGroup: true, conversationType: "groupChat", id: "stand-in-meeting-chat" },
    organizer: {
      id: meeting.organizer.id,
      aadObjectId: meeting.organizer.aadObjectId,
      objectId: meeting.organizer.aadObjectId,
      tenantId: meeting.tenantId,
    },
  };
}

function participant(meeting: BundledMeeting, person: BundledMeeting["organizer"], role: string): unknown {
  return {
    user: {
      id: person.id,
      aadObjectId: person.aadObjectId,
      name: person.name,
      givenName: person.givenName,
      surname: person.surname,
      email: person.email,
      userPrincipalName: person.email,
      tenantId: meeting.tenantId,
      userRole: "user",
    },
    meeting: { role, inMeeting: false },
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
