// The problems panel reads as advice, against the real app: a step dropped
// from the palette says which value to fill in and a click lands on it; a
// real file's many tasks without a time limit are one line that opens to
// the list; the details toggle shows a developer the code, the JSON pointer
// and the line. Screenshots: artifacts/advice-*.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { center, codeText, edgeMiddle, expectCount, openStudio, waitFor } from "./studio.mjs";

const answers = process.env.STEPSTUDIO_DIALOG_ANSWERS;
const filesDir = process.env.E2E_FILES_DIR;
const needsFiles = !answers || !filesDir ? "run through scripts/e2e.sh (dialog answers not set)" : false;

// A committed workflow shaped like the ones people ship: tasks at the top,
// in a Map's item processor and in Parallel branches, none with a timeout.
const claimsURL = new URL("./testdata/claims-intake.asl.json", import.meta.url);
const claimsText = readFileSync(claimsURL, "utf8");

/** The Task states of a machine (nested ones included) without TimeoutSeconds. */
function tasksWithoutTimeout(m) {
  return Object.entries(m.States ?? {}).flatMap(([name, s]) => [
    ...(s.Type === "Task" && s.TimeoutSeconds === undefined && s.TimeoutSecondsPath === undefined ? [name] : []),
    ...(s.Branches ?? []).flatMap(tasksWithoutTimeout),
    ...(s.ItemProcessor ? tasksWithoutTimeout(s.ItemProcessor) : []),
  ]);
}

const state = (page, name) => page.locator(`[data-testid="state-node"][data-state="${name}"]`);
const panel = (page) => page.getByRole("region", { name: "Problems" });

async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  await page.mouse.up();
}

/** The text the code view has selected. */
function codeSelection(page) {
  return page.evaluate(() => {
    const v = document.querySelector(".code-view .cm-content").cmTile.root.view;
    const r = v.state.selection.main;
    return v.state.sliceDoc(r.from, r.to);
  });
}

const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    return { testid: e?.getAttribute("data-testid") ?? "", text: e?.textContent ?? "", expanded: e?.getAttribute("aria-expanded") ?? "" };
  });

test("an SNS Publish dropped from the palette says to fill in its topic; a click lands on the field", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await state(page, "Validate order").waitFor();
    await panel(page).getByText("No problems found.").waitFor();

    const item = page.locator('[data-testid="palette-item"][data-entry="sns-publish"]');
    await item.scrollIntoViewIfNeeded();
    await drag(page, await center(item), await edgeMiddle(page, "/States/Validate order/Next"));
    await state(page, "Send notification").waitFor();

    // One problem: plain words first, then where, in state names.
    const fill = panel(page).locator('[data-testid="problem"][data-code="PLACEHOLDER_NOT_FILLED"]');
    await fill.waitFor();
    await expectCount(panel(page).getByTestId("problem"), 1, "problems after the drop");
    assert.match(await fill.innerText(), /^Fill this in/);
    assert.equal(await fill.getByTestId("problem-where").innerText(), "Send notification › Parameters › TopicArn");
    assert.match(await fill.getAttribute("class"), /\bwarning\b/);
    assert.equal(await panel(page).getByTestId("problem-count").innerText(), "1");
    await s.screenshot("advice-01-fill-this-in");

    // One click: the step is selected, its Parameters field is focused and
    // flashes with the advice, and the code selects the value to replace.
    await fill.click();
    const form = page.getByTestId("inspector-state");
    await form.getByText("Send notification", { exact: true }).waitFor();
    const field = form.locator('[data-field="/Parameters"]');
    await field.locator(".ifield-problem").waitFor();
    assert.match(await field.getAttribute("class"), /flash/);
    await waitFor("the Parameters field to have the focus", () => page.evaluate(() => !!document.activeElement?.closest('[data-field="/Parameters"]')));
    await page.getByTestId("code-view").waitFor();
    await waitFor("the code to select the topic's ARN", async () => (await codeSelection(page)) === '"arn:aws:sns:REGION:ACCOUNT_ID:TOPIC_NAME"');
    await s.screenshot("advice-02-landed-on-the-field");

    // Filled in, the advice goes.
    await page.evaluate(() => {
      const v = document.querySelector(".code-view .cm-content").cmTile.root.view;
      const r = v.state.selection.main;
      v.dispatch({ changes: { from: r.from, to: r.to, insert: '"arn:aws:sns:eu-west-1:123456789012:order-updates"' }, userEvent: "input.type" });
    });
    await panel(page).getByText("No problems found.").waitFor();
    assert.match(await codeText(page), /"TopicArn": "arn:aws:sns:eu-west-1:123456789012:order-updates"/);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("a real file's tasks without a time limit are one line; it opens by keyboard, each entry lands, details show code and pointer", { skip: needsFiles }, async () => {
  mkdirSync(filesDir, { recursive: true });
  const path = join(filesDir, "claims-intake.asl.json");
  copyFileSync(claimsURL, path);
  const missing = tasksWithoutTimeout(JSON.parse(claimsText));
  assert.ok(missing.length >= 12, `the fixture has many tasks without a timeout (${missing.length})`);

  const s = await openStudio();
  try {
    const { page } = s;
    await state(page, "Validate order").waitFor();
    writeFileSync(answers, path);
    await page.getByTestId("file-menu").click();
    await page.getByTestId("menu-open").first().click();
    await state(page, "Load policy").waitFor();

    // The panel counts every problem, but shows them as one line.
    const group = panel(page).locator('[data-testid="problem-group"][data-code="TASK_WITHOUT_TIMEOUT"]');
    await group.waitFor();
    await waitFor("the count of every problem", async () => (await panel(page).getByTestId("problem-count").innerText()) === String(missing.length));
    assert.match(await group.innerText(), new RegExp(`${missing.length} tasks have no time limit`));
    assert.equal(await group.getAttribute("aria-expanded"), "false");
    assert.equal(await panel(page).getByTestId("problem").count(), 0, "nothing else is listed");
    await s.screenshot("advice-03-grouped");

    // Keyboard: Right opens the group, Down walks its entries, Left goes back to it.
    await group.focus();
    await page.keyboard.press("ArrowRight");
    assert.equal(await group.getAttribute("aria-expanded"), "true");
    const entries = panel(page).getByTestId("problem-group-list").getByTestId("problem");
    await expectCount(entries, missing.length, "entries of the group");
    const places = await entries.getByTestId("problem-where").allInnerTexts();
    assert.ok(places.includes("Process documents › Extract text"), `a nested task is named with its Map: ${places.join(" | ")}`);
    assert.ok(places.includes("Assess claim › Check reserve"), `a task in a branch is named with its Parallel: ${places.join(" | ")}`);
    await page.keyboard.press("ArrowDown");
    assert.deepEqual(await focused(page), { testid: "problem", text: places[0], expanded: "" });
    await page.keyboard.press("ArrowDown");
    assert.equal((await focused(page)).text, places[1]);
    await page.keyboard.press("ArrowLeft");
    assert.equal((await focused(page)).testid, "problem-group");

    // Enter on an entry lands on its step, as a click does.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await page.getByTestId("inspector-state").getByText(missing[0], { exact: true }).waitFor();

    // A nested entry: a click selects the task inside the Map.
    const extract = entries.filter({ hasText: "Process documents › Extract text" });
    await extract.click();
    await page.getByTestId("inspector-state").getByText("Extract text", { exact: true }).waitFor();

    // Details, for developers: the validator's message, code, pointer and line, copyable.
    const line = panel(page)
      .getByTestId("problem-group-list")
      .locator("li")
      .filter({ has: page.getByTestId("problem").filter({ hasText: "Process documents › Extract text" }) });
    await line.getByTestId("problem-details-toggle").click();
    const details = line.getByTestId("problem-details");
    await details.waitFor();
    assert.equal(await details.getByTestId("problem-code").innerText(), "TASK_WITHOUT_TIMEOUT");
    assert.equal(await details.getByTestId("problem-pointer").innerText(), "/States/Process documents/ItemProcessor/States/Extract text/Type");
    const typeLine = claimsText.split("\n").findIndex((l, i, all) => l.includes('"Type": "Task"') && all[i - 1].includes('"Extract text": {')) + 1;
    assert.match(await details.getByTestId("problem-line").innerText(), new RegExp(`^line ${typeLine}:\\d+$`));
    assert.match(await details.innerText(), /Task state "Extract text" has no TimeoutSeconds/);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await details.getByTestId("problem-copy").click();
    await details.getByText("Copied").waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, new RegExp(`^${typeLine}:\\d+: warning TASK_WITHOUT_TIMEOUT: Task state "Extract text" .* \\[/States/Process documents/ItemProcessor/States/Extract text/Type\\]$`));
    await s.screenshot("advice-04-details");

    // Hidden again with the same toggle.
    await line.getByTestId("problem-details-toggle").click();
    await details.waitFor({ state: "detached" });
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
