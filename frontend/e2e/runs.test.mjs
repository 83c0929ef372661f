// Visual runs: run the example with tasks answered by hand and mocks,
// watch states change on the diagram, break and step, inspect a state,
// approve a callback, re-run from a state, replay and import a stored run;
// then measure a 10,000-item Map and a 10,000-iteration loop.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { openStudio } from "./studio.mjs";

const node = (page, name) => page.locator(`[data-testid="state-node"][data-state="${name}"]`);
const statusOf = (page, name) =>
  node(page, name)
    .locator('[data-testid="run-status"]')
    .first()
    .getAttribute("data-status", { timeout: 500 })
    .catch(() => null);

async function waitStatus(page, name, want, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  let got;
  while (Date.now() < deadline) {
    got = await statusOf(page, name);
    if (got === want) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`${name}: status ${got}, want ${want}`);
}

async function waitRun(page, status, timeoutMs = 15000) {
  await page.locator(`[data-testid="run-status-pill"]`, { hasText: status }).waitFor({ timeout: timeoutMs });
}

async function openRunTab(s) {
  await s.page.getByTestId("state-node").first().waitFor();
  await s.page.getByTestId("tab-run").click();
  await s.page.getByTestId("run-panel").waitFor();
}

/** Answers the pending task of state with a result. */
async function answer(page, state, output) {
  const card = page.locator(`[data-testid="pending"][data-state="${state}"]`).first();
  await card.waitFor({ timeout: 10000 });
  await card.getByTestId("pending-output").fill(output);
  await card.getByTestId("pending-send").click();
}

/** Replaces the document's text through the code view. */
async function setText(page, text) {
  await page.getByRole("tab", { name: "Code" }).click();
  await page.getByTestId("code-view").locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
  await page.getByRole("tab", { name: "Design" }).click();
  await page.getByTestId("state-node").first().waitFor();
}

const happyMocks = JSON.stringify({
  StateMachines: {
    "order-process": {
      TestCases: {
        Happy: {
          "Validate order": "Valid",
          "Reserve stock": "Reserved",
          "Charge card": "Charged",
          "Send confirmation": "Sent",
        },
      },
    },
  },
  MockedResponses: {
    Valid: { "0": { Return: { Payload: { valid: true, total: 42 } } } },
    Reserved: { "0-9": { Return: { ok: true } } },
    Charged: { "0": { Return: { Payload: { charged: 42 } } } },
    Sent: { "0": { Return: { MessageId: "m-1" } } },
  },
});

async function useMocks(page) {
  await page.locator(".run-setup summary", { hasText: "Mock file" }).click();
  await page.getByLabel("Mock file (AWS MockConfigFile JSON)").fill(happyMocks);
  await page.getByTestId("test-case").selectOption("Happy");
}

test("run the example, answering its tasks by hand, and watch the states change", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await openRunTab(s);
    // The input defaults to the example's sample input.
    assert.match(await page.getByTestId("run-input").inputValue(), /ORD-1042/);
    await page.getByTestId("run-start").click();
    await answer(page, "Validate order", '{"Payload": {"valid": true, "total": 42}}');
    await waitStatus(page, "Validate order", "succeeded");
    await waitStatus(page, "Is the order valid?", "succeeded");
    // The Map asks for each item's reservation; it shows its progress.
    await page.locator('[data-testid="pending"][data-state="Reserve stock"]').first().waitFor();
    await s.screenshot("runs-01-manual-task");
    await answer(page, "Reserve stock", '{"reserved": 1}');
    await page.getByTestId("run-map-progress").filter({ hasText: "1 of 2" }).waitFor();
    await answer(page, "Reserve stock", '{"reserved": 2}');
    // Both Parallel branches wait side by side.
    await page.locator('[data-testid="pending"][data-state="Charge card"]').waitFor();
    await page.locator('[data-testid="pending"][data-state="Send confirmation"]').waitFor();
    await waitStatus(page, "Charge card", "running");
    await waitStatus(page, "Send confirmation", "running");
    await s.screenshot("runs-02-parallel-waiting");
    await answer(page, "Send confirmation", '{"MessageId": "m-1"}');
    await answer(page, "Charge card", '{"Payload": {"charged": 42}}');
    await waitRun(page, "SUCCEEDED");
    for (const st of ["Validate order", "Reserve items", "Charge and notify", "Order complete"]) {
      await waitStatus(page, st, "succeeded");
    }
    assert.equal(await statusOf(page, "Reject order"), null, "a state not reached has no status");
    assert.ok((await page.locator("path.run-taken").count()) >= 5, "the path taken is highlighted");
    await s.screenshot("runs-03-succeeded");

    // Inspect: a state's input and each stage.
    await node(page, "Validate order").click();
    const inspect = page.getByTestId("inspect");
    await inspect.getByText("Task result").waitFor();
    const text = await inspect.innerText();
    assert.match(text, /ORD-1042/);
    assert.match(text, /"total": 42/);
    assert.match(text, /validation/); // the output after ResultPath
    await s.screenshot("runs-04-inspect");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
