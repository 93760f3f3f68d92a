import { adaptiveCard, heading, text, type AdaptiveCard } from "../cards/adaptive-card.js";
import { safeText } from "../cards/safe-text.js";
import { noMeetingsMessage, shellName } from "../usecases/manager-ref.js";
import type { Queryable } from "../storage/db.js";
import { managerHistory, sharedMeetings } from "../storage/history.js";
import { coParticipants, findPerson, getPerson, type PersonRow } from "../storage/people.js";
import { prepare, type PrepDeps } from "./llm-prep.js";
import { prepCard } from "./prep-card.js";
import type { Prep } from "./prep.js";

type Loaded<T> = { ok: true; value: T } | { ok: false; message: string };

/** How many shared meetings prep looks back over. */
export const PREP_LAST = 10;

/** Prep for a manager and a person, both found by name (findPerson rules) in the tenant. */
export async function loadPrep(
  db: Queryable,
  tenant: string,
  managerQuery: string,
  personQuery: string,
  deps: PrepDeps,
  last = PREP_LAST,
): Promise<Loaded<Prep>> {
  const manager = await findPerson(db, tenant, managerQuery);
  if (!manager.ok) return { ok: false, message: `--manager: ${manager.message}` };
  if ((await managerHistory(db, manager.person.id, 1)).length === 0)
    return { ok: false, message: noMeetingsMessage(manager.person.display_name) };
  const person = await findPerson(db, tenant, personQuery);
  if (!person.ok) return { ok: false, message: `--with: ${person.message}` };
  return prepFor(db, manager.person, person.person, deps, last);
}

async function prepFor(db: Queryable, manager: PersonRow, person: PersonRow, deps: PrepDeps, last: number): Promise<Loaded<Prep>> {
  if (person.id === manager.id)
    return { ok: false, message: `--with names ${manager.display_name}, the manager; give the person the one-on-one is with` };
  const names = [...new Set([person.display_name, ...person.aliases])];
  const meetings = await sharedMeetings(db, manager.id, person.id, names, last);
  if (meetings.length === 0) {
    return {
      ok: false,
      message: `no stored meetings of ${manager.display_name} with ${person.display_name}; save one with attune analyze FILE --manager ${shellName(manager.display_name)} --save`,
    };
  }
  return {
    ok: true,
    value: await prepare({ manager: manager.display_name, person: { name: person.display_name, names }, meetings }, deps),
  };
}

/**
 * The bot's "prep NAME" card for the person asking, or a short card saying why there is none. Fits
 * TeamsServiceDeps.prepCard once given the coach's model: `(db, id, who) => prepCardFor(db, id, who, coach)`.
 */
export async function prepCardFor(db: Queryable, personId: string, who: string, deps: PrepDeps, last = PREP_LAST): Promise<AdaptiveCard> {
  const note = (body: string) => adaptiveCard([heading("One-on-one prep"), text(body)]);
  const manager = await getPerson(db, personId);
  if (!manager) return note("I have no meetings of yours yet.");
  const hits = await coParticipants(db, personId, who);
  const asked = safeText(who, 60);
  if (hits.length === 0) return note(`I have no stored meetings of yours with anyone called '${asked}'.`);
  if (hits.length > 1)
    return note(
      `'${asked}' matches ${hits.length} people you have met: ${hits
        .slice(0, 6)
        .map((p) => safeText(p.display_name, 60))
        .join(", ")}. Give more of the name.`,
    );
  const prep = await prepFor(db, manager, hits[0]!, deps, last);
  return prep.ok
    ? prepCard(prep.value, { refresh: true })
    : note(`I have no stored meetings of yours with ${safeText(hits[0]!.display_name, 60)}.`);
}
