// Comments and descriptions against the real app: the notes beside a saved
// workflow (NAME.studio.json) are written through the Go binding, never
// into the ASL file. Right-click → Add comment, the marker's count, reply,
// resolve, reopen, a description in the inspector, a rename the notes
// follow, another writer's comment and a second studio window's appearing
// on refocus without losing ours, orphans attached to a step or deleted,
// the keyboard shortcut, and a SAM template opened in place.
//
// Run through scripts/e2e.sh: it answers the save dialog from a file
// (STEPSTUDIO_DIALOG_ANSWERS) and gives a throwaway config dir, where the
// author name set here is kept.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { exampleText, node, openStudio, waitFor } from "./studio.mjs";

const answers = process.env.STEPSTUDIO_DIALOG_ANSWERS;
const filesDir = process.env.E2E_FILES_DIR;
const skip = !answers || !filesDir ? "run through scripts/e2e.sh (dialog answers not set)" : false;

const answerNextDialog = (path) => writeFileSync(answers, path);
const readNotes = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null);

/** The JSON text with every object's keys sorted (how another writer might write it). */
function sortedJSON(v) {
  const sort = (x) =>
    Array.isArray(x) ? x.map(sort) : x && typeof x === "object" ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, sort(x[k])])) : x;
  return JSON.stringify(sort(v), null, 2) + "\n";
}

const marker = (page, state) => node(page, state).getByTestId("comment-marker");
const markerCount = (page, state) => marker(page, state).getAttribute("data-count", { timeout: 2000 }).catch(() => null);
const panel = (page) => page.getByTestId("comments-panel");

/** Opens a thread row in the panel unless it is open already. */
async function expand(row) {
  const summary = row.locator(".thread-summary");
  if ((await summary.getAttribute("aria-expanded")) !== "true") await summary.click();
  await row.getByTestId("thread").waitFor();
}

async function setAuthor(page, name) {
  await page.getByTestId("tab-comments").click();
  await panel(page).getByTestId("author-change").click();
  await page.getByTestId("author-input").fill(name);
  await page.getByTestId("author-input").press("Enter");
  await waitFor(`the author ${name}`, async () => (await page.getByTestId("author-name").innerText()) === name);
}

async function commentOn(page, state, text) {
  await node(page, state).locator(".state-name").first().click({ button: "right" });
  await page.getByTestId("ctx-comment").click();
  const box = page.getByTestId("new-comment").locator("textarea");
  await waitFor("the new comment box to take the focus", () => box.evaluate((el) => el === document.activeElement));
  await page.keyboard.insertText(text);
  await page.keyboard.press("Control+Enter");
  await page.getByTestId("new-comment").waitFor({ state: "detached" });
}

test("comments: add, reply, resolve, reopen, describe, rename, another writer, orphans", { skip }, async () => {
  const dir = join(filesDir, "comments");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "order.asl.json");
  const sidecar = join(dir, "order.studio.json");
  const s = await openStudio();
  try {
    const { page } = s;
    await node(page, "Validate order").waitFor();
    answerNextDialog(path);
    await page.keyboard.press("Control+S");
    await page.getByTestId("notice-info").filter({ hasText: "Saved" }).waitFor();
    const asl = readFileSync(path);
    assert.equal(asl.toString("utf8"), exampleText);

    // Nothing yet: the tab says what comments are for.
    await page.getByTestId("tab-comments").click();
    await panel(page).getByTestId("comments-empty").waitFor();
    assert.match(await panel(page).innerText(), /notes for the people you work with/);
    await setAuthor(page, "Ann Tester");

    // 1. Right-click a step → Add comment; its marker shows 1.
    await commentOn(page, "Validate order", "Is the total checked with tax included?");
    await waitFor("the marker with 1", async () => (await markerCount(page, "Validate order")) === "1");
    assert.equal(await page.getByTestId("comment-count").innerText(), "1");
    let notes = readNotes(sidecar);
    assert.equal(notes.states["Validate order"].threads[0].comments[0].author, "Ann Tester");

    // 2. The marker opens the thread; reply with Ctrl+Enter.
    await marker(page, "Validate order").click();
    const row = panel(page).locator('[data-testid="thread-row"][data-state="Validate order"]');
    await row.getByTestId("thread").waitFor();
    await row.getByTestId("reply-box").locator("textarea").fill("Yes: the Lambda adds it before the check.");
    await row.getByTestId("reply-box").locator("textarea").press("Control+Enter");
    await waitFor("the reply", async () => (await row.getByTestId("comment").count()) === 2);
    assert.match(await row.locator(".thread-meta").innerText(), /Ann Tester · just now · 1 reply/);
    await s.screenshot("comments-01-panel-and-marker");

    // 3. Resolve: the marker goes quiet, the Open filter is empty; reopen from Resolved.
    await row.getByTestId("thread-resolve").click();
    await waitFor("a muted marker", async () => (await markerCount(page, "Validate order")) === "0");
    assert.equal(await panel(page).getByTestId("thread-row").count(), 0);
    assert.equal(readNotes(sidecar).states["Validate order"].threads[0].resolved, true);
    await panel(page).getByTestId("comments-filter-resolved").click();
    // The thread stays open where it was resolved.
    await row.getByTestId("thread-reopen").click();
    await waitFor("the marker with 1 again", async () => (await markerCount(page, "Validate order")) === "1");
    assert.equal(readNotes(sidecar).states["Validate order"].threads[0].resolved, undefined);

    // 4. A description in the inspector: written to the sidecar, never to the ASL.
    await node(page, "Validate order").locator(".state-name").first().click();
    const desc = page.getByTestId("notes-description");
    assert.equal(await desc.getAttribute("placeholder"), "From the step's Comment: “Checks the customer, the items and the total.”");
    assert.equal(await page.getByTestId("notes-section").getByTestId("thread").count(), 1, "the state's thread shows in the inspector too");
    await desc.fill("Makes sure we can sell what was ordered, at the price shown.");
    await desc.press("Control+Enter");
    await waitFor("the description in the sidecar", async () => readNotes(sidecar)?.states?.["Validate order"]?.description === "Makes sure we can sell what was ordered, at the price shown.");
    const text = readFileSync(sidecar, "utf8");
    const parsed = JSON.parse(text);
    assert.equal(text, JSON.stringify(parsed, null, 2) + "\n", "the sidecar is written with a two-space indent and a final newline");
    assert.deepEqual(Object.keys(parsed), Object.keys(parsed).sort(), "top-level keys sorted");
    assert.deepEqual(Object.keys(parsed.states), Object.keys(parsed.states).sort(), "states sorted by name");
    assert.equal(JSON.parse(text).version, 1);
    assert.ok(readFileSync(path).equals(asl), "the ASL file is unchanged byte for byte");
    await page.getByTestId("notes-description-section").scrollIntoViewIfNeeded();
    await s.screenshot("comments-03-inspector");
    await waitFor("the description on hover", async () => /Makes sure we can sell what was ordered/.test(await node(page, "Validate order").getAttribute("title")));

    // 5. Rename the step on the canvas: the notes follow (the sidecar key changes).
    await node(page, "Validate order").locator(".state-name").first().dblclick();
    await page.getByTestId("rename-input").fill("Check order");
    await page.getByTestId("rename-input").press("Enter");
    await node(page, "Check order").waitFor();
    await waitFor("the notes to follow the rename", async () => {
      const n = readNotes(sidecar);
      return Boolean(n?.states?.["Check order"]) && !n.states["Validate order"];
    });
    assert.equal(readNotes(sidecar).states["Check order"].threads[0].comments.length, 2);
    await waitFor("the marker on the renamed step", async () => (await markerCount(page, "Check order")) === "1");
    await page.keyboard.press("Control+S");
    await page.getByTestId("dirty-marker").waitFor({ state: "detached" });

    // 6. Another writer (a second studio, a git pull) adds a comment on the
    // workflow; on refocus it shows, and ours are all still there.
    notes = readNotes(sidecar);
    notes.workflow.threads = [
      { id: "elsewhere", comments: [{ id: "elsewhere-1", author: "Bob Elsewhere", time: new Date().toISOString(), text: "Who owns this workflow?" }] },
    ];
    writeFileSync(sidecar, sortedJSON(notes));
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    await page.getByTestId("workflow-marker").waitFor();
    assert.equal(await page.getByTestId("workflow-marker").getAttribute("data-count"), "1");
    assert.equal(await markerCount(page, "Check order"), "1", "the local thread is kept");
    // Ours, on the workflow, from the empty canvas's right-click menu.
    const box = await page.getByTestId("canvas").boundingBox();
    await page.mouse.click(box.x + box.width - 40, box.y + 60, { button: "right" });
    await page.getByTestId("ctx-comment").click();
    await page.getByTestId("new-comment").locator("textarea").fill("Ann's team owns it.");
    await page.keyboard.press("Control+Enter");
    await waitFor("two threads on the workflow", async () => (await page.getByTestId("workflow-marker").getAttribute("data-count")) === "2");
    notes = readNotes(sidecar);
    assert.deepEqual(notes.workflow.threads.map((t) => t.comments[0].author).sort(), ["Ann Tester", "Bob Elsewhere"]);
    assert.equal(notes.states["Check order"].threads.length, 1);
    // Only one's own comment can be deleted.
    await page.getByTestId("workflow-marker").click();
    const wf = panel(page).locator('[data-testid="thread-row"][data-state=""]');
    await waitFor("the workflow's threads listed", async () => (await wf.count()) === 2);
    const mine = wf.filter({ hasText: "Ann's team owns it." });
    await expand(mine);
    await mine.getByTestId("comment-delete").click();
    await waitFor("our workflow comment deleted", async () => (await page.getByTestId("workflow-marker").getAttribute("data-count")) === "1");
    await expand(wf.first());
    assert.equal(await wf.first().getByTestId("comment-delete").count(), 0, "Bob's comment has no Delete for Ann");

    // A second studio window on the same file (it finds it in the recent
    // list): it sees our comments, and its comment shows here on refocus.
    const other = await openStudio();
    try {
      const p2 = other.page;
      await p2.getByTestId("state-node").first().waitFor();
      await p2.getByTestId("file-menu").click();
      await p2.getByTestId("menu-recent").filter({ hasText: "order.asl.json" }).first().click();
      await node(p2, "Check order").waitFor();
      await waitFor("our marker in the second window", async () => (await markerCount(p2, "Check order")) === "1");
      await commentOn(p2, "Order complete", "Written in the second window.");
      await waitFor("its marker there", async () => (await markerCount(p2, "Order complete")) === "1");
      assert.deepEqual(other.errors, []);
    } finally {
      await other.close();
    }
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    await waitFor("the second window's comment here", async () => (await markerCount(page, "Order complete")) === "1");
    assert.equal(await markerCount(page, "Check order"), "1");
    assert.equal(await page.getByTestId("workflow-marker").getAttribute("data-count"), "1");

    // 7. Notes for a step that no longer exists: attached to a step (a rename of the notes).
    notes = readNotes(sidecar);
    notes.states.Charge = { description: "Takes the money." };
    writeFileSync(sidecar, sortedJSON(notes));
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    const orphan = panel(page).locator('[data-testid="orphan"][data-state="Charge"]');
    await orphan.waitFor();
    assert.match(await orphan.innerText(), /a description/);
    await page.locator(".bottom-body").evaluate((el) => (el.scrollTop = 0));
    await s.screenshot("comments-02-orphans");
    await orphan.getByTestId("orphan-attach").selectOption("Charge and notify");
    await orphan.waitFor({ state: "detached" });
    notes = readNotes(sidecar);
    assert.equal(notes.states.Charge, undefined);
    assert.equal(notes.states["Charge and notify"].description, "Takes the money.");
    // ... or deleted, after a second click to confirm.
    notes.states["Old step"] = { threads: [{ id: "old", comments: [{ id: "old-1", author: "Bob Elsewhere", time: new Date().toISOString(), text: "Still needed?" }] }] };
    writeFileSync(sidecar, sortedJSON(notes));
    await page.evaluate(() => window.dispatchEvent(new Event("focus")));
    const old = panel(page).locator('[data-testid="orphan"][data-state="Old step"]');
    await old.getByTestId("orphan-delete").click();
    assert.equal(readNotes(sidecar).states["Old step"].threads.length, 1, "nothing deleted before the confirmation");
    await old.getByTestId("orphan-delete-confirm").click();
    await old.waitFor({ state: "detached" });
    assert.equal(readNotes(sidecar).states["Old step"], undefined);

    // The keyboard: Ctrl+Shift+M comments on the selected step.
    await node(page, "Release items").locator(".state-name").first().click();
    await page.keyboard.press("Control+Shift+M");
    await waitFor("the new comment box to take the focus", () => page.getByTestId("new-comment").locator("textarea").evaluate((el) => el === document.activeElement));
    assert.match(await page.getByTestId("compose").innerText(), /New comment on “Release items”/);
    await page.keyboard.insertText("Typed without the mouse.");
    await page.keyboard.press("Control+Enter");
    await waitFor("the marker on Release items", async () => (await markerCount(page, "Release items")) === "1");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

const template = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  Checkout:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: Reserve
        States:
          Reserve:
            Type: Task
            Resource: arn:aws:lambda:eu-west-1:123456789012:function:reserve
            End: true
`;

test("comments on a state machine inside a SAM template opened in place", { skip }, async () => {
  const dir = join(filesDir, "sam-comments");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "template.yaml");
  writeFileSync(path, template);
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    answerNextDialog(path);
    await page.getByTestId("iac-menu").click();
    await page.getByTestId("iac-open-template").click();
    await page.locator('[data-machine="Checkout"]').click();
    await node(page, "Reserve").waitFor();
    await commentOn(page, "Reserve", "Which stock table does this use?");
    const sidecar = join(dir, "template.Checkout.studio.json");
    await waitFor("the template's notes file", async () => readNotes(sidecar)?.states?.Reserve?.threads?.length === 1);
    assert.equal(readFileSync(path, "utf8"), template, "the template is untouched");
    await waitFor("the marker", async () => (await markerCount(page, "Reserve")) === "1");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
