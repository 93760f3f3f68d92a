import { endFloor, feedFloor, isShortAcknowledgement, newFloorState, type FloorSink, type FloorState } from "../metrics/floor.js";
import { defaultMetricOptions, type MetricOptions } from "../metrics/options.js";
import { countWords } from "../metrics/words.js";
import { defaultLiveOptions, type LiveOptions } from "./live-options.js";
import { newPolicyMemory, type PolicyMemory } from "./policy-memory.js";
import type { SegmentFrame, StartFrame } from "./protocol.js";
import {
  addSegment,
  drain,
  newSegmentBuffer,
  partialKey,
  takeSettled,
  type LiveSegment,
  type SegmentBufferState,
} from "./segment-buffer.js";
import { addTalk, newSpeakerTalk, type SpeakerTalk } from "./talk-tracker.js";

export interface PersonState {
  /** On the roster (told by the source) or heard speaking. */
  present: boolean;
  /** Meeting time they joined, when the source says; else 0. */
  joinedAtMs: number;
  /** End of their latest settled speech; null before they speak. */
  lastSpokeMs: number | null;
  talk: SpeakerTalk;
  /** As the batch metrics count them (turns, backchannels, interruptions made), over the settled speech. */
  counts: { turns: number; backchannels: number; interruptionsMade: number };
}

/** Everything live mode knows about one meeting. Data only (Maps for names), snapshotted by live-snapshot.ts. */
export interface MeetingState {
  meetingId: string;
  title: string | null;
  manager: string;
  /** By the name as the source gives it (trimmed, NFC): a Map, so any name ("__proto__" too) is an ordinary key. */
  people: Map<string, PersonState>;
  floor: FloorState;
  buffer: SegmentBufferState;
  /** Meeting times the manager talked over someone, within the interruption window. */
  managerInterruptions: number[];
  policy: PolicyMemory;
  /** Segments settled so far (their ids for the floor rules). */
  settledCount: number;
}

export type Applied = { ok: true } | { ok: false; error: string };

export function newMeeting(start: StartFrame, maxPeople = defaultLiveOptions.maxPeople): MeetingState {
  const state: MeetingState = {
    meetingId: start.meetingId,
    title: start.title?.trim() || null,
    manager: personName(start.manager),
    people: new Map(),
    floor: newFloorState(),
    buffer: newSegmentBuffer(),
    managerInterruptions: [],
    policy: newPolicyMemory(),
    settledCount: 0,
  };
  joinRoster(state, [start.manager, ...(start.participants ?? [])], 0, maxPeople);
  return state;
}

/**
 * The name a person goes by in this meeting: as given, trimmed and in Unicode NFC, compared exactly. Nothing
 * is folded: "Renée Ortíz" and "Renée Ortiz" are two people, and "Rene\u0301e" is "Renée" (the same text in NFC).
 */
export function personName(name: string): string {
  return name.trim().normalize("NFC");
}

/** Adds someone to the roster (or marks them present again); false when it already names the manager and maxPeople others. */
export function joinPerson(state: MeetingState, name: string, atMs: number, maxPeople = defaultLiveOptions.maxPeople): boolean {
  const canonical = personName(name);
  if (canonical === "") return true;
  const person = state.people.get(canonical);
  if (person) person.present = true;
  else if (state.people.size > maxPeople) return false;
  else state.people.set(canonical, newPerson(atMs));
  return true;
}

/** Several people join; the error says how many were not added because the meeting names maxPeople already. */
export function joinRoster(state: MeetingState, names: readonly string[], atMs: number, maxPeople = defaultLiveOptions.maxPeople): Applied {
  let refused = 0;
  for (const name of names) if (!joinPerson(state, name, atMs, maxPeople)) refused++;
  if (refused === 0) return { ok: true };
  return {
    ok: false,
    error: `meeting ${state.meetingId} already names its manager and ${maxPeople} others, the most one meeting may: ${refused} ${refused === 1 ? "name was" : "names were"} not added`,
  };
}

/** Someone left: they no longer count toward the fair share unless they spoke. */
export function leavePerson(state: MeetingState, name: string): void {
  const person = state.people.get(personName(name));
  if (person) person.present = false;
}

/** Takes a segment in and settles what may settle. Text is read for its word count and question mark, then dropped. */
export function applySegment(
  state: MeetingState,
  frame: SegmentFrame,
  options: LiveOptions,
  metrics = defaultMetricOptions,
  knownWords?: number,
): Applied {
  const speaker = personName(frame.speaker);
  if (!state.people.has(speaker)) {
    if (state.people.size >= options.maxSpeakers)
      return { ok: false, error: `meeting ${state.meetingId} already names ${options.maxSpeakers} people; segment refused` };
    state.people.set(speaker, newPerson(frame.startMs));
  }
  const segment: LiveSegment = {
    speaker,
    startMs: frame.startMs,
    endMs: frame.endMs,
    words: knownWords ?? countWords(frame.text),
    question: frame.text.indexOf("?") !== -1,
  };
  addSegment(state.buffer, segment, partialKey(speaker, frame.segmentId), frame.final, options);
  settle(state, takeSettled(state.buffer, options), options, metrics);
  return { ok: true };
}

/**
 * Speech heard before its words (a vendor's speech_on/off): it opens a wordless partial segment for the
 * speaker, which their transcript replaces, or which speech_off closes as a final one.
 */
export function speechHeard(
  state: MeetingState,
  name: string,
  atMs: number,
  speaking: boolean,
  options: LiveOptions,
  metrics = defaultMetricOptions,
): Applied {
  const speaker = personName(name);
  const open = state.buffer.open.get(partialKey(speaker, undefined));
  if (speaking && open) return { ok: true };
  if (!speaking && !open) {
    state.buffer.clockMs = Math.max(state.buffer.clockMs, atMs);
    settle(state, takeSettled(state.buffer, options), options, metrics);
    return { ok: true };
  }
  const startMs = open?.startMs ?? atMs;
  return applySegment(
    state,
    {
      type: "segment",
      meetingId: state.meetingId,
      speaker,
      startMs,
      endMs: Math.max(startMs, atMs, open?.endMs ?? 0),
      text: "",
      final: !speaking,
    },
    options,
    metrics,
    open?.words,
  );
}

/** The end of the meeting: everything waiting settles, and the floor is read to its end. */
export function finishMeeting(state: MeetingState, options: LiveOptions, metrics = defaultMetricOptions): void {
  settle(state, drain(state.buffer), options, metrics);
  endFloor(state.floor, metrics, floorSink(state, options));
}

function settle(state: MeetingState, segments: LiveSegment[], options: LiveOptions, metrics: MetricOptions): void {
  if (segments.length === 0) return;
  const sink = floorSink(state, options);
  const keepBuckets = Math.ceil(options.recentWindowMs / options.bucketMs) + 1;
  for (const s of segments) {
    const person = state.people.get(s.speaker)!;
    addTalk(person.talk, s, options.bucketMs, keepBuckets);
    person.lastSpokeMs = Math.max(person.lastSpokeMs ?? 0, s.endMs);
    person.present = true;
    const short = isShortAcknowledgement(s.endMs - s.startMs, s.words, s.question, metrics);
    state.settledCount++;
    feedFloor(state.floor, { id: `s${state.settledCount}`, speaker: s.speaker, startMs: s.startMs, endMs: s.endMs, short }, metrics, sink);
    // A run of short acknowledgements with nobody saying more is read as the transcript would end there.
    if (state.floor.pending.length > 256) endFloor(state.floor, metrics, sink);
  }
}

function newPerson(joinedAtMs: number): PersonState {
  return {
    present: true,
    joinedAtMs,
    lastSpokeMs: null,
    talk: newSpeakerTalk(),
    counts: { turns: 0, backchannels: 0, interruptionsMade: 0 },
  };
}

function floorSink(state: MeetingState, options: LiveOptions): FloorSink {
  const counts = (name: string) => state.people.get(name)?.counts;
  return {
    turnStarted: (u) => {
      const c = counts(u.speaker);
      if (c) c.turns++;
    },
    turnExtended: () => undefined,
    backchannel: (b) => {
      const c = counts(b.speaker);
      if (c) c.backchannels++;
    },
    interruption: (i) => {
      const by = counts(i.by);
      if (by) by.interruptionsMade++;
      if (i.by !== state.manager) return;
      state.managerInterruptions.push(i.atMs);
      const since = i.atMs - options.interruptionWindowMs;
      state.managerInterruptions = state.managerInterruptions.filter((at) => at > since);
    },
  };
}
