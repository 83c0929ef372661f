import { describe as group, expect, it } from "vitest";
import { complete, hover } from "./assist";
import { fieldDoc } from "./fieldDoc";

/** Splits a document at its "|" cursor mark. */
function at(doc: string): [string, number] {
  const pos = doc.indexOf("|");
  return [doc.slice(0, pos) + doc.slice(pos + 1), pos];
}
const labels = (doc: string, format: "json" | "yaml" = "json", explicit = true) => {
  const [text, pos] = at(doc);
  return complete(text, pos, format, explicit)?.options.map((o) => o.label) ?? [];
};
const apply = (doc: string, label: string, format: "json" | "yaml" = "json") => {
  const [text, pos] = at(doc);
  const r = complete(text, pos, format)!;
  const o = r.options.find((x) => x.label === label)!;
  return text.slice(0, r.from) + o.apply + text.slice(r.to);
};

const task = (body: string, ql = "") =>
  `{${ql}"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", ${body}}, "B": {"Type": "Succeed"}}}`;

group("keys", () => {
  it("offers a Task's JSONPath fields, not the ones present or JSONata's", () => {
    const l = labels(task('"Tim|"'));
    expect(l).toContain("TimeoutSeconds");
    expect(l).toContain("ResultPath");
    expect(l).not.toContain("Resource");
    expect(l).not.toContain("Arguments");
    expect(l).not.toContain("Seconds");
  });
  it("offers JSONata fields in a JSONata machine", () => {
    const l = labels(task('"|"', '"QueryLanguage": "JSONata", '));
    expect(l).toContain("Arguments");
    expect(l).toContain("Output");
    expect(l).not.toContain("ResultPath");
  });
  it("leaves out what a present field excludes", () => {
    const l = labels(task('"TimeoutSecondsPath": "$.t", "|"'));
    expect(l).not.toContain("TimeoutSeconds");
    expect(l).toContain("HeartbeatSeconds");
  });
  it("completes a quoted key with its colon", () => {
    expect(apply(task('"Tim|"'), "TimeoutSeconds")).toContain('invoke", "TimeoutSeconds": }');
    expect(apply(task('"Tim|": 3'), "TimeoutSeconds")).toContain('invoke", "TimeoutSeconds": 3}');
    expect(apply(task('"Tim|'), "TimeoutSeconds")).toContain('invoke", "TimeoutSeconds": }');
  });
  it("offers the top level's fields", () => {
    expect(labels('{"StartAt": "A", "|"}')).toEqual(expect.arrayContaining(["Comment", "TimeoutSeconds", "QueryLanguage"]));
  });
  it("offers Retry and Catch entries' fields", () => {
    expect(labels(task('"Retry": [{"ErrorEquals": ["States.ALL"], "|"}]'))).toEqual(expect.arrayContaining(["MaxAttempts", "BackoffRate", "JitterStrategy"]));
    expect(labels(task('"Catch": [{"|"}]'))).toEqual(expect.arrayContaining(["ErrorEquals", "Next", "ResultPath"]));
  });
  it("offers distributed fields only in a distributed Map", () => {
    const map = (mode: string) =>
      `{"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"ProcessorConfig": {"Mode": "${mode}"}, "StartAt": "X", "States": {"X": {"Type": "Pass", "End": true}}}, "|", "End": true}}}`;
    expect(labels(map("DISTRIBUTED"))).toContain("ItemReader");
    expect(labels(map("INLINE"))).not.toContain("ItemReader");
  });
  it("does not open while typing nothing, only on Ctrl+Space", () => {
    expect(labels('{"StartAt": "A", |}', "json", false)).toEqual([]);
    expect(labels('{"StartAt": "A", |}', "json", true)).toContain("Comment");
  });
});

group("values", () => {
  it("offers state names for Next, Default and StartAt", () => {
    expect(labels(task('"Next": "|"'))).toEqual(["B"]);
    expect(labels('{"StartAt": "|", "States": {"A": {"Type": "Succeed"}}}')).toEqual(["A"]);
  });
  it("offers enum values", () => {
    expect(labels('{"StartAt": "A", "States": {"A": {"Type": "|"}}}')).toEqual(["Task", "Pass", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map"]);
    expect(labels('{"QueryLanguage": "|"}')).toEqual(["JSONPath", "JSONata"]);
    expect(labels(task('"Retry": [{"ErrorEquals": ["States.ALL"], "JitterStrategy": "|"}]'))).toEqual(["FULL", "NONE"]);
    expect(apply('{"QueryLanguage": |}', "JSONata")).toBe('{"QueryLanguage": "JSONata"}');
  });
  it("offers intrinsic functions with signatures in a .$ field", () => {
    const [text, pos] = at(task('"Parameters": {"sum.$": "States.Ma|"}'));
    const r = complete(text, pos, "json")!;
    const add = r.options.find((o) => o.label === "States.MathAdd")!;
    expect(add.detail).toBe("States.MathAdd(number, number)");
    expect(text.slice(0, r.from) + add.apply + text.slice(r.to)).toContain('"sum.$": "States.MathAdd("');
  });
  it("offers $states fields inside {% %}", () => {
    expect(labels(task('"Arguments": "{% $states.|"', '"QueryLanguage": "JSONata", '))).toEqual(["input", "context", "result", "errorOutput"]);
  });
});

group("YAML", () => {
  const yaml = (line: string) => `StartAt: A\nStates:\n  A:\n    Type: Task\n    Resource: arn:aws:states:::lambda:invoke\n    ${line}\n  B:\n    Type: Succeed\n`;
  it("offers a Task's fields", () => {
    expect(labels(yaml("Tim|"), "yaml")).toContain("TimeoutSeconds");
    expect(apply(yaml("Tim|"), "TimeoutSeconds", "yaml")).toContain("    TimeoutSeconds: \n");
  });
  it("offers state names and enums", () => {
    expect(labels(yaml("Next: |"), "yaml")).toEqual(["B"]);
    expect(labels("StartAt: A\nQueryLanguage: |\n", "yaml")).toEqual(["JSONPath", "JSONata"]);
  });
  it("offers Retry entry fields", () => {
    expect(labels(yaml("Retry:\n      - ErrorEquals: [States.ALL]\n        Max|"), "yaml")).toEqual(expect.arrayContaining(["MaxAttempts", "MaxDelaySeconds"]));
  });
});

group("hover", () => {
  it("describes a key with its rules", () => {
    const [text, pos] = at(task('"Result|Path": "$.r", "TimeoutSeconds": 3'));
    const h = hover(text, pos, "json")!;
    expect(h.field.name).toBe("ResultPath");
    expect(h.doc).toMatch(/Where the result goes in the input/);
    expect(h.doc).toBe(fieldDoc("Task", "ResultPath"));
    const [t2, p2] = at(task('"ResultPath": "$.r", "Timeout|Seconds": 3'));
    expect(hover(t2, p2, "json")!.field.excludes).toEqual(["TimeoutSecondsPath"]);
  });
  it("says nothing over a value", () => {
    const [text, pos] = at(task('"ResultPath": "$.re|sult"'));
    expect(hover(text, pos, "json")).toBeNull();
  });
  it("describes a YAML key", () => {
    const [text, pos] = at("StartAt: A\nStates:\n  A:\n    Type: Pass\n    Result|Path: $.x\n    End: true\n");
    expect(hover(text, pos, "yaml")!.field.name).toBe("ResultPath");
  });
  it("describes a key in its own object, where the table says it differently", () => {
    const [text, pos] = at(task('"Catch": [{"ErrorEquals": ["States.ALL"], "Next": "B", "Result|Path": "$.e"}]'));
    expect(hover(text, pos, "json")!.doc).toBe(fieldDoc("Catcher", "ResultPath"));
    expect(fieldDoc("Catcher", "ResultPath")).not.toBe(fieldDoc("Task", "ResultPath"));
  });
});
