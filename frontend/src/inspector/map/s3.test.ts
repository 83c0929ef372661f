// The Map's S3 forms and Assign rows on a workflow that already has them:
// each edit changes exactly these characters, in JSON and YAML, and what
// the forms do not know (VersionId, ExpectedBucketOwner) stays.
import { describe, expect, test } from "vitest";
import { openText } from "../../document/open";
import { isObj, type Obj } from "../../document/machine";
import type { Format } from "../../document/textdoc";
import type { Command } from "../../document/commands/template";
import * as edit from "../edits";
import { extraKeys, readerKindOf, readerKnown, withReaderKind, parseHeaders } from "./s3";
import { assignRows, parseAssignValue, showAssignValue } from "../io/assign";

const json = `{
  "StartAt": "Rows",
  "States": {
    "Rows": {
      "Type": "Map",
      "ItemReader": {
        "Resource": "arn:aws:states:::s3:getObject",
        "ReaderConfig": {
          "InputType": "CSV",
          "CSVHeaderLocation": "FIRST_ROW"
        },
        "Parameters": {
          "Bucket": "in",
          "Key": "rows.csv",
          "VersionId": "v1"
        }
      },
      "ItemProcessor": {
        "ProcessorConfig": {
          "Mode": "DISTRIBUTED",
          "ExecutionType": "STANDARD"
        },
        "StartAt": "Row",
        "States": {
          "Row": {
            "Type": "Pass",
            "End": true
          }
        }
      },
      "Assign": {
        "count": 0,
        "total.$": "$.total"
      },
      "End": true
    }
  }
}
`;

const yaml = `StartAt: Rows
States:
  Rows:
    Type: Map
    ItemReader:
      Resource: arn:aws:states:::s3:getObject
      ReaderConfig:
        InputType: CSV
        CSVHeaderLocation: FIRST_ROW
      Parameters:
        Bucket: in
        Key: rows.csv # the export
        VersionId: v1
    ItemProcessor:
      ProcessorConfig:
        Mode: DISTRIBUTED
        ExecutionType: STANDARD
      StartAt: Row
      States:
        Row:
          Type: Pass
          End: true
    Assign:
      count: 0
      total.$: $.total
    End: true
`;

const id = "/States/Rows";
const rows = (doc: unknown): Obj => {
  const s = isObj(doc) && isObj(doc.States) ? doc.States.Rows : undefined;
  return isObj(s) ? s : {};
};

function replaceOnce(text: string, changes: [string, string][]): string {
  for (const [from, to] of changes) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`snippet not found exactly once: ${JSON.stringify(from)}`);
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  return text;
}

interface Case {
  name: string;
  cmd: (s: Obj) => Command;
  json: [string, string][];
  yaml: [string, string][];
}

const cases: Case[] = [
  {
    name: "the key of the file",
    cmd: (s) => edit.setMapPart(id, s, "ItemReader", ["Parameters", "Key"], "2026/rows.csv"),
    json: [['"Key": "rows.csv"', '"Key": "2026/rows.csv"']],
    yaml: [["Key: rows.csv # the export", "Key: 2026/rows.csv # the export"]],
  },
  {
    name: "the CSV's delimiter",
    cmd: (s) => edit.setMapPart(id, s, "ItemReader", ["ReaderConfig", "CSVDelimiter"], "SEMICOLON"),
    json: [['"CSVHeaderLocation": "FIRST_ROW"\n', '"CSVHeaderLocation": "FIRST_ROW",\n          "CSVDelimiter": "SEMICOLON"\n']],
    yaml: [["CSVHeaderLocation: FIRST_ROW\n", "CSVHeaderLocation: FIRST_ROW\n        CSVDelimiter: SEMICOLON\n"]],
  },
  {
    name: "headers given by hand",
    cmd: (s) => (d) => {
      edit.setMapPart(id, s, "ItemReader", ["ReaderConfig", "CSVHeaderLocation"], "GIVEN")(d);
      return edit.setMapPart(id, rows(d.value), "ItemReader", ["ReaderConfig", "CSVHeaders"], parseHeaders("id, name"))(d);
    },
    json: [['"CSVHeaderLocation": "FIRST_ROW"\n', '"CSVHeaderLocation": "GIVEN",\n          "CSVHeaders": ["id", "name"]\n']],
    yaml: [["CSVHeaderLocation: FIRST_ROW\n", "CSVHeaderLocation: GIVEN\n        CSVHeaders:\n          - id\n          - name\n"]],
  },
  {
    name: "a folder listing instead: Key goes, the bucket and VersionId stay",
    cmd: (s) => edit.setReaderKind(id, s, "listing", "JSONPath"),
    json: [
      ['"arn:aws:states:::s3:getObject"', '"arn:aws:states:::s3:listObjectsV2"'],
      ['        "ReaderConfig": {\n          "InputType": "CSV",\n          "CSVHeaderLocation": "FIRST_ROW"\n        },\n', ""],
      ['          "Key": "rows.csv",\n', ""],
    ],
    yaml: [
      ["arn:aws:states:::s3:getObject", "arn:aws:states:::s3:listObjectsV2"],
      ["      ReaderConfig:\n        InputType: CSV\n        CSVHeaderLocation: FIRST_ROW\n", ""],
      ["        Key: rows.csv # the export\n", ""],
    ],
  },
  {
    name: "a JSON Lines file instead: the CSV settings go",
    cmd: (s) => edit.setReaderKind(id, s, "jsonl", "JSONPath"),
    json: [['"InputType": "CSV",\n          "CSVHeaderLocation": "FIRST_ROW"\n', '"InputType": "JSONL"\n']],
    yaml: [["InputType: CSV\n        CSVHeaderLocation: FIRST_ROW\n", "InputType: JSONL\n"]],
  },
  {
    name: "no reader: ItemReader goes",
    cmd: (s) => edit.setReaderKind(id, s, "", "JSONPath"),
    json: [[json.slice(json.indexOf('      "ItemReader"'), json.indexOf('      "ItemProcessor"')), ""]],
    yaml: [[yaml.slice(yaml.indexOf("    ItemReader:"), yaml.indexOf("    ItemProcessor:")), ""]],
  },
  {
    name: "a variable's value",
    cmd: () => edit.setAssignValue(id, "count", parseAssignValue("1")),
    json: [['"count": 0', '"count": 1']],
    yaml: [["count: 0", "count: 1"]],
  },
  {
    name: "a variable renamed where it stands",
    cmd: () => edit.renameAssign(id, "total.$", "sum", true),
    json: [['"total.$"', '"sum.$"']],
    yaml: [["total.$:", "sum.$:"]],
  },
  {
    name: "a variable switched to a fixed value",
    cmd: () => edit.renameAssign(id, "total.$", "total", false),
    json: [['"total.$"', '"total"']],
    yaml: [["total.$:", "total:"]],
  },
  {
    name: "a variable added last",
    cmd: (s) => edit.addAssign(id, s, "label", "new"),
    json: [['"total.$": "$.total"\n', '"total.$": "$.total",\n        "label": "new"\n']],
    yaml: [["total.$: $.total\n", "total.$: $.total\n      label: new\n"]],
  },
  {
    name: "a variable removed",
    cmd: (s) => edit.removeAssign(id, s, "count"),
    json: [['        "count": 0,\n', ""]],
    yaml: [["      count: 0\n", ""]],
  },
];

describe.each([
  ["json", json],
  ["yaml", yaml],
] as [Format, string][])("%s", (format, text) => {
  test.each(cases)("$name", (c) => {
    const d = openText(text, format);
    c.cmd(rows(d.value))(d);
    expect(d.text).toBe(replaceOnce(text, format === "json" ? c.json : c.yaml));
  });

  test("a name already taken is refused", () => {
    const d = openText(text, format);
    expect(() => edit.renameAssign(id, "total.$", "count", false)(d)).toThrow(/already a variable called count/);
    expect(d.text).toBe(text);
  });
});

test("reader kinds, as written and as switched", () => {
  expect(readerKindOf(undefined)).toBe("");
  expect(readerKindOf({ Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "MANIFEST" } })).toBe("manifest");
  expect(readerKindOf({ Resource: "arn:aws:states:::s3:listObjectsV2" })).toBe("listing");
  expect(readerKindOf({ Resource: "arn:aws:states:::lambda:invoke" })).toBe("other");
  expect(withReaderKind(undefined, "json", "JSONata")).toEqual({ Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "JSON" }, Arguments: {} });
  const r = { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "CSV", MaxItems: 5 }, Parameters: { Bucket: "b", Key: "k", ExpectedBucketOwner: "1" } };
  expect(extraKeys(withReaderKind(r, "listing", "JSONPath")!.Parameters, readerKnown.args)).toEqual(["ExpectedBucketOwner"]);
  expect(withReaderKind(r, "listing", "JSONPath")!.ReaderConfig).toEqual({ MaxItems: 5 });
});

test("Assign rows: JSONPath's name.$ is a tick, JSONata's keys are names", () => {
  expect(assignRows({ "total.$": "$.t", n: 1 }, "JSONPath")).toEqual([
    { key: "total.$", name: "total", fromPath: true, value: "$.t" },
    { key: "n", name: "n", fromPath: false, value: 1 },
  ]);
  expect(assignRows({ x: "{% $states.input.x %}" }, "JSONata")[0]).toMatchObject({ name: "x", fromPath: false });
  expect(["42", "true", "null", "[1]", '{"a": 1}', '"7"', "$.total", "{% $x %}", "hello"].map(parseAssignValue)).toEqual([42, true, null, [1], { a: 1 }, "7", "$.total", "{% $x %}", "hello"]);
  expect([showAssignValue("$.a"), showAssignValue(3), showAssignValue({ a: 1 })]).toEqual(["$.a", "3", '{"a":1}']);
});
