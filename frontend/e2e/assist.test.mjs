// Help while typing in the code view, against the real app: Ctrl+Space
// offers the keys a Task may have and accepting one writes it; hovering a
// key shows what it means.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openStudio, waitForCode } from "./studio.mjs";

const definition = `{
  "StartAt": "Call",
  "States": {
    "Call": {
      "Type": "Task",
      "Resource": "arn:aws:states:::lambda:invoke",
      "ResultPath": "$.result",
      "End": true
    }
  }
}`;

test("code view: Ctrl+Space completes TimeoutSeconds in a Task; hovering ResultPath describes it", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.locator('[data-testid="state-node"]').first().waitFor();
    await page.getByRole("tab", { name: "Split" }).click();
    await page.getByTestId("code-view").locator(".cm-content").click();
    // Replace the text and put the cursor on a new line after ResultPath.
    await page.evaluate((t) => {
      const v = document.querySelector(".cm-content").cmTile.root.view;
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: t }, userEvent: "input.paste" });
      const at = t.indexOf('"$.result",') + '"$.result",'.length;
      v.dispatch({ selection: { anchor: at } });
      v.focus();
    }, definition);
    await page.keyboard.press("Enter");
    await page.keyboard.type('"Tim');
    await page.keyboard.press("Control+Space");
    const option = page.locator(".cm-tooltip-autocomplete li", { hasText: "TimeoutSeconds" }).first();
    await option.waitFor();
    await s.screenshot("assist-01-completion");
    // The list is only the Task's fields that are not there yet.
    const labels = await page.locator(".cm-tooltip-autocomplete li .cm-completionLabel").allTextContents();
    assert.ok(!labels.includes("Resource"), `Resource is present already: ${labels}`);
    await page.keyboard.press("Enter");
    await page.keyboard.type("30,");
    const code = await waitForCode(page, (t) => /"TimeoutSeconds": 30,\n\s*"End": true/.test(t), "TimeoutSeconds was accepted");
    assert.match(code, /"ResultPath": "\$\.result",\n\s*"TimeoutSeconds": 30,/);

    // Hover ResultPath: its description and its query language.
    const box = await page.evaluate(() => {
      const v = document.querySelector(".cm-content").cmTile.root.view;
      const pos = v.state.doc.toString().indexOf("ResultPath") + 4;
      const c = v.coordsAtPos(pos);
      return { x: c.left + 2, y: (c.top + c.bottom) / 2 };
    });
    await page.mouse.move(box.x, box.y);
    const tip = page.getByTestId("code-hover");
    await tip.waitFor();
    const text = await tip.textContent();
    assert.match(text, /Where the result goes in the input/);
    assert.match(text, /JSONPath only/);
    await s.screenshot("assist-02-hover");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
