/** A cue as the file wrote it, before display chunks are merged into utterances. */
export interface RawCue {
  /** The cue identifier line, e.g. `<guid>/12-0`, or null when the cue has none. */
  id: string | null;
  startMs: number;
  endMs: number;
  speaker: string | null;
  text: string;
  /** 1-based line of the cue's timing line, for error messages. */
  line: number;
}
