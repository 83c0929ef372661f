import { describe, expect, test } from "vitest";
import { entries, entry, search } from "./catalog";
import { openText } from "../document/open";
import { insertStateOnEdge } from "../document/commands/insert";

const resources: Record<string, string> = {
  "lambda-invoke": "arn:aws:states:::lambda:invoke",
  "sns-publish": "arn:aws:states:::sns:publish",
  "sqs-send": "arn:aws:states:::sqs:sendMessage",
  "dynamodb-get": "arn:aws:states:::dynamodb:getItem",
  "dynamodb-put": "arn:aws:states:::dynamodb:putItem",
  "dynamodb-update": "arn:aws:states:::dynamodb:updateItem",
  "dynamodb-delete": "arn:aws:states:::dynamodb:deleteItem",
  "eventbridge-put": "arn:aws:states:::events:putEvents",
  "sfn-start": "arn:aws:states:::states:startExecution.sync:2",
  "ecs-run": "arn:aws:states:::ecs:runTask.sync",
  "glue-start": "arn:aws:states:::glue:startJobRun.sync",
  "http-invoke": "arn:aws:states:::http:invoke",
  "aws-sdk": "arn:aws:states:::aws-sdk:s3:getObject",
  "s3-put": "arn:aws:states:::aws-sdk:s3:putObject",
  "ses-send": "arn:aws:states:::aws-sdk:sesv2:sendEmail",
  callback: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
};

const flowTypes = ["Pass", "Choice", "Wait", "Parallel", "Map", "Succeed", "Fail"];

/** Every key anywhere in v. */
function keys(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(keys);
  if (v === null || typeof v !== "object") return [];
  return Object.entries(v).flatMap(([k, x]) => [k, ...keys(x)]);
}

test("the palette has every flow state and every listed action", () => {
  expect([...new Set(entries.filter((e) => e.group === "Flow").map((e) => e.type))]).toEqual(flowTypes);
  expect(entry("map-s3")?.build("JSONPath").state).toMatchObject({ Type: "Map", ItemReader: { Resource: "arn:aws:states:::s3:getObject", ReaderConfig: { InputType: "CSV" } } });
  expect(entry("map-s3")?.build("JSONata").state).toMatchObject({ ItemReader: { Arguments: { Key: "data/items.csv" } } });
  for (const [id, arn] of Object.entries(resources)) expect(entry(id)?.build("JSONPath").state.Resource).toBe(arn);
  for (const e of entries) expect(e.description.length, e.id).toBeGreaterThan(10);
});

describe.each(["JSONPath", "JSONata"] as const)("%s templates", (lang) => {
  test.each(entries.filter((e) => e.group === "Actions").map((e) => [e.id, e] as const))("%s", (_, e) => {
    const s = e.build(lang).state;
    expect(s.Type).toBe("Task");
    expect(typeof s.TimeoutSeconds).toBe("number");
    const args = lang === "JSONata" ? s.Arguments : s.Parameters;
    expect(args, "parameters in the language's field").toBeTypeOf("object");
    expect(lang === "JSONata" ? s.Parameters : s.Arguments).toBeUndefined();
    const k = keys(args);
    if (lang === "JSONata") {
      expect(k.some((x) => x.endsWith(".$"))).toBe(false);
      expect(JSON.stringify(args)).toMatch(/\{% [^%]*\$states\./);
    } else {
      expect(JSON.stringify(args)).not.toContain("{%");
    }
  });
});

test("the callback task passes the task token", () => {
  expect(JSON.stringify(entry("callback")!.build("JSONPath").state)).toContain('"taskToken.$":"$$.Task.Token"');
  expect(JSON.stringify(entry("callback")!.build("JSONata").state)).toContain('"taskToken":"{% $states.context.Task.Token %}"');
});

test("search matches words in names, descriptions and keywords", () => {
  expect(search("").length).toBe(entries.length);
  expect(search("email").map((e) => e.id)).toEqual(["sns-publish", "ses-send"]);
  expect(search("approval").map((e) => e.id)).toEqual(["callback"]);
  expect(search("dynamodb delete").map((e) => e.id)).toEqual(["dynamodb-delete"]);
  expect(search("nothing like this")).toEqual([]);
});

const ids = (q: string) => search(q).map((e) => e.id);

// What a new user types: purpose words and service names, not ASL types.
test.each([
  ["approve", ["callback"]],
  ["approval", ["callback"]],
  ["human", ["callback"]],
  ["callback", ["callback"]],
  ["notify", ["sns-publish", "ses-send"]],
  ["sms", ["sns-publish"]],
  ["queue", ["sqs-send"]],
  ["table", ["dynamodb-get", "dynamodb-put", "dynamodb-update", "dynamodb-delete"]],
  ["database", ["dynamodb-get", "dynamodb-put", "dynamodb-update", "dynamodb-delete"]],
  ["error", ["fail"]],
  ["fail", ["fail"]],
  ["if", ["choice"]],
  ["decide", ["choice"]],
  ["branch", ["choice", "parallel"]],
])("searching %j finds %j", (q, want) => {
  expect(ids(q)).toEqual(want);
});

test.each([
  ["s3", ["map-s3", "aws-sdk", "s3-put"]],
  ["bucket", ["map-s3", "aws-sdk", "s3-put"]],
  ["file", ["map-s3", "aws-sdk", "s3-put"]],
  ["loop", ["map", "map-s3"]],
  ["for each", ["map", "map-s3"]],
  ["wait", ["wait"]],
  ["delay", ["wait"]],
  ["pause", ["wait"]],
])("searching %j finds %j first", (q, want) => {
  expect(ids(q).slice(0, want.length)).toEqual(want);
});

test("inserting a Parallel twice keeps every name unique", () => {
  const text = `{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}`;
  const d = openText(text, "json");
  const tpl = entry("parallel")!.build("JSONPath");
  insertStateOnEdge("/States/A>end", tpl)(d);
  insertStateOnEdge("/States/Parallel>end", tpl)(d);
  const v = d.value as { States: Record<string, { Branches?: { StartAt: string; States: Record<string, unknown> }[] }> };
  expect(Object.keys(v.States)).toEqual(["A", "Parallel", "Parallel 2"]);
  const second = v.States["Parallel 2"].Branches!;
  expect(second.map((b) => b.StartAt)).toEqual(["Branch A 2", "Branch B 2"]);
  expect(second.map((b) => Object.keys(b.States))).toEqual([["Branch A 2"], ["Branch B 2"]]);
});
