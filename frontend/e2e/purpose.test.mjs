// What a new user tried: find a step by what it is for ("approve"), read a
// Map's items from a CSV file in S3 through a form, and set a variable as a
// row, not as a JSON box. Each edit shows in the code and undoes to the
// exact original text.
import { test } from "node:test";
import assert from "node:assert/strict";
import { center, drag, edgeMiddle, exampleText, openStudio, waitForCode } from "./studio.mjs";

const state = (page, name) => page.locator(`[data-testid="state-node"][data-state="${name}"]`);
const inspector = (page) => page.getByRole("complementary", { name: "Inspector" });

test("search 'approve', drop it; a Map reads a CSV file from S3; a variable added as a row", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await state(page, "Validate order").waitFor();
    await page.getByRole("tab", { name: "Split" }).click();
    const original = await waitForCode(page, (t) => t === exampleText, "the code view shows the example");

    // 1. "approve" finds the callback step, and only it.
    await page.getByTestId("palette-search").fill("approve");
    const found = page.getByTestId("palette-item");
    await found.first().waitFor();
    assert.deepEqual(await found.evaluateAll((els) => els.map((e) => e.getAttribute("data-entry"))), ["callback"]);
    await drag(page, await center(found.first()), await edgeMiddle(page, "/States/Validate order/Next"));
    await state(page, "Wait for answer").waitFor();
    await waitForCode(page, (t) => t.includes('"Next": "Wait for answer"') && t.includes("sqs:sendMessage.waitForTaskToken"), "the callback step is in the code");
    await page.getByTestId("palette-search").fill("");

    // 2. The Map's items from a CSV file in S3: pick the kind, fill bucket and file.
    await state(page, "Reserve items").locator(".state-name").first().click();
    const form = inspector(page).locator('[data-testid="state-form"][data-type="Map"]');
    const reader = form.getByTestId("section-item-reader");
    await reader.waitFor();
    await reader.getByTestId("reader-kind").selectOption("csv");
    await waitForCode(page, (t) => {
      const m = JSON.parse(t).States["Reserve items"];
      return m.ItemReader?.ReaderConfig?.InputType === "CSV" && m.ItemProcessor.ProcessorConfig.Mode === "DISTRIBUTED";
    }, "a CSV reader, and the Map is distributed");
    // Only a CSV's fields show, in plain words with the ASL name beside.
    await reader.getByText("Separator").waitFor();
    assert.equal(await reader.getByTestId("field-ItemReader.Parameters.Prefix").count(), 0, "a file has no folder field");
    const bucket = reader.getByTestId("field-ItemReader.Parameters.Bucket");
    await bucket.fill("orders-bucket");
    await bucket.press("Enter");
    const key = reader.getByTestId("field-ItemReader.Parameters.Key");
    await key.fill("2026/orders.csv");
    await key.press("Enter");
    const withReader = await waitForCode(page, (t) => t.includes('"Key": "2026/orders.csv"'), "bucket and key are written");
    assert.match(withReader, /"ItemReader": \{\n        "Resource": "arn:aws:states:::s3:getObject",\n        "ReaderConfig": \{\n          "InputType": "CSV",\n          "CSVHeaderLocation": "FIRST_ROW"\n        \},\n        "Parameters": \{\n          "Bucket": "orders-bucket",\n          "Key": "2026\/orders.csv"\n        \}\n      \},\n      "ItemProcessor"/);
    await reader.scrollIntoViewIfNeeded();
    await s.screenshot("80-inspector-item-reader");

    // 3. A variable as a row: name and value, one step; a path value is read from the data.
    const assign = form.getByTestId("assign-rows");
    await assign.scrollIntoViewIfNeeded();
    await form.getByTestId("assign-new-name").fill("itemCount");
    await form.getByTestId("assign-new-value").fill("$.items.length()");
    await form.getByTestId("assign-add").click();
    await waitForCode(page, (t) => t.includes('"Assign": {\n        "itemCount.$": "$.items.length()"\n      },'), "the variable is written as a path");
    const row = assign.locator('[data-testid="assign-row"][data-name="itemCount"]');
    await row.waitFor();
    assert.equal(await row.getByTestId("assign-value").inputValue(), "$.items.length()");
    await form.getByTestId("assign-new-name").scrollIntoViewIfNeeded();
    await s.screenshot("81-inspector-assign-rows");

    // Five edits, five undo steps, back to the exact text.
    await page.getByTestId("canvas").locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 5; i++) await page.keyboard.press("Control+Z");
    await waitForCode(page, (t) => t === original, "undo restores the exact original text");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
