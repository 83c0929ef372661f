// Editing on the canvas against the real app: palette drops, connections,
// rename, undo/redo on the one history, code edits redrawing the diagram;
// and the speed of an edit on a 50-state workflow and of opening 300 states.
import { test } from "node:test";
import assert from "node:assert/strict";
import { center, codeText, drag, edgeMiddle, exampleText, expectCount, openStudio, waitForCode } from "./studio.mjs";

/** Replaces the whole code through the editor, as a user pasting would. */
async function typeCode(page, text) {
  await page.getByTestId("code-view").locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
}

/**
 * Pastes text over the whole code as one CodeMirror transaction, as its
 * paste handler does. (Chromium's simulated typing of a large text takes
 * seconds by itself, which would measure the test harness, not the app.)
 */
async function pasteCode(page, text) {
  await page.evaluate((t) => {
    const v = document.querySelector(".cm-content").cmTile.root.view;
    window.__t0 = performance.now();
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: t }, userEvent: "input.paste" });
  }, text);
}

const state = (page, name) => page.locator(`[data-testid="state-node"][data-state="${name}"]`);

test("edit on the canvas: insert from the palette, connect a rule, rename, undo and redo, edit the code", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await state(page, "Validate order").waitFor();
    await page.getByRole("tab", { name: "Split" }).click();
    const original = await waitForCode(page, (t) => t === exampleText, "the code view shows the example");

    // 1. Drag "SNS Publish" from the palette onto the arrow leaving "Validate order".
    const item = page.locator('[data-testid="palette-item"][data-entry="sns-publish"]');
    await item.scrollIntoViewIfNeeded();
    await drag(page, await center(item), await edgeMiddle(page, "/States/Validate order/Next"), async () => {
      // While dragging, the arrow under the pointer is highlighted (look at it).
      await page.waitForTimeout(300);
      await s.screenshot("09-editing-dragging-onto-arrow");
    });
    await state(page, "Send notification").waitFor();
    const inserted = await waitForCode(page, (t) => t.includes('"Next": "Send notification"'), "Validate order now leads to the new step");
    assert.match(inserted, /"Send notification": \{\n      "Type": "Task",\n      "Resource": "arn:aws:states:::sns:publish",/);
    assert.match(inserted, /"TimeoutSeconds": 30,\n      "Next": "Is the order valid\?"\n    \}/);
    await s.screenshot("10-editing-inserted-from-palette");

    // 2. Connect a new Choice rule from "Is the order valid?" to "Reserve items".
    const choice = state(page, "Is the order valid?");
    await choice.hover();
    const handle = choice.getByTestId("handle-rule");
    await drag(page, await center(handle), await center(state(page, "Reject order")));
    const connected = await waitForCode(page, (t) => t.includes('"StringEquals": "approved",\n          "Next": "Reject order"'), "a new rule goes to Reject order");
    await expectCount(page.locator(".react-flow__edge.edge-kind-choice"), 2, "choice rule edges");
    await s.screenshot("11-editing-choice-rule-connected");

    // 3. Rename "Reserve items" by double-clicking its name; every reference follows.
    await state(page, "Reserve items").locator(".state-name").first().dblclick();
    const input = page.getByTestId("rename-input");
    await input.fill("Reserve stock items");
    await input.press("Enter");
    await state(page, "Reserve stock items").waitFor();
    const renamed = await waitForCode(page, (t) => !t.includes('"Reserve items"'), "no reference to the old name is left");
    assert.equal(renamed.split('"Reserve stock items"').length - 1, 2, "the key and the Default");
    assert.equal(renamed.split("\n").length, connected.split("\n").length, "a rename changes no line count");
    assert.equal(await page.getByTestId("canvas-notice").count(), 0, "the rename was done once, without complaint");
    await s.screenshot("12-editing-renamed");

    // 4. Undo three times: the exact original text; redo three times: the renamed text.
    await page.getByTestId("canvas").locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 3; i++) await page.keyboard.press("Control+Z");
    await waitForCode(page, (t) => t === original, "undo restores the exact original text");
    await state(page, "Send notification").waitFor({ state: "detached" });
    await page.keyboard.press("Control+Shift+Z");
    await page.keyboard.press("Control+Y");
    await page.keyboard.press("Control+Shift+Z");
    await waitForCode(page, (t) => t === renamed, "redo re-applies every edit exactly");
    await state(page, "Reserve stock items").waitFor();

    // 5. Edit the code: the diagram follows; Ctrl+Z in the code undoes on the same history.
    await typeCode(page, renamed.replaceAll('"Reject order"', '"Order rejected"'));
    await state(page, "Order rejected").waitFor();
    await s.screenshot("13-editing-code-edit-redrawn");
    await page.keyboard.press("Control+Z");
    await waitForCode(page, (t) => t === renamed, "undo from the code editor restores the text");
    await state(page, "Reject order").waitFor();

    // 6. Delete the inserted step: its predecessor is reconnected to its successor.
    await state(page, "Send notification").click();
    await page.keyboard.press("Delete");
    await state(page, "Send notification").waitFor({ state: "detached" });
    await waitForCode(page, (t) => t.includes('"TimeoutSeconds": 30,\n      "Retry"') || t.includes('"Next": "Is the order valid?"'), "Validate order leads to the Choice again");
    await s.screenshot("14-editing-deleted");

    // 7. The help overlay lists the shortcuts.
    await page.keyboard.press("?");
    await page.getByTestId("help-overlay").getByText("Ctrl+Shift+Z").waitFor();
    await s.screenshot("15-editing-help");
    await page.keyboard.press("Escape");
    assert.deepEqual(s.errors, [], "no page errors");
  } finally {
    await s.close();
  }
});

/** A linear workflow of n Pass/Task states. */
function chain(n) {
  const States = {};
  for (let i = 1; i <= n; i++) {
    States[`Step ${i}`] =
      i % 2 ? { Type: "Pass", Next: `Step ${i + 1}` } : { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: "f", "Payload.$": "$" }, Next: `Step ${i + 1}` };
  }
  States[`Step ${n}`] = { Type: "Succeed" };
  return JSON.stringify({ StartAt: "Step 1", States }, null, 2);
}

/** Runs act and resolves with the ms until ready() holds after a painted frame. */
async function timeUntil(page, ready, act) {
  await page.evaluate((src) => {
    const done = new Function(`return (${src})`)();
    window.__measure = new Promise((resolve) => {
      window.__t0 = undefined;
      const check = () => {
        if (window.__t0 !== undefined && done()) {
          requestAnimationFrame(() => resolve(performance.now() - window.__t0));
          return true;
        }
        return false;
      };
      const obs = new MutationObserver(() => check() && obs.disconnect());
      obs.observe(document.body, { childList: true, subtree: true, attributes: true });
      // The clock starts at the key press (or where the action sets it).
      window.addEventListener("keydown", () => (window.__t0 = performance.now()), { capture: true, once: true });
    });
  }, ready.toString());
  await act();
  return page.evaluate(() => window.__measure);
}

test("speed: an edit on 50 states, and opening 300 states", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await state(page, "Validate order").waitFor();
    await page.getByRole("tab", { name: "Split" }).click();

    await pasteCode(page, chain(50));
    await expectCount(page.getByTestId("state-node"), 50, "50 states drawn", 15000);
    const samples = [];
    for (let i = 0; i < 5; i++) {
      const victim = `Step ${10 + i * 2}`;
      await state(page, victim).click();
      const ms = await timeUntil(
        page,
        () => document.querySelectorAll('[data-testid="state-node"]').length === 49,
        () => page.keyboard.press("Delete"),
      );
      samples.push(ms);
      await page.keyboard.press("Control+Z");
      await expectCount(page.getByTestId("state-node"), 50, "undo brings it back");
    }
    samples.sort((a, b) => a - b);
    console.log(`edit -> updated diagram, 50 states (delete a step: command + validate + layout + render): median ${samples[2].toFixed(0)} ms, samples ${samples.map((x) => x.toFixed(0)).join(", ")}`);

    // Opening 300 states: the Go call alone, then text to drawn diagram.
    const big = chain(300);
    const goMs = await page.evaluate(async (text) => {
      const t0 = performance.now();
      const a = await window.go.app.Studio.Analyze("big.asl.json", text, [], {});
      if (!a.diagram) throw new Error("no diagram");
      return performance.now() - t0;
    }, big);
    const openMs = await timeUntil(
      page,
      () => document.querySelectorAll('[data-testid="state-node"]').length === 300,
      () => pasteCode(page, big), // sets the start time itself
    );
    console.log(`300-state definition: Analyze (validate + layout) ${goMs.toFixed(0)} ms; paste -> drawn diagram ${openMs.toFixed(0)} ms (includes the 120 ms typing debounce)`);
    await s.screenshot("16-editing-300-states");
    assert.deepEqual(s.errors, [], "no page errors");
  } finally {
    await s.close();
  }
});

test("search, duplicate, copy and paste, multi-select and delete", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await state(page, "Validate order").waitFor();
    await page.getByRole("tab", { name: "Split" }).click();
    const original = await waitForCode(page, (t) => t === exampleText, "the code view shows the example");
    await page.getByTestId("canvas").locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });

    // Ctrl+F finds a step by name and selects it.
    await page.keyboard.press("Control+F");
    await page.getByTestId("canvas-search").fill("charge c");
    await page.getByTestId("canvas-search").press("Enter");
    await page.getByTestId("inspector-state").getByText("Charge card", { exact: true }).waitFor();

    // F2 renames the selected step; Escape would cancel, Enter confirms; Ctrl+Z undoes it.
    await page.keyboard.press("F2");
    await page.getByTestId("rename-input").fill("Charge the card");
    await page.keyboard.press("Enter");
    await state(page, "Charge the card").waitFor();
    await page.keyboard.press("Control+Z");
    await state(page, "Charge card").waitFor();
    await waitForCode(page, (t) => t === original, "undo gives back the name");
    await state(page, "Charge card").click();

    // Ctrl+D duplicates it inside its branch, next to the original.
    await page.keyboard.press("Control+D");
    await state(page, "Charge card copy").waitFor();
    const duplicated = await waitForCode(page, (t) => t.includes('"Charge card copy": {'), "the copy is in the code");
    assert.ok(duplicated.indexOf('"Charge card copy"') > duplicated.indexOf('"Charge card": {'), "the copy follows the original");

    // Ctrl+C / Ctrl+V: a copy of "Release items" pasted after the selected step.
    await state(page, "Release items").click();
    await page.keyboard.press("Control+C");
    await page.keyboard.press("Control+V");
    await state(page, "Release items copy").waitFor();
    await waitForCode(page, (t) => t.includes('"Release items copy": {'), "the pasted step is in the code");
    await s.screenshot("17-editing-duplicated-and-pasted");

    // Shift+1 zooms to fit (the search zoomed in); Shift+click selects both
    // copies; Delete removes them: back to the example.
    await page.keyboard.press("Shift+Digit1");
    await page.waitForTimeout(400);
    await state(page, "Charge card copy").click();
    await state(page, "Release items copy").click({ modifiers: ["Shift"] });
    await expectCount(page.locator(".react-flow__node.selected"), 2, "two selected steps");
    await page.keyboard.press("Delete");
    await waitForCode(page, (t) => t === original, "deleting both copies gives back the exact example");
    await expectCount(page.locator('[data-testid="state-node"][data-state$=" copy"]'), 0, "copies on the canvas");
    assert.deepEqual(s.errors, [], "no page errors");
  } finally {
    await s.close();
  }
});

test("drop into a Map's processor, connect a Catch from the right handle", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await state(page, "Validate order").waitFor();
    await page.getByRole("tab", { name: "Split" }).click();
    await waitForCode(page, (t) => t === exampleText, "the code view shows the example");

    // A Wait dropped inside the Map's box (away from its arrows) joins its processor.
    const map = await state(page, "Reserve items").boundingBox();
    const item = page.locator('[data-testid="palette-item"][data-entry="wait"]');
    await drag(page, await center(item), { x: map.x + map.width - 6, y: map.y + map.height - 6 });
    await state(page, "Wait").waitFor();
    const inside = await waitForCode(page, (t) => t.includes('"Next": "Wait"'), "Reserve stock now leads to the Wait");
    assert.match(inside, /"Wait": \{\n {12}"Type": "Wait",\n {12}"Seconds": 60,\n {12}"End": true\n {10}\}/, "the Wait ends the processor");

    // The right handle of a Task adds a catcher going where it is dropped.
    // The example has one catcher (Charge and notify → Release items); wait
    // for its arrow, as the new layout may still be drawing the edges.
    const before = 1;
    await expectCount(page.locator(".react-flow__edge.edge-kind-catch"), before, "the example's catch edge");
    await page.waitForTimeout(300); // let the new layout settle before aiming
    const task = state(page, "Validate order");
    await task.hover();
    await drag(page, await center(task.getByTestId("handle-catch")), await center(state(page, "Reject order")));
    try {
      await waitForCode(page, (t) => t.includes('"ErrorEquals": ["States.ALL"],\n          "Next": "Reject order"'), "a catcher goes to Reject order");
    } catch (err) {
      await s.screenshot("18-editing-catch-FAILED");
      throw err;
    }
    await expectCount(page.locator(".react-flow__edge.edge-kind-catch"), before + 1, "catch edges");
    await s.screenshot("18-editing-map-insert-and-catch");

    // Enter on a palette item adds it after the selected step.
    await state(page, "Release items").click();
    const pass = page.locator('[data-testid="palette-item"][data-entry="pass"]');
    await pass.focus();
    await pass.press("Enter");
    await state(page, "Pass").waitFor();
    await waitForCode(page, (t) => t.includes('"Pass": {\n      "Type": "Pass",\n      "Next": "Payment declined"\n    }'), "the Pass follows Release items");

    // A refused edit says why, where the user looks, and changes nothing.
    const text = await codeText(page);
    const choiceItem = page.locator('[data-testid="palette-item"][data-entry="choice"]');
    await drag(page, await center(choiceItem), await edgeMiddle(page, "/States/Order complete>end"));
    await page.getByTestId("canvas-notice").getByText("Order complete ends the workflow; nothing can follow it.").waitFor();
    assert.equal(await codeText(page), text, "a refused edit leaves the text alone");
    await s.screenshot("19-editing-refused-with-reason");
    assert.deepEqual(s.errors, [], "no page errors");
  } finally {
    await s.close();
  }
});
