import { describe, expect, it } from "vitest";
import type { Visit } from "./inspect";
import { headline, stageRows, stageTable, type Lang, type StageInput } from "./stages";

const t0 = "2026-12-06T00:00:00.000Z";
const t1 = "2026-12-06T00:00:00.012Z";

function visitOf(v: Partial<Visit>): Visit {
  return { state: "S", entered: 1, input: '{"id":7}', attempts: [], status: "succeeded", events: [], start: t0, end: t1, output: '{"out":1}', ...v };
}

function rows(i: Partial<StageInput> & { type: string; lang: Lang }) {
  return stageRows({ def: null, steps: {}, visit: visitOf({}), ...i });
}

const labels = (i: Parameters<typeof rows>[0]) => rows(i).map((r) => r.label);
const text = (i: Parameters<typeof rows>[0]) => rows(i).map((r) => `${r.label}: ${r.json ?? r.note ?? JSON.stringify(r.vars)}`);

describe("the stage table", () => {
  // Every state type in both languages: JSONata states never show
  // JSONPath's fields and JSONPath states never show JSONata's.
  const types = ["Task", "Parallel", "Map", "Pass", "Wait", "Choice", "Succeed", "Fail"];
  for (const lang of ["JSONPath", "JSONata"] as const) {
    for (const type of types) {
      it(`${type} in ${lang} shows only ${lang}'s fields`, () => {
        const def = { Type: type, InputPath: "$.a", Parameters: {}, ResultSelector: {}, ResultPath: "$.r", Arguments: {}, Output: 1, Assign: { x: 1 }, ItemsPath: "$.i", Items: [] };
        const steps = { Context: "{}", Arguments: "{}", Parameters: "{}", InputPath: "{}", ResultSelector: "{}", ResultPath: "{}", Result: "[]", Items: "[]", Assign: '{"x":1}' };
        const attempts = type === "Task" ? [{ parameters: "{}", result: "{}" }] : [];
        const all = text({ type, lang, def, steps, visit: visitOf({ attempts, status: type === "Fail" ? "failed" : "succeeded" }) }).join("\n");
        const foreign = lang === "JSONata" ? /InputPath|ResultSelector|ResultPath|Parameters|OutputPath|ItemsPath/ : /Arguments|\$states/;
        expect(all).not.toMatch(foreign);
        expect(stageTable[lang][type].length).toBeGreaterThan(1);
      });
    }
  }

  it("lists a JSONPath Task's stages in ASL's order", () => {
    const def = { InputPath: "$.order", Parameters: { "id.$": "$.id" }, ResultSelector: { "ok.$": "$.ok" }, ResultPath: "$.r" };
    const steps = { InputPath: '{"id":7}', Parameters: '{"id":7}', ResultSelector: '{"ok":true}', ResultPath: '{"r":{"ok":true}}' };
    const visit = visitOf({ attempts: [{ parameters: '{"id":7}', result: '{"ok":true,"n":2}' }] });
    expect(text({ type: "Task", lang: "JSONPath", def, steps, visit })).toEqual([
      'What the state received (Input): {"id":7}',
      'The part of the input it used (InputPath): {"id":7}',
      'What the task was given (Parameters): {"id":7}',
      'What the task returned (result): {"ok":true,"n":2}',
      'The result reshaped (ResultSelector): {"ok":true}',
      'The result placed into the input (ResultPath): {"r":{"ok":true}}',
      'What the state passed on (Output, after OutputPath): {"out":1}',
    ]);
  });

  it("says what a missing field means", () => {
    const visit = visitOf({ attempts: [{ parameters: "{}", result: "{}" }] });
    const all = text({ type: "Task", lang: "JSONPath", def: {}, visit });
    expect(all).toContain("The part of the input it used (InputPath): No InputPath: the whole input.");
    expect(all).toContain("The result placed into the input (ResultPath): No ResultPath: the result becomes the output.");
    expect(text({ type: "Task", lang: "JSONPath", def: { ResultPath: null }, visit })).toContain(
      "The result placed into the input (ResultPath): ResultPath null: the input passes on, the result is dropped.",
    );
  });

  it("lists a JSONata Task's Arguments, result, Assign, Output and $states", () => {
    const def = { Arguments: { id: "{% $states.input.id %}" }, Assign: { ok: "{% $states.result.ok %}" }, Output: "{% $states.result %}" };
    const steps = { Context: '{"State":{"Name":"S"}}', Arguments: '{"id":7}', Assign: '{"ok":true}', Output: '{"ok":true}' };
    const visit = visitOf({ attempts: [{ parameters: '{"id":7}', result: '{"ok":true}' }], assigned: { ok: "true" }, output: '{"ok":true}' });
    expect(text({ type: "Task", lang: "JSONata", def, steps, visit })).toEqual([
      'What the state received ($states.input): {"id":7}',
      'What the state knew of the run ($states.context): {"State":{"Name":"S"}}',
      'What the task was given (Arguments): {"id":7}',
      'What the task returned ($states.result): {"ok":true}',
      'Variables assigned (Assign): {"ok":"true"}',
      'What the state passed on (Output): {"ok":true}',
    ]);
  });

  it("shows a caught Task as caught, with the Catch's ResultPath", () => {
    const def = { Catch: [{ ErrorEquals: ["States.ALL"], ResultPath: "$.error", Next: "Handle error" }] };
    const steps = {
      Parameters: "{}",
      Catch: '{"ErrorEquals":["States.ALL"],"Next":"Handle error","ResultPath":"$.error"}',
      ErrorOutput: '{"Error":"States.TaskFailed","Cause":"boom"}',
      "Catch.ResultPath": '{"id":7,"error":{"Error":"States.TaskFailed","Cause":"boom"}}',
    };
    const visit = visitOf({ status: "caught", error: "States.TaskFailed", cause: "boom", attempts: [{ parameters: "{}", error: "States.TaskFailed", cause: "boom" }], output: steps["Catch.ResultPath"] });
    const all = text({ type: "Task", lang: "JSONPath", def, steps, visit });
    expect(all).toContain("Caught (Catch): Caught States.TaskFailed → Handle error; the error went to $.error.");
    expect(all).toContain('The error placed into the input (the Catch\'s ResultPath): {"id":7,"error":{"Error":"States.TaskFailed","Cause":"boom"}}');
    expect(all.join("\n")).not.toMatch(/No ResultPath|ResultSelector/);
    // An imported history has no stage records: the definition's Catch says where the error went.
    const imported = text({ type: "Task", lang: "JSONPath", def, steps: {}, visit, imported: true });
    expect(imported).toContain("Caught (Catch): Caught States.TaskFailed → Handle error; the error went to $.error.");
    expect(headline(visit, "ended")).toEqual({ text: "Failed with States.TaskFailed, caught in 12 ms", tone: "caught" });
  });

  it("shows a caught JSONata state with $states.errorOutput and the Catch's Output", () => {
    const steps = { Catch: '{"ErrorEquals":["Boom"],"Next":"H","Output":"{% $states.errorOutput %}"}', ErrorOutput: '{"Error":"Boom","Cause":"no"}', "Catch.Output": '{"Error":"Boom","Cause":"no"}' };
    const visit = visitOf({ status: "caught", error: "Boom", cause: "no", output: '{"Error":"Boom","Cause":"no"}' });
    expect(text({ type: "Parallel", lang: "JSONata", steps, visit })).toEqual([
      'What the state received ($states.input): {"id":7}',
      "What each branch was given (Arguments): No Arguments: the input as it is.",
      "Caught (Catch): Caught Boom → H; the Catch's Output gave the output.",
      'The error output ($states.errorOutput): {"Error":"Boom","Cause":"no"}',
      'What the state passed on (the Catch\'s Output): {"Error":"Boom","Cause":"no"}',
    ]);
  });

  it("lists the attempts of a state that succeeded on retry, with no error on top", () => {
    const visit = visitOf({ attempts: [{ parameters: "{}", error: "Busy", cause: "later" }, { parameters: "{}", result: "1" }] });
    expect(labels({ type: "Task", lang: "JSONPath", def: {}, visit }).filter((l) => l.includes("attempt"))).toEqual([
      "What the task was given (Parameters) · attempt 1 of 2",
      "The task failed · attempt 1 of 2",
      "What the task was given (Parameters) · attempt 2 of 2",
      "What the task returned (result) · attempt 2 of 2",
    ]);
    expect(headline(visit, "ended")).toEqual({ text: "Succeeded in 12 ms, after 1 failed attempt (retried)", tone: "ok" });
  });

  it("shows a Pass state's Parameters and Result", () => {
    const def = { Parameters: { "n.$": "$.id" }, Result: { a: 1 }, ResultPath: "$.r" };
    const steps = { Parameters: '{"n":7}', Result: '{"a":1}', ResultPath: '{"id":7,"r":{"a":1}}' };
    expect(text({ type: "Pass", lang: "JSONPath", def, steps })).toEqual([
      'What the state received (Input): {"id":7}',
      "The part of the input it used (InputPath): No InputPath: the whole input.",
      'What it worked on (Parameters): {"n":7}',
      'The result (Result): {"a":1}',
      'The result placed into the input (ResultPath): {"id":7,"r":{"a":1}}',
      'What the state passed on (Output, after OutputPath): {"out":1}',
    ]);
    expect(text({ type: "Pass", lang: "JSONata", def: { Output: 1 }, steps: { Output: "1" } })).toEqual([
      'What the state received ($states.input): {"id":7}',
      'What the state passed on (Output): {"out":1}',
    ]);
  });

  it("shows a Map's items, each item's ItemSelector value and the result", () => {
    const steps = { Items: "[1,2]", "ItemSelector #1": '{"v":2}', "ItemSelector #0": '{"v":1}', Result: "[1,2]" };
    expect(labels({ type: "Map", lang: "JSONPath", def: { ItemsPath: "$.list", ItemSelector: {} }, steps })).toEqual([
      "What the state received (Input)",
      "The part of the input it used (InputPath)",
      "The items (ItemsPath)",
      "What item 0 was given (ItemSelector)",
      "What item 1 was given (ItemSelector)",
      "What the items returned (the result)",
      "The result reshaped (ResultSelector)",
      "The result placed into the input (ResultPath)",
      "What the state passed on (Output, after OutputPath)",
    ]);
    expect(labels({ type: "Map", lang: "JSONata", def: { Items: "{% $states.input.list %}" }, steps })).toEqual([
      "What the state received ($states.input)",
      "The items (Items)",
      "What item 0 was given (ItemSelector)",
      "What item 1 was given (ItemSelector)",
      "What the items returned (the result, $states.result)",
      "What the state passed on (Output)",
    ]);
  });

  it("stops a failed state's stages where it failed", () => {
    const visit = visitOf({ status: "failed", error: "States.QueryEvaluationError", cause: "not an array", output: undefined, end: t1 });
    expect(text({ type: "Map", lang: "JSONata", def: { Items: "{% 1 %}" }, visit })).toEqual([
      'What the state received ($states.input): {"id":7}',
      "The items (Items): Not reached: the state failed before this.",
      "What each item was given (ItemSelector): No ItemSelector: each item as it is.",
    ]);
    expect(headline(visit, "ended")).toEqual({ text: "Failed in 12 ms", tone: "error" });
  });

  it("says which Choice rule matched and when a Wait ends", () => {
    expect(text({ type: "Choice", lang: "JSONPath", steps: { Choice: '{"Rule":0,"Next":"Ship"}' } })).toContain("The rule that matched (Choices): Rule 1 matched: on to Ship.");
    expect(text({ type: "Choice", lang: "JSONata", steps: { Choice: '{"Default":"Hold"}' } })).toContain(
      "The rule that matched (Choices): No rule matched: on to the Default, Hold.",
    );
    expect(text({ type: "Wait", lang: "JSONata", steps: { Wait: '{"Until":"2026-12-06T00:00:10.000Z"}' } })).toContain(
      "Waited until (Seconds, Timestamp): Until 2026-12-06T00:00:10.000Z",
    );
  });

  it("shows a Fail state's error and cause, from the run or its definition", () => {
    const visit = visitOf({ status: "failed", output: undefined });
    expect(text({ type: "Fail", lang: "JSONPath", def: { Error: "Rejected", Cause: "too big" }, visit })).toContain(
      "The error it failed with (Error, Cause): Rejected: too big",
    );
    expect(text({ type: "Fail", lang: "JSONata", visit: { ...visit, error: "E", cause: "c" } })).toContain("The error it failed with (Error, Cause): E: c");
  });

  it("says still running only while the run is live", () => {
    const v = visitOf({ status: "running", end: undefined, output: undefined });
    expect(headline(v, "live").text).toBe("Still running");
    expect(headline(v, "replay").text).toBe("Running at this point of the replay");
    expect(headline(v, "ended").text).not.toMatch(/running/i);
    expect(headline({ ...v, status: "cancelled" }, "ended").text).toBe("Cancelled: the run ended before this state did");
    expect(text({ type: "Task", lang: "JSONPath", def: {}, visit: v })).toContain("What the state passed on (Output, after OutputPath): Not reached yet.");
  });
});
