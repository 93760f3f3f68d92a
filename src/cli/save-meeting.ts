import { createHash } from "node:crypto";
import type { Coaching } from "../coaching/schema.js";
import type { StorageSettings } from "../config.js";
import type { Analysis } from "../metrics/schema.js";
import type { Db } from "../storage/db.js";
import { saveAnalyzedMeeting } from "../storage/meetings.js";
import type { Transcript } from "../transcript/schema.js";

export interface CliMeeting {
  text: string;
  transcript: Transcript;
  analysis: Analysis;
  coaching: Coaching | null;
  title: string;
  date: string | null;
}

/** Stores a meeting analysed from the CLI; the same transcript saved twice is stored once. Returns a line for stderr. */
export async function saveFromCli(db: Db, storage: StorageSettings, m: CliMeeting): Promise<string> {
  const digest = createHash("sha256").update(m.text).digest("hex");
  const startedAt = m.date ?? m.transcript.startedAt ?? null;
  const saved = await saveAnalyzedMeeting(db, {
    meeting: {
      tenantId: storage.tenant,
      source: "cli",
      externalId: digest,
      title: m.title,
      startedAt: startedAt ?? new Date().toISOString(),
    },
    transcript: {
      format: m.transcript.format,
      raw: m.text,
      utterances: m.transcript.utterances,
      speakersKnown: m.analysis.speakersKnown,
      retentionDays: storage.retentionDays,
    },
    analysis: m.analysis,
    coaching: m.coaching,
  });
  const where = db.kind === "pglite" ? `the embedded database in ${storage.dataDir}` : "PostgreSQL";
  return saved.created ? `attune: saved '${m.title}' to ${where}` : `attune: '${m.title}' was already saved; nothing changed`;
}
