import { describe, expect, it } from "vitest";
import { stageRows, statusSentence, type TestResponse } from "./rows";

describe("statusSentence", () => {
  it.each<[string, TestResponse, string, string, string]>([
    ["goes on", { status: "SUCCEEDED", nextState: "Ship" }, "Task", "Goes to Ship next", "SUCCEEDED · nextState Ship"],
    ["the last state", { status: "SUCCEEDED" }, "Pass", "Ends the workflow here: this is its last state", "SUCCEEDED · no nextState"],
    ["a Succeed state", { status: "SUCCEEDED" }, "Succeed", "Ends the workflow: it succeeds", "SUCCEEDED · no nextState"],
    [
      "retry",
      { status: "RETRIABLE", error: "States.TaskFailed", cause: "x", inspectionData: { errorDetails: { retryIndex: 0, retryBackoffIntervalSeconds: 2 } } },
      "Task",
      "Would retry: retrier 1 matched States.TaskFailed, next attempt after 2 s",
      "RETRIABLE · Retry[0] · States.TaskFailed (x)",
    ],
    [
      "caught",
      { status: "CAUGHT_ERROR", error: "PaymentDeclined", nextState: "Handle error", inspectionData: { errorDetails: { catchIndex: 1 } } },
      "Parallel",
      "Caught → goes to Handle error: catcher 2 took PaymentDeclined",
      "CAUGHT_ERROR · Catch[1] · PaymentDeclined",
    ],
    ["failed", { status: "FAILED", error: "States.TaskFailed", cause: "boom" }, "Task", "Fails with States.TaskFailed (boom): no Retry or Catch takes it, so the workflow would fail", "FAILED · States.TaskFailed"],
    ["a Fail state", { status: "FAILED", error: "OrderInvalid" }, "Fail", "Fails the workflow with OrderInvalid", "FAILED · OrderInvalid"],
  ])("%s", (_, r, type, text, detail) => {
    const s = statusSentence(r, type);
    expect(s.text).toBe(text);
    expect(s.detail).toBe(detail);
  });
});

describe("stageRows", () => {
  it("a Task's stages in the order it applies them, the output and variables last", () => {
    const rows = stageRows(
      {
        status: "SUCCEEDED",
        output: '{"a":1,"v":{"ok":true}}',
        inspectionData: {
          variables: "{}",
          afterResultPath: '{"a":1,"v":{"ok":true}}',
          afterResultSelector: '{"ok":true}',
          result: '{"Payload":{"ok":true}}',
          afterParameters: '{"Payload":{"a":1}}',
          afterInputPath: '{"a":1}',
          input: '{"a":1}',
        },
      },
      "Task",
    );
    expect(rows.map((r) => r.key)).toEqual(["input", "afterInputPath", "afterParameters", "result", "afterResultSelector", "afterResultPath", "output", "variables"]);
    expect(rows[2].label).toBe("What the task was given (after Parameters)");
    expect(rows[3].label).toBe("What the task returned (result)");
    // After InputPath and the output changed nothing: said, not repeated.
    expect(rows.map((r) => (r.json === undefined ? r.key : ""))).toEqual(["", "afterInputPath", "", "", "", "", "output", ""]);
    expect(rows[1].note).toBe("The same as above: this stage changed nothing.");
  });

  it("a Map's counts are words; INFO has no stages but the output", () => {
    const map = stageRows({ status: "SUCCEEDED", inspectionData: { afterItemsPath: "[1]", maxConcurrency: 0, toleratedFailurePercentage: 10, result: "[2]" } }, "Map");
    expect(map.map((r) => [r.key, r.note ?? r.json])).toEqual([
      ["afterItemsPath", "[1]"],
      ["maxConcurrency", "No limit"],
      ["toleratedFailurePercentage", "10%"],
      ["result", "[2]"],
    ]);
    expect(map[3].label).toBe("What the items returned (result)");
    expect(stageRows({ status: "SUCCEEDED", output: "{}" }, "Pass").map((r) => r.key)).toEqual(["output"]);
  });

  it("a Map's items after ItemSelector and ItemBatcher come after the items", () => {
    const rows = stageRows(
      { status: "SUCCEEDED", inspectionData: { afterItemBatcher: '[{"Items":[{"id":1}]}]', afterItemSelector: '[{"id":1}]', afterItemsPath: "[1]", maxConcurrency: 2 } },
      "Map",
    );
    expect(rows.map((r) => r.key)).toEqual(["afterItemsPath", "afterItemSelector", "afterItemBatcher", "maxConcurrency"]);
    expect(rows[1].label).toBe("What each item's run is given (after ItemSelector)");
    expect(rows[2].label).toBe("The items grouped in batches, one run each (after ItemBatcher)");
  });

  it("an HTTP Task's call at TRACE: request and response read as JSON, between what the task was given and its result", () => {
    const rows = stageRows(
      {
        status: "SUCCEEDED",
        inspectionData: {
          afterParameters: '{"Method":"GET"}',
          request: { protocol: "https", method: "GET", url: "https://api.example.com/x?a=1", headers: '{"User-Agent":"ua"}', body: "" },
          response: { protocol: "https", statusCode: "200", statusMessage: "OK", headers: "{}", body: '{"ok":true}' },
          result: '{"StatusCode":200}',
        },
      },
      "Task",
    );
    expect(rows.map((r) => r.key)).toEqual(["afterParameters", "request", "response", "result"]);
    expect(rows[1].label).toBe("The call sent to the web API (HTTP request)");
    expect(JSON.parse(rows[1].json!)).toEqual({ protocol: "https", method: "GET", url: "https://api.example.com/x?a=1", headers: { "User-Agent": "ua" } });
    expect(JSON.parse(rows[2].json!)).toEqual({ protocol: "https", statusCode: "200", statusMessage: "OK", headers: {}, body: { ok: true } });
  });
});
