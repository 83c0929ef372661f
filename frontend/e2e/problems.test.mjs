// Validation as you type: problems are listed, badged on their state, and a
// click lands on the state and its code.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { openStudio } from "./studio.mjs";

const exampleText = readFileSync(new URL("../../app/examples/order-process.asl.json", import.meta.url), "utf8");

test("the example has no errors", async () => {
  const s = await openStudio();
  try {
    await s.page.getByTestId("state-node").first().waitFor();
    const errors = s.page.locator('[data-testid="problem"].error');
    assert.equal(await errors.count(), 0);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("a broken transition is listed, badged, and a click lands on it", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    await page.getByRole("tab", { name: "Code" }).click();
    await page.getByTestId("code-view").locator(".cm-content").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(exampleText.replace('"Next": "Payment declined"', '"Next": "Payment failed"'));
    // The line says where, in state names; the message ("Payment failed") is in its details.
    const problem = page.getByTestId("problem").filter({ hasText: "Release items › Next" });
    await problem.first().waitFor();
    await page.getByRole("tab", { name: "Design" }).click();
    await page.locator('[data-state="Release items"] [data-testid="badge-error"]').waitFor();
    await problem.first().click();
    // The state is selected, the inspector shows it, and the code selects the target.
    await page.getByTestId("inspector-state").getByText("Release items", { exact: true }).waitFor();
    // (The inspector takes the keyboard focus, at the field; the code view
    // keeps its selection on the target, on the active line.)
    await page.getByTestId("code-view").locator(".cm-activeLine").filter({ hasText: '"Payment failed"' }).waitFor();
    await page.getByTestId("code-view").locator(".cm-selectionBackground").first().waitFor({ state: "attached" });
    await s.screenshot("03-problem-located");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
