// The inspector against the real app: form edits become minimal code
// changes on the one undo history; Retry and Choice rules are built in
// forms; a problem picked in the problems panel lands on its field.
import { test } from "node:test";
import assert from "node:assert/strict";
import { codeText, exampleText, openStudio, waitForCode } from "./studio.mjs";

/** Lines of b that differ from a (both split on newlines), for "only this line changed". */
function changedLines(a, b) {
  const x = a.split("\n");
  const y = b.split("\n");
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  let j = 0;
  while (j < x.length - i && j < y.length - i && x[x.length - 1 - j] === y[y.length - 1 - j]) j++;
  return { removed: x.slice(i, x.length - j), added: y.slice(i, y.length - j) };
}

const state = (page, name) => page.locator(`[data-testid="state-node"][data-state="${name}"]`);
const inspector = (page) => page.getByRole("complementary", { name: "Inspector" });

async function undoOnCanvas(page, times) {
  await page.getByTestId("canvas").locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < times; i++) await page.keyboard.press("Control+Z");
}

test("Task: TimeoutSeconds and a new Retry through the inspector; undo restores the exact text", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await state(page, "Validate order").waitFor();
    await page.getByRole("tab", { name: "Split" }).click();
    const original = await waitForCode(page, (t) => t === exampleText, "the code view shows the example");

    // Nothing selected: the workflow's own fields.
    await inspector(page).getByTestId("section-machine").waitFor();
    await s.screenshot("40-inspector-machine");

    await state(page, "Validate order").click();
    const form = inspector(page).locator('[data-testid="state-form"][data-type="Task"]');
    await form.waitFor();
    const resource = await form.getByTestId("field-Resource").inputValue();
    assert.equal(resource, "arn:aws:states:::lambda:invoke");

    // TimeoutSeconds 30 -> 45: one line changes in the code.
    const timeout = form.getByTestId("field-TimeoutSeconds");
    assert.equal(await timeout.inputValue(), "30");
    await timeout.fill("45");
    // Timed in the page: from Enter to the code view showing the new text.
    const ms = await page.evaluate(async () => {
      const input = document.querySelector('[data-testid="field-TimeoutSeconds"]');
      const view = document.querySelector(".code-view .cm-content").cmTile.root.view;
      const t0 = performance.now();
      input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
      while (!view.state.doc.toString().includes('"TimeoutSeconds": 45,')) {
        if (performance.now() - t0 > 5000) return -1;
        await new Promise((r) => requestAnimationFrame(r));
      }
      return performance.now() - t0;
    });
    assert.ok(ms >= 0, "the code view shows the edit");
    console.log(`inspector edit -> code view: ${ms.toFixed(1)} ms`);
    const edited = await waitForCode(page, (t) => t.includes('"TimeoutSeconds": 45,'), "the code shows the new timeout");
    assert.deepEqual(changedLines(original, edited), { removed: ['      "TimeoutSeconds": 30,'], added: ['      "TimeoutSeconds": 45,'] });

    // Ctrl+Z in the field (no pending edit) undoes on the document's one history; Ctrl+Shift+Z redoes.
    await timeout.focus();
    await page.keyboard.press("Control+Z");
    await waitForCode(page, (t) => t === original, "Ctrl+Z in the field undoes the edit");
    assert.equal(await timeout.inputValue(), "30");
    await page.keyboard.press("Control+Shift+Z");
    await waitForCode(page, (t) => t === edited, "Ctrl+Shift+Z in the field redoes it");

    // A value that is no whole number is refused where the user looks, and not written.
    await timeout.fill("4.5");
    await timeout.press("Enter");
    await form.getByText("Enter a whole number.").waitFor();
    assert.equal(await codeText(page), edited);
    await timeout.press("Escape");

    // Add a retry: a second retrier after the first, with AWS's defaults written out.
    await form.getByTestId("add-retry").click();
    await form.getByTestId("retrier").nth(1).waitFor();
    const retried = await waitForCode(page, (t) => JSON.parse(t).States["Validate order"].Retry.length === 2, "a second retrier");
    assert.deepEqual(JSON.parse(retried).States["Validate order"].Retry[1], { ErrorEquals: ["States.ALL"], IntervalSeconds: 1, MaxAttempts: 3, BackoffRate: 2 });
    const added = changedLines(edited, retried).added;
    assert.ok(added.every((l) => l.startsWith("        ")), `only lines inside Retry are added:\n${added.join("\n")}`);

    // Its errors as chips: add States.Timeout, drop States.ALL; MaxAttempts 5.
    const second = form.getByTestId("retrier").nth(1);
    const chipInput = second.getByRole("combobox", { name: /Add to errors/ });
    await chipInput.fill("States.Timeout");
    await chipInput.press("Enter");
    await second.getByRole("button", { name: "Remove States.ALL" }).click();
    const attempts = second.getByTestId("field-Retry.1.MaxAttempts");
    await attempts.fill("5");
    await attempts.press("Enter");
    const final = await waitForCode(page, (t) => t.includes('"MaxAttempts": 5'), "MaxAttempts 5");
    assert.deepEqual(JSON.parse(final).States["Validate order"].Retry[1], { ErrorEquals: ["States.Timeout"], IntervalSeconds: 1, MaxAttempts: 5, BackoffRate: 2 });
    await s.screenshot("41-inspector-task-retry");

    // The parameters in a small JSON editor: invalid JSON shows where it breaks and writes nothing.
    const params = form.locator('[data-field="/Parameters"]');
    await params.locator(".cm-content").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText('{\n  "FunctionName": "validate-order"\n  "Payload.$": "$"\n}');
    await form.getByTestId("field-Resource").click();
    await params.getByText(/Line 3, column 3: Comma expected/).waitFor();
    assert.equal(await codeText(page), final, "invalid JSON is not written");
    await params.locator(".cm-content").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText('{\n  "FunctionName": "validate-order",\n  "Payload.$": "$"\n}');
    await form.getByTestId("field-Resource").click();
    const withParams = await waitForCode(page, (t) => t.includes('"FunctionName": "validate-order",'), "the parameter is written");
    assert.deepEqual(changedLines(final, withParams), {
      removed: ['        "FunctionName": "arn:aws:lambda:us-east-1:123456789012:function:validate-order",'],
      added: ['        "FunctionName": "validate-order",'],
    });
    await s.screenshot("45-inspector-json-parameters");

    // Six edits, six undo steps, back to the very bytes of the file.
    await undoOnCanvas(page, 6);
    await waitForCode(page, (t) => t === original, "undo restores the exact original text");
    await state(page, "Validate order").click();
    assert.equal(await form.getByTestId("field-TimeoutSeconds").inputValue(), "30", "the form follows undo");
    assert.equal(await form.getByTestId("retrier").count(), 1);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("Choice: build a nested rule in the rule builder", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await state(page, "Is the order valid?").waitFor();
    await page.getByRole("tab", { name: "Split" }).click();
    const original = await waitForCode(page, (t) => t === exampleText, "the code view shows the example");
    await state(page, "Is the order valid?").click();
    const form = inspector(page).locator('[data-testid="state-form"][data-type="Choice"]');
    await form.waitFor();
    const rule = form.getByTestId("choice-rule").first();

    // valid = false  ->  And(valid = false, total > 100)
    await rule.getByRole("button", { name: "+ And" }).click();
    await rule.getByTestId("rule-compare").nth(1).waitFor();
    const cmp = rule.getByTestId("rule-compare").nth(1);
    const variable = cmp.getByTestId("rule-variable");
    await variable.fill("$.validation.total");
    await variable.press("Enter");
    await waitForCode(page, (t) => t.includes('"$.validation.total"'), "the variable is written");
    await cmp.getByTestId("rule-operator").selectOption("NumericGreaterThan");
    await waitForCode(page, (t) => t.includes('"NumericGreaterThan"'), "the operator is written");
    const value = rule.getByTestId("rule-compare").nth(1).getByTestId("rule-value");
    await value.fill("100");
    await value.press("Enter");
    let code = await waitForCode(page, (t) => t.includes('"NumericGreaterThan": 100'), "a number operand");
    // Not around the first comparison.
    await rule.getByTestId("rule-compare").first().getByRole("button", { name: "Not" }).click();
    code = await waitForCode(page, (t) => t.includes('"Not"'), "a Not");
    assert.deepEqual(JSON.parse(code).States["Is the order valid?"].Choices[0], {
      And: [{ Not: { Variable: "$.validation.valid", BooleanEquals: false } }, { Variable: "$.validation.total", NumericGreaterThan: 100 }],
      Next: "Reject order",
    });
    // A bad timestamp operand is shown under the field.
    await rule.getByTestId("rule-compare").nth(1).getByTestId("rule-operator").selectOption("TimestampLessThan");
    await waitForCode(page, (t) => t.includes('"TimestampLessThan"'), "a timestamp comparison");
    const ts = rule.getByTestId("rule-compare").nth(1).getByTestId("rule-value");
    await ts.fill("tomorrow");
    await ts.press("Enter");
    await rule.getByText("Enter a time like 2026-01-31T12:00:00Z.").waitFor();
    assert.ok(!(await codeText(page)).includes("tomorrow"), "an operand that does not fit is not written");
    assert.equal(await ts.inputValue(), "tomorrow", "what was typed stays in the field");
    await s.screenshot("42-inspector-choice-rule");

    // Default changes through its picker; a second rule is added.
    await form.getByTestId("add-rule").click();
    await form.getByTestId("choice-rule").nth(1).waitFor();
    await form.getByTestId("choice-default").selectOption("Reject order");
    code = await waitForCode(page, (t) => JSON.parse(t).States["Is the order valid?"].Default === "Reject order", "the default moved");
    assert.equal(JSON.parse(code).States["Is the order valid?"].Choices.length, 2);
    await s.screenshot("43-inspector-choice-two-rules");

    await undoOnCanvas(page, 8);
    await waitForCode(page, (t) => t === original, "undo restores the exact original text");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("a problem picked in the problems panel lands on its field", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await state(page, "Validate order").waitFor();
    await page.getByRole("tab", { name: "Code" }).click();
    await page.getByTestId("code-view").locator(".cm-content").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(exampleText.replace('"IntervalSeconds": 2,', '"IntervalSeconds": 0,'));
    const problem = page.getByTestId("problem").filter({ hasText: /IntervalSeconds|interval|Retry/i });
    await problem.first().waitFor();
    await page.getByRole("tab", { name: "Design" }).click();
    await problem.first().click();
    const form = inspector(page).locator('[data-testid="state-form"][data-type="Task"]');
    await form.waitFor();
    const field = form.locator('[data-field="/Retry/0/IntervalSeconds"]');
    await field.locator(".ifield-problem").waitFor();
    await page.waitForFunction(() => document.activeElement?.getAttribute("data-testid") === "field-Retry.0.IntervalSeconds");
    assert.match(await field.getAttribute("class"), /flash/);
    assert.equal(await form.getByTestId("field-Retry.0.IntervalSeconds").inputValue(), "0");
    await s.screenshot("44-inspector-problem-located");

    // Fixing it in the field clears the problem.
    await form.getByTestId("field-Retry.0.IntervalSeconds").fill("2");
    await form.getByTestId("field-Retry.0.IntervalSeconds").press("Enter");
    await field.locator(".ifield-problem").waitFor({ state: "detached" });
    await waitForCode(page, (t) => t === exampleText, "the fixed text is the example again");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("the workflow's fields, JSONata forms, and rename from the inspector", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await state(page, "Validate order").waitFor();
    await page.getByRole("tab", { name: "Split" }).click();
    const original = await waitForCode(page, (t) => t === exampleText, "the code view shows the example");
    const machine = inspector(page).getByTestId("section-machine");
    await machine.getByTestId("machine-ql").selectOption("JSONata");
    const jsonata = await waitForCode(page, (t) => t.includes('"QueryLanguage": "JSONata"'), "the workflow is JSONata");
    assert.deepEqual(changedLines(original, jsonata), { removed: [], added: ['  "QueryLanguage": "JSONata",'] });

    // A JSONata Task shows Arguments and Output, not the JSONPath fields.
    await state(page, "Validate order").click();
    const form = inspector(page).locator('[data-testid="state-form"][data-type="Task"]');
    await form.getByTestId("section-io").getByText("Input and output (JSONata)").waitFor();
    await form.locator('[data-field="/Arguments"]').waitFor();
    await form.locator('[data-field="/Output"]').waitFor();
    assert.equal(await form.locator('[data-field="/InputPath"]').count(), 0);
    // The JSONPath fields still in the text are listed apart, untouched, with their problems.
    const other = form.getByTestId("section-other");
    await other.locator('[data-field="/Parameters"] .ifield-problem').waitFor();
    await other.locator('[data-field="/ResultSelector"] .ifield-problem').waitFor();
    assert.equal(await inspector(page).getByTestId("inspector-problems").count(), 0, "no problem is left without its field");
    await s.screenshot("46-inspector-jsonata-task");

    // Rename: the key and every reference (StartAt) change, nothing else.
    const name = form.getByTestId("field-name");
    await name.fill("Check order");
    await name.press("Enter");
    const renamed = await waitForCode(page, (t) => t.includes('"Check order"'), "renamed");
    assert.ok(!renamed.includes('"Validate order"'));
    assert.equal(renamed.split("\n").length, jsonata.split("\n").length);
    await state(page, "Check order").waitFor();
    await inspector(page).locator('[data-testid="state-form"]').getByText("Check order", { exact: true }).waitFor();
    // A name in use is refused at the field.
    await form.getByTestId("field-name").fill("Reject order");
    await form.getByTestId("field-name").press("Enter");
    await form.getByText('Another step is already called "Reject order".').waitFor();
    await form.getByTestId("field-name").press("Escape");

    // A JSONata Choice: the rule is a Condition; it replaces the JSONPath condition left from before.
    await state(page, "Is the order valid?").click();
    const choice = inspector(page).locator('[data-testid="state-form"][data-type="Choice"]');
    await choice.getByTestId("choice-rule").first().locator(".ifield-problem").first().waitFor();
    const cond = choice.getByTestId("rule-condition");
    await cond.fill("$states.input.validation.valid = false");
    await cond.press("Enter");
    await choice.getByText("Write the condition as {% expression %}.").waitFor();
    await cond.fill("{% $states.input.validation.valid = false %}");
    await cond.press("Enter");
    const cc = await waitForCode(page, (t) => t.includes('"Condition"'), "the condition is written");
    assert.deepEqual(JSON.parse(cc).States["Is the order valid?"].Choices[0], { Condition: "{% $states.input.validation.valid = false %}", Next: "Reject order" });
    await s.screenshot("50-inspector-jsonata-choice");

    await undoOnCanvas(page, 3);
    await waitForCode(page, (t) => t === original, "undo restores the exact original text");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("Map, Parallel and Fail forms", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await state(page, "Reserve items").waitFor();
    await page.getByRole("tab", { name: "Split" }).click();
    const original = await waitForCode(page, (t) => t === exampleText, "the code view shows the example");

    // Map: MaxConcurrency and the processor mode.
    await state(page, "Reserve items").locator(".container-head").click();
    const map = inspector(page).locator('[data-testid="state-form"][data-type="Map"]');
    const conc = map.getByTestId("field-MaxConcurrency");
    assert.equal(await conc.inputValue(), "5");
    await conc.fill("10");
    await conc.press("Enter");
    const c10 = await waitForCode(page, (t) => t.includes('"MaxConcurrency": 10,'), "MaxConcurrency 10");
    assert.deepEqual(changedLines(original, c10), { removed: ['      "MaxConcurrency": 5,'], added: ['      "MaxConcurrency": 10,'] });
    await map.getByTestId("map-mode").selectOption("DISTRIBUTED");
    const dist = await waitForCode(page, (t) => t.includes('"Mode": "DISTRIBUTED"'), "distributed mode");
    // A Distributed Map must name its child workflows' type: STANDARD comes with it.
    assert.deepEqual(changedLines(c10, dist), { removed: ['          "Mode": "INLINE"'], added: ['          "Mode": "DISTRIBUTED",', '          "ExecutionType": "STANDARD"'] });
    await map.locator('[data-field="/ItemReader"]').waitFor();
    await s.screenshot("47-inspector-map");

    // Parallel: the branches, and one more.
    await state(page, "Charge and notify").locator(".container-head").click();
    const par = inspector(page).locator('[data-testid="state-form"][data-type="Parallel"]');
    assert.equal(await par.getByTestId("branch").count(), 2);
    await par.getByTestId("add-branch").click();
    await waitForCode(page, (t) => JSON.parse(t).States["Charge and notify"].Branches.length === 3, "a third branch");
    await state(page, "Pass").waitFor();
    await s.screenshot("48-inspector-parallel-branch-added");

    // Fail: its error and cause. The new branch's step was brought into
    // view, which moved "Reject order" out of it: fit the view, as a user would.
    await page.locator(".react-flow__controls-fitview").click();
    await state(page, "Reject order").click();
    const fail = inspector(page).locator('[data-testid="state-form"][data-type="Fail"]');
    assert.equal(await fail.getByTestId("field-Error").inputValue(), "OrderInvalid");
    await fail.getByTestId("field-Cause").fill("");
    await fail.getByTestId("field-Cause").press("Enter");
    await waitForCode(page, (t) => !t.includes("The order did not pass validation."), "a cleared Cause is removed");
    await s.screenshot("49-inspector-fail");

    await undoOnCanvas(page, 4);
    await waitForCode(page, (t) => t === original, "undo restores the exact original text");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("Wait: exactly one way of waiting", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await state(page, "Validate order").waitFor();
    await page.getByRole("tab", { name: "Split" }).click();
    const original = await waitForCode(page, (t) => t === exampleText, "the code view shows the example");
    await state(page, "Validate order").click();
    await page.locator('[data-testid="palette-item"][data-entry="wait"]').press("Enter");
    const form = inspector(page).locator('[data-testid="state-form"][data-type="Wait"]');
    await form.waitFor();
    const name = await form.getByTestId("field-name").inputValue();
    const wait = () => waitForCode(page, () => true, "").then((t) => JSON.parse(t).States[name]);

    await form.getByTestId("wait-mode").selectOption("Timestamp");
    await waitForCode(page, (t) => "Timestamp" in JSON.parse(t).States[name], "Timestamp is set");
    assert.ok(!("Seconds" in (await wait())), "Seconds is gone: exactly one of the four");
    const ts = form.getByTestId("field-Timestamp");
    await ts.fill("next tuesday");
    await ts.press("Enter");
    await form.getByText("Enter a time like 2026-01-31T12:00:00Z.").waitFor();
    assert.equal((await wait()).Timestamp, "2026-01-01T00:00:00Z", "a time that cannot be read is not written");
    await ts.fill("2026-03-01T09:00:00Z");
    await ts.press("Enter");
    await waitForCode(page, (t) => t.includes('"Timestamp": "2026-03-01T09:00:00Z"'), "the time is written");
    await form.getByTestId("wait-mode").selectOption("SecondsPath");
    await waitForCode(page, (t) => JSON.parse(t).States[name].SecondsPath === "$.waitSeconds", "SecondsPath replaces Timestamp");
    assert.deepEqual(Object.keys(await wait()).filter((k) => /Seconds|Timestamp/.test(k)), ["SecondsPath"]);
    await s.screenshot("51-inspector-wait");

    await undoOnCanvas(page, 4);
    await waitForCode(page, (t) => t === original, "undo restores the exact original text");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
