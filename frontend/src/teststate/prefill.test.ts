import { describe, expect, it } from "vitest";
import historyJson from "../run/testdata/retry.history.json?raw";
import type { HistoryEvent } from "../backend/studio";
import { RunIndex } from "../run/fold";
import type { StateIndex } from "../run/stateIndex";
import { startingInput } from "./prefill";

const info = (type: string) => ({ id: "", type, containers: [], mapDepth: 0 });
const ix = new RunIndex(new Map([["Pay", info("Task")], ["Refund", info("Pass")]]) as StateIndex);
ix.add((JSON.parse(historyJson) as { events: HistoryEvent[] }).events);

describe("startingInput", () => {
  it("takes what the state received on its last visit in the run shown", () => {
    expect(startingInput(ix, "Pay", '{"sample": 1}')).toEqual({ input: '{\n  "items": [\n    1,\n    2,\n    3\n  ]\n}', from: "run" });
  });
  it("else the workflow's sample input, else {}", () => {
    expect(startingInput(ix, "Never visited", '{"sample": 1}')).toEqual({ input: '{"sample": 1}', from: "sample" });
    expect(startingInput(null, "Pay", "  ")).toEqual({ input: "{}", from: "sample" });
  });
});
