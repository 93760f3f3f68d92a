import {
  ActivityTypes,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  TurnContext,
  type Activity,
  type ConversationReference,
} from "botbuilder";
import { AuthenticationError, type BotFrameworkAuthentication } from "botframework-connector";
import type { Request, Response } from "express";
import type { BotSettings } from "../config.js";
import type { Logger } from "../log.js";
import {
  fetchMeetingInfo,
  fetchMeetingParticipant,
  fetchPagedMembers,
  postActivity,
  replaceActivity,
  sendMeetingNotification,
  withDeadline,
  type CallOptions,
} from "./connector-calls.js";
import { connectorProblem, statusOf, withConnectorRetry } from "./retry-send.js";
import { incomingActivitySchema, type BotTurn, type OutgoingMessage } from "./turn.js";

/**
 * The only module that knows botbuilder: it turns HTTP requests into BotTurns and sends proactive
 * messages. Moving to the Teams SDK means replacing this file.
 */
export interface BotAdapter {
  /** Authenticates the request (401 when a token is required and not valid) and runs the turn. */
  handle(req: Request, res: Response, onTurn: (turn: BotTurn) => Promise<void>): Promise<void>;
  /** Messages a stored conversation later (the manager's personal chat). */
  proactive(reference: Record<string, unknown>, onTurn: (turn: BotTurn) => Promise<void>): Promise<void>;
  /** Aborts every outbound call in flight and any made later (shutdown): they fail at once, as no answer. */
  abortCalls(): void;
}

/** Each Bot Connector call is given up after this long unless the settings say otherwise. */
export const DEFAULT_CONNECTOR_TIMEOUT_MS = 20_000;

export function createBotAdapter(settings: BotSettings, log: Logger): BotAdapter {
  const appId = settings.appId ?? "";
  // Local mode: an empty app id turns authentication off, which botbuilder only accepts as MultiTenant.
  const appType = settings.appId ? settings.appType : "MultiTenant";
  const auth = new ConfigurationBotFrameworkAuthentication(
    {
      MicrosoftAppId: appId,
      MicrosoftAppPassword: settings.appPassword ?? "",
      MicrosoftAppType: appType,
      MicrosoftAppTenantId: settings.tenantId ?? "",
      ...((settings.openIdMetadataUrl || settings.tokenIssuer || settings.loginUrl) && overrides(settings)),
    },
    new ConfigurationServiceClientCredentialFactory({
      MicrosoftAppId: appId,
      MicrosoftAppPassword: settings.appPassword ?? "",
      MicrosoftAppType: appType,
      MicrosoftAppTenantId: settings.tenantId ?? "",
    }),
  );
  const adapter = new CloudAdapter(rejectAsUnauthorized(auth));
  const stopping = new AbortController();
  const timeoutMs = settings.connectorTimeoutMs ?? DEFAULT_CONNECTOR_TIMEOUT_MS;
  const call: Call = (operation, run) =>
    withConnectorRetry(() => withDeadline(operation, timeoutMs, stopping.signal, run), 5, 500, stopping.signal);
  adapter.onTurnError = async (context, error) => {
    // A failed outbound call carries the response body as its message (an HTML page, say): log its status instead.
    const problem = statusOf(error) === null ? { err: error } : connectorProblem(error);
    log.error({ ...problem, activityType: context.activity.type }, "turn failed");
    if (context.activity.type === ActivityTypes.Message) {
      await context.sendActivity("Sorry, something went wrong on my side. Please try again in a minute.").catch(() => undefined);
    }
  };
  return {
    async handle(req, res, onTurn) {
      await adapter.process(req, res, (context) => onTurn(toTurn(context, call)));
    },
    async proactive(reference, onTurn) {
      // botbuilder hands a failing turn to onTurnError and resolves; the caller must see the failure (its status decides).
      let failure: { error: unknown } | null = null;
      await adapter.continueConversationAsync(appId, reference as Partial<ConversationReference>, async (context) => {
        try {
          await onTurn(toTurn(context, call));
        } catch (error) {
          failure = { error };
        }
      });
      if (failure) throw (failure as { error: unknown }).error;
    },
    abortCalls() {
      stopping.abort();
    },
  };
}

/**
 * A token that fails signature verification makes botbuilder throw a plain error, which it answers with
 * 500. Any failure to authenticate a request is a 401, and nothing of the request runs.
 */
function rejectAsUnauthorized(auth: BotFrameworkAuthentication): BotFrameworkAuthentication {
  const authenticateRequest = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (...args) => {
    try {
      return await authenticateRequest(...args);
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      throw new AuthenticationError(`Unauthorized: ${(error as Error).message}`, 401);
    }
  };
  return auth;
}

/**
 * botbuilder treats any overridden endpoint as a full custom cloud: every other value must then be given
 * too, so the public cloud's are filled in around the override.
 */
function overrides(settings: BotSettings): Record<string, string | boolean> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: settings.loginUrl ?? PUBLIC_CLOUD.loginUrl,
    ToChannelFromBotOAuthScope: PUBLIC_CLOUD.botFramework,
    ToBotFromChannelTokenIssuer: settings.tokenIssuer ?? PUBLIC_CLOUD.botFramework,
    OAuthUrl: PUBLIC_CLOUD.botFramework,
    ToBotFromChannelOpenIdMetadataUrl: settings.openIdMetadataUrl ?? PUBLIC_CLOUD.channelOpenId,
    ToBotFromEmulatorOpenIdMetadataUrl: PUBLIC_CLOUD.emulatorOpenId,
    CallerId: PUBLIC_CLOUD.callerId,
  };
}

/** botframework-connector's public-cloud constants (AuthenticationConstants, CallerIdConstants). */
const PUBLIC_CLOUD = {
  loginUrl: "https://login.microsoftonline.com/botframework.com",
  botFramework: "https://api.botframework.com",
  channelOpenId: "https://login.botframework.com/v1/.well-known/openidconfiguration",
  emulatorOpenId: "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
  callerId: "urn:botframework:azure",
} as const;

function toActivity(message: OutgoingMessage): Partial<Activity> {
  const outgoing: Partial<Activity> = { type: ActivityTypes.Message };
  if (message.text) outgoing.text = message.text;
  if (message.card) outgoing.attachments = [CardFactory.adaptiveCard(message.card)];
  if (message.summary) outgoing.summary = message.summary;
  return outgoing;
}

/** Runs one outbound call under the connector timeout and the shutdown signal, retried on 412/429/502/504. */
type Call = <T>(operation: string, run: (options: CallOptions) => Promise<T>) => Promise<T>;

function toTurn(context: TurnContext, call: Call): BotTurn {
  const parsed = incomingActivitySchema.safeParse(context.activity);
  const activity = parsed.success ? parsed.data : { type: String(context.activity.type ?? "unknown") };
  return {
    activity,
    async send(message: OutgoingMessage) {
      return call("posting a message", (o) => postActivity(context, toActivity(message), o));
    },
    async update(activityId, message) {
      await call("updating a message", (o) => replaceActivity(context, activityId, toActivity(message), o));
    },
    async answerInvoke(card) {
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: { status: 200, body: { statusCode: 200, type: "application/vnd.microsoft.card.adaptive", value: card } },
      });
    },
    async meetingInfo(meetingId) {
      const info = await call("meeting info", (o) => fetchMeetingInfo(context, meetingId, o));
      const details = (info.details ?? {}) as unknown as Record<string, unknown>;
      const organizer = (info.organizer ?? {}) as unknown as Record<string, unknown>;
      const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : null);
      const aad = text(organizer.aadObjectId) ?? text(organizer.objectId);
      const tenant = text(organizer.tenantId) ?? context.activity.conversation?.tenantId ?? undefined;
      let organizerName: string | null = null;
      if (aad) {
        const participant = await call("meeting participant", (o) => fetchMeetingParticipant(context, meetingId, aad, tenant, o)).catch(
          () => null,
        );
        organizerName = text((participant?.user as { name?: unknown } | undefined)?.name);
      }
      return {
        title: text(details.title),
        graphId: text(details.msGraphResourceId),
        type: text(details.type),
        organizerAadId: aad,
        organizerBotId: text(organizer.id),
        organizerName,
        tenantId: text(organizer.tenantId),
        // botbuilder's deserializer turns these into Date objects; a raw answer would have ISO text.
        startedAt: isoTime(details.scheduledStartTime),
        endedAt: isoTime(details.scheduledEndTime),
      };
    },
    conversationReference() {
      return TurnContext.getConversationReference(context.activity) as unknown as Record<string, unknown>;
    },
    async meetingRoster(pageSize) {
      const page = await call("member list", (o) => fetchPagedMembers(context, pageSize, o));
      const members = (page.members ?? [])
        .filter((m) => !String(m.id ?? "").startsWith("28:"))
        .map((m) => ({ aadObjectId: typeof m.aadObjectId === "string" && m.aadObjectId !== "" ? m.aadObjectId : null }));
      return { members, more: Boolean(page.continuationToken) };
    },
    async meetingNotification(meetingId, notification) {
      await call("meeting notification", (o) => sendMeetingNotification(context, meetingId, notification, o));
    },
  };
}

/** A time the Bot Connector gave, as a Date (botbuilder's mappers) or ISO text, in ISO form; null when absent or invalid. */
export function isoTime(value: unknown): string | null {
  const date = value instanceof Date ? value : typeof value === "string" && value !== "" ? new Date(value) : null;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}
