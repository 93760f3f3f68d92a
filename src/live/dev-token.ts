import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { jwtVerify, SignJWT } from "jose";

/** Development tokens for the side panel outside Teams (local mode only): HS256 with a key kept in the data folder. */
export const DEV_ISSUER = "attune-local";
export const DEV_AUDIENCE = "attune-live-panel";
const KEY_FILE = "live-dev-key";

/** The local signing key, made on first use (readable by its owner only). */
export async function devKey(dataDir: string): Promise<Uint8Array> {
  const file = join(dataDir, KEY_FILE);
  const existing = await readFile(file, "utf8").catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return null;
    throw error;
  });
  if (existing !== null) return Buffer.from(existing.trim(), "base64");
  await mkdir(dataDir, { recursive: true });
  const key = randomBytes(32);
  // "wx": if another process made the key meanwhile, keep theirs.
  await writeFile(file, key.toString("base64"), { mode: 0o600, flag: "wx" }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== "EEXIST") throw error;
  });
  return Buffer.from((await readFile(file, "utf8")).trim(), "base64");
}

/**
 * A token for one user in one meeting, valid for `seconds` (12 hours unless told; negative makes an expired one,
 * for tests). `id` is the user's account id (`oid`), which the organizer's place is decided by when it is known.
 */
export async function signDevToken(key: Uint8Array, meetingId: string, user: string, seconds = 12 * 3600, id?: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ name: user, mid: meetingId, tid: "local", ...(id && { oid: id }) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setSubject(user)
    .setIssuedAt(Math.min(now, now + seconds))
    .setExpirationTime(now + seconds)
    .sign(key);
}

export async function verifyDevToken(key: Uint8Array, token: string): Promise<{ name: string; meetingId: string; id: string | null }> {
  const { payload } = await jwtVerify(token, key, { issuer: DEV_ISSUER, audience: DEV_AUDIENCE, algorithms: ["HS256"] });
  if (typeof payload.name !== "string" || typeof payload.mid !== "string") throw new Error("the token names no user or meeting");
  return { name: payload.name, meetingId: payload.mid, id: typeof payload.oid === "string" ? payload.oid : null };
}
