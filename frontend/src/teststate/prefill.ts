// The input a new test starts from: what the state received on its last
// visit in the run shown, else the workflow's sample input.
import { visit, visitsOf } from "../run/inspect";
import type { RunIndex } from "../run/fold";

export function startingInput(index: RunIndex | null, state: string, sample: string): { input: string; from: "run" | "sample" } {
  if (index) {
    const visits = visitsOf(index, state);
    const last = visits.length ? visit(index, visits[visits.length - 1]).input : undefined;
    if (last !== undefined) return { input: pretty(last), from: "run" };
  }
  return { input: sample.trim() === "" ? "{}" : sample, from: "sample" };
}

function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
