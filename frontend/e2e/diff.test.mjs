// The visual diff against the real app: the example saved to a folder,
// edited in the code view (a step renamed, a retry's MaxAttempts changed,
// a step removed, one added), then File › Compare… › the last saved
// version: the view lists exactly those changes with their statuses, the
// rename as a rename, in the statuses' colours with a legend; a click on
// an entry selects its step (a removed one in the Before diagram); Esc
// gives the editor back as it was. Then another file (the open dialog
// answered), and, when a git program is on the machine to make the
// commit, the same against a committed revision (read with that git too).
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { codeText, exampleText, openStudio, waitFor } from "./studio.mjs";

const answers = process.env.STEPSTUDIO_DIALOG_ANSWERS;
const filesDir = process.env.E2E_FILES_DIR;
const skip = !answers || !filesDir ? "run through scripts/e2e.sh (dialog answers not set)" : false;

/** The example with the four edits (app/versions/versions_test.go makes the same). */
function edited(src) {
  let out = src
    .replaceAll('"Reject order"', '"Reject the order"')
    .replace('"MaxAttempts": 3,', '"MaxAttempts": 5,')
    .replace('"Next": "Release items"', '"Next": "Payment declined"')
    .replace('"Next": "Order complete"', '"Next": "Audit"');
  const start = out.indexOf('    "Release items": {');
  const end = out.indexOf('    "Payment declined": {');
  assert.ok(start > 0 && end > start, "the example changed: the edits no longer apply");
  return out.slice(0, start) + '    "Audit": { "Type": "Pass", "Next": "Order complete" },\n' + out.slice(end);
}

const view = (page) => page.getByTestId("diff-view");
const diffNode = (page, name) => view(page).locator(`.react-flow__node:has([data-testid="state-node"][data-state="${name}"])`).first();

/** Each entry of the change list as "status|title". */
const listed = (page) => view(page).getByTestId("diff-entry").evaluateAll((els) => els.map((e) => `${e.dataset.status}|${e.dataset.state}`));

/** The outline colour of a step's box in the diff view. */
const outline = (page, name) => diffNode(page, name).locator("> .state-node").evaluate((el) => getComputedStyle(el).outlineColor);

const expected = ["changed|Validate order", "renamed|Reject order → Reject the order", "changed|Charge and notify", "added|Audit", "removed|Release items"];

async function compareWith(page, choice) {
  await page.getByTestId("file-menu").click();
  await page.getByTestId("menu-compare").click();
  await page.getByTestId("compare-picker").waitFor();
  await page.getByTestId(choice).click();
}

test("Compare with the last saved version (then another file, a git revision): the changes listed and coloured, a legend, entries select steps, Esc gives the editor back", { skip }, async () => {
  const dir = join(filesDir, "diff");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "order.asl.json");
  writeFileSync(path, exampleText);
  const git = spawnSync("git", ["--version"]).status === 0;
  const gitRun = (...args) => {
    const r = spawnSync("git", ["-C", dir, "-c", "user.name=Ann Reviewer", "-c", "user.email=ann@example.com", ...args], { encoding: "utf8" });
    assert.equal(r.status, 0, `git ${args.join(" ")}: ${r.stderr}`);
  };
  if (git) {
    gitRun("init", "-q");
    gitRun("add", "order.asl.json");
    gitRun("commit", "-q", "-m", "The order process as agreed");
  }

  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    writeFileSync(answers, path);
    await page.getByTestId("file-menu").click();
    await page.getByTestId("menu-open").first().click();
    await waitFor("the file to open", async () => (await page.getByTestId("file-name").innerText()).includes("order.asl.json"));

    // The four edits, typed into the code view as a user pasting would.
    await page.getByRole("tab", { name: "Code" }).click();
    await page.getByTestId("code-view").locator(".cm-content").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(edited(exampleText));
    await page.getByTestId("dirty-marker").waitFor();
    await page.getByRole("tab", { name: "Design" }).click();
    await page.locator('[data-testid="canvas"] [data-testid="state-node"][data-state="Audit"]').waitFor();
    const before = { text: await page.evaluate(() => document.querySelector('[data-testid="frame"]').className), code: null };

    await compareWith(page, "compare-saved");
    await view(page).waitFor();
    await diffNode(page, "Audit").waitFor();
    assert.deepEqual(await listed(page), expected, "exactly the edits, with their statuses");
    const summary = await view(page).getByTestId("diff-summary").innerText();
    assert.match(summary, /added/);
    assert.match(summary, /removed/);
    assert.match(summary, /renamed/);
    const retry = view(page).locator('[data-testid="diff-entry"][data-state="Validate order"] [data-testid="diff-change"]');
    assert.deepEqual(await retry.allInnerTexts(), ["Retry 1 › MaxAttempts: 3 → 5"]);
    assert.match(await view(page).getByTestId("diff-sides").innerText(), /from the last saved version to this version/);

    // The rename reads as one: on the list and on the step's badge.
    assert.equal(await view(page).locator('[data-testid="diff-badge"][data-state="Reject the order"]').innerText(), "renamed from Reject order");
    // Colours: each status its own, app/diffview's.
    assert.equal(await outline(page, "Audit"), "rgb(26, 127, 55)", "added: green");
    assert.equal(await outline(page, "Validate order"), "rgb(198, 93, 0)", "changed: orange");
    assert.equal(await outline(page, "Reject the order"), "rgb(9, 105, 218)", "renamed: blue");
    assert.ok(await diffNode(page, "Audit").evaluate((el) => el.classList.contains("diff-added")));
    assert.equal(await view(page).locator('.react-flow__node.diff-node').count(), 4, "four steps marked on the new version");
    assert.equal(await view(page).locator(".react-flow__edge.diff-edge-added").count() > 0, true, "added connections marked");
    // The legend, in plain words.
    const legendWords = await view(page).locator('[data-testid="diff-legend"] .diff-legend-item').allInnerTexts();
    for (const w of ["Added", "Removed", "Changed", "Renamed", "Moved"]) assert.ok(legendWords.includes(w), `legend has ${w}: ${legendWords}`);

    // A click on an entry selects its step on the diagram.
    await view(page).locator('[data-testid="diff-entry"][data-state="Validate order"]').click();
    await waitFor("Validate order selected", async () => (await diffNode(page, "Validate order").getAttribute("class")).includes("diff-selected"));
    assert.equal(await view(page).locator('[data-testid="diff-entry"][data-state="Validate order"]').getAttribute("aria-current"), "true");
    await s.screenshot("diff-01-after");

    // A removed step: shown in the Before diagram, selected there.
    await view(page).locator('[data-testid="diff-entry"][data-state="Release items"]').click();
    await waitFor("the Before diagram", async () => (await view(page).getAttribute("data-side")) === "before");
    await waitFor("Release items selected", async () => ((await diffNode(page, "Release items").getAttribute("class")) ?? "").includes("diff-selected"));
    assert.ok((await diffNode(page, "Release items").getAttribute("class")).includes("diff-removed"));
    assert.equal(await outline(page, "Release items"), "rgb(207, 34, 46)", "removed: red");
    assert.ok((await view(page).locator(".react-flow__edge.diff-edge-removed").count()) > 0, "removed connections marked on Before");
    await s.screenshot("diff-02-before");

    // Swap: the document as the old side; the same edits read the other way round.
    await view(page).getByTestId("diff-swap").click();
    await waitFor("the swapped list", async () => (await listed(page)).includes("renamed|Reject the order → Reject order"));
    assert.deepEqual(await listed(page), ["changed|Validate order", "renamed|Reject the order → Reject order", "changed|Charge and notify", "added|Release items", "removed|Audit"]);
    assert.deepEqual(await retry.allInnerTexts(), ["Retry 1 › MaxAttempts: 5 → 3"]);
    await view(page).getByTestId("diff-swap").click();
    await waitFor("swapped back", async () => (await listed(page)).join() === expected.join());

    // Esc: the editor as it was, the edits still there, unsaved.
    await page.keyboard.press("Escape");
    await waitFor("the diff view to close", async () => (await view(page).count()) === 0);
    assert.equal(await page.evaluate(() => document.querySelector('[data-testid="frame"]').className), before.text);
    await page.getByTestId("dirty-marker").waitFor();
    await page.getByRole("tab", { name: "Code" }).click();
    assert.equal(await codeText(page), edited(exampleText), "the document is untouched");

    // Another file, picked in the (answered) open dialog: a colleague's copy with the same edits.
    const copy = join(dir, "copy.asl.json");
    writeFileSync(copy, edited(exampleText));
    writeFileSync(answers, copy);
    await compareWith(page, "compare-file");
    await waitFor("the diff view (or an error)", async () => (await view(page).count()) + (await page.getByTestId("compare-error").count()) > 0);
    assert.equal(await page.getByTestId("compare-error").count(), 0, await page.getByTestId("compare-error").allInnerTexts().then(String));
    await waitFor("the summary", async () => (await view(page).getByTestId("diff-summary").innerText()).includes("No differences"));
    assert.equal(await view(page).getByTestId("diff-entry").count(), 0);
    assert.match(await view(page).getByTestId("diff-sides").innerText(), /copy\.asl\.json/);
    await view(page).getByTestId("diff-close").click();
    await waitFor("the diff view to close", async () => (await view(page).count()) === 0);

    assert.deepEqual(s.errors, [], "no page errors");
    if (!git) {
      console.log("diff e2e: no git program on this machine: the git-revision compare is not tried here (app/versions tests cover it, and fail without git)");
      return;
    }
    // A git revision: the commit listed, newest first; the same changes
    // against it, and a step placed by hand since (its pin in the notes
    // beside the file, which the commit did not have) reads as moved.
    writeFileSync(join(dir, "order.studio.json"), JSON.stringify({ version: 1, workflow: {}, states: { "Payment declined": { position: { x: 60, y: 720 } } } }));
    await compareWith(page, "compare-revision");
    const item = page.getByTestId("compare-revision-item");
    await item.first().waitFor();
    assert.equal(await item.count(), 1);
    assert.match(await item.innerText(), /The order process as agreed/);
    assert.match(await item.innerText(), /Ann Reviewer/);
    await s.screenshot("diff-03-revision-picker");
    await item.click();
    await view(page).waitFor();
    await diffNode(page, "Audit").waitFor();
    const withMove = [...expected.slice(0, 4), "moved|Payment declined", expected[4]];
    assert.deepEqual(await listed(page), withMove);
    assert.equal(await outline(page, "Payment declined"), "rgb(130, 80, 223)", "moved: purple");
    assert.equal(await diffNode(page, "Payment declined").locator("> .state-node").evaluate((el) => getComputedStyle(el).outlineStyle), "dashed");
    assert.deepEqual(
      await view(page).locator('[data-testid="diff-entry"][data-state="Payment declined"] [data-testid="diff-change"]').allInnerTexts(),
      ["Position: laid out automatically → 60, 720"],
    );
    assert.match(await view(page).getByTestId("diff-sides").innerText(), /The order process as agreed/);
    await s.screenshot("diff-04-revision");
    await view(page).getByTestId("diff-close").click();
    await waitFor("the diff view to close", async () => (await view(page).count()) === 0);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
