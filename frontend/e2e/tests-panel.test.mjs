// The Tests tab against the real app: the example saved to a folder with
// its suite beside it; Run all passes; an edit (not saved) breaks one
// expectation and Run failed shows expected against got; coverage of one
// scenario marks what it never reached on the canvas; a scenario replays
// on the diagram; a run saved as a scenario lands in the test file on
// disk; "Re-run on save" runs the suite after Ctrl+S.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exampleText, openStudio, setText, waitFor, waitStatus } from "./studio.mjs";

const answers = process.env.STEPSTUDIO_DIALOG_ANSWERS;
const filesDir = process.env.E2E_FILES_DIR;
const skip = !answers || !filesDir ? "run through scripts/e2e.sh (dialog answers not set)" : false;
const examples = new URL("../../app/examples/", import.meta.url);

async function typeAll(page, text) {
  await setText(page, text);
}

const scenario = (page, name) => page.locator(`[data-testid="tests-scenario"][data-name="${name}"]`);
const statuses = (page) => page.locator('[data-testid="tests-scenario"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));

test("Tests tab: run, break, run failed, coverage, replay, save a run as a scenario, re-run on save", { skip }, async () => {
  mkdirSync(filesDir, { recursive: true });
  const dir = mkdtempSync(join(filesDir, "tests-panel-"));
  for (const f of ["order-process.asl.json", "order-process.input.json", "order-process.tests.yaml"]) copyFileSync(new URL(f, examples), join(dir, f));
  const wf = join(dir, "order-process.asl.json");
  const testFile = join(dir, "order-process.tests.yaml");
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    // The example as it opens has no file: the tab says what tests are for and why there are none.
    await page.getByTestId("tab-tests").click();
    await page.getByTestId("tests-empty").waitFor();
    assert.match(await page.getByTestId("tests-empty").innerText(), /Tests keep the workflow honest[\s\S]*Save the workflow to a file first/);
    await s.screenshot("tests-panel-00-empty");
    writeFileSync(answers, wf);
    await page.getByTestId("file-menu").click();
    await page.getByTestId("menu-open").click();
    await waitFor("the workflow to open from its file", async () => (await page.getByTestId("file-name").innerText()).includes("order-process.asl.json"));
    // Opened from a file, the run input starts from its first scenario's
    // (json.Indent's layout puts each item's "sku" on a line of its own;
    // the example's own sample input keeps each item on one line).
    await page.getByTestId("tab-run").click();
    await waitFor("the first scenario's input in the run panel", async () => /\n\s+"sku": "BOOK-1",\n/.test(await page.getByTestId("run-input").inputValue()));

    // The suite beside it is listed; Run all passes.
    await page.getByTestId("tab-tests").click();
    await waitFor("the four scenarios", async () => (await page.getByTestId("tests-scenario").count()) === 4);
    await page.getByTestId("tests-run-all").click();
    await waitFor("all four to pass", async () => (await statuses(page)).every((x) => x === "passed"));
    assert.match(await page.getByTestId("tests-summary").innerText(), /4 passed/);

    // An edit, not saved, breaks one expectation: the panel runs the text, not the file.
    await typeAll(page, exampleText.replace('"OrderInvalid"', '"OrderRefused"'));
    await page.getByTestId("dirty-marker").waitFor();
    await page.getByTestId("tab-tests").click();
    await page.getByTestId("tests-run-all").click();
    const broken = scenario(page, "an invalid order is rejected");
    await waitFor("the broken scenario to fail", async () => (await broken.getAttribute("data-status")) === "failed");
    assert.deepEqual((await statuses(page)).filter((x) => x === "failed").length, 1);
    await page.getByTestId("tests-run-failed").click();
    await broken.getByTestId("tests-failure").waitFor();
    assert.match(await broken.getByTestId("tests-failure").innerText(), /expected error "OrderInvalid", got "OrderRefused"/);
    assert.match(await broken.getByTestId("tests-expected").innerText(), /OrderInvalid/);
    assert.match(await broken.getByTestId("tests-got").innerText(), /OrderRefused/);
    assert.equal(readFileSync(wf, "utf8"), exampleText, "running tests never writes the workflow");

    // Coverage of the one scenario run last: what it never reached is marked on the canvas.
    await page.getByTestId("tests-coverage").check();
    await page.getByTestId("coverage-legend").waitFor();
    const summary = await page.getByTestId("coverage-summary").innerText();
    const [, covered, total] = summary.match(/Covered (\d+) of (\d+) transitions/) ?? [];
    assert.ok(Number(total) > 0 && Number(covered) < Number(total), summary);
    assert.ok((await page.locator(".react-flow__edge path.cov-uncovered").count()) > 0, "an uncovered arrow is drawn dashed red");
    assert.ok((await page.locator('[data-testid="state-node"][data-state="Charge card"].cov-uncovered').count()) === 1, "a state never reached is marked");
    assert.ok((await page.locator('[data-testid="state-node"][data-state="Reject order"].cov-covered').count()) === 1, "a state reached is marked covered");
    await s.screenshot("tests-panel-01-failure-and-coverage");

    // Clicking the scenario replays its run on the diagram.
    await broken.getByTestId("tests-replay").click();
    await waitStatus(page, "Validate order", "succeeded");
    await waitStatus(page, "Reject order", "failed");

    // Save that run as a scenario: it lands in the test file on disk, with what happened as expectations.
    await page.getByTestId("tab-run").click();
    await page.getByTestId("run-save-scenario").click();
    await page.getByTestId("tests-notice").waitFor();
    assert.match(await page.getByTestId("tests-notice").innerText(), /saved run: ended FAILED/);
    const saved = readFileSync(testFile, "utf8");
    assert.match(saved, /name: 'saved run: ended FAILED'|name: "saved run: ended FAILED"|name: saved run: ended FAILED/);
    assert.match(saved, /error: OrderRefused/);
    assert.match(saved, /Validate order:\n\s+"0":\n\s+Return:/);
    await waitFor("the new scenario in the list", async () => (await page.getByTestId("tests-scenario").count()) === 5);

    // Re-run on save: Ctrl+S runs the suite, the new scenario with it.
    await page.getByTestId("tests-watch").check();
    await page.getByTestId("state-node").first().click();
    await page.keyboard.press("Control+S");
    await waitFor("the saved scenario to run after the save", async () => (await scenario(page, "saved run: ended FAILED").getAttribute("data-status")) === "passed");
    await s.screenshot("tests-panel-02-after-save");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
