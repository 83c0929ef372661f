import { describe, expect, it } from "vitest";
import { buildRequest, emptyForm, jsonProblem, type TestForm } from "./request";

const form = (patch: Partial<TestForm>): TestForm => ({ ...emptyForm, ...patch });

describe("jsonProblem", () => {
  it.each([
    ["{}", {}, null],
    ["", { optional: true }, null],
    ["", {}, "Type a JSON value, e.g. {}."],
    ['{"a": 1,\n "b" 2}', {}, "Line 2, column 6: a colon (:) is missing."],
    ["{'a': 1}", {}, "Line 1, column 2: this is not JSON (strings need double quotes)."],
    ['{"a": 1', {}, "Line 1, column 8: a closing } is missing."],
    ["[1, 2]", { want: "object" as const }, 'Must be a JSON object, e.g. {"name": "value"}.'],
    ["3", {}, null],
  ])("%j %j", (text, opts, want) => {
    expect(jsonProblem(text, opts)).toBe(want);
  });
});

describe("buildRequest", () => {
  it("a Task with a mocked result: JSON as typed, the level, field validation", () => {
    const { problems, request } = buildRequest(form({ input: '{"id": 1}', mock: "returns", result: '{"Payload": {}}', validation: "PRESENT" }), "Task");
    expect(problems).toEqual({});
    expect(request).toEqual({
      input: '{"id": 1}',
      variables: "",
      context: "",
      inspectionLevel: "DEBUG",
      mock: { result: '{"Payload": {}}', fieldValidationMode: "PRESENT" },
    });
  });

  it("a Task that throws, with a retry count", () => {
    const { request } = buildRequest(form({ mock: "throws", error: " States.TaskFailed ", cause: "down", retryCount: "2" }), "Task");
    expect(request?.mock).toEqual({ errorOutput: { error: "States.TaskFailed", cause: "down" }, fieldValidationMode: "STRICT" });
    expect(request?.retrierRetryCount).toBe(2);
  });

  it("a Choice has no mock and no counts, whatever the form still holds", () => {
    const { request } = buildRequest(form({ mock: "returns", result: "not json", retryCount: "x", mapFailures: "y" }), "Choice");
    expect(request).toEqual({ input: "{}", variables: "", context: "", inspectionLevel: "DEBUG" });
  });

  it("a Map sends its failure count and reader data", () => {
    const { request } = buildRequest(form({ mock: "none", mapFailures: "3", readerData: "[1,2]" }), "Map");
    expect(request?.mapIterationFailureCount).toBe(3);
    expect(request?.mapItemReaderData).toBe("[1,2]");
    expect(request?.mock).toBeUndefined();
  });

  it("every mistake is named by its field and nothing is sent", () => {
    const { problems, request } = buildRequest(
      form({ input: "{", variables: "[]", context: "{x}", mock: "throws", error: " ", retryCount: "-1", mapFailures: "1.5", readerData: "[" }),
      "Map",
    );
    expect(request).toBeNull();
    expect(Object.keys(problems).sort()).toEqual(["context", "error", "input", "mapFailures", "readerData", "retryCount", "variables"]);
    expect(problems.variables).toMatch(/JSON object/);
  });

  it("an empty mocked result is a mistake", () => {
    expect(buildRequest(form({ mock: "returns", result: "" }), "Task").problems.result).toMatch(/Type a JSON value/);
  });
});
