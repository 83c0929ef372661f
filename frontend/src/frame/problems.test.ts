import { describe, expect, it } from "vitest";
import { badges, nodeFor, shown } from "./problems";
import type { Diagnostic, Diagram } from "../backend/studio";

const diagram = {
  nodes: [
    { id: "/States/P", type: "Parallel" },
    { id: "/States/P/Branches/0", type: "" },
    { id: "/States/P/Branches/0/States/A", type: "Pass" },
    { id: "/States/AB", type: "Pass" },
    { id: "start", type: "" },
  ],
  edges: [],
} as unknown as Diagram;

const diag = (location: string, severity = "ERROR") => ({ location, severity, code: "X", message: "m" }) as unknown as Diagnostic;

describe("nodeFor", () => {
  it("picks the deepest state containing the location", () => {
    expect(nodeFor(diag("/States/P/Branches/0/States/A/Next"), diagram)).toBe("/States/P/Branches/0/States/A");
    expect(nodeFor(diag("/States/P/Branches/1"), diagram)).toBe("/States/P");
  });
  it("does not confuse a state with another whose name it starts", () => {
    expect(nodeFor(diag("/States/AB/Type"), diagram)).toBe("/States/AB");
    expect(nodeFor(diag("/States/A"), diagram)).toBeNull();
  });
  it("gives null for machine-level problems", () => {
    expect(nodeFor(diag("/StartAt"), diagram)).toBeNull();
    expect(nodeFor(diag(""), diagram)).toBeNull();
  });
});

describe("badges", () => {
  it("counts errors and warnings per state", () => {
    const b = badges([diag("/States/AB/Next"), diag("/States/AB", "WARNING"), diag("/States/AB/Comment", "WARNING")], diagram);
    expect(b.get("/States/AB")).toEqual({ errors: 1, warnings: 2 });
    expect(b.size).toBe(1);
  });
});

describe("shown", () => {
  const blank = { nodes: [{ id: "start", kind: "start", type: "" }], edges: [] } as unknown as Diagram;
  const empty = { ...diag("/States"), code: "SCHEMA_VALIDATION_FAILED" } as Diagnostic;
  const start = { ...diag("/StartAt"), code: "MISSING_TRANSITION_TARGET" } as Diagnostic;
  const other = { ...diag("/TimeoutSeconds"), code: "SCHEMA_VALIDATION_FAILED" } as Diagnostic;
  it("spares a workflow with no steps yet the two problems every such workflow has", () => {
    expect(shown([empty, start, other], blank)).toEqual([other]);
  });
  it("shows them once there are steps", () => {
    expect(shown([empty, start], diagram)).toEqual([empty, start]);
  });
});
