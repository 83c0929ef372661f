// Try it: one click plays the example with generated answers for every
// task, so the path shows before any mock is written; the run history and
// Inspect say the answers were generated.
import { test } from "node:test";
import assert from "node:assert/strict";
import { node, openStudio, statusOf, waitStatus } from "./studio.mjs";


test("Try it plays the example with generated answers to SUCCEEDED, states lit", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    await page.getByTestId("tab-run").click();
    await page.getByTestId("run-panel").waitFor();
    const button = page.getByTestId("run-try");
    assert.equal((await button.innerText()).trim(), "▶ Try it");
    await button.click();
    await page.locator('[data-testid="run-status-pill"]', { hasText: "SUCCEEDED" }).waitFor({ timeout: 15000 });
    // No task asked for an answer by hand.
    assert.equal(await page.getByTestId("pending").count(), 0);
    await page.getByTestId("run-tryit-note").filter({ hasText: "Try it (generated answers)" }).waitFor();
    // The path the data leads to is lit; the rejection is not.
    for (const st of ["Validate order", "Is the order valid?", "Reserve items", "Charge and notify", "Charge card", "Send confirmation", "Order complete"]) {
      await waitStatus(page, st, "succeeded");
    }
    assert.equal(await statusOf(page, "Reject order"), null, "the Choice followed the data, not every branch");
    assert.ok((await page.locator("path.run-taken").count()) >= 5, "the path taken is highlighted");
    await s.screenshot("tryit-01-succeeded");

    // Inspect says the result was generated, shaped like Lambda's answer.
    await node(page, "Validate order").click();
    const inspect = page.getByTestId("inspect");
    await inspect.getByTestId("inspect-generated").waitFor();
    const result = await inspect.getByTestId("stage").filter({ hasText: "What the task returned" }).first().innerText();
    assert.match(result, /"ExecutedVersion": "\$LATEST"/);
    assert.match(result, /"StatusCode": 200/);
    assert.match(result, /"orderId": "ORD-1042"/); // the Payload echoes what the Lambda was given
    await s.screenshot("tryit-02-inspect");

    // The run history labels the run.
    await page.getByTestId("run-tab-history").click();
    await page.getByTestId("history-run").filter({ hasText: "Try it (generated answers)" }).first().waitFor();
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
