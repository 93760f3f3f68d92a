/** Scores the product's readings of AnnoMI conversations against the experts' labels. Pure. */
import type { AnnoMiRow, Conversation, Quality } from "./annomi.js";
import type { ProductReading } from "./product-run.js";
import { type Confusion, emptyConfusion, tally } from "./scores.js";

export interface MissedMomentRate {
  conversations: number;
  clientTurns: number;
  /** `coaching.moments[]` over these conversations. */
  moments: number;
}

export interface Scored {
  conversations: number;
  /** Every counsellor utterance, predicted "restates" when the product lists it in `coaching.kept[]`. */
  product: Confusion;
  /** The trivial baseline: every counsellor utterance that replies to the client restates it. */
  alwaysRestates: Confusion;
  missed: Record<Quality, MissedMomentRate>;
}

export function scoreReadings(readings: readonly ProductReading[]): Scored {
  const product = emptyConfusion();
  const alwaysRestates = emptyConfusion();
  const missed: Record<Quality, MissedMomentRate> = {
    high: { conversations: 0, clientTurns: 0, moments: 0 },
    low: { conversations: 0, clientTurns: 0, moments: 0 },
  };
  for (const reading of readings) {
    const { rows } = reading.conversation;
    rows.forEach((row, i) => {
      if (row.interlocutor !== "therapist") return;
      const gold = row.reflection === true;
      tally(product, gold, reading.credited.has(row));
      tally(alwaysRestates, gold, rows[i - 1]?.interlocutor === "client");
    });
    const rate = missed[reading.conversation.quality];
    rate.conversations++;
    rate.clientTurns += clientTurns(reading.conversation);
    rate.moments += reading.report.coaching?.moments.length ?? 0;
  }
  return { conversations: readings.length, product, alwaysRestates, missed };
}

/** Client rows: in AnnoMI a row is one utterance, and the two speakers nearly always alternate row by row. */
export function clientTurns(conversation: Conversation): number {
  return conversation.rows.filter((r: AnnoMiRow) => r.interlocutor === "client").length;
}

export function perClientTurn(rate: MissedMomentRate): number | null {
  return rate.clientTurns === 0 ? null : rate.moments / rate.clientTurns;
}
