import { dataBlock } from "../src/llm/data-block.js";
import type { Llm } from "../src/llm/client.js";
import { promptOutputs } from "../src/llm/prompt-outputs.js";
import { renderPrompt, type Prompt } from "../src/llm/prompt-store.js";
import type { Detector } from "./detectors.js";

/**
 * The prompt set as a restatement detector: the listening-moments prompt judges one moment (the client's
 * turn and the reply); "no restatement was due" means the reply already restated it.
 */
export function promptSetDetector(llm: Llm, prompts: ReadonlyMap<string, Prompt>): Detector {
  return {
    name: "prompt set",
    description: `listening-moments prompt on ${llm.model}: restates when the model says no restatement was due`,
    async judge(previous, reply) {
      const block = dataBlock([
        {
          moment: "m1",
          kind: "missed-long-turn",
          person: "client",
          said: [{ id: "u1", text: previous }],
          manager_replied: { id: "u2", text: reply },
        },
      ]);
      const rendered = renderPrompt(prompts, "listening-moments", {
        manager: "the counsellor",
        moments: block.text,
        moment_count: "1",
        data_tag: block.tag,
      });
      if (!rendered.ok) throw new Error(rendered.message);
      const result = await llm.complete(rendered.value, promptOutputs["listening-moments"]);
      if (!result.ok) throw new Error(`the model failed: ${result.failure.message}`);
      const answer = result.value.moments.find((m) => m.momentId === "m1");
      return answer !== undefined && !answer.restatementDue;
    },
  };
}
