import WebSocket from "ws";

/** A message as the Playground's conversation WebSocket shows it to its web client. */
export interface StreamedMessage {
  action: string;
  conversationId: string;
  messageId: string;
  from: string;
  text?: string;
  cards: Record<string, unknown>[];
}

interface Frame {
  action?: string;
  actionConversationId?: string;
  message?: { messageId?: string; from?: { id?: string }; text?: string; attachments?: { contentType?: string; content?: unknown }[] };
}

/**
 * What Microsoft's client sees: every message the Playground pushes on `/_ws_conversation/v1/conversations/stream`
 * (createMessage, updateMessage), and a way to wait for one with a deadline.
 */
export class ConversationStream {
  readonly messages: StreamedMessage[] = [];
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on("message", (data) => {
      const frame = JSON.parse(String(data)) as Frame;
      if (!frame.message || !frame.action) return;
      this.messages.push({
        action: frame.action,
        conversationId: frame.actionConversationId ?? "",
        messageId: frame.message.messageId ?? "",
        from: frame.message.from?.id ?? "",
        ...(frame.message.text !== undefined && { text: frame.message.text }),
        cards: (frame.message.attachments ?? [])
          .filter((a) => a.contentType === "application/vnd.microsoft.card.adaptive")
          .map((a) => a.content as Record<string, unknown>),
      });
      for (const wake of this.waiters) wake();
    });
  }

  static async open(playgroundUrl: string): Promise<ConversationStream> {
    const socket = new WebSocket(`${playgroundUrl.replace(/^http/, "ws")}/_ws_conversation/v1/conversations/stream`);
    await new Promise<void>((resolve, reject) => {
      socket.once("open", () => resolve());
      socket.once("error", reject);
    });
    return new ConversationStream(socket);
  }

  /** Resolves with the first message (already here or still to come) that `matches`, or fails after `timeoutMs`. */
  async waitFor(what: string, matches: (m: StreamedMessage) => boolean, timeoutMs = 30_000): Promise<StreamedMessage> {
    const found = () => this.messages.find(matches);
    const now = found();
    if (now) return now;
    return new Promise((resolve, reject) => {
      const wake = () => {
        const message = found();
        if (!message) return;
        cleanup();
        resolve(message);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(
          new Error(
            `timed out after ${timeoutMs / 1000} s waiting for ${what}; the client saw: ${JSON.stringify(this.messages.map((m) => [m.conversationId, m.text ?? m.cards.map((c) => JSON.stringify(c).slice(0, 80))]))}`,
          ),
        );
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      this.waiters.add(wake);
    });
  }

  close(): void {
    this.socket.close();
  }
}
