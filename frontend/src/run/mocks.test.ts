import { describe, expect, it } from "vitest";
import mocksJson from "./testdata/retry.mocks.json?raw";
import { responsesFor, setResponses, testCases } from "./mocks";

describe("mocks", () => {
  it("lists test cases and reads a state's responses per invocation", () => {
    expect(testCases(mocksJson)).toEqual(["Declined"]);
    expect(responsesFor(mocksJson, "Declined", "Pay")).toEqual([
      { kind: "throw", error: "Busy", cause: "try later" },
      { kind: "throw", error: "Declined", cause: "no funds" },
    ]);
    expect(responsesFor(mocksJson, "Declined", "Refund")).toEqual([]);
    expect(testCases("{not json")).toEqual([]);
  });

  it("expands invocation ranges", () => {
    const text = JSON.stringify({
      StateMachines: { m: { TestCases: { T: { S: "R" } } } },
      MockedResponses: { R: { "0": { Return: 1 }, "1-2": { Return: 2 } } },
    });
    expect(responsesFor(text, "T", "S").map((r) => (r.kind === "return" ? r.value : r.error))).toEqual(["1", "2", "2"]);
  });

  it("writes responses in AWS's shape, creating the test case", () => {
    const out = setResponses("", "order", "Happy", "Charge", [
      { kind: "return", value: '{"ok": true}' },
      { kind: "throw", error: "Declined", cause: "card" },
    ]);
    expect(JSON.parse(out)).toEqual({
      StateMachines: { order: { TestCases: { Happy: { Charge: "Charge (Happy)" } } } },
      MockedResponses: { "Charge (Happy)": { "0": { Return: { ok: true } }, "1": { Throw: { Error: "Declined", Cause: "card" } } } },
    });
    expect(responsesFor(out, "Happy", "Charge")[1]).toEqual({ kind: "throw", error: "Declined", cause: "card" });
    // Editing keeps the other mocks; an empty list removes the state's mock.
    const two = setResponses(out, "order", "Happy", "Ship", [{ kind: "return", value: "1" }]);
    const back = setResponses(two, "order", "Happy", "Charge", []);
    expect(JSON.parse(back).StateMachines.order.TestCases.Happy).toEqual({ Ship: "Ship (Happy)" });
    expect(JSON.parse(back).MockedResponses["Charge (Happy)"]).toBeUndefined();
  });

  it("refuses a Return that is not JSON", () => {
    expect(() => setResponses("", "m", "T", "S", [{ kind: "return", value: "{oops" }])).toThrow(/invocation 0/);
  });
});
