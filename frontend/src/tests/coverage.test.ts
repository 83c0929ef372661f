import { describe, expect, it } from "vitest";
import { coverageMarks, describeItem } from "./coverage";
import type { Coverage } from "../backend/studio";

const cov: Coverage = {
  covered: 5,
  total: 9,
  percent: 55.6,
  states: [
    { name: "Check", type: "Choice", id: "/States/Check", covered: true },
    { name: "Ship", type: "Task", id: "/States/Ship", covered: true },
    { name: "Reject", type: "Fail", id: "/States/Reject", covered: false },
  ],
  transitions: [
    { state: "Check", kind: "choice", index: 0, target: "Ship", covered: true, id: "/States/Check/Choices/0" },
    { state: "Check", kind: "choice", index: 1, target: "Ship", covered: false, id: "/States/Check/Choices/0" },
    { state: "Check", kind: "default", target: "Reject", covered: false, id: "/States/Check/Default" },
    { state: "Ship", kind: "catch", index: 0, errors: ["Lost"], target: "Reject", covered: false, id: "/States/Ship/Catch/0" },
    { state: "Ship", kind: "retry", index: 0, errors: ["Busy"], covered: false, id: "/States/Ship" },
    { state: "Ship", kind: "next", target: "Done", covered: true, id: "/States/Ship/Next" },
  ],
};

describe("coverageMarks", () => {
  const edges = new Set(["/States/Check/Choices/0", "/States/Check/Default", "/States/Ship/Catch/0", "/States/Ship/Next"]);
  const m = coverageMarks(cov, edges);
  it.each([
    ["/States/Check/Choices/0", "covered"], // two rules share one arrow: covered when either is
    ["/States/Check/Default", "uncovered"],
    ["/States/Ship/Catch/0", "uncovered"],
    ["/States/Ship/Next", "covered"],
  ])("marks edge %s %s", (id, want) => expect(m.edges.get(id)).toBe(want));
  it("marks states", () => {
    expect(m.nodes.get("/States/Reject")).toBe("uncovered");
    expect(m.nodes.get("/States/Ship")).toBe("covered");
  });
  it("names what no arrow draws", () => expect(m.unlisted).toEqual(["Ship: retry rule 1 (Busy) never retried"]));
  it("counts transitions and states", () => expect(m.summary).toBe("Covered 2 of 6 transitions · 2 of 3 states"));
  it("lists an item whose arrow is not drawn (folded) in the legend", () => {
    const folded = coverageMarks(cov, new Set(["/States/Ship/Next"]));
    expect(folded.unlisted).toContain("Check: Default → Reject");
    expect(folded.edges.has("/States/Check/Default")).toBe(false);
  });
});

describe("describeItem", () => {
  it.each([
    [{ state: "S", kind: "catch", index: 1, errors: ["A", "B"], target: "T", covered: false, id: "" }, "S: Catch 2 (A, B) → T"],
    [{ state: "M", kind: "processor", covered: false, id: "" }, "M: no Map iteration ran"],
    [{ state: "P", kind: "branch", index: 0, covered: false, id: "" }, "P: branch 1 never ran"],
  ] as const)("%j", (item, want) => expect(describeItem(item as never)).toBe(want));
});
