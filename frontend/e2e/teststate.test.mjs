// Test this state: one state of the example on its own, as AWS's TestState
// API runs it, from the right-click menu and the inspector's button; the
// answer as a sentence and each stage's value; the form kept per state.
import { test } from "node:test";
import assert from "node:assert/strict";
import { node, openStudio } from "./studio.mjs";

async function openTest(page, state) {
  await node(page, state).locator(".state-name").first().click({ button: "right" });
  await page.getByTestId("ctx-test-state").click();
  const panel = page.locator(`[data-testid="teststate"][data-state="${state}"]`);
  await panel.waitFor();
  return panel;
}

/** Runs the test and waits for an answer whose status is want and whose sentence matches says. */
async function runFor(panel, want, says, how = "button") {
  if (how === "keys") await panel.getByTestId("ts-input").press("Control+Enter");
  else await panel.getByTestId("ts-run").click();
  const status = panel.locator(`[data-testid="ts-status"][data-status="${want}"]`, { hasText: says });
  await status.waitFor({ timeout: 10000 });
  // The answer is for the values shown (not an earlier one).
  assert.equal(await panel.getByTestId("ts-changed").count(), 0);
  return status.innerText();
}

const stage = (panel, key) => panel.locator(`[data-testid="ts-stage"][data-key="${key}"]`).innerText();

test("Test this state: a mocked task goes on, fails or would retry; a Choice picks its branch; a Catch takes an error; a Map shows its items' inputs", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await node(page, "Validate order").waitFor();

    // The task, from its right-click menu: the input starts as the workflow's sample.
    let panel = await openTest(page, "Validate order");
    assert.match(await panel.getByTestId("ts-input").inputValue(), /"orderId": "ORD-1042"/);
    assert.match(await panel.innerText(), /The workflow's sample input/);
    // The example's ResultSelector reads $.Payload.total as well as valid.
    await panel.getByTestId("ts-result").fill('{"Payload": {"valid": true, "total": 42.5}}');
    await runFor(panel, "SUCCEEDED", /Goes to Is the order valid\? next/, "keys");
    assert.match(await stage(panel, "afterResultSelector"), /The result reshaped \(after ResultSelector\)\s+\{\s+"valid": true,\s+"total": 42.5\s+\}/);
    assert.match(await stage(panel, "afterResultPath"), /"orderId": "ORD-1042"[\s\S]*"validation": \{\s+"valid": true,\s+"total": 42.5/);
    assert.match(await stage(panel, "output"), /What the state passes on \(output\)\s+The same as above/);
    assert.match(await stage(panel, "afterParameters"), /What the task was given[\s\S]*"FunctionName": "arn:aws:lambda/);
    await s.screenshot("teststate-01-succeeded");

    // A mistake in a JSON field says where, and nothing runs until it is fixed.
    await panel.getByTestId("ts-result").fill('{"Payload": {"valid": true,}}');
    assert.match(await panel.getByTestId("ts-result-problem").innerText(), /Line 1, column 28/);
    assert.equal(await panel.getByTestId("ts-run").isDisabled(), true);

    // It throws States.TaskFailed: the example retries only Lambda's own
    // errors and catches nothing, so the workflow would fail.
    await panel.getByTestId("ts-mock-throws").check();
    await panel.getByTestId("ts-error").fill("States.TaskFailed");
    await panel.getByTestId("ts-cause").fill("validate-order crashed");
    await panel.getByTestId("ts-retries").fill("0");
    await runFor(panel, "FAILED", /Fails with States\.TaskFailed \(validate-order crashed\): no Retry or Catch takes it/);

    // Lambda.ServiceException is retried: after 2 s, then 4 s (BackoffRate 2).
    await panel.getByTestId("ts-error").fill("Lambda.ServiceException");
    await runFor(panel, "RETRIABLE", /Would retry: retrier 1 matched Lambda\.ServiceException, next attempt after 2 s/);
    await panel.getByTestId("ts-retries").fill("1");
    await runFor(panel, "RETRIABLE", /next attempt after 4 s/);
    await panel.getByTestId("ts-retries").fill("3");
    await runFor(panel, "FAILED", /Fails with Lambda\.ServiceException/);
    await panel.getByTestId("ts-retries").fill("1");
    await runFor(panel, "RETRIABLE", /after 4 s/);
    await panel.getByTestId("ts-raw").locator("summary").click();
    const raw = await panel.getByTestId("ts-raw-response").innerText();
    assert.match(raw, /"status": "RETRIABLE"/);
    assert.match(raw, /"retryBackoffIntervalSeconds": 4/);
    await s.screenshot("teststate-02-retry");

    // Closed and opened again from the inspector: the form is as it was.
    await panel.getByTestId("ts-close").click();
    await panel.waitFor({ state: "detached" });
    await node(page, "Validate order").locator(".state-name").first().click();
    await page.getByTestId("inspector-test-state").click();
    panel = page.locator('[data-testid="teststate"][data-state="Validate order"]');
    assert.equal(await panel.getByTestId("ts-error").inputValue(), "Lambda.ServiceException");
    assert.equal(await panel.getByTestId("ts-retries").inputValue(), "1");
    assert.match(await panel.locator('[data-testid="ts-status"]').innerText(), /Would retry/);
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });

    // The Choice: no mock, no counts; the input decides the branch.
    panel = await openTest(page, "Is the order valid?");
    assert.equal(await panel.getByTestId("ts-mock").count(), 0);
    assert.equal(await panel.getByTestId("ts-retries").count(), 0);
    await panel.getByTestId("ts-input").fill('{"validation": {"valid": false}}');
    await runFor(panel, "SUCCEEDED", /Goes to Reject order next/);
    await panel.getByTestId("ts-input").fill('{"validation": {"valid": true}}');
    await runFor(panel, "SUCCEEDED", /Goes to Reserve items next/);
    await s.screenshot("teststate-03-choice");
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });

    // The Parallel: its Catch takes PaymentDeclined to Release items.
    panel = await openTest(page, "Charge and notify");
    await panel.getByTestId("ts-mock-throws").check();
    await panel.getByTestId("ts-error").fill("PaymentDeclined");
    await panel.getByTestId("ts-cause").fill("card expired");
    await runFor(panel, "CAUGHT_ERROR", /Caught → goes to Release items: catcher 1 took PaymentDeclined/);
    assert.match(await stage(panel, "output"), /"error": \{\s+"Error": "PaymentDeclined",\s+"Cause": "card expired"/);
    await page.keyboard.press("Escape");
    await panel.waitFor({ state: "detached" });

    // The Map: what each item's run is given, after its ItemSelector (the
    // order's id beside each item), though the iterations never run.
    panel = await openTest(page, "Reserve items");
    await panel.getByTestId("ts-input").fill('{"orderId": "ORD-7", "items": [{"sku": "A-1", "quantity": 2}, {"sku": "B-2", "quantity": 1}]}');
    await panel.getByTestId("ts-result").fill("[{}, {}]");
    await runFor(panel, "SUCCEEDED", /Goes to Charge and notify next/);
    assert.match(await stage(panel, "afterItemsPath"), /The items \(after ItemsPath\)/);
    assert.match(
      await stage(panel, "afterItemSelector"),
      /What each item's run is given \(after ItemSelector\)\s+\[\s+\{\s+"orderId": "ORD-7",\s+"item": \{\s+"sku": "A-1",\s+"quantity": 2\s+\}\s+\},\s+\{\s+"orderId": "ORD-7",\s+"item": \{\s+"sku": "B-2"/,
    );
    await s.screenshot("teststate-04-map-items");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
