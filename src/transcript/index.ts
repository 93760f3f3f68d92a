export { parseTranscript } from "./parse-transcript.js";
export { formatTranscriptError, type ParseResult, type TranscriptError } from "./parse-error.js";
export { defaultParseLimits, transcriptSchema, utteranceSchema, type ParseLimits, type Transcript, type Utterance } from "./schema.js";
