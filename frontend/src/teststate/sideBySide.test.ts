import { describe, expect, it } from "vitest";
import type { TestStateResult } from "../backend/studio";
import { compareAnswers } from "./sideBySide";

const ok = (output: string, extra: Record<string, string> = {}): TestStateResult => ({ request: {}, response: { status: "SUCCEEDED", output, ...extra } }) as TestStateResult;

describe("compareAnswers", () => {
  const cases: { name: string; local: TestStateResult; aws: TestStateResult; differences: string[]; notes?: string[] }[] = [
    { name: "same output, other spacing and key order", local: ok('{"a":1,"b":[2]}'), aws: ok('{\n  "b": [2], "a": 1\n}'), differences: [] },
    { name: "other output", local: ok('{"a":1}'), aws: ok('{"a":2}'), differences: ["output differs"] },
    {
      name: "other status and error",
      local: ok('{"a":1}'),
      aws: { request: {}, response: { status: "FAILED", error: "States.Runtime", cause: "x" } } as TestStateResult,
      differences: ["status: SUCCEEDED here, FAILED in AWS", "output differs", "error: none here, States.Runtime in AWS", "the cause's text differs"],
    },
    {
      name: "same error, a cause quoting other names and times: a note, not a difference",
      local: { request: {}, response: { status: "FAILED", error: "States.Runtime", cause: "at 10:00 in run A" } } as TestStateResult,
      aws: { request: {}, response: { status: "FAILED", error: "States.Runtime", cause: "at 10:01 in run B" } } as TestStateResult,
      differences: [],
      notes: ["the cause's text differs"],
    },
    { name: "other next state", local: ok("{}", { nextState: "A" }), aws: ok("{}", { nextState: "B" }), differences: ["next state: A here, B in AWS"] },
    {
      name: "refused by one only",
      local: ok("{}"),
      aws: { request: {}, refused: { Code: "InvalidDefinition", Message: "m" } } as TestStateResult,
      differences: ["refused: none here, InvalidDefinition in AWS"],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const got = compareAnswers(c.local, c.aws);
      expect(got.differences).toEqual(c.differences);
      expect(got.same).toBe(c.differences.length === 0);
      expect(got.notes).toEqual(c.notes ?? []);
    });
  }
});
