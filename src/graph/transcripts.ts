import { z } from "zod";
import type { GraphSettings } from "../config.js";
import { ok, type Result } from "../result.js";
import { decodeText } from "../transcript/decode-text.js";
import { graphFailure, type GraphFailure, type TokenResult } from "./token.js";

const transcriptListSchema = z.object({
  value: z.array(z.object({ id: z.string(), createdDateTime: z.string().optional() }).passthrough()),
  "@odata.nextLink": z.string().optional(),
});

/** A meeting's transcript as Graph gave it: WebVTT, attributed to speakers unless the tenant turned that off. */
export interface GraphTranscript {
  text: string;
  attributed: boolean;
}

/** The transcript; null while there is none yet (it appears minutes after the meeting); or why Graph failed. */
export type TranscriptFetch = Result<GraphTranscript | null, GraphFailure>;

export interface GraphTranscripts {
  /** The newest transcript of the meeting: attributed VTT, else (attribution off) the unattributed text. */
  latest(organizerAadId: string, graphMeetingId: string): Promise<TranscriptFetch>;
  /** The Graph id of the organizer's meeting with this join URL (when the Bot Connector gave none); null when none matches. */
  meetingIdByJoinUrl(organizerAadId: string, joinUrl: string): Promise<Result<string | null, GraphFailure>>;
}

type GraphError = ReturnType<typeof graphFailure>;

const meetingListSchema = z.object({ value: z.array(z.object({ id: z.string() }).passthrough()) });

export function createGraphTranscripts(
  settings: GraphSettings,
  token: () => Promise<TokenResult>,
  fetchImpl: typeof fetch = fetch,
): GraphTranscripts {
  async function get(url: string, accept: string): Promise<Response | { failed: GraphError }> {
    const t = await token();
    if (!t.ok) return { failed: graphFailure(t.error.code, t.error.retry, t.error.message) };
    try {
      return await fetchImpl(url, {
        headers: { authorization: `Bearer ${t.value}`, accept },
        signal: AbortSignal.timeout(settings.requestTimeoutMs ?? 60_000),
      });
    } catch (cause) {
      return { failed: graphFailure("unreachable", true, `cannot reach Microsoft Graph (${(cause as Error).message})`) };
    }
  }
  return {
    async meetingIdByJoinUrl(organizer, joinUrl) {
      const filter = `JoinWebUrl eq '${joinUrl.replaceAll("'", "''")}'`;
      const url = `${settings.baseUrl}/users/${encodeURIComponent(organizer)}/onlineMeetings?$filter=${encodeURIComponent(filter)}`;
      const response = await get(url, "application/json");
      if ("failed" in response) return response.failed;
      if (response.status === 404) return ok(null);
      if (!response.ok) return httpError(response.status, "looking the meeting up by its join URL");
      const list = meetingListSchema.safeParse(await response.json().catch(() => null));
      if (!list.success) return graphFailure("unexpected-answer", true, "Graph answered the meeting lookup in an unexpected shape");
      return ok(list.data.value[0]?.id ?? null);
    },
    async latest(organizer, meeting) {
      const base = `${settings.baseUrl}/users/${encodeURIComponent(organizer)}/onlineMeetings/${encodeURIComponent(meeting)}/transcripts`;
      let next: string | undefined = `${base}?$top=100`;
      const found: { id: string; createdDateTime?: string | undefined }[] = [];
      while (next) {
        const response = await get(next, "application/json");
        if ("failed" in response) return response.failed;
        if (response.status === 404) return ok(null);
        if (!response.ok) return httpError(response.status, "listing the meeting's transcripts");
        const list = transcriptListSchema.safeParse(await response.json().catch(() => null));
        if (!list.success) return graphFailure("unexpected-answer", true, "Graph answered the transcript list in an unexpected shape");
        found.push(...list.data.value);
        next = list.data["@odata.nextLink"];
      }
      if (found.length === 0) return ok(null);
      const newest = found.sort((a, b) => (b.createdDateTime ?? "").localeCompare(a.createdDateTime ?? ""))[0]!;
      const content = await get(`${base}/${encodeURIComponent(newest.id)}/content?$format=text/vtt`, "text/vtt");
      if ("failed" in content) return content.failed;
      if (content.ok) return ok({ text: decodeText(new Uint8Array(await content.arrayBuffer())), attributed: true });
      if (content.status === 403 && /SpeakerAttributionNotAllowed/i.test(await content.text().catch(() => ""))) {
        // The tenant turned speaker attribution off: only unattributed text exists (per-cue JSON).
        const meta = await get(`${base}/${encodeURIComponent(newest.id)}/metadataContent`, "text/vtt");
        if ("failed" in meta) return meta.failed;
        if (meta.ok) return ok({ text: decodeText(new Uint8Array(await meta.arrayBuffer())), attributed: false });
        return httpError(meta.status, "fetching the unattributed transcript");
      }
      if (content.status === 404) return ok(null);
      return httpError(content.status, "fetching the transcript");
    },
  };
}

function httpError(status: number, doing: string): GraphError {
  const retry = status === 429 || status >= 500;
  const why =
    status === 403
      ? "Attune lacks permission (grant OnlineMeetingTranscript.Read.All with an application access policy, or add Attune to the meeting)"
      : `Graph answered ${status}`;
  return graphFailure(status === 403 ? "no-permission" : "http", retry, `${doing}: ${why}`);
}
