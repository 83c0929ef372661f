// The studio opens on the embedded example and draws it from the Go layout.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { countGraph, expectCount, openStudio } from "./studio.mjs";

const exampleText = readFileSync(new URL("../../app/examples/order-process.asl.json", import.meta.url), "utf8");
const example = JSON.parse(exampleText);
const want = countGraph(example);

test("opens the example and draws one node per state and one edge per transition", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("file-name").getByText("order-process.asl.json").waitFor();
    const nodes = page.getByTestId("state-node");
    await nodes.first().waitFor();
    await expectCount(nodes, want.states, "state nodes");
    const transitions = page.locator(".react-flow__edge:not(.edge-kind-start):not(.edge-kind-end)");
    await expectCount(transitions, want.transitions, "transition edges");
    await expectCount(page.getByTestId("marker-start"), 1, "start marker");
    await expectCount(page.getByTestId("marker-end"), 1, "end marker");
    // Containers hold their children: the Map's task is inside the Map's box.
    const map = await page.locator('[data-state="Reserve items"]').boundingBox();
    const inner = await page.locator('[data-state="Reserve stock"]').boundingBox();
    assert.ok(map && inner, "map and its task are drawn");
    assert.ok(inner.x >= map.x && inner.y >= map.y && inner.x + inner.width <= map.x + map.width, "task inside map");
    // Readable labels on Choice and Catch edges.
    await page.locator(".edge-label", { hasText: "validation.valid == false" }).waitFor();
    await page.locator(".edge-label-catch", { hasText: "PaymentDeclined" }).waitFor();
    await s.screenshot("01-example-design");
    assert.deepEqual(s.errors, [], "no page errors");
  } finally {
    await s.close();
  }
});

test("selecting a state shows it in the inspector", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.locator('[data-state="Validate order"]').click();
    const inspector = page.getByTestId("inspector-state");
    await inspector.getByText("Validate order", { exact: true }).waitFor();
    const resource = inspector.getByTestId("field-Resource");
    await resource.waitFor();
    assert.equal(await resource.inputValue(), "arn:aws:states:::lambda:invoke");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("code view edits redraw the diagram, and broken code keeps the last diagram marked stale", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    await page.getByRole("tab", { name: "Split" }).click();
    const code = page.getByTestId("code-view").locator(".cm-content");
    await code.waitFor();
    // Rename a state where it is defined and referenced: the diagram follows.
    await code.click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(exampleText.replaceAll('"Order complete"', '"Order shipped"'));
    await page.locator('[data-state="Order shipped"]').waitFor();
    await page.getByTestId("dirty-marker").waitFor();
    // Break the JSON: the last diagram stays, marked stale, with a located error.
    await code.click();
    await page.keyboard.press("Control+Home");
    await page.keyboard.type("oops");
    const err = page.getByTestId("canvas-error");
    await err.waitFor();
    assert.match(await err.innerText(), /The code has a mistake on line 1; fix it in the code view to edit the diagram/);
    assert.equal(await page.locator(".canvas.stale").count(), 1);
    assert.ok((await page.getByTestId("state-node").count()) > 0, "last diagram still shown");
    await s.screenshot("02-split-stale");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
