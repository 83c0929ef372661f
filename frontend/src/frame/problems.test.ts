import { describe, expect, it } from "vitest";
import { badges, nodeFor, problemRows, problemText, shown, where } from "./problems";
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

describe("where", () => {
  it("names the state and the field inside it", () => {
    expect(where("/States/Charge card/Retry")).toEqual(["Charge card", "Retry"]);
    expect(where("/States/Send notification/Parameters/TopicArn")).toEqual(["Send notification", "Parameters", "TopicArn"]);
  });
  it("names nested states through Map item processors and Parallel branches", () => {
    expect(where("/States/Process items/ItemProcessor/States/Charge card/Retry")).toEqual(["Process items", "Charge card", "Retry"]);
    expect(where("/States/Process items/Iterator/States/Charge card")).toEqual(["Process items", "Charge card"]);
    expect(where("/States/P/Branches/1/States/A/Next")).toEqual(["P", "A", "Next"]);
    expect(where("/States/P/Branches/1/StartAt")).toEqual(["P", "Branch 2", "StartAt"]);
    expect(where("/States/M/ItemProcessor/ProcessorConfig/Mode")).toEqual(["M", "ItemProcessor", "ProcessorConfig", "Mode"]);
  });
  it("counts list items from 1", () => {
    expect(where("/States/Charge card/Retry/0/IntervalSeconds")).toEqual(["Charge card", "Retry 1", "IntervalSeconds"]);
    expect(where("/States/A/Parameters/Subnets/2")).toEqual(["A", "Parameters", "Subnets 3"]);
  });
  it("reads a problem on a state's Type as the state itself", () => {
    expect(where("/States/Charge card/Type")).toEqual(["Charge card"]);
    expect(where("/States/M/ItemProcessor/States/Ship/Type")).toEqual(["M", "Ship"]);
    expect(where("/States/A/Parameters/Type")).toEqual(["A", "Parameters", "Type"]);
  });
  it("unescapes names and says Workflow for the machine itself", () => {
    expect(where("/States/Yes~1No~0Maybe/Next")).toEqual(["Yes/No~Maybe", "Next"]);
    expect(where("")).toEqual(["Workflow"]);
    expect(where("/StartAt")).toEqual(["Workflow", "StartAt"]);
    expect(where("/States")).toEqual(["Workflow", "States"]);
  });
});

const problem = (code: string, location: string, severity = "WARNING") =>
  ({ code, location, severity, message: `${code} at ${location}.`, range: { start: { line: 3, column: 7 } } }) as unknown as Diagnostic;

describe("problemRows", () => {
  it("groups warnings that repeat one code at the place of the first, in text order", () => {
    const list = [
      problem("TASK_WITHOUT_TIMEOUT", "/States/A/Type"),
      problem("MISSING_TRANSITION_TARGET", "/States/A/Next", "ERROR"),
      problem("TASK_WITHOUT_TIMEOUT", "/States/B/Type"),
      problem("NO_PATH", "/States/F/Error"),
      problem("TASK_WITHOUT_TIMEOUT", "/States/C/Type"),
    ];
    const rows = problemRows(list);
    expect(rows.map((r) => (r.kind === "one" ? r.problem.code : `${r.code}×${r.problems.length}`))).toEqual([
      "TASK_WITHOUT_TIMEOUT×3",
      "MISSING_TRANSITION_TARGET",
      "NO_PATH",
    ]);
    const group = rows[0];
    expect(group.kind === "group" && group.problems.map((d) => d.location)).toEqual(["/States/A/Type", "/States/B/Type", "/States/C/Type"]);
  });
  it("never groups errors, nor a warning that is alone of its kind", () => {
    const list = [problem("X", "/States/A", "ERROR"), problem("X", "/States/B", "ERROR"), problem("TASK_WITHOUT_TIMEOUT", "/States/A/Type")];
    expect(problemRows(list).map((r) => r.kind)).toEqual(["one", "one", "one"]);
    expect(problemRows([])).toEqual([]);
  });
});

describe("problemText", () => {
  it("is what a developer pastes: line:column, severity, code, message and pointer, as the CLI prints", () => {
    expect(problemText(problem("TASK_WITHOUT_TIMEOUT", "/States/A/Type"))).toBe(
      "3:7: warning TASK_WITHOUT_TIMEOUT: TASK_WITHOUT_TIMEOUT at /States/A/Type. [/States/A/Type]",
    );
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
