import { TeamsConnectorClient, type ConnectorClient } from "botframework-connector";
// The request options type botframework-connector does not re-export from its index.
import type { ConversationsGetConversationPagedMembersOptionalParams as PagedMembersParams } from "botframework-connector/lib/connectorApi/models/index.js";
import { TurnContext, type Activity, type MeetingNotification } from "botbuilder";

/**
 * The Bot Connector calls Attune makes, each with an abort signal: botbuilder's own helpers (sendActivity,
 * TeamsInfo) take none, so a connector that accepts and never answers would hold the caller for ever.
 * The same requests they make, through the same clients, with `abortSignal` passed down to the HTTP request.
 */
export interface CallOptions {
  abortSignal: AbortSignal;
}

function connectorClient(context: TurnContext): ConnectorClient {
  const client = context.turnState.get<ConnectorClient | undefined>(context.adapter.ConnectorClientKey);
  if (!client) throw new Error("no Bot Connector client in this turn");
  return client;
}

function teamsClient(context: TurnContext): TeamsConnectorClient {
  return new TeamsConnectorClient(connectorClient(context).credentials, { baseUri: context.activity.serviceUrl });
}

/** Posts an activity to the turn's conversation (as a reply when the turn has an incoming activity); its id. */
export async function postActivity(context: TurnContext, outgoing: Partial<Activity>, options: CallOptions): Promise<string | null> {
  // Replies the caller collects from the turn's answer (no outbound call): botbuilder buffers them.
  if (context.activity.deliveryMode === "expectReplies") return (await context.sendActivity(outgoing))?.id ?? null;
  const reference = TurnContext.getConversationReference(context.activity);
  const activity = TurnContext.applyConversationReference({ ...outgoing }, reference) as Activity;
  const conversations = connectorClient(context).conversations;
  const posted = activity.replyToId
    ? await conversations.replyToActivity(activity.conversation.id, activity.replyToId, activity, options)
    : await conversations.sendToConversation(activity.conversation.id, activity, options);
  return posted?.id ?? null;
}

/** Replaces a posted activity. */
export async function replaceActivity(context: TurnContext, id: string, outgoing: Partial<Activity>, options: CallOptions): Promise<void> {
  const reference = TurnContext.getConversationReference(context.activity);
  const activity = TurnContext.applyConversationReference({ ...outgoing, id }, reference) as Activity;
  await connectorClient(context).conversations.updateActivity(activity.conversation.id, id, activity, options);
}

export function fetchMeetingInfo(context: TurnContext, meetingId: string, options: CallOptions) {
  return teamsClient(context).teams.fetchMeetingInfo(meetingId, options);
}

export function fetchMeetingParticipant(
  context: TurnContext,
  meetingId: string,
  aadId: string,
  tenantId: string | undefined,
  options: CallOptions,
) {
  return teamsClient(context).teams.fetchMeetingParticipant(meetingId, aadId, { ...options, ...(tenantId && { tenantId }) });
}

export async function sendMeetingNotification(context: TurnContext, meetingId: string, notification: unknown, options: CallOptions) {
  await teamsClient(context).teams.sendMeetingNotification(meetingId, notification as MeetingNotification, options);
}

/** One page of the conversation's members (the meeting chat's invitees in a meeting), as TeamsInfo.getPagedMembers reads it. */
export async function fetchPagedMembers(context: TurnContext, pageSize: number, options: CallOptions) {
  const conversationId = context.activity.conversation?.id;
  if (!conversationId) throw new Error("the member list needs the turn's conversation id");
  // The first page has no continuation token: botbuilder sends none either (an absent option is not put in the
  // query), though the generated type calls it required.
  const params = { ...options, pageSize } as unknown as PagedMembersParams;
  const page = await connectorClient(context).conversations.getConversationPagedMembers(conversationId, params);
  return { members: page.members ?? [], continuationToken: page.continuationToken };
}

/** The error a call given up on carries: no HTTP status, so it counts as "no answer" (transient). */
export class OutboundTimeout extends Error {
  readonly code = "ETIMEDOUT";
  constructor(operation: string, ms: number) {
    super(`${operation} did not answer within ${ms} ms`);
    this.name = "OutboundTimeout";
  }
}

/**
 * Runs `call` with a signal that fires after `ms` or when `stopping` fires, and gives up on it then even if
 * the library ignores the signal (a token request, say): the caller is never held longer than `ms`.
 */
export async function withDeadline<T>(
  operation: string,
  ms: number,
  stopping: AbortSignal,
  call: (options: CallOptions) => Promise<T>,
): Promise<T> {
  const abortSignal = AbortSignal.any([AbortSignal.timeout(ms), stopping]);
  let onAbort: (() => void) | null = null;
  const givenUp = new Promise<never>((_, reject) => {
    onAbort = () => reject(stopping.aborted ? new OutboundTimeout(`${operation} (stopping)`, 0) : new OutboundTimeout(operation, ms));
    if (abortSignal.aborted) onAbort();
    else abortSignal.addEventListener("abort", onAbort, { once: true });
  });
  givenUp.catch(() => undefined);
  try {
    return await Promise.race([call({ abortSignal }), givenUp]);
  } finally {
    if (onAbort) abortSignal.removeEventListener("abort", onAbort);
  }
}
