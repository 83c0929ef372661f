// patchField / appendItem / removeItem: the exact text change in JSON and
// YAML, and undo through the store gives back the very same bytes.
import { describe, expect, test } from "vitest";
import ordersJson from "../testdata/orders.asl.json?raw";
import ordersYaml from "../testdata/orders.asl.yaml?raw";
import { openText } from "../open";
import { DocumentStore } from "../store";
import type { Format } from "../textdoc";
import type { Command } from "./template";
import { appendItem, equal, patchField, removeItem } from "./patch";

function replaceOnce(text: string, changes: [string, string][]): string {
  for (const [from, to] of changes) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`snippet not found exactly once: ${JSON.stringify(from)}`);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  return text;
}

const cases: { name: string; cmd: Command; json: [string, string][]; yaml: [string, string][] }[] = [
  {
    name: "a rule's operator and operand change, its Next stays",
    cmd: patchField("/States/Check", "/Choices/0", { Variable: "$.amount", NumericLessThan: 5 }, { keep: ["Next"] }),
    json: [['"NumericGreaterThan": 100,', '"NumericLessThan": 5,']],
    yaml: [["NumericGreaterThan: 100", "NumericLessThan: 5"]],
  },
  {
    name: "a rule becomes a Not of a comparison",
    cmd: patchField("/States/Check", "/Choices/0", { Not: { Variable: "$.amount", IsPresent: true } }, { keep: ["Next"] }),
    json: [['"Variable": "$.amount",\n          "NumericGreaterThan": 100,', '"Not": {\n            "Variable": "$.amount",\n            "IsPresent": true\n          },']],
    yaml: [["- Variable: $.amount\n        NumericGreaterThan: 100\n", "- Not:\n          Variable: $.amount\n          IsPresent: true\n"]],
  },
  {
    name: "a first Retry is added after Resource",
    cmd: appendItem("/States/Charge", "/Retry", { ErrorEquals: ["States.ALL"], MaxAttempts: 3 }, { after: "Resource" }),
    json: [['"arn:aws:states:::lambda:invoke",\n', '"arn:aws:states:::lambda:invoke",\n      "Retry": [\n        {\n          "ErrorEquals": ["States.ALL"],\n          "MaxAttempts": 3\n        }\n      ],\n']],
    yaml: [["lambda:invoke\n", "lambda:invoke\n    Retry:\n      - ErrorEquals:\n          - States.ALL\n        MaxAttempts: 3\n"]],
  },
  {
    name: "a second catcher is appended",
    cmd: appendItem("/States/Charge", "/Catch", { ErrorEquals: ["States.Timeout"], Next: "Done" }),
    json: [['"Next": "Failed"\n        }\n', '"Next": "Failed"\n        },\n        {\n          "ErrorEquals": ["States.Timeout"],\n          "Next": "Done"\n        }\n']],
    yaml: [["        Next: Failed\n", "        Next: Failed\n      - ErrorEquals:\n          - States.Timeout\n        Next: Done\n"]],
  },
  {
    name: "removing the only catcher removes Catch",
    cmd: removeItem("/States/Charge", "/Catch", 0),
    json: [['"Next": "Done",\n      "Catch": [\n        {\n          "ErrorEquals": ["States.ALL"],\n          "Next": "Failed"\n        }\n      ]\n', '"Next": "Done"\n']],
    yaml: [["    Catch:\n      - ErrorEquals: [States.ALL]\n        Next: Failed\n", ""]],
  },
  {
    name: "one changed key of an object rewrites that key only",
    cmd: patchField("/States/Check", "/Choices/0", { Variable: "$.total", NumericGreaterThan: 100 }, { keep: ["Next"] }),
    json: [['"$.amount"', '"$.total"']],
    yaml: [["$.amount", "$.total"]],
  },
  {
    name: "undefined removes the field",
    cmd: patchField("/States/Check", "/Default", undefined),
    json: [['        }\n      ],\n      "Default": "Done"\n', "        }\n      ]\n"]],
    yaml: [["    Default: Done\n", ""]],
  },
];

describe.each([
  ["json", ordersJson],
  ["yaml", ordersYaml],
] as [Format, string][])("%s", (format, text) => {
  test.each(cases)("$name", (c) => {
    const d = openText(text, format);
    c.cmd(d);
    expect(d.text).toBe(replaceOnce(text, format === "json" ? c.json : c.yaml));
    const store = new DocumentStore(text, format);
    expect(store.run(c.name, c.cmd).ok).toBe(true);
    store.undo();
    expect(store.snapshot().text).toBe(text);
  });

  test("an unchanged value is no edit at all", () => {
    const store = new DocumentStore(text, format);
    store.run("same", patchField("/States/Check", "/Choices/0", { Variable: "$.amount", NumericGreaterThan: 100, Next: "Charge" }));
    expect(store.snapshot().undoLabel).toBeUndefined();
  });

  test("removing an item that is not there is refused", () => {
    const store = new DocumentStore(text, format);
    expect(store.run("x", removeItem("/States/Charge", "/Retry", 0)).ok).toBe(false);
  });
});

test("equal ignores key order, not values", () => {
  expect(equal({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
  expect(equal({ a: 1 }, { a: "1" })).toBe(false);
  expect(equal([1, 2], [2, 1])).toBe(false);
});
