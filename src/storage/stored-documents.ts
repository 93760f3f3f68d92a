import type { z } from "zod";
import { COACHING_SCHEMA_VERSION, coachingSchema, type Coaching } from "../coaching/schema.js";
import { ANALYSIS_SCHEMA_VERSION, analysisSchema, type Analysis } from "../metrics/schema.js";
import { UTTERANCE_SCHEMA_VERSION, utteranceSchema, type Utterance } from "../transcript/schema.js";

/**
 * The jsonb documents Attune stores, read back like any outside shape: parsed by their zod schema after
 * their schema version is checked. A document of an older version is upgraded when an upgrade is known;
 * anything else (a newer version, an older one without an upgrade, a document that does not fit) is
 * refused with a StoredDocumentError that says which document and why, never cast.
 */
export interface DocumentKind<T> {
  /** What the document is, for messages: "analysis". */
  label: string;
  schema: z.ZodType<T>;
  /** The version this Attune writes and reads. */
  version: number;
  /** Upgrades by the version they read, each returning the next version's document. None yet. */
  upgrades: Readonly<Record<number, (document: unknown) => unknown>>;
}

export const ANALYSIS: DocumentKind<Analysis> = {
  label: "analysis",
  schema: analysisSchema,
  version: ANALYSIS_SCHEMA_VERSION,
  upgrades: {},
};
export const COACHING: DocumentKind<Coaching> = {
  label: "coaching report",
  schema: coachingSchema,
  version: COACHING_SCHEMA_VERSION,
  upgrades: {},
};
export const UTTERANCES: DocumentKind<Utterance[]> = {
  label: "transcript",
  schema: utteranceSchema.array(),
  version: UTTERANCE_SCHEMA_VERSION,
  upgrades: {},
};

export type StoredDocumentProblem = "newer-version" | "older-version" | "invalid";

/** A stored document this Attune cannot read; the message names the document, the meeting and what to do. */
export class StoredDocumentError extends Error {
  override readonly name = "StoredDocumentError";
  constructor(
    readonly code: StoredDocumentProblem,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a stored document of `kind` written at `version`, for the meeting `meetingId`. */
export function readDocument<T>(kind: DocumentKind<T>, document: unknown, version: number, meetingId: string): T {
  const what = `the stored ${kind.label} of meeting ${meetingId}`;
  if (version > kind.version) {
    throw new StoredDocumentError(
      "newer-version",
      `${what} has schema version ${version}, newer than this Attune reads (${kind.version}); run the Attune release that wrote it, or a later one`,
    );
  }
  let current = document;
  for (let v = version; v < kind.version; v++) {
    const upgrade = kind.upgrades[v];
    if (!upgrade) {
      throw new StoredDocumentError(
        "older-version",
        `${what} has schema version ${version}, older than this Attune can upgrade (it reads version ${kind.version}); read it with the release that wrote it`,
      );
    }
    current = upgrade(current);
  }
  const parsed = kind.schema.safeParse(current);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
  throw new StoredDocumentError(
    "invalid",
    `${what} does not fit its schema (version ${kind.version}): ${where}${issue?.message ?? "invalid"}`,
  );
}
