import type { BundledMeeting, PlaygroundUser } from "./bundled-meeting.js";

/**
 * The Agents Playground's own HTTP API, the one its web client calls: install the app in a chat, send a
 * message as a user, press a card button (an invoke), and send a custom activity (how the Playground mocks
 * anything it has no button for, such as a meeting's end). Every call answers once the Playground has
 * accepted it; the bot's replies arrive on the conversation WebSocket.
 */
export class PlaygroundApi {
  constructor(private readonly url: string) {}

  /** What the client does when the app is added to a chat: installationUpdate and conversationUpdate. */
  async install(conversationId: string): Promise<void> {
    await this.call("POST", `/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {});
  }

  /** A user types in a chat; in a group chat the bot only hears messages that @mention it, as in Teams. */
  async say(conversationId: string, from: string, text: string, mention?: { id: string; name: string }): Promise<string> {
    const body = mention
      ? {
          from: { id: from },
          text: `<at>${mention.name}</at> ${text}`,
          textFormat: "xml",
          mentions: [{ mentioned: { id: mention.id }, text: `<at>${mention.name}</at>` }],
        }
      : { from: { id: from }, text, textFormat: "plain" };
    const answer = (await this.call("POST", `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, body)) as {
      messageId: string;
    };
    return answer.messageId;
  }

  /** A press of an Action.Execute button on message `replyToId`: the bot's invoke response. */
  async pressButton(
    conversationId: string,
    from: string,
    replyToId: string,
    action: { verb: string; data: unknown },
  ): Promise<{ type?: string; value?: unknown }> {
    return (await this.call("POST", "/_conversation/v1/invoke", {
      name: "adaptiveCard/action",
      from: { id: from },
      conversation: { id: conversationId },
      replyToId,
      value: { action: { type: "Action.Execute", ...action }, trigger: "manual" },
    })) as { type?: string; value?: unknown };
  }

  /** The activity a meeting's end sends, built on the Playground's own template for the chat. */
  async meetingEndActivity(conversationId: string, meeting: BundledMeeting): Promise<Record<string, unknown>> {
    const template = (await this.call(
      "GET",
      `/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`,
    )) as Record<string, unknown>;
    return {
      ...template,
      type: "event",
      name: "application/vnd.microsoft.meetingEnd",
      from: { id: meeting.organizer.id, aadObjectId: meeting.organizer.aadObjectId, name: meeting.organizer.name },
      channelData: { tenant: { id: meeting.tenantId }, meeting: { id: meeting.meetingId } },
      value: {
        Id: meeting.meetingId,
        MeetingType: "Scheduled",
        Title: meeting.title,
        JoinUrl: null,
        EndTime: new Date().toISOString(),
      },
    };
  }

  /**
   * The activity Teams sends when `user` adds the app personally, as a custom activity in `conversationId` (the
   * Playground's own install button only ever acts as its signed-in user).
   */
  async installedByActivity(conversationId: string, user: PlaygroundUser, tenantId: string): Promise<Record<string, unknown>> {
    const template = (await this.call(
      "GET",
      `/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`,
    )) as Record<string, unknown>;
    return {
      ...template,
      type: "installationUpdate",
      action: "add",
      from: { id: user.id, aadObjectId: user.aadObjectId, name: user.name },
      channelData: { tenant: { id: tenantId } },
    };
  }

  /** The activity a meeting's start sends (Teams gives no participants in it), on the same template. */
  async meetingStartActivity(conversationId: string, meeting: BundledMeeting): Promise<Record<string, unknown>> {
    const end = await this.meetingEndActivity(conversationId, meeting);
    return {
      ...end,
      name: "application/vnd.microsoft.meetingStart",
      value: { Id: meeting.meetingId, MeetingType: "Scheduled", Title: meeting.title, JoinUrl: null, StartTime: new Date().toISOString() },
    };
  }

  /** Sends an activity as it is (the Playground's "custom activity"). */
  async sendActivity(activity: Record<string, unknown>): Promise<void> {
    await this.call("POST", "/_internal/v1/customActivities", activity);
  }

  private async call(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      ...(body !== undefined && { headers: { "content-type": "application/json" }, body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok)
      throw new Error(`the Agents Playground answered ${method} ${path.split("?")[0]} with ${response.status}: ${text.slice(0, 300)}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
}
