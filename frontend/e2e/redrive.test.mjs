// Redrive: a run whose task fails on its first call is continued from
// where it failed, in the same run, as AWS's Redrive does; the state
// before the failed one is not run again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openStudio, setText, waitFor, waitStatus } from "./studio.mjs";

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
    await setText(page, workflow);
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

// A distributed Map of 10 items whose items 4 and 8 (indexes 3 and 7) fail
// until their child execution is redriven ($$.Execution.RedriveCount is the
// child's own): Redrive redrives the Map Run in place, only those two
// children run again, and the Map Run view says so.
const distributed = JSON.stringify(
  {
    Comment: "Redrive a Map Run",
    StartAt: "Seed",
    States: {
      Seed: { Type: "Pass", Result: { items: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((v) => (v === 3 || v === 7 ? { v, fail: true } : { v })) }, Next: "Rows" },
      Rows: {
        Type: "Map",
        ItemsPath: "$.items",
        ItemProcessor: {
          ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
          StartAt: "Check",
          States: {
            Check: {
              Type: "Choice",
              Choices: [{ Or: [{ Variable: "$.fail", IsPresent: false }, { Variable: "$$.Execution.RedriveCount", NumericGreaterThan: 0 }], Next: "Done" }],
            },
            Done: { Type: "Pass", InputPath: "$.v", End: true },
          },
        },
        End: true,
      },
    },
  },
  null,
  2,
);

test("redrive a failed Map Run: only the two failed children run again, the Map Run view shows them redriven", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    await setText(page, distributed);
    await page.locator('[data-testid="state-node"][data-state="Rows"]').waitFor();
    await page.getByTestId("tab-run").click();
    await page.getByTestId("run-panel").waitFor();
    await page.getByTestId("run-start").click();
    await page.locator('[data-testid="run-status-pill"]', { hasText: "FAILED" }).waitFor({ timeout: 15000 });
    const runId = await page.getByTestId("run-status-pill").getAttribute("data-run");

    await page.getByTestId("run-tab-items").click();
    const view = page.getByTestId("map-run");
    await view.waitFor();
    const rows = view.getByTestId("map-run-child");
    await waitFor("10 child executions", async () => (await rows.count()) === 10);
    const names = await rows.evaluateAll((els) => els.map((e) => e.children[2].textContent));
    assert.match(await view.getByTestId("map-run-summary").innerText(), /8 of 10 succeeded, 2 failed/);
    await s.screenshot("redrive-03-map-run-failed");

    await page.getByTestId("run-redrive").click();
    await page.locator(`[data-testid="run-status-pill"][data-run="${runId}"]`, { hasText: "SUCCEEDED" }).waitFor({ timeout: 15000 });
    await page.getByTestId("run-tab-items").click();
    await view.waitFor();
    await waitFor("the redriven Map Run", async () => (await view.getByTestId("map-run-status").getAttribute("data-redrives")) === "1");
    await waitFor("all ten children succeeded", async () => (await rows.evaluateAll((els) => els.filter((e) => e.getAttribute("data-status") === "SUCCEEDED").length)) === 10);
    assert.match(await view.getByTestId("map-run-summary").innerText(), /10 of 10 succeeded · redriven 1×/);
    const redrives = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-redrives")));
    assert.deepEqual(redrives, ["0", "0", "0", "1", "0", "0", "0", "1", "0", "0"], "only items 4 and 8 were redriven");
    const after = await rows.evaluateAll((els) => els.map((e) => e.children[2].textContent));
    assert.deepEqual(after, names, "the children are the same executions (a redrive goes on in place)");

    await view.getByTestId("map-run-filter").selectOption("REDRIVEN");
    await waitFor("the two redriven children", async () => (await rows.count()) === 2);
    await rows.first().click();
    const details = view.getByTestId("map-run-child-details");
    await details.waitFor();
    assert.match(await details.innerText(), /Item 4: Succeeded after 1 redrive/);
    assert.match(await details.getByTestId("map-run-child-redriven").innerText(), /Redriven 1×/);
    const events = await details.getByTestId("map-run-child-events").innerText();
    assert.match(events, /ExecutionStarted[\s\S]*ExecutionFailed[\s\S]*ExecutionRedriven[\s\S]*ExecutionSucceeded/);
    await s.screenshot("redrive-04-map-run-redriven");

    const types = (await eventRows(page)).map(([t]) => t);
    console.log(`parent history after the redrive: ${types.join(", ")}`);
    assert.equal(types.filter((t) => t === "MapRunStarted").length, 1, "the Map Run is not started again");
    assert.equal(types.indexOf("MapRunRedriven") > types.indexOf("ExecutionRedriven"), true, "the Map Run is redriven after the execution");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
