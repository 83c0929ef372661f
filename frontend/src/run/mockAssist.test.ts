import { describe, expect, it } from "vitest";
import { completeMocks, type MockContext } from "./mockAssist";

const ctx: MockContext = {
  machine: "orders",
  states: [
    { name: "Charge card", type: "Task" },
    { name: "Wait a bit", type: "Wait" },
    { name: "Ship", type: "Task" },
  ],
};

/** Completions at the ▮ of text. */
function at(text: string) {
  const pos = text.indexOf("▮");
  const r = completeMocks(text.replace("▮", ""), pos, ctx);
  return r && { ...r, labels: r.options.map((o) => o.label) };
}

describe("completeMocks", () => {
  it("offers the workflow's Task states as the keys of a test case", () => {
    const r = at('{"StateMachines": {"orders": {"TestCases": {"Happy": {"Ch▮"}}}}}');
    expect(r?.labels).toEqual(["Charge card", "Ship"]);
    expect(r).toMatchObject({ quoted: true });
    expect(r!.to - r!.from).toBe(2);
  });
  it("offers the mocked responses as a state's value", () => {
    expect(at('{"StateMachines": {"orders": {"TestCases": {"Happy": {"Ship": "▮"}}}}, "MockedResponses": {"ok": {}, "fails": {}}}')?.labels).toEqual(["ok", "fails"]);
  });
  it("offers the workflow's own name under StateMachines", () => {
    expect(at('{"StateMachines": {"▮"}}')?.labels).toEqual(["orders"]);
  });
  it("offers the next call number, then Return or Throw, then Error and Cause", () => {
    expect(at('{"MockedResponses": {"ok": {"0": {}, "1-2": {}, "▮"}}}')?.labels).toEqual(["3"]);
    expect(at('{"MockedResponses": {"ok": {"0": {"▮"}}}}')?.labels).toEqual(["Return", "Throw"]);
    expect(at('{"MockedResponses": {"ok": {"0": {"Throw": {"▮"}}}}}')?.labels).toEqual(["Error", "Cause"]);
  });
  it("offers nothing inside a returned value", () => {
    expect(at('{"MockedResponses": {"ok": {"0": {"Return": {"▮"}}}}}')).toBeNull();
  });
});
