import type { CoachDeps } from "../coaching/coach.js";
import type { CoachingMoment } from "../coaching/schema.js";
import { practiceText } from "../rendering/practice-text.js";
import { type PractiseMeeting, practiceMoments, practiseAt } from "../usecases/practise-attempt.js";
import type { CliIo } from "./io.js";

type ReadLine = (prompt: string) => Promise<string | null>;

/**
 * The terminal loop: the card's moments listed, one picked, the attempt typed, the feedback read; then try the
 * same moment again, pick another, or quit. Ends at "q" or at the end of stdin.
 */
export async function practiseLoop(
  meeting: PractiseMeeting,
  coach: CoachDeps,
  io: CliIo,
  readLine: ReadLine,
  clock: (ms: number) => string,
): Promise<void> {
  const moments = await practiceMoments(meeting, coach);
  if (moments.length === 0) {
    io.stdout("The card has no moments to practise for this meeting. Give --at TIME --answer TEXT to practise any turn.");
    return;
  }
  const list = moments.map((m, i) => `  ${i + 1}. ${clock(m.atMs)}  ${m.speaker}: “${m.quote}”`).join("\n");
  for (;;) {
    io.stdout(`Moments from your card:\n${list}`);
    const picked = await pick(moments, readLine);
    if (picked === null) return;
    io.stdout(`\n${picked.speaker} said: “${picked.quote}”`);
    for (;;) {
      const attempt = await readLine("How would you say it back? ");
      if (attempt === null) return;
      const read = await practiseAt(meeting, picked.atMs, attempt, coach);
      io.stdout(read.ok ? `\n${practiceText(read.value.feedback)}\n` : `${read.error.message}\n`);
      const next = await readLine("Try again (t), another moment (m) or quit (q)? ");
      if (next === null || /^q/i.test(next.trim())) return;
      if (/^m/i.test(next.trim())) break;
    }
  }
}

async function pick(moments: readonly CoachingMoment[], readLine: ReadLine): Promise<CoachingMoment | null> {
  for (;;) {
    const answer = await readLine(`Which moment (1-${moments.length}), or q to quit? `);
    if (answer === null || /^q/i.test(answer.trim())) return null;
    const n = Number(answer.trim());
    if (Number.isInteger(n) && n >= 1 && n <= moments.length) return moments[n - 1]!;
  }
}
