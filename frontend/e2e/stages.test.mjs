// Inspect's stages as AWS applies them: a task whose error a Catch took
// is shown as caught, with the Catch's ResultPath; a JSONata state shows
// $states.input, Assign and Output, never JSONPath's fields.
import { test } from "node:test";
import assert from "node:assert/strict";
import { node, openStudio, setText, waitStatus } from "./studio.mjs";

const caught = JSON.stringify(
  {
    StartAt: "Charge",
    States: {
      Charge: {
        Type: "Task",
        Resource: "arn:aws:states:::lambda:invoke",
        Parameters: { "amount.$": "$.amount" },
        Catch: [{ ErrorEquals: ["States.TaskFailed"], ResultPath: "$.error", Next: "Handle error" }],
        Next: "Done",
      },
      "Handle error": {
        Type: "Pass",
        QueryLanguage: "JSONata",
        Assign: { reason: "{% $states.input.error.Cause %}", step: "{% $states.context.State.Name %}" },
        Output: '{% {"failed": $states.input.error.Error} %}',
        End: true,
      },
      Done: { Type: "Succeed" },
    },
  },
  null,
  2,
);

test("a caught error is shown as caught, with the Catch's ResultPath; a JSONata state shows its own stages", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    await setText(page, caught);
    await node(page, "Handle error").waitFor();
    await page.getByTestId("tab-run").click();
    await page.getByTestId("run-panel").waitFor();
    await page.getByTestId("run-input").fill('{"amount": 5}');
    await page.getByTestId("run-start").click();
    const card = page.locator('[data-testid="pending"][data-state="Charge"]');
    await card.waitFor({ timeout: 10000 });
    await card.getByText("Throw an error").click();
    await card.getByTestId("pending-error").fill("PaymentDeclined");
    await card.getByLabel("Cause").fill("card expired");
    await card.getByTestId("pending-send").click();
    await page.locator('[data-testid="run-status-pill"]', { hasText: "SUCCEEDED" }).waitFor({ timeout: 15000 });
    await waitStatus(page, "Charge", "caught");
    await waitStatus(page, "Handle error", "succeeded");

    // The caught task: its status line, the Catch that took the error and
    // where the error went; no red error box, no "No ResultPath".
    await node(page, "Charge").click();
    const inspect = page.getByTestId("inspect");
    await inspect.locator('[data-testid="inspect-status"][data-status="caught"]').waitFor();
    assert.match(await inspect.getByTestId("inspect-status").innerText(), /Failed with PaymentDeclined, caught/);
    const stage = (kind) => inspect.locator(`[data-testid="stage"][data-kind="${kind}"]`).first().innerText();
    assert.match(await stage("caught"), /Caught PaymentDeclined → Handle error; the error went to \$\.error\./);
    const errOut = await stage("errorOutput");
    assert.match(errOut, /"Error": "PaymentDeclined"/);
    assert.match(errOut, /"Cause": "card expired"/);
    assert.match(await stage("catchResult"), /"amount": 5,\s+"error": \{/);
    assert.match(await stage("task"), /What the task was given \(Parameters\)\s+\{\s+"amount": 5/);
    assert.equal(await inspect.getByTestId("inspect-error").count(), 0, "a caught error is not shown as a failure");
    const text = await inspect.innerText();
    assert.doesNotMatch(text, /No ResultPath|still running/);
    await s.screenshot("stages-01-caught");

    // The JSONata state: $states.input, $states.context, Assign, Output.
    await node(page, "Handle error").click();
    await inspect.locator('[data-testid="inspect-status"][data-status="succeeded"]').waitFor();
    const labels = await inspect.locator('[data-testid="stage"] .stage-label').allInnerTexts();
    assert.deepEqual(labels, [
      "What the state received ($states.input)",
      "What the state knew of the run ($states.context)",
      "Variables assigned (Assign)",
      "What the state passed on (Output)",
    ]);
    assert.match(await stage("assign"), /\$reason\s+"card expired"/);
    assert.match(await stage("assign"), /\$step\s+"Handle error"/);
    assert.match(await stage("context"), /"Name": "Handle error"/);
    assert.match(await stage("output"), /"failed": "PaymentDeclined"/);
    assert.match(await inspect.getByTestId("inspect-status").innerText(), /JSONata/);
    await s.screenshot("stages-02-jsonata");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
