// Present mode: the diagram alone in the whole window, read-only, with
// large names; a run played step by step with the keyboard, the data at
// each step in plain form; a click on a step shows what it does; Esc gives
// the editor back exactly as it was. Then, with a file and its notes: the
// 40-state fixture's names stay readable and open comments are marked.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openStudio, waitFor } from "./studio.mjs";

const answers = process.env.STEPSTUDIO_DIALOG_ANSWERS;
const filesDir = process.env.E2E_FILES_DIR;
const needsFiles = !answers || !filesDir ? "run through scripts/e2e.sh (dialog answers not set)" : false;

const inPresent = (page) => page.getByTestId("present");
const presentNode = (page, name) => inPresent(page).locator(`[data-testid="state-node"][data-state="${name}"]`);

/** The state lit as the step being played, or null. */
const current = (page) =>
  page.evaluate(() => document.querySelector('[data-testid="present"] .react-flow__node.present-current [data-testid="state-node"]')?.dataset.state ?? null);

/** The step card: its state, its number and its text. */
async function stepCard(page) {
  const card = inPresent(page).getByTestId("present-step-card");
  return { state: await card.getAttribute("data-state"), step: Number(await card.getAttribute("data-step")), text: await card.innerText() };
}

/** Every name in Present: its on-screen font size (computed size x zoom) and its box. */
async function presentNames(page) {
  return page.evaluate(() => {
    const root = document.querySelector('[data-testid="present"]');
    const z = new DOMMatrixReadOnly(getComputedStyle(root.querySelector(".react-flow__viewport")).transform).a;
    const names = [...root.querySelectorAll('[data-testid="state-name"]')].map((el) => {
      const r = el.getBoundingClientRect();
      return { name: el.textContent, px: parseFloat(getComputedStyle(el).fontSize) * z, height: r.height, width: r.width };
    });
    return { zoom: z, names };
  });
}

function report(label, m) {
  const px = m.names.map((n) => n.px).sort((a, b) => a - b);
  const median = px[Math.floor(px.length / 2)];
  console.log(`${label}: zoom ${m.zoom.toFixed(2)}, ${px.length} names, on-screen font min ${px[0].toFixed(1)}px, median ${median.toFixed(1)}px`);
  return { min: px[0], median };
}

async function settle(page) {
  let last = "";
  await waitFor("the view to settle", async () => {
    const now = await page.evaluate(() => [...document.querySelectorAll(".react-flow__viewport")].map((v) => getComputedStyle(v).transform).join());
    const same = now === last;
    last = now;
    return same;
  });
}

/** What must come back unchanged after Present: panels, view, zoom and scroll, selection. */
const editorState = (page) =>
  page.evaluate(() => ({
    palette: !!document.querySelector(".palette")?.checkVisibility({ visibilityProperty: true }),
    inspector: !!document.querySelector(".inspector")?.checkVisibility({ visibilityProperty: true }),
    bottom: !!document.querySelector(".panel.bottom")?.checkVisibility({ visibilityProperty: true }),
    viewport: getComputedStyle(document.querySelector('[data-testid="canvas"] .react-flow__viewport')).transform,
    selected: [...document.querySelectorAll('[data-testid="canvas"] .react-flow__node.selected [data-testid="state-node"]')].map((e) => e.dataset.state),
    frameClass: document.querySelector('[data-testid="frame"]').className,
  }));

test("Present: full window, read-only, large names; a Try it run stepped through with the keyboard; a step's card; Esc gives the editor back", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.locator('[data-testid="state-node"][data-state="Validate order"]').waitFor();
    // A run to play: Try it from the run panel.
    await page.getByTestId("tab-run").click();
    await page.getByTestId("run-try").click();
    await page.locator('[data-testid="run-status-pill"]', { hasText: "SUCCEEDED" }).waitFor({ timeout: 15000 });
    await page.locator('[data-testid="canvas"] [data-testid="state-node"][data-state="Send confirmation"]').click();
    await settle(page);
    const before = await editorState(page);
    assert.deepEqual([before.palette, before.inspector, before.bottom], [true, true, true], "the editor's panels are shown before");

    await page.getByTestId("present-button").click();
    await inPresent(page).waitFor();
    await presentNode(page, "Validate order").waitFor();
    await settle(page);
    // Only the diagram: the editor's panels are gone (hidden and inert behind).
    const during = await editorState(page);
    assert.deepEqual([during.palette, during.inspector, during.bottom], [false, false, false], "no palette, inspector or bottom panel in Present");
    assert.equal(await page.getByTestId("frame").getAttribute("inert"), "", "the editor behind cannot be reached");
    assert.equal(await inPresent(page).locator(".cm-editor").count(), 0, "no code in Present");
    const box = await inPresent(page).getByTestId("present-canvas").boundingBox();
    assert.equal(Math.round(box.width), 1440, "the diagram has the whole width");
    assert.ok(box.height > 820, `and nearly the whole height (${box.height})`);
    assert.equal(await inPresent(page).getByTestId("present-name").innerText(), "order-process.asl.json");
    assert.match(await inPresent(page).getByTestId("present-about").innerText(), /^Order process: check the order/);

    // Large names: measured on screen.
    const m = await presentNames(page);
    const r = report("Present, example, 1440x900", m);
    const one = m.names.find((n) => n.name === "Validate order");
    console.log(`"Validate order" on screen: ${one.px.toFixed(1)}px font, box ${one.width.toFixed(0)}x${one.height.toFixed(1)}px`);
    // (16px computed through the zoom comes back as 15.99…)
    assert.ok(r.min >= 15.95, `every name is 16px or more on screen (smallest ${r.min.toFixed(2)})`);

    // Read-only: nothing to drag, connect or delete.
    assert.equal(await inPresent(page).locator(".react-flow__node.draggable").count(), 0, "no step can be dragged");
    assert.equal(await inPresent(page).locator(".connect-handle:visible").count(), 0, "no connection dots");
    await page.keyboard.press("Delete");
    await presentNode(page, "Validate order").waitFor();

    // The run from its first step; Next x3 with the keyboard.
    await waitFor("the first step", async () => (await current(page)) === "Validate order");
    const seen = [await stepCard(page)];
    assert.equal(seen[0].step, 1);
    assert.match(seen[0].text, /Data in/i);
    assert.match(seen[0].text, /orderId\s+ORD-1042/, "the input as key: value");
    for (let i = 0; i < 3; i++) {
      const was = seen[seen.length - 1];
      await page.keyboard.press("ArrowRight");
      await waitFor(`step ${was.step + 1}`, async () => (await stepCard(page)).step === was.step + 1);
      const now = await stepCard(page);
      assert.equal(await current(page), now.state, "the step lit on the diagram is the card's");
      assert.notEqual(now.text, was.text, "the data card changed");
      seen.push(now);
    }
    console.log(`steps: ${seen.map((c) => `${c.step} ${c.state} (${c.text.split("\n")[1]})`).join(" → ")}`);
    assert.deepEqual(seen.map((c) => c.state).slice(0, 3), ["Validate order", "Is the order valid?", "Reserve items"]);
    assert.equal(seen[3].state, "Reserve stock");
    // Items run side by side: which one's step comes first in the history
    // depends on scheduling (item 2's did on a loaded CI run).
    assert.match(seen[3].text, /item \d+ of \d+/, "a Map iteration says which item");
    assert.equal(await presentNode(page, "Validate order").locator('[data-testid="run-status"]').getAttribute("data-status"), "succeeded", "visited steps are marked");
    assert.equal(await presentNode(page, "Reserve stock").locator('[data-testid="run-status"]').getAttribute("data-status"), "running", "the current step runs (the editor's animation)");
    assert.equal(await presentNode(page, "Charge card").locator('[data-testid="run-status"]').count(), 0, "steps not reached yet are not marked");
    await s.screenshot("present-1440x900");

    // Previous goes back.
    await page.keyboard.press("ArrowLeft");
    await waitFor("step 3 again", async () => (await stepCard(page)).step === 3);
    assert.equal(await current(page), "Reserve items");

    // A click on a step: what it does, in words.
    await presentNode(page, "Validate order").click();
    const card = inPresent(page).getByTestId("present-state-card");
    await card.waitFor();
    assert.equal(await card.getAttribute("data-state"), "Validate order");
    assert.equal(await card.getByTestId("present-words").innerText(), "Checks the customer, the items and the total.");
    await presentNode(page, "Charge card").click();
    await waitFor("the Charge card card", async () => (await card.getAttribute("data-state")) === "Charge card");
    assert.equal(await card.getByTestId("present-words").innerText(), "Calls Lambda function charge-card");
    assert.equal(await card.getByTestId("present-words").getAttribute("data-from"), "generated");
    await s.screenshot("present-card");
    assert.equal(await stepCard(page).then((c) => c.step), 3, "a click does not move the run");

    // Play runs on by itself; Space pauses.
    await page.keyboard.press("Space");
    await waitFor("Play to go on", async () => (await stepCard(page)).step >= 5, 8000);
    await page.keyboard.press("Space");
    const paused = (await stepCard(page)).step;
    await page.waitForTimeout(1800);
    assert.equal((await stepCard(page)).step, paused, "Space pauses");

    // Esc: the editor exactly as it was.
    await page.keyboard.press("Escape");
    await inPresent(page).waitFor({ state: "detached" });
    await settle(page);
    const after = await editorState(page);
    assert.deepEqual(after, before, "the editor is back as it was");
    assert.equal(await page.locator('[data-testid="canvas"] [data-testid="state-node"]').count() > 0, true);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("Present with a file: the 40-state fixture's names readable; open comments marked and shown; Ctrl+Shift+P enters", { skip: needsFiles }, async () => {
  mkdirSync(filesDir, { recursive: true });
  const path = join(filesDir, "present-40.asl.json");
  copyFileSync(new URL("./testdata/quarantine-40.asl.json", import.meta.url), path);
  const comment = (id, author, text) => ({ id, author, time: "2026-12-01T10:00:00Z", text });
  writeFileSync(
    join(filesDir, "present-40.studio.json"),
    JSON.stringify({
      version: 1,
      workflow: { description: "Quarantine a suspicious instance, for the security review." },
      states: {
        "Record the review decision": {
          description: "Writes down what the reviewer decided, for the audit.",
          threads: [
            { id: "t1", comments: [comment("c1", "Ana", "Who may decide?"), comment("c2", "Bo", "Security leads only.")] },
            { id: "t2", resolved: true, comments: [comment("c3", "Ana", "Old question")] },
          ],
        },
      },
    }),
  );
  const s = await openStudio();
  try {
    const { page } = s;
    await page.locator('[data-testid="state-node"]').first().waitFor();
    writeFileSync(answers, path);
    await page.getByTestId("file-menu").click();
    await page.getByTestId("menu-open").first().click();
    await page.locator('[data-testid="state-node"][data-state="Record the review decision"]').waitFor();
    await page.locator(".react-flow__pane").first().click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Control+Shift+P");
    await inPresent(page).waitFor();
    await presentNode(page, "Record the review decision").waitFor();
    await settle(page);
    const m = await presentNames(page);
    assert.equal(m.names.length, 40, "every step has its name drawn");
    const r = report("Present, 40 states, 1440x900", m);
    assert.ok(r.min >= 11.45, `every name is 11.5px or more on screen (smallest ${r.min.toFixed(2)})`);
    assert.match(await inPresent(page).getByTestId("present-about").innerText(), /^Quarantine a suspicious instance/, "the workflow's description from its notes");
    await s.screenshot("present-40");

    // One marker, on the step with an open thread; its card shows the comments.
    const markers = inPresent(page).getByTestId("present-comment-marker");
    assert.equal(await markers.count(), 1);
    assert.equal(await markers.getAttribute("data-state"), "Record the review decision");
    // Off screen at this zoom: opening its card brings the step into view.
    await markers.dispatchEvent("click");
    const card = inPresent(page).getByTestId("present-state-card");
    await card.waitFor();
    assert.equal(await card.getByTestId("present-words").innerText(), "Writes down what the reviewer decided, for the audit.");
    const threads = await card.getByTestId("present-threads").innerText();
    assert.match(threads, /Ana\s+Who may decide\?/);
    assert.match(threads, /Bo\s+Security leads only\./);
    assert.doesNotMatch(threads, /Old question/, "resolved threads are not shown");
    await settle(page);
    const mark = await markers.boundingBox();
    console.log(`comment marker on screen: ${mark.width.toFixed(0)}x${mark.height.toFixed(0)}px at zoom ${(await presentNames(page)).zoom.toFixed(2)}`);
    assert.ok(mark.height >= 18 && mark.y > 48 && mark.y + mark.height < 900, "the marker is in view and as large as at 100%");
    await s.screenshot("present-40-comments");
    await page.keyboard.press("Escape");
    await inPresent(page).waitFor({ state: "detached" });
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("Present plays what is picked: Try it, a mock test case (run now, mocked, the editor's test case left as it was), a saved run", async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.locator('[data-testid="state-node"][data-state="Validate order"]').waitFor();
    // A mock test case, made in the run panel as people do; the editor then runs no test case.
    await page.getByTestId("tab-run").click();
    await page.locator('[data-testid="canvas"] [data-testid="state-node"][data-state="Validate order"]').click();
    const editor = page.locator(".mock-editor");
    await editor.getByLabel("New test case name").fill("Invalid order");
    await editor.getByRole("button", { name: "Use" }).click();
    await editor.getByRole("button", { name: "Add a call" }).click();
    await editor.getByLabel("Call 1 result").fill('{"Payload": {"valid": false, "total": 0}}');
    await editor.getByTestId("mock-save").click();
    await editor.getByText("Kept with this workflow").waitFor();
    await page.getByTestId("test-case").selectOption("");

    await page.getByTestId("present-button").click();
    await inPresent(page).getByTestId("present-no-run").waitFor();
    const picker = inPresent(page).getByTestId("present-run-picker");
    const count = inPresent(page).getByTestId("present-count");
    // Picking shows another run (the picker names it) and plays it from its first step once it is done.
    const play = async (option, what) => {
      const was = await picker.inputValue();
      await picker.selectOption(option);
      let text = "";
      await waitFor(`${what} to finish`, async () => {
        const now = await picker.inputValue();
        text = await count.innerText();
        return now !== was && now.startsWith("run:") && (await picker.isEnabled()) && /^Step 1 of \d+$/.test(text);
      }, 15000);
      return text;
    };

    const tried = await play("try", "Try it");
    console.log(`Try it: ${tried}`);

    const mocked = await play("case:Invalid order", "the mock test case");
    console.log(`mock test case "Invalid order": ${mocked}`);
    assert.notEqual(mocked, tried);
    await page.keyboard.press("End");
    await waitFor("the last step", async () => (await stepCard(page)).state === "Reject order");
    const error = inPresent(page).getByTestId("present-error");
    assert.match(await error.innerText(), /It failed with the error “OrderInvalid”\.\s+The order did not pass validation\./, "the error in plain words, its cause after");
    await s.screenshot("present-mocked-failure");

    // The saved Try it run, from the history.
    const saved = await picker.evaluate((el) => [...el.querySelectorAll('optgroup[label="Saved runs"] option')].find((o) => o.textContent.includes("Try it"))?.value);
    assert.ok(saved, "the Try it run is in the saved runs");
    assert.equal(await play(saved, "the saved run"), tried, "the saved run plays as it did");

    await page.keyboard.press("Escape");
    await inPresent(page).waitFor({ state: "detached" });
    assert.equal(await page.getByTestId("test-case").inputValue(), "", "the editor's test case is as it was");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
