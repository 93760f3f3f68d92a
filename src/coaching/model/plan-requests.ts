import { dataBlock } from "../../llm/data-block.js";
import { type Prompt, type PromptResult, type RenderedPrompt, renderPrompt } from "../../llm/prompt-store.js";
import { countTextTokens } from "../../llm/token-count.js";
import { capText } from "../../llm/untrusted-text.js";
import type { Utterance } from "../../transcript/schema.js";
import type { Candidate } from "../moments.js";
import type { KeptRestatement } from "../schema.js";
import { conversationShown, type ShownUtterance } from "./conversation-window.js";
import { NAME_CAP } from "./summary-habit.js";
import { SUGGESTION_WORDS } from "./suggestion-limits.js";

/** One request: the moments it asks about and exactly the utterances it shows. */
export interface ModelRequest {
  candidates: Candidate[];
  /** The rules' restatements whose conversation it shows, for the model to judge as praise. */
  praise: KeptRestatement[];
  shown: Map<string, ShownUtterance>;
  prompt: RenderedPrompt;
}

/** Tokens the client adds per message (role and separators). */
const MESSAGE_OVERHEAD = 4;

/**
 * The requests for a meeting, most important moments first, within `budget` prompt tokens: moments and
 * praise windows are left out, least important first, until the requests fit.
 */
export function planRequests(
  candidates: readonly Candidate[],
  kept: readonly KeptRestatement[],
  meeting: { utterances: readonly Utterance[]; index: ReadonlyMap<string, number>; manager: string },
  prompts: ReadonlyMap<string, Prompt>,
  size: number,
  budget: number,
): PromptResult<ModelRequest[]> {
  let chosen = [...candidates];
  let praise = [...kept];
  for (;;) {
    const groups: Candidate[][] = [];
    for (let i = 0; i < chosen.length; i += size) groups.push(chosen.slice(i, i + size));
    // No moment of the rules' but restatements to judge: one request shows those, and the model may find moments there.
    if (groups.length === 0 && praise.length > 0) groups.push([]);
    const requests: ModelRequest[] = [];
    for (const [i, group] of groups.entries()) {
      const request = render(group, i === 0 ? praise : [], meeting, prompts);
      if (!request.ok) return request;
      requests.push(request.value);
    }
    const tokens = requests.reduce(
      (sum, r) => sum + countTextTokens(r.prompt.system) + countTextTokens(r.prompt.user) + 2 * MESSAGE_OVERHEAD,
      0,
    );
    if (tokens <= budget) return { ok: true, value: requests };
    // Least important moments first, down to three; then the praise windows, down to one; then the rest.
    if (chosen.length > 3) chosen = chosen.slice(0, -1);
    else if (praise.length > 1) praise = praise.slice(0, -1);
    else if (chosen.length > 1) chosen = chosen.slice(0, -1);
    else if (praise.length > 0) praise = [];
    else return { ok: true, value: requests };
  }
}

function render(
  group: Candidate[],
  praise: KeptRestatement[],
  meeting: { utterances: readonly Utterance[]; index: ReadonlyMap<string, number>; manager: string },
  prompts: ReadonlyMap<string, Prompt>,
): PromptResult<ModelRequest> {
  const shown = conversationShown(meeting.utterances, meeting.index, group, praise);
  const lines = [
    ...[...shown.values()].map((s) => ({ id: s.utterance.id, who: capText(s.utterance.speaker ?? "(unnamed)", NAME_CAP), text: s.text })),
    ...group.map(momentLine),
  ];
  const block = dataBlock(lines);
  const rendered = renderPrompt(prompts, "listening-moments", {
    manager: capText(meeting.manager, NAME_CAP),
    moments: block.text,
    moment_count: String(group.length),
    data_tag: block.tag,
    suggestion_words: String(SUGGESTION_WORDS),
  });
  if (!rendered.ok) return rendered;
  return { ok: true, value: { candidates: group, praise, shown, prompt: rendered.value } };
}

/** A moment to judge: its kind, the person's utterances and the manager's reply, by id. */
function momentLine(c: Candidate): unknown {
  return {
    moment: c.id,
    kind: c.kind,
    person: capText(c.speaker, NAME_CAP),
    said: c.trigger.map((u) => u.id),
    reply: c.reply?.id ?? null,
    ...(c.gapMs !== null && { reply_gap_seconds: Math.round(c.gapMs / 250) / 4 }),
    ...(c.interrupted && { manager_came_in_before_they_finished: true }),
  };
}
