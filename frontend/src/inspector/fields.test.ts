import { describe, expect, test } from "vitest";
import { beforeExit, languageOf, shownKeys, taskParameters, timingSpecs, waitModeOf, waitModesFor } from "./fields";
import { stateKind } from "../states/registry";

const ioFields = (type: string, lang: "JSONPath" | "JSONata") => stateKind(type).io[lang];

describe("which fields a state shows", () => {
  test("JSONPath states shape data with paths", () => {
    expect(ioFields("Task", "JSONPath")).toEqual(["InputPath", "ResultSelector", "ResultPath", "OutputPath", "Assign"]);
    expect(ioFields("Pass", "JSONPath")).toEqual(["InputPath", "Parameters", "ResultPath", "OutputPath", "Assign"]);
    expect(ioFields("Parallel", "JSONPath")).toContain("Parameters");
    expect(ioFields("Choice", "JSONPath")).toEqual(["InputPath", "OutputPath", "Assign"]);
    expect(ioFields("Succeed", "JSONPath")).toEqual(["InputPath", "OutputPath"]);
    expect(ioFields("Fail", "JSONPath")).toEqual([]);
  });
  test("JSONata states use Arguments, Output and Assign", () => {
    expect(ioFields("Task", "JSONata")).toEqual(["Output", "Assign"]);
    expect(ioFields("Parallel", "JSONata")).toEqual(["Arguments", "Output", "Assign"]);
    expect(ioFields("Succeed", "JSONata")).toEqual(["Output"]);
    expect(ioFields("Fail", "JSONata")).toEqual([]);
    for (const t of ["Pass", "Task", "Choice", "Wait", "Parallel", "Map"]) expect(ioFields(t, "JSONata")).not.toContain("InputPath");
  });
  test("a Task's parameters and timing follow the language", () => {
    expect(taskParameters("JSONPath")).toBe("Parameters");
    expect(taskParameters("JSONata")).toBe("Arguments");
    expect(timingSpecs("JSONPath").map((s) => s.key)).toEqual(["TimeoutSeconds", "HeartbeatSeconds", "TimeoutSecondsPath", "HeartbeatSecondsPath"]);
    expect(timingSpecs("JSONata").map((s) => s.key)).toEqual(["TimeoutSeconds", "HeartbeatSeconds"]);
    expect(timingSpecs("JSONata")[0].expression).toBe(true);
  });
  test("a type's form parts, input/output and error handling make up the keys it shows", () => {
    expect([...shownKeys("Task", "JSONata")].sort()).toEqual(
      ["Type", "Comment", "QueryLanguage", "Next", "End", "Output", "Assign", "Retry", "Catch", "Resource", "Arguments", "TimeoutSeconds", "HeartbeatSeconds"].sort(),
    );
    expect([...shownKeys("Succeed", "JSONPath")]).toEqual(["Type", "Comment", "QueryLanguage", "Next", "End", "InputPath", "OutputPath"]);
    expect(shownKeys("NoSuchType", "JSONPath").has("InputPath")).toBe(true);
  });
});

test("the state's own language, else the machine's, else JSONPath", () => {
  expect(languageOf({ QueryLanguage: "JSONata" }, {})).toBe("JSONata");
  expect(languageOf({}, { QueryLanguage: "JSONata" })).toBe("JSONata");
  expect(languageOf({ QueryLanguage: "JSONPath" }, { QueryLanguage: "JSONata" })).toBe("JSONPath");
  expect(languageOf(undefined, undefined)).toBe("JSONPath");
});

test("a Wait has exactly one of its four ways", () => {
  expect(waitModeOf({ Type: "Wait", TimestampPath: "$.t" }, "JSONPath")).toBe("TimestampPath");
  expect(waitModeOf({ Type: "Wait" }, "JSONPath")).toBe("Seconds");
  expect(waitModeOf({ Type: "Wait", Timestamp: "{% $t %}" }, "JSONata")).toBe("Timestamp");
  expect(waitModesFor("JSONata")).toEqual(["Seconds", "Timestamp"]);
});

test("new fields go before the way out", () => {
  expect(beforeExit({ Type: "Task", Resource: "r", Next: "B", Catch: [] })).toBe("Resource");
  expect(beforeExit({ Type: "Task", Resource: "r", Retry: [], Catch: [], Next: "B" })).toBe("Retry");
  expect(beforeExit({ Type: "Task", Resource: "r", Next: "B" }, ["Next", "End"])).toBe("Resource");
  expect(beforeExit({ Type: "Task" })).toBeUndefined();
});

test("fields no form shows are listed apart", async () => {
  const { otherKeys } = await import("./fields");
  const task = { Type: "Task", Resource: "r", Parameters: {}, ResultSelector: {}, Credentials: {}, Retry: [], Next: "B" };
  expect(otherKeys(task, "JSONPath")).toEqual(["Credentials"]);
  expect(otherKeys(task, "JSONata")).toEqual(["Parameters", "ResultSelector", "Credentials"]);
  expect(otherKeys({ Type: "Wait", SecondsPath: "$.s", Next: "B" }, "JSONata")).toEqual(["SecondsPath"]);
  expect(otherKeys({ Type: "Map", Parameters: {}, Iterator: {}, MaxConcurrency: 2, End: true }, "JSONPath")).toEqual(["Parameters"]);
  expect(otherKeys({ Type: "Succeed", Assign: {} }, "JSONPath")).toEqual(["Assign"]);
});
