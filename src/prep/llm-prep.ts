import { dataBlock } from "../llm/data-block.js";
import { excerpt } from "../llm/untrusted-text.js";
import { describeFailure, type Llm } from "../llm/client.js";
import { promptOutputs } from "../llm/prompt-outputs.js";
import { renderPrompt, type Prompt } from "../llm/prompt-store.js";
import { countWords } from "../metrics/words.js";
import { isoDate } from "../format/dates.js";
import { guardQuestion, guardReminder, type StoredWords } from "./guard.js";
import { heuristicPrep, PREP_LIMITS, type Prep, type PrepInput, type PrepQuestion } from "./prep.js";

export interface PrepDeps {
  /** null: no model configured, the heuristic prepares. */
  llm: Llm | null;
  prompts: ReadonlyMap<string, Prompt> | null;
}

/** What goes to the model at most: the person's latest utterances, each cut to this many characters. */
export const PREP_DATA_LIMITS = { utterances: 40, utteranceChars: 320, minWords: 4 } as const;

/**
 * Prep with the one-on-one-prep prompt when a model is configured: the model writes the open questions and
 * the reminder; the guard keeps only questions whose quote is in a stored moment or stored utterance of the
 * person, and a reminder whose figures were sent. Everything else (shares, what was raised, what went well)
 * is the stored data, as in the heuristic. Any failure falls back to the heuristic and says why.
 */
export async function prepare(input: PrepInput, deps: PrepDeps): Promise<Prep> {
  const heuristic = heuristicPrep(input);
  if (!deps.llm || !deps.prompts) return heuristic;
  const fallback = (reason: string, usage?: { promptTokens: number; completionTokens: number; requests: number }): Prep => ({
    ...heuristic,
    fallbackReason: reason,
    ...(usage && { tokens: { prompt: usage.promptTokens, completion: usage.completionTokens, requests: usage.requests } }),
  });
  const { items, words, percents } = payload(input, heuristic);
  const block = dataBlock(items);
  const rendered = renderPrompt(deps.prompts, "one-on-one-prep", {
    manager: input.manager,
    person: input.person.name,
    history: block.text,
    data_tag: block.tag,
  });
  if (!rendered.ok) return fallback(`the prompt could not be used (${rendered.error.message}); heuristic prep instead`);
  const result = await deps.llm.complete(rendered.value, promptOutputs["one-on-one-prep"]);
  if (!result.ok) return fallback(`the model could not be used (${describeFailure(result.error)}); heuristic prep instead`, result.usage);
  let dropped = 0;
  const questions: PrepQuestion[] = [];
  const names = [input.manager, input.person.name, ...input.person.names];
  for (const answer of result.value.questions) {
    const guarded = guardQuestion(answer, words, names);
    if (!guarded.ok) {
      dropped++;
      continue;
    }
    // Beyond three, or said twice: not wrong, just not needed.
    if (questions.length < PREP_LIMITS.questions && !questions.some((q) => q.question === guarded.value.question))
      questions.push(guarded.value);
  }
  if (questions.length === 0) {
    const prep = fallback(
      `none of the model's ${result.value.questions.length} questions quoted a stored meeting; heuristic prep instead`,
      result.usage,
    );
    return { ...prep, dropped };
  }
  const reminder = guardReminder(result.value.reminder, percents, { said: words.map((w) => w.text).join("\n"), names });
  if (!reminder.ok) dropped++;
  return {
    ...heuristic,
    source: "llm",
    questions,
    reminder: reminder.ok ? reminder.value : heuristic.reminder,
    dropped,
    tokens: { prompt: result.usage.promptTokens, completion: result.usage.completionTokens, requests: result.usage.requests },
  };
}

/** The data block's items, the person's stored words the guard checks quotes against, and the percentages sent. */
function payload(input: PrepInput, prep: Prep): { items: unknown[]; words: StoredWords[]; percents: number[] } {
  const names = new Set(input.person.names);
  const key = new Map(input.meetings.map((s, i) => [s.meetingId, `m${i + 1}`]));
  const pct = (x: number | null) => (x === null ? null : Math.round(x * 100));
  const percents: number[] = [];
  const note = (x: number | null) => {
    const p = pct(x);
    if (p !== null) percents.push(p);
    return p;
  };
  const items: unknown[] = [];
  items.push({
    meetings: prep.meetings.map((m) => ({
      meeting: key.get(m.meetingId),
      date: isoDate(m.at),
      one_on_one: m.oneOnOne,
      person_share_percent: note(m.personShare),
      manager_share_percent: note(m.managerShare),
      expected_manager_share_percent: m.expectedShare ? [note(m.expectedShare[0]), note(m.expectedShare[1])] : null,
    })),
    manager_habit: prep.habit && {
      meetings: prep.habit.meetings,
      one_on_ones: prep.habit.oneOnOne,
      manager_share_percent: note(prep.habit.managerShare),
      expected_percent: [note(prep.habit.expectedShare[0]), note(prep.habit.expectedShare[1])],
      person_share_percent: note(prep.habit.personShare),
      times_manager_came_in_before_person_finished: prep.habit.interruptions,
    },
  });
  const words: StoredWords[] = [];
  // Every stored moment quote of the person's counts for the guard, not only the ones sent.
  for (const s of input.meetings) {
    for (const m of s.coaching?.moments ?? []) {
      if (names.has(m.speaker))
        words.push({ id: `${key.get(s.meetingId)}/${m.utteranceId}`, meetingId: s.meetingId, at: s.at, text: m.quote });
    }
  }
  for (const r of prep.raised) {
    const id = `${key.get(r.meetingId)}/${r.utteranceId}`;
    items.push({ raised_not_picked_up: { id, meeting: key.get(r.meetingId), date: isoDate(r.at), kind: r.kind, quote: r.quote } });
  }
  for (const w of prep.wentWell) items.push({ manager_restated: { date: isoDate(w.at), manager_said: excerpt(w.quote, 240) } });
  const said: StoredWords[] = [];
  for (const s of input.meetings) {
    for (const u of s.theirUtterances ?? []) {
      if (u.speaker === null || !names.has(u.speaker)) continue;
      said.push({ id: `${key.get(s.meetingId)}/${u.id}`, meetingId: s.meetingId, at: s.at, text: u.text });
    }
  }
  words.push(...said);
  const sent = said.filter((w) => countWords(w.text) >= PREP_DATA_LIMITS.minWords).slice(-PREP_DATA_LIMITS.utterances);
  for (const w of sent)
    items.push({ person_said: { id: w.id, date: isoDate(w.at), text: excerpt(w.text, PREP_DATA_LIMITS.utteranceChars) } });
  return { items, words, percents };
}
