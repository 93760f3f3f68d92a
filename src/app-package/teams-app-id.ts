import { createHash } from "node:crypto";

/**
 * Fixed namespace for Attune's name-based (version 5) UUIDs. Never change it: every Teams app id derived
 * from a bot id would change with it, and Teams would see a new app instead of an update.
 */
export const ATTUNE_APP_ID_NAMESPACE = "5f3c1a9e-4b7d-4e02-8c6a-7d2e9b41f0a3";

export function uuidV5(namespace: string, name: string): string {
  const hash = createHash("sha1")
    .update(Buffer.from(namespace.replaceAll("-", ""), "hex"))
    .update(name, "utf8")
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The Teams app id used when TEAMS_APP_ID is not set: a version 5 UUID of the bot's app id (lower case) in
 * Attune's namespace. The same bot always gets the same Teams app id, so a rebuilt package replaces the
 * uploaded app rather than adding a second one, and it never equals the bot id itself.
 */
export function deriveTeamsAppId(botId: string): string {
  return uuidV5(ATTUNE_APP_ID_NAMESPACE, botId.toLowerCase());
}
