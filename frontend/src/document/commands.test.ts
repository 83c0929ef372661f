// Every edit kind, in JSON and in YAML, gives exactly the expected text.
// Expectations are written as the exact snippets that change (each must
// occur once in the original); everything else must be byte-identical.
import { describe, expect, test } from "vitest";
import ordersJson from "./testdata/orders.asl.json?raw";
import ordersYaml from "./testdata/orders.asl.yaml?raw";
import nestedJson from "./testdata/nested.asl.json?raw";
import nestedYaml from "./testdata/nested.asl.yaml?raw";
import { openText } from "./open";
import type { Format } from "./textdoc";
import type { Command } from "./commands/template";
import { insertStateAfter, insertStateInto, insertStateOnEdge } from "./commands/insert";
import { connect } from "./commands/connect";
import { deleteStates } from "./commands/remove";
import { rename } from "./commands/rename";
import { copyStates, duplicate, paste } from "./commands/clipboard";
import { addChoiceRule, removeChoiceRule, removeField, setChoiceCondition, setField, setMachineField } from "./commands/fields";
import { DocumentStore } from "./store";

const notify = { name: "Notify", state: { Type: "Task", Resource: "arn:aws:states:::sns:publish", Arguments: { TopicArn: "t" } } };
const notifyJson = (next: string) =>
  `    "Notify": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::sns:publish",\n      "Arguments": {\n        "TopicArn": "t"\n      },\n      ${next}\n    },\n`;
const notifyYaml = (next: string) =>
  `  Notify:\n    Type: Task\n    Resource: arn:aws:states:::sns:publish\n    Arguments:\n      TopicArn: t\n    ${next}\n`;

/** Applies [old, new] snippet replacements; each old must occur exactly once. */
export function patch(text: string, changes: [string, string][]): string {
  for (const [from, to] of changes) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`snippet not found exactly once: ${JSON.stringify(from)}`);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  return text;
}

interface Case {
  name: string;
  cmd: Command;
  json: [string, string][];
  yaml: [string, string][];
  /** The fixture pair to start from (orders by default). */
  base?: "nested";
  select?: string[];
}

const cases: Case[] = [
  {
    name: "insert on a Next edge",
    cmd: insertStateOnEdge("/States/Charge/Next", notify),
    json: [
      ['"Next": "Done",\n      "Catch"', '"Next": "Notify",\n      "Catch"'],
      ['    "Failed": {', notifyJson('"Next": "Done"') + '    "Failed": {'],
    ],
    yaml: [
      ["    Next: Done\n    Catch:", "    Next: Notify\n    Catch:"],
      ["  Failed:\n", notifyYaml("Next: Done") + "  Failed:\n"],
    ],
    select: ["/States/Notify"],
  },
  {
    name: "insert after the start marker",
    cmd: insertStateOnEdge("start", notify),
    json: [
      ['"StartAt": "Check"', '"StartAt": "Notify"'],
      ['    "Check": {', notifyJson('"Next": "Check"') + '    "Check": {'],
    ],
    yaml: [
      ["StartAt: Check", "StartAt: Notify"],
      ["  Check:\n", notifyYaml("Next: Check") + "  Check:\n"],
    ],
  },
  {
    name: "insert before the end",
    cmd: insertStateOnEdge("/States/Done>end", notify),
    json: [['      "Type": "Pass",\n      "End": true\n    }\n', '      "Type": "Pass",\n      "Next": "Notify"\n    },\n' + notifyJson('"End": true').replace(/,\n$/, "\n")]],
    yaml: [["    Type: Pass\n    End: true\n", "    Type: Pass\n    Next: Notify\n" + notifyYaml("End: true")]],
  },
  {
    name: "insert on a Catch edge",
    cmd: insertStateOnEdge("/States/Charge/Catch/0/Next", notify),
    json: [
      ['"Next": "Failed"', '"Next": "Notify"'],
      ['    "Failed": {', notifyJson('"Next": "Failed"') + '    "Failed": {'],
    ],
    yaml: [
      ["        Next: Failed\n", "        Next: Notify\n"],
      ["  Failed:\n", notifyYaml("Next: Failed") + "  Failed:\n"],
    ],
  },
  {
    name: "insert on a Choice rule edge",
    cmd: insertStateOnEdge("/States/Check/Choices/0/Next", notify),
    json: [
      ['"Next": "Charge"', '"Next": "Notify"'],
      ['    "Charge": {', notifyJson('"Next": "Charge"') + '    "Charge": {'],
    ],
    yaml: [
      ["Next: Charge # big orders", "Next: Notify # big orders"],
      ["  Charge:\n", notifyYaml("Next: Charge") + "  Charge:\n"],
    ],
  },
  {
    name: "connect a new Choice rule",
    cmd: connect("/States/Check", "newChoiceRule", "/States/Failed"),
    json: [
      [
        '          "Next": "Charge"\n        }\n',
        '          "Next": "Charge"\n        },\n        {\n          "Variable": "$.status",\n          "StringEquals": "approved",\n          "Next": "Failed"\n        }\n',
      ],
    ],
    yaml: [["Next: Charge # big orders\n", "Next: Charge # big orders\n      - Variable: $.status\n        StringEquals: approved\n        Next: Failed\n"]],
  },
  {
    name: "connect a Choice rule to another target",
    cmd: connect("/States/Check", { choiceRule: 0 }, "/States/Done"),
    json: [['"Next": "Charge"', '"Next": "Done"']],
    yaml: [["Next: Charge # big", "Next: Done # big"]],
  },
  {
    name: "connect the Default",
    cmd: connect("/States/Check", "default", "/States/Failed"),
    json: [['"Default": "Done"', '"Default": "Failed"']],
    yaml: [["Default: Done", "Default: Failed"]],
  },
  {
    name: "connect Next replaces End",
    cmd: connect("/States/Done", "next", "/States/Failed"),
    json: [['"End": true', '"Next": "Failed"']],
    yaml: [["End: true", "Next: Failed"]],
  },
  {
    name: "connect a new catcher",
    cmd: connect("/States/Charge", "newCatch", "/States/Check"),
    json: [
      [
        '          "Next": "Failed"\n        }\n',
        '          "Next": "Failed"\n        },\n        {\n          "ErrorEquals": ["States.ALL"],\n          "Next": "Check"\n        }\n',
      ],
    ],
    yaml: [["        Next: Failed\n", "        Next: Failed\n      - ErrorEquals:\n          - States.ALL\n        Next: Check\n"]],
  },
  {
    name: "delete reconnects predecessors to the successor",
    cmd: deleteStates(["/States/Charge"]),
    json: [
      ['"Next": "Charge"', '"Next": "Done"'],
      [
        '    "Charge": {\n      "Type": "Task",\n      "Resource": "arn:aws:states:::lambda:invoke",\n      "Next": "Done",\n      "Catch": [\n        {\n          "ErrorEquals": ["States.ALL"],\n          "Next": "Failed"\n        }\n      ]\n    },\n',
        "",
      ],
    ],
    yaml: [
      ["Next: Charge # big", "Next: Done # big"],
      ["  Charge:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    Next: Done\n    Catch:\n      - ErrorEquals: [States.ALL]\n        Next: Failed\n", ""],
    ],
  },
  {
    name: "delete the last state hands End to its predecessor",
    cmd: deleteStates(["/States/Done"]),
    json: [
      ['      "Next": "Done",', '      "End": true,'],
      ['    "Failed": {"Type": "Fail"},\n    "Done": {\n      "Type": "Pass",\n      "End": true\n    }\n', '    "Failed": {"Type": "Fail"}\n'],
    ],
    yaml: [
      ["    Next: Done\n", "    End: true\n"],
      ["  Done:\n    Type: Pass\n    End: true\n", ""],
    ],
  },
  {
    name: "delete the start state moves StartAt",
    cmd: deleteStates(["/States/Check"]),
    json: [
      ['"StartAt": "Check"', '"StartAt": "Charge"'],
      [
        '    "Check": {\n      "Type": "Choice",\n      "Choices": [\n        {\n          "Variable": "$.amount",\n          "NumericGreaterThan": 100,\n          "Next": "Charge"\n        }\n      ],\n      "Default": "Done"\n    },\n',
        "",
      ],
    ],
    yaml: [
      ["StartAt: Check", "StartAt: Charge"],
      ["  Check:\n    Type: Choice\n    Choices:\n      - Variable: $.amount\n        NumericGreaterThan: 100\n        Next: Charge # big orders\n    Default: Done\n", ""],
    ],
  },
  {
    name: "rename updates every reference",
    cmd: rename("/States/Done", "All done"),
    json: [
      ['"Default": "Done"', '"Default": "All done"'],
      ['"Next": "Done"', '"Next": "All done"'],
      ['    "Done": {', '    "All done": {'],
    ],
    yaml: [
      ["Default: Done", "Default: All done"],
      ["    Next: Done\n", "    Next: All done\n"],
      ["  Done:\n", "  All done:\n"],
    ],
    select: ["/States/All done"],
  },
  {
    name: "rename the start state",
    cmd: rename("/States/Check", "Big order?"),
    json: [
      ['"StartAt": "Check"', '"StartAt": "Big order?"'],
      ['    "Check": {', '    "Big order?": {'],
    ],
    yaml: [
      ["StartAt: Check", "StartAt: Big order?"],
      ["  Check:\n", "  Big order?:\n"],
    ],
  },
  {
    name: "duplicate",
    cmd: duplicate(["/States/Done"]),
    json: [['      "End": true\n    }\n  }', '      "End": true\n    },\n    "Done copy": {\n      "Type": "Pass",\n      "End": true\n    }\n  }']],
    yaml: [["    Type: Pass\n    End: true\n", "    Type: Pass\n    End: true\n  Done copy:\n    Type: Pass\n    End: true\n"]],
    select: ["/States/Done copy"],
  },
  {
    name: "paste after a state; arrows between copies follow them",
    cmd: paste(JSON.stringify({ States: { Done: { Type: "Pass", Next: "Failed" }, Failed: { Type: "Fail" } } }), "/States/Charge"),
    json: [
      [
        '    "Failed": {"Type": "Fail"},',
        '    "Done copy": {\n      "Type": "Pass",\n      "Next": "Failed copy"\n    },\n    "Failed copy": {\n      "Type": "Fail"\n    },\n    "Failed": {"Type": "Fail"},',
      ],
    ],
    yaml: [["  Failed:\n", "  Done copy:\n    Type: Pass\n    Next: Failed copy\n  Failed copy:\n    Type: Fail\n  Failed:\n"]],
  },
  {
    name: "set a field",
    cmd: setField("/States/Charge", "/TimeoutSeconds", 30),
    json: [['        }\n      ]\n    },', '        }\n      ],\n      "TimeoutSeconds": 30\n    },']],
    yaml: [["        Next: Failed\n", "        Next: Failed\n    TimeoutSeconds: 30\n"]],
  },
  {
    name: "change a field",
    cmd: setField("/States/Charge", "/Resource", "arn:aws:states:::sqs:sendMessage"),
    json: [["lambda:invoke", "sqs:sendMessage"]],
    yaml: [["lambda:invoke", "sqs:sendMessage"]],
  },
  {
    name: "set an object field",
    cmd: setField("/States/Done", "/Parameters", { "id.$": "$.id" }),
    json: [['      "Type": "Pass",\n      "End": true\n', '      "Type": "Pass",\n      "End": true,\n      "Parameters": {\n        "id.$": "$.id"\n      }\n']],
    yaml: [["    Type: Pass\n    End: true\n", "    Type: Pass\n    End: true\n    Parameters:\n      id.$: $.id\n"]],
  },
  {
    name: "remove a field",
    cmd: removeField("/States/Charge", "/Catch"),
    json: [['      "Next": "Done",\n      "Catch": [\n        {\n          "ErrorEquals": ["States.ALL"],\n          "Next": "Failed"\n        }\n      ]\n', '      "Next": "Done"\n']],
    yaml: [["    Catch:\n      - ErrorEquals: [States.ALL]\n        Next: Failed\n", ""]],
  },
  {
    name: "set a machine field",
    cmd: setMachineField("TimeoutSeconds", 300),
    json: [['  "StartAt": "Check",\n', '  "StartAt": "Check",\n  "TimeoutSeconds": 300,\n']],
    yaml: [["StartAt: Check\n", "StartAt: Check\nTimeoutSeconds: 300\n"]],
  },
  {
    name: "add a Choice rule",
    cmd: addChoiceRule("/States/Check", { Variable: "$.vip", BooleanEquals: true, Next: "Done" }),
    json: [
      [
        '          "Next": "Charge"\n        }\n',
        '          "Next": "Charge"\n        },\n        {\n          "Variable": "$.vip",\n          "BooleanEquals": true,\n          "Next": "Done"\n        }\n',
      ],
    ],
    yaml: [["Next: Charge # big orders\n", "Next: Charge # big orders\n      - Variable: $.vip\n        BooleanEquals: true\n        Next: Done\n"]],
  },
  {
    name: "change a Choice rule's condition",
    cmd: setChoiceCondition("/States/Check", 0, { Variable: "$.total", NumericLessThan: 5 }),
    json: [['"Variable": "$.amount",\n          "NumericGreaterThan": 100,', '"Variable": "$.total",\n          "NumericLessThan": 5,']],
    yaml: [["Variable: $.amount\n        NumericGreaterThan: 100\n", "Variable: $.total\n        NumericLessThan: 5\n"]],
  },
  {
    name: "remove the only Choice rule",
    cmd: removeChoiceRule("/States/Check", 0),
    json: [['"Choices": [\n        {\n          "Variable": "$.amount",\n          "NumericGreaterThan": 100,\n          "Next": "Charge"\n        }\n      ],', '"Choices": [],']],
    yaml: [["    Choices:\n      - Variable: $.amount\n        NumericGreaterThan: 100\n        Next: Charge # big orders\n", "    Choices: []\n"]],
  },
  {
    name: "insert into a Parallel branch after its end",
    base: "nested",
    cmd: insertStateInto("/States/Fan out/Branches/0", { name: "B", state: { Type: "Pass" } }),
    json: [['"A": {"Type": "Pass", "End": true}', '"A": {"Type": "Pass", "Next": "B"},\n            "B": {\n              "Type": "Pass",\n              "End": true\n            }']],
    yaml: [["A: {Type: Pass, End: true}\n", "A: {Type: Pass, Next: B}\n          B:\n            Type: Pass\n            End: true\n"]],
    select: ["/States/Fan out/Branches/0/States/B"],
  },
  {
    name: "insert into a Map processor",
    base: "nested",
    cmd: insertStateInto("/States/Each", { name: "Item", state: { Type: "Pass" } }),
    json: [['            "Type": "Pass",\n            "End": true\n          }\n', '            "Type": "Pass",\n            "Next": "Item 2"\n          },\n          "Item 2": {\n            "Type": "Pass",\n            "End": true\n          }\n']],
    yaml: [["          Type: Pass\n          End: true\n", "          Type: Pass\n          Next: Item 2\n        Item 2:\n          Type: Pass\n          End: true\n"]],
  },
  {
    name: "add a Parallel branch",
    base: "nested",
    cmd: insertStateInto("/States/Fan out", { name: "C", state: { Type: "Pass" } }),
    json: [
      [
        '          }\n        }\n      ],',
        '          }\n        },\n        {\n          "StartAt": "C",\n          "States": {\n            "C": {\n              "Type": "Pass",\n              "End": true\n            }\n          }\n        }\n      ],',
      ],
    ],
    yaml: [["          A: {Type: Pass, End: true}\n", "          A: {Type: Pass, End: true}\n      - StartAt: C\n        States:\n          C:\n            Type: Pass\n            End: true\n"]],
  },
  {
    name: "insert after the end of a branch",
    base: "nested",
    cmd: insertStateAfter("/States/Each/ItemProcessor/States/Item", { name: "Log", state: { Type: "Pass" } }),
    json: [['            "Type": "Pass",\n            "End": true\n          }\n', '            "Type": "Pass",\n            "Next": "Log"\n          },\n          "Log": {\n            "Type": "Pass",\n            "End": true\n          }\n']],
    yaml: [["          Type: Pass\n          End: true\n", "          Type: Pass\n          Next: Log\n        Log:\n          Type: Pass\n          End: true\n"]],
  },
  {
    name: "insert after a state with a Next",
    cmd: insertStateAfter("/States/Charge", notify),
    json: [
      ['"Next": "Done",\n      "Catch"', '"Next": "Notify",\n      "Catch"'],
      ['    "Failed": {', notifyJson('"Next": "Done"') + '    "Failed": {'],
    ],
    yaml: [
      ["    Next: Done\n    Catch:", "    Next: Notify\n    Catch:"],
      ["  Failed:\n", notifyYaml("Next: Done") + "  Failed:\n"],
    ],
  },
  {
    name: "rename inside a branch",
    base: "nested",
    cmd: rename("/States/Fan out/Branches/0/States/A", "First"),
    json: [
      ['"StartAt": "A"', '"StartAt": "First"'],
      ['"A": {', '"First": {'],
    ],
    yaml: [
      ["StartAt: A\n", "StartAt: First\n"],
      ["A: {Type", "First: {Type"],
    ],
  },
];

const fixtures: Record<string, Record<Format, string>> = {
  orders: { json: ordersJson, yaml: ordersYaml },
  nested: { json: nestedJson, yaml: nestedYaml },
};

describe.each(["json", "yaml"] as const)("%s", (format) => {
  test.each(cases)("$name", (c) => {
    const before = fixtures[c.base ?? "orders"][format];
    const want = patch(before, format === "json" ? c.json : c.yaml);
    const d = openText(before, format);
    const select = c.cmd(d);
    expect(d.text).toBe(want);
    if (c.select) expect(select).toEqual(c.select);

    // Through the store: one undo step back to the exact bytes, redo forward.
    const store = new DocumentStore(before, format);
    const out = store.run(c.name, c.cmd);
    expect(out.ok).toBe(true);
    expect(store.snapshot().text).toBe(want);
    expect(store.snapshot().undoLabel).toBe(c.name);
    expect(store.undo()).toBe(c.name);
    expect(store.snapshot().text).toBe(before);
    expect(store.snapshot().dirty).toBe(false);
    expect(store.redo()).toBe(c.name);
    expect(store.snapshot().text).toBe(want);
  });
});

describe("commands refuse what makes no sense", () => {
  const refusals: [string, Command, RegExp][] = [
    ["Next from a Choice", connect("/States/Check", "next", "/States/Done"), /Choice/],
    ["after a Fail", insertStateOnEdge("/States/Failed>end", notify), /ends the workflow/],
    ["rename to a taken name", rename("/States/Done", "Charge"), /already called/],
    ["rename to nothing", rename("/States/Done", " "), /needs a name/],
    ["a catcher on a Pass", connect("/States/Done", "newCatch", "/States/Failed"), /cannot catch/],
    ["a Choice at the end", insertStateOnEdge("/States/Done>end", { name: "C", state: { Type: "Choice", Choices: [{}] } }), /Choice needs/],
    ["a state that is gone", deleteStates(["/States/Nope"]), /no state/],
    ["after a Choice", insertStateAfter("/States/Check", notify), /no single way out/],
  ];
  test.each(refusals)("%s", (_, cmd, message) => {
    const store = new DocumentStore(ordersJson, "json");
    const out = store.run("x", cmd);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error).toMatch(message);
    expect(store.snapshot().text).toBe(ordersJson);
    expect(store.snapshot().undoLabel).toBeUndefined();
  });

  test("connecting across branches", () => {
    const store = new DocumentStore(nestedJson, "json");
    const out = store.run("x", connect("/States/Fan out/Branches/0/States/A", "next", "/States/Each"));
    expect(out).toEqual({ ok: false, error: "Steps can only be connected inside the same branch or loop." });
  });
});

test("copy gives a States object that pastes back", () => {
  const clip = copyStates(JSON.parse(ordersJson), ["/States/Charge", "/States/Done"]);
  expect(JSON.parse(clip)).toEqual({
    States: {
      Charge: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Next: "Done", Catch: [{ ErrorEquals: ["States.ALL"], Next: "Failed" }] },
      Done: { Type: "Pass", End: true },
    },
  });
  const d = openText(ordersJson, "json");
  expect(paste(clip, null)(d)).toEqual(["/States/Charge copy", "/States/Done copy"]);
  const states = (d.value as { States: Record<string, { Next?: string }> }).States;
  expect(states["Charge copy"].Next).toBe("Done copy");
});
