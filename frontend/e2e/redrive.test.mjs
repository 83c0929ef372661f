// Redrive: a run whose task fails on its first call is continued from
// where it failed, in the same run, as AWS's Redrive does; the state
// before the failed one is not run again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openStudio, waitStatus } from "./studio.mjs";

const workflow = JSON.stringify(
  {
    Comment: "Redrive",
    StartAt: "Before",
    States: {
      Before: { Type: "Pass", Result: { n: 1 }, Next: "Call" },
      Call: { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", ResultPath: "$.call", Next: "After" },
      After: { Type: "Pass", End: true },
    },
  },
  null,
  2,
);

const mocks = JSON.stringify({
  StateMachines: { "order-process": { TestCases: { FailOnce: { Call: "ThrowThenReturn" } } } },
  MockedResponses: {
    ThrowThenReturn: {
      0: { Throw: { Error: "Service.Unavailable", Cause: "first call" } },
      1: { Return: { ok: true } },
    },
  },
});

/** The events table's rows as [type, state]. */
async function eventRows(page) {
  await page.getByTestId("run-tab-events").click();
  await page.getByTestId("event-row").first().waitFor();
  return page.getByTestId("event-row").evaluateAll((rows) => rows.map((r) => [r.children[1].textContent, r.children[2].textContent]));
}

test("redrive a failed run: it goes on from the failed task and succeeds", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    await page.getByRole("tab", { name: "Code" }).click();
    await page.getByTestId("code-view").locator(".cm-content").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(workflow);
    await page.getByRole("tab", { name: "Design" }).click();
    await page.locator('[data-testid="state-node"][data-state="Call"]').waitFor();
    await page.getByTestId("tab-run").click();
    await page.getByTestId("run-panel").waitFor();
    await page.locator(".run-setup summary", { hasText: "Mock file" }).click();
    await page.getByLabel("Mock file (AWS MockConfigFile JSON)").fill(mocks);
    await page.getByTestId("test-case").selectOption("FailOnce");

    await page.getByTestId("run-start").click();
    await page.locator('[data-testid="run-status-pill"]', { hasText: "FAILED" }).waitFor({ timeout: 15000 });
    await waitStatus(page, "Call", "failed");
    const runId = await page.getByTestId("run-status-pill").getAttribute("data-run");
    const redrive = page.getByTestId("run-redrive");
    assert.match((await redrive.getAttribute("title")) ?? "", /Continue this run from where it failed, keeping what succeeded/);
    await s.screenshot("redrive-01-failed");

    await redrive.click();
    await page.locator(`[data-testid="run-status-pill"][data-run="${runId}"]`, { hasText: "SUCCEEDED" }).waitFor({ timeout: 15000 });
    await waitStatus(page, "Call", "succeeded");
    await waitStatus(page, "After", "succeeded");
    assert.match(await page.getByTestId("run-redrive-count").innerText(), /redriven 1/);
    assert.equal(await page.getByTestId("run-redrive").count(), 0, "a SUCCEEDED run offers no redrive");

    const rows = await eventRows(page);
    const types = rows.map(([t]) => t);
    console.log(`history after the redrive: ${types.join(", ")}`);
    assert.ok(types.includes("ExecutionRedriven"), "the history shows the redrive");
    assert.equal(types.indexOf("ExecutionRedriven"), types.indexOf("ExecutionFailed") + 1, "the redrive follows the failure");
    assert.equal(rows.filter(([t, st]) => t === "PassStateEntered" && st === "Before").length, 1, "Before is not run again");
    assert.equal(rows.filter(([t]) => t === "TaskStateEntered").length, 2, "Call runs again");
    assert.equal(types.at(-1), "ExecutionSucceeded");
    await s.screenshot("redrive-02-succeeded");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
