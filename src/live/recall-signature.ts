import { createHmac, timingSafeEqual } from "node:crypto";

/** Recall.ai signs with its workspace verification secret (`whsec_` + base64), Svix style. */
export type SignatureCheck = { ok: true } | { ok: false; error: string };

/** How far a signature's timestamp may be from now, either way. */
export const RECALL_TOLERANCE_S = 5 * 60;

/**
 * Checks `webhook-signature` (space-separated `v1,<base64>` entries) over `<webhook-id>.<webhook-timestamp>.<body>`,
 * with HMAC-SHA256 keyed by the secret's decoded bytes; the timestamp must be within five minutes. WebSocket
 * upgrade requests are signed over an empty body. The older `svix-*` header names are accepted too.
 */
export function verifyRecallSignature(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  nowS = Math.floor(Date.now() / 1000),
): SignatureCheck {
  const header = (name: string) => {
    const value = headers[`webhook-${name}`] ?? headers[`svix-${name}`];
    return Array.isArray(value) ? value[0] : value;
  };
  const id = header("id");
  const timestamp = header("timestamp");
  const signature = header("signature");
  if (!id || !timestamp || !signature) return { ok: false, error: "missing webhook-id, webhook-timestamp or webhook-signature" };
  const at = Number(timestamp);
  if (!Number.isInteger(at) || Math.abs(nowS - at) > RECALL_TOLERANCE_S)
    return { ok: false, error: "webhook-timestamp is not within five minutes of now" };
  const key = Buffer.from(secret.startsWith("whsec_") ? secret.slice(6) : secret, "base64");
  const expected = createHmac("sha256", key).update(`${id}.${timestamp}.${body}`).digest();
  for (const entry of signature.split(" ")) {
    const [version, value] = entry.split(",", 2);
    if (version !== "v1" || !value) continue;
    const given = Buffer.from(value, "base64");
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, error: "webhook-signature does not match" };
}

/** The request's `webhook-id` (or `svix-id`): a signed request is taken once (see recall-replay.ts). */
export function recallMessageId(headers: Record<string, string | string[] | undefined>): string {
  const value = headers["webhook-id"] ?? headers["svix-id"];
  return (Array.isArray(value) ? value[0] : value) ?? "";
}
