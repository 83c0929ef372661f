// Save As in the other format: the definition is the same, key order and
// number literals are the file's own, and the line ending, BOM and final
// newline carry over.
import { describe, expect, test } from "vitest";
import { parse as parseYaml } from "yaml";
import { ConvertError, convertText, formatForPath } from "./convert";
import { fixture } from "./testdata/fidelity";

const templates = import.meta.glob<string>("../../../app/examples/templates/*.asl.json", { query: "?raw", import: "default", eager: true });

/** Keys in the order written, through every level (JSON.parse keeps it for names that are not numbers). */
const same = (a: unknown, b: unknown) => expect(JSON.stringify(b)).toBe(JSON.stringify(a));

test.each([
  ["flow.asl.yaml", "json", "yaml"],
  ["flow.YML", "json", "yaml"],
  ["flow.asl.json", "yaml", "json"],
  ["flow.asl", "yaml", "yaml"],
  ["flow", "json", "json"],
] as const)("a save as %s of a %s document is %s", (path, current, want) => {
  expect(formatForPath(path, current)).toBe(want);
});

describe("JSON to YAML and back", () => {
  test.each(Object.entries(templates))("%s", (_path, json) => {
    const yaml = convertText(json, "json", "yaml");
    expect(yaml.commentsDropped).toBe(false);
    same(JSON.parse(json), parseYaml(yaml.text));
    expect(yaml.text).not.toMatch(/[{}]\s*$/m); // block style, not JSON in a .yaml file
    const back = convertText(yaml.text, "yaml", "json");
    same(JSON.parse(json), JSON.parse(back.text));
    expect(back.text.endsWith("\n")).toBe(json.endsWith("\n"));
  });

  test("reads as block YAML", () => {
    const json = '{\n  "Comment": "Orders: check stock",\n  "StartAt": "A",\n  "States": {\n    "A": {\n      "Type": "Pass",\n      "Result": {"ok": true, "list": [1, 2], "none": {}},\n      "Retry": [{"ErrorEquals": ["States.ALL"], "MaxAttempts": 2}],\n      "End": true\n    }\n  }\n}\n';
    expect(convertText(json, "json", "yaml").text).toBe(
      [
        'Comment: "Orders: check stock"',
        "StartAt: A",
        "States:",
        "  A:",
        "    Type: Pass",
        "    Result:",
        "      ok: true",
        "      list:",
        "        - 1",
        "        - 2",
        "      none: {}",
        "    Retry:",
        "      - ErrorEquals:",
        "          - States.ALL",
        "        MaxAttempts: 2",
        "    End: true",
        "",
      ].join("\n"),
    );
  });

  test("keeps key order (names that look like numbers too) and number literals", () => {
    const json = '{"StartAt": "b", "States": {"b": {"Type": "Pass", "Next": "2"}, "2": {"Type": "Pass", "Next": "10"}, "10": {"Type": "Pass", "Result": {"price": 1.50, "id": 12345678901234567890, "e": 1E+3}, "End": true}}}';
    const yaml = convertText(json, "json", "yaml").text;
    expect(yaml.indexOf("  b:")).toBeLessThan(yaml.indexOf('  "2":'));
    expect(yaml.indexOf('  "2":')).toBeLessThan(yaml.indexOf('  "10":'));
    expect(yaml).toContain("price: 1.50");
    expect(yaml).toContain("id: 12345678901234567890");
    const back = convertText(yaml, "yaml", "json").text;
    expect(back.indexOf('"b": {')).toBeLessThan(back.indexOf('"2": {'));
    expect(back.indexOf('"2": {')).toBeLessThan(back.indexOf('"10": {'));
    expect(back).toContain('"price": 1.50');
    expect(back).toContain('"id": 12345678901234567890');
  });

  test("strings YAML would read as something else are quoted", () => {
    const values = ["true", "null", "10", "{% $states.input %}", "a: b", "# not a comment", "", " padded ", "line\nbreak", "- item", "$.path", "arn:aws:states:::lambda:invoke", "It's", "@at"];
    const json = JSON.stringify({ StartAt: "A", States: { A: { Type: "Pass", Result: values, End: true } } });
    const yaml = convertText(json, "json", "yaml").text;
    expect(parseYaml(yaml).States.A.Result).toEqual(values);
  });

  test("CRLF, a BOM, tabs and no final newline carry over", () => {
    const { text } = fixture("crlf-bom-tabs.asl.json");
    const yaml = convertText(text, "json", "yaml").text;
    expect(yaml.startsWith("\uFEFFComment:")).toBe(true);
    expect(yaml).not.toMatch(/[^\r]\n/);
    expect(yaml.endsWith("\n")).toBe(false);
    expect(yaml).not.toContain("\t");
    same(JSON.parse(text.slice(1)), parseYaml(yaml.slice(1)));
  });
});

describe("YAML to JSON", () => {
  test("comments are left out, and said so; CRLF and the final newline carry over", () => {
    const { text } = fixture("crlf.asl.yaml");
    const out = convertText(text, "yaml", "json");
    expect(out.commentsDropped).toBe(true);
    expect(out.text).toBe(
      '{\r\n  "Comment": "Orders",\r\n  "StartAt": "Check stock",\r\n  "States": {\r\n    "Check stock": {\r\n      "Type": "Pass",\r\n      "Next": "Charge card"\r\n    },\r\n    "Charge card": {\r\n      "Type": "Pass",\r\n      "Next": "Done"\r\n    },\r\n    "Done": {\r\n      "Type": "Succeed"\r\n    }\r\n  }\r\n}\r\n',
    );
  });

  test("a file without comments says none were left out; anchors are resolved", () => {
    const out = convertText("StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: &r {x: 1}\n    Parameters: *r\n    End: true\n", "yaml", "json");
    expect(out.commentsDropped).toBe(false);
    expect(JSON.parse(out.text).States.A).toEqual({ Type: "Pass", Result: { x: 1 }, Parameters: { x: 1 }, End: true });
  });

  test("what JSON cannot hold is refused in words", () => {
    expect(() => convertText("StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result: .inf\n    End: true\n", "yaml", "json")).toThrow(new ConvertError("the number .inf cannot be written in JSON"));
  });
});

test("a text with a mistake is not converted", () => {
  expect(() => convertText('{"StartAt": "A" "States": {}}', "json", "yaml")).toThrow(/mistake on line 1; fix it first/);
  expect(() => convertText("StartAt: A\nStates:\n\tA: {}\n", "yaml", "json")).toThrow(ConvertError);
});
