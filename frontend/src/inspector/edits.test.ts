// Each kind of inspector field issues a command whose text change is
// exactly this, in JSON and in YAML; undo gives back the same bytes.
import { describe, expect, test } from "vitest";
import smallJson from "./testdata/small.asl.json?raw";
import smallYaml from "./testdata/small.asl.yaml?raw";
import { openText } from "../document/open";
import { DocumentStore } from "../document/store";
import { isObj, type Obj } from "../document/machine";
import type { Format } from "../document/textdoc";
import type { Command } from "../document/commands/template";
import { fromJson } from "./choice/rules";
import { parseField } from "./values";
import * as edit from "./edits";

function replaceOnce(text: string, changes: [string, string][]): string {
  for (const [from, to] of changes) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`snippet not found exactly once: ${JSON.stringify(from)}`);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  return text;
}

/** The state named n in the parsed document (what the form holds). */
const state = (doc: unknown, n: string): Obj => {
  const s = isObj(doc) && isObj(doc.States) ? doc.States[n] : undefined;
  return isObj(s) ? s : {};
};

/** What the field would write for typed text (as the form parses it). */
const typed = (kind: Parameters<typeof parseField>[0], text: string) => {
  const p = parseField(kind, text, { nullable: true });
  if (!p.ok) throw new Error(p.error);
  return p.value;
};

interface Case {
  name: string;
  cmd: (doc: unknown) => Command;
  json: [string, string][];
  yaml: [string, string][];
}

const cases: Case[] = [
  {
    name: "a number field (TimeoutSeconds) is replaced in place",
    cmd: () => edit.setValue("/States/Call", "/TimeoutSeconds", typed("int", "45")),
    json: [['"TimeoutSeconds": 30,', '"TimeoutSeconds": 45,']],
    yaml: [["TimeoutSeconds: 30 # seconds", "TimeoutSeconds: 45 # seconds"]],
  },
  {
    name: "a cleared field is removed",
    cmd: () => edit.setValue("/States/Call", "/TimeoutSeconds", typed("int", "")),
    json: [['      "TimeoutSeconds": 30,\n', ""]],
    yaml: [["    TimeoutSeconds: 30 # seconds\n", ""]],
  },
  {
    name: "a new text field (Comment) goes after Type",
    cmd: () => edit.setValue("/States/Call", "/Comment", typed("text", "Calls it"), "Type"),
    json: [['"Type": "Task",\n', '"Type": "Task",\n      "Comment": "Calls it",\n']],
    yaml: [["Type: Task\n", "Type: Task\n    Comment: Calls it\n"]],
  },
  {
    name: "a path field (ResultPath) goes before the way out",
    cmd: () => edit.setValue("/States/Call", "/ResultPath", typed("path", "$.out"), "TimeoutSeconds"),
    json: [['"TimeoutSeconds": 30,\n', '"TimeoutSeconds": 30,\n      "ResultPath": "$.out",\n']],
    yaml: [["TimeoutSeconds: 30 # seconds\n", "TimeoutSeconds: 30 # seconds\n    ResultPath: $.out\n"]],
  },
  {
    name: "ResultPath null (discard the result)",
    cmd: () => edit.setValue("/States/Call", "/ResultPath", typed("path", "null"), "TimeoutSeconds"),
    json: [['"TimeoutSeconds": 30,\n', '"TimeoutSeconds": 30,\n      "ResultPath": null,\n']],
    yaml: [["TimeoutSeconds: 30 # seconds\n", "TimeoutSeconds: 30 # seconds\n    ResultPath: null\n"]],
  },
  {
    name: "a JSON field (Parameters) is written in the file's own style",
    cmd: () => edit.setValue("/States/Call", "/Parameters", typed("json", '{"FunctionName": "f", "Payload.$": "$"}'), "Resource"),
    json: [['lambda:invoke",\n', 'lambda:invoke",\n      "Parameters": {\n        "FunctionName": "f",\n        "Payload.$": "$"\n      },\n']],
    yaml: [["lambda:invoke\n", "lambda:invoke\n    Parameters:\n      FunctionName: f\n      Payload.$: $\n"]],
  },
  {
    name: "Add retry",
    cmd: (doc) => edit.addRetry("/States/Call", state(doc, "Call")),
    json: [['"TimeoutSeconds": 30,\n', '"TimeoutSeconds": 30,\n      "Retry": [\n        {\n          "ErrorEquals": ["States.ALL"],\n          "IntervalSeconds": 1,\n          "MaxAttempts": 3,\n          "BackoffRate": 2\n        }\n      ],\n']],
    yaml: [["TimeoutSeconds: 30 # seconds\n", "TimeoutSeconds: 30 # seconds\n    Retry:\n      - ErrorEquals:\n          - States.ALL\n        IntervalSeconds: 1\n        MaxAttempts: 3\n        BackoffRate: 2\n"]],
  },
  {
    name: "Add catcher",
    cmd: () => edit.addCatch("/States/Call", "Hold"),
    json: [['"Next": "Pick"\n', '"Next": "Pick",\n      "Catch": [\n        {\n          "ErrorEquals": ["States.ALL"],\n          "Next": "Hold"\n        }\n      ]\n']],
    yaml: [["    Next: Pick\n", "    Next: Pick\n    Catch:\n      - ErrorEquals:\n          - States.ALL\n        Next: Hold\n"]],
  },
  {
    name: "a Choice rule built with And and Not keeps its Next",
    cmd: () => edit.setRule("/States/Pick", 0, fromJson({ And: [{ Variable: "$.n", NumericGreaterThan: 1 }, { Not: { Variable: "$.m", IsPresent: true } }] })),
    json: [
      [
        '"Variable": "$.n",\n          "NumericGreaterThan": 1,\n',
        '"And": [\n            {\n              "Variable": "$.n",\n              "NumericGreaterThan": 1\n            },\n            {\n              "Not": {\n                "Variable": "$.m",\n                "IsPresent": true\n              }\n            }\n          ],\n',
      ],
    ],
    yaml: [["      - Variable: $.n\n        NumericGreaterThan: 1\n", "      - And:\n          - Variable: $.n\n            NumericGreaterThan: 1\n          - Not:\n              Variable: $.m\n              IsPresent: true\n"]],
  },
  {
    name: "a rule's operator and operand",
    cmd: () => edit.setRule("/States/Pick", 0, fromJson({ Variable: "$.n", NumericLessThanEqualsPath: "$.max" })),
    json: [['"NumericGreaterThan": 1,', '"NumericLessThanEqualsPath": "$.max",']],
    yaml: [["NumericGreaterThan: 1", "NumericLessThanEqualsPath: $.max"]],
  },
  {
    name: "a JSONata Condition replaces a JSONPath condition, keeping Next",
    cmd: () => edit.setCondition("/States/Pick", 0, "{% $states.input.n > 1 %}"),
    json: [['"Variable": "$.n",\n          "NumericGreaterThan": 1,\n', '"Condition": "{% $states.input.n > 1 %}",\n']],
    yaml: [["      - Variable: $.n\n        NumericGreaterThan: 1\n", "      - Condition: \"{% $states.input.n > 1 %}\"\n"]],
  },
  {
    name: "Add rule",
    cmd: () => edit.addRule("/States/Pick", "JSONPath", "Each"),
    json: [['"Next": "Hold"\n        }\n', '"Next": "Hold"\n        },\n        {\n          "Variable": "$.status",\n          "StringEquals": "approved",\n          "Next": "Each"\n        }\n']],
    yaml: [["        Next: Hold\n", "        Next: Hold\n      - Variable: $.status\n        StringEquals: approved\n        Next: Each\n"]],
  },
  {
    name: "Default cleared",
    cmd: () => edit.setValue("/States/Pick", "/Default", undefined),
    json: [['      ],\n      "Default": "Hold"\n', "      ]\n"]],
    yaml: [["    Default: Hold\n", ""]],
  },
  {
    name: "a Wait switched from Seconds to TimestampPath",
    cmd: (doc) => edit.switchWait("/States/Hold", state(doc, "Hold"), "Seconds", "TimestampPath"),
    json: [['"Seconds": 5,', '"TimestampPath": "$.until",']],
    yaml: [["Seconds: 5", "TimestampPath: $.until"]],
  },
  {
    name: "a Map's processor mode",
    cmd: (doc) => edit.setProcessorConfig("/States/Each", state(doc, "Each"), "Mode", "DISTRIBUTED"),
    json: [['"ItemProcessor": {\n', '"ItemProcessor": {\n        "ProcessorConfig": {\n          "Mode": "DISTRIBUTED",\n          "ExecutionType": "STANDARD"\n        },\n']],
    yaml: [["    ItemProcessor:\n", "    ItemProcessor:\n      ProcessorConfig:\n        Mode: DISTRIBUTED\n        ExecutionType: STANDARD\n"]],
  },
  {
    name: "the workflow's TimeoutSeconds goes after StartAt",
    cmd: () => edit.setWorkflowValue("TimeoutSeconds", 60),
    json: [['"StartAt": "Call",\n', '"StartAt": "Call",\n  "TimeoutSeconds": 60,\n']],
    yaml: [["StartAt: Call\n", "StartAt: Call\nTimeoutSeconds: 60\n"]],
  },
  {
    name: "a Map reads a CSV file from S3 (and becomes distributed)",
    cmd: (doc) => edit.setReaderKind("/States/Each", state(doc, "Each"), "csv", "JSONPath"),
    json: [
      [
        '"Type": "Map",\n      "ItemProcessor": {\n',
        '"Type": "Map",\n      "ItemReader": {\n        "Resource": "arn:aws:states:::s3:getObject",\n        "ReaderConfig": {\n          "InputType": "CSV",\n          "CSVHeaderLocation": "FIRST_ROW"\n        },\n        "Parameters": {}\n      },\n      "ItemProcessor": {\n        "ProcessorConfig": {\n          "Mode": "DISTRIBUTED",\n          "ExecutionType": "STANDARD"\n        },\n',
      ],
    ],
    yaml: [
      [
        "    Type: Map\n    ItemProcessor:\n",
        "    Type: Map\n    ItemReader:\n      Resource: arn:aws:states:::s3:getObject\n      ReaderConfig:\n        InputType: CSV\n        CSVHeaderLocation: FIRST_ROW\n      Parameters: {}\n    ItemProcessor:\n      ProcessorConfig:\n        Mode: DISTRIBUTED\n        ExecutionType: STANDARD\n",
      ],
    ],
  },
  {
    name: "a result writer's bucket brings its Resource",
    cmd: (doc) => edit.setMapPart("/States/Each", state(doc, "Each"), "ResultWriter", ["Parameters", "Bucket"], "out"),
    json: [['"Type": "Map",\n', '"Type": "Map",\n      "ResultWriter": {\n        "Resource": "arn:aws:states:::s3:putObject",\n        "Parameters": {\n          "Bucket": "out"\n        }\n      },\n']],
    yaml: [["    Type: Map\n", "    Type: Map\n    ResultWriter:\n      Resource: arn:aws:states:::s3:putObject\n      Parameters:\n        Bucket: out\n"]],
  },
  {
    name: "an item batcher's size",
    cmd: (doc) => edit.setMapPart("/States/Each", state(doc, "Each"), "ItemBatcher", ["MaxItemsPerBatch"], 10),
    json: [['"Type": "Map",\n', '"Type": "Map",\n      "ItemBatcher": {\n        "MaxItemsPerBatch": 10\n      },\n']],
    yaml: [["    Type: Map\n", "    Type: Map\n    ItemBatcher:\n      MaxItemsPerBatch: 10\n"]],
  },
  {
    name: "a first variable goes before the way out",
    cmd: (doc) => edit.addAssign("/States/Hold", state(doc, "Hold"), "total.$", "$.total"),
    json: [['"Seconds": 5,\n', '"Seconds": 5,\n      "Assign": {\n        "total.$": "$.total"\n      },\n']],
    yaml: [["    Seconds: 5\n", "    Seconds: 5\n    Assign:\n      total.$: $.total\n"]],
  },
];

describe.each([
  ["json", smallJson],
  ["yaml", smallYaml],
] as [Format, string][])("%s", (format, text) => {
  test.each(cases)("$name", (c) => {
    const d = openText(text, format);
    c.cmd(d.value)(d);
    expect(d.text).toBe(replaceOnce(text, format === "json" ? c.json : c.yaml));
    const store = new DocumentStore(text, format);
    expect(store.run(c.name, c.cmd(openText(text, format).value))).toMatchObject({ ok: true });
    expect(store.snapshot().undoLabel).toBe(c.name);
    store.undo();
    expect(store.snapshot().text).toBe(text);
  });

  test("a Map mode change after another keeps one ProcessorConfig", () => {
    const d = openText(text, format);
    edit.setProcessorConfig("/States/Each", state(d.value, "Each"), "Mode", "DISTRIBUTED")(d);
    edit.setProcessorConfig("/States/Each", state(d.value, "Each"), "ExecutionType", "EXPRESS")(d);
    expect(state(d.value, "Each").ItemProcessor).toMatchObject({ ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "EXPRESS" }, StartAt: "Item" });
  });

  test("removing the last retry removes Retry", () => {
    const d = openText(text, format);
    edit.addRetry("/States/Call", state(d.value, "Call"))(d);
    edit.removeEntry("/States/Call", "Retry", 0)(d);
    expect(d.text).toBe(text);
  });
});
