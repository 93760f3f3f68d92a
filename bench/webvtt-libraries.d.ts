// Just enough typing for the two WebVTT libraries the benchmark compares against (neither ships types).

declare module "webvtt-parser" {
  interface W3cCue {
    id: string;
    startTime: number;
    endTime: number;
    text: string;
  }
  interface W3cParseResult {
    cues: W3cCue[];
    errors: { message: string; line: number; col?: number }[];
    time: number;
  }
  /** mode "metadata" keeps cue text raw; any other mode also parses the cue text into a node tree. */
  class WebVTTParser {
    parse(input: string, mode?: "metadata" | "chapters" | string): W3cParseResult;
  }
  const webvttParser: { WebVTTParser: typeof WebVTTParser };
  export default webvttParser;
}

declare module "node-webvtt" {
  interface NodeWebvttCue {
    identifier: string;
    start: number;
    end: number;
    text: string;
  }
  interface NodeWebvttResult {
    valid: boolean;
    cues: NodeWebvttCue[];
    errors: unknown[];
  }
  /** Throws on input it cannot read, even with strict: false (e.g. a missing WEBVTT header). */
  function parse(input: string, options?: { strict?: boolean; meta?: boolean }): NodeWebvttResult;
  const nodeWebvtt: { parse: typeof parse };
  export default nodeWebvtt;
}
