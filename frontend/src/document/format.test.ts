// Inserted text follows the file's own indent (tabs, 4 spaces) and line
// endings (CRLF); edits never mix styles.
import { expect, test } from "vitest";
import { openText } from "./open";
import { detectStyle } from "./format";
import { insertStateOnEdge } from "./commands/insert";
import { rename } from "./commands/rename";
import { deleteStates } from "./commands/remove";

const tpl = { name: "Wait", state: { Type: "Wait", Seconds: 5 } };

test.each([
  ['{\n\t"a": 1\n}', "\t", "\n"],
  ['{\r\n    "a": {\r\n        "b": 1\r\n    }\r\n}', "    ", "\r\n"],
  ["a:\n  - b\n", "  ", "\n"],
  ["{}", "  ", "\n"],
])("detectStyle(%j)", (text, indent, eol) => {
  expect(detectStyle(text)).toEqual({ indent, eol });
});

test("JSON with tabs and CRLF: the new state is written with tabs and CRLF", () => {
  const text = '{\r\n\t"StartAt": "A",\r\n\t"States": {\r\n\t\t"A": {\r\n\t\t\t"Type": "Pass",\r\n\t\t\t"End": true\r\n\t\t}\r\n\t}\r\n}\r\n';
  const d = openText(text, "json");
  insertStateOnEdge("/States/A>end", tpl)(d);
  expect(d.text).toBe(
    '{\r\n\t"StartAt": "A",\r\n\t"States": {\r\n\t\t"A": {\r\n\t\t\t"Type": "Pass",\r\n\t\t\t"Next": "Wait"\r\n\t\t},\r\n\t\t"Wait": {\r\n\t\t\t"Type": "Wait",\r\n\t\t\t"Seconds": 5,\r\n\t\t\t"End": true\r\n\t\t}\r\n\t}\r\n}\r\n',
  );
});

test("YAML with 4-space indent and CRLF keeps both", () => {
  const text = "StartAt: A\r\nStates:\r\n    A:\r\n        Type: Pass\r\n        End: true\r\n";
  const d = openText(text, "yaml");
  insertStateOnEdge("/States/A>end", { name: "W", state: { Type: "Wait", Seconds: 5, Comment: "x" } })(d);
  expect(d.text).toBe("StartAt: A\r\nStates:\r\n    A:\r\n        Type: Pass\r\n        Next: W\r\n    W:\r\n        Type: Wait\r\n        Seconds: 5\r\n        Comment: x\r\n        End: true\r\n");
});

test("YAML without a final newline", () => {
  const text = "StartAt: A\nStates:\n  A:\n    Type: Pass\n    End: true";
  const d = openText(text, "yaml");
  insertStateOnEdge("/States/A>end", tpl)(d);
  expect(d.text).toBe("StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Wait\n  Wait:\n    Type: Wait\n    Seconds: 5\n    End: true");
});

test("YAML keeps quoting styles of the names it renames", () => {
  const text = "StartAt: 'A'\nStates:\n  'A':\n    Type: Pass\n    Next: \"B\"\n  \"B\":\n    Type: Succeed\n";
  const d = openText(text, "yaml");
  rename("/States/B", "It's done")(d);
  expect(d.text).toBe("StartAt: 'A'\nStates:\n  'A':\n    Type: Pass\n    Next: \"It's done\"\n  \"It's done\":\n    Type: Succeed\n");
  rename("/States/A", "Start: here")(d);
  expect(d.text).toBe("StartAt: 'Start: here'\nStates:\n  'Start: here':\n    Type: Pass\n    Next: \"It's done\"\n  \"It's done\":\n    Type: Succeed\n");
});

test("a YAML comment above a deleted state stays; comments on other lines are kept", () => {
  const text = "StartAt: A\nStates:\n  A:\n    Type: Pass # first\n    Next: B\n  # the end\n  B:\n    Type: Pass\n    End: true\n";
  const d = openText(text, "yaml");
  deleteStates(["/States/B"])(d);
  expect(d.text).toBe("StartAt: A\nStates:\n  A:\n    Type: Pass # first\n    End: true\n  # the end\n");
});
