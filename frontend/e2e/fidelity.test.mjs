// The editor for both audiences, against the real app and real files:
// - viewing a file never changes it: files with CRLF, a byte order mark,
//   tabs, no final newline or mixed line endings open clean, stay clean
//   through Design, Code and Split, save byte for byte, and an edit in the
//   code changes only its line;
// - Save As under a .yaml name writes YAML (and .json JSON), with a notice;
// - while the code does not parse, the diagram and the inspector are
//   read-only and say where the mistake is, in plain words.
// Files are opened through the dialog-answer seam (see files.test.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { edgeMiddle, openStudio, waitFor } from "./studio.mjs";

const answers = process.env.STEPSTUDIO_DIALOG_ANSWERS;
const filesDir = process.env.E2E_FILES_DIR;
const skip = !answers || !filesDir ? "run through scripts/e2e.sh (dialog answers not set)" : false;

const fixtures = new URL("../src/document/testdata/fidelity/", import.meta.url);
const template = (name) => readFileSync(new URL(`../../app/examples/templates/${name}`, import.meta.url), "utf8");

function answerNextDialog(path) {
  writeFileSync(answers, path);
}

async function menu(page, item) {
  await page.getByTestId("file-menu").click();
  await page.getByTestId(item).first().click();
}

async function fileName(page) {
  return (await page.getByTestId("file-name").innerText()).replace("●", "").trim();
}

async function open(page, path) {
  answerNextDialog(path);
  await menu(page, "menu-open");
  const name = path.slice(path.lastIndexOf("/") + 1);
  await waitFor(`${name} to open`, async () => (await fileName(page)) === name);
}

const dirty = async (page) => (await page.getByTestId("dirty-marker").count()) > 0;
const state = (page, name) => page.locator(`[data-testid="state-node"][data-state="${name}"]`);
const view = (page, name) => page.getByRole("tab", { name }).click();

/** The code view's text (CodeMirror's own, not the rendered lines). */
const code = (page) => page.evaluate(() => document.querySelector(".cm-content").cmTile.root.view.state.doc.toString());

/** The code view's caret (line, column from 1) and whether it has the focus. */
const caret = (page) =>
  page.evaluate(() => {
    const v = document.querySelector(".cm-content").cmTile.root.view;
    const head = v.state.selection.main.head;
    const line = v.state.doc.lineAt(head);
    return { line: line.number, column: head - line.from + 1, focused: v.hasFocus };
  });

/** Puts the code view's caret just after the first needle, as a click would. */
async function caretAfter(page, needle) {
  await page.evaluate((n) => {
    const v = document.querySelector(".cm-content").cmTile.root.view;
    const at = v.state.doc.toString().indexOf(n);
    if (at < 0) throw new Error(`not in the code: ${n}`);
    v.dispatch({ selection: { anchor: at + n.length } });
    v.focus();
  }, needle);
}

/** Waits for the code view to hold want; shows the difference when it does not. */
async function untilCode(page, want, what) {
  try {
    await waitFor(what, async () => (await code(page)) === want, 5000);
  } catch {
    assert.equal(await code(page), want, `${what} (caret ${JSON.stringify(await caret(page))})`);
  }
}

async function save(page) {
  await page.keyboard.press("Control+S");
  await waitFor("the save to finish", async () => !(await dirty(page)) && (await page.getByTestId("notice-info").filter({ hasText: "Saved" }).count()) > 0);
}

test("viewing a file never changes it; an edit changes only its line, in the file's own line ending", { skip }, async () => {
  mkdirSync(filesDir, { recursive: true });
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    const cases = [
      // file, where to type, what to type (Enter included: a new line takes the file's ending)
      ["crlf-bom-tabs.asl.json", "then charge", " now"],
      ["crlf.asl.yaml", "Comment: Orders", " now\n# note"],
      ["bom-nofinal.asl.yaml", "Comment: Orders", " now"],
      ["mixed-tabs.asl.json", "then charge", " now"],
    ];
    for (const [name, needle, typed] of cases) {
      const path = join(filesDir, name);
      copyFileSync(new URL(name, fixtures), path);
      const original = readFileSync(path);
      await open(page, path);
      await view(page, "Design");
      await state(page, "Charge card").waitFor();
      assert.equal(await dirty(page), false, `${name} opens clean`);

      // Look at it every way: nothing changes.
      for (const v of ["Code", "Split", "Design", "Split"]) {
        await view(page, v);
        if (v !== "Design") await page.getByTestId("code-view").locator(".cm-content").waitFor();
        await page.waitForTimeout(400); // longer than any catching up the views do
        assert.equal(await dirty(page), false, `${name}: the ${v} view leaves it clean`);
      }
      if (name === "crlf-bom-tabs.asl.json") await s.screenshot("fidelity-01-crlf-bom-tabs-split-clean");
      const shown = await code(page);
      assert.equal(shown, original.toString("utf8").replace(/^\uFEFF/, "").replaceAll("\r\n", "\n"), `${name}: the code view shows the text (no BOM, CRLF as line breaks)`);

      // A save without edits writes the very bytes.
      await save(page);
      assert.ok(readFileSync(path).equals(original), `${name}: saved byte for byte`);

      // An edit in the code changes its line only; a new line takes the file's ending.
      await caretAfter(page, needle);
      for (const [i, part] of typed.split("\n").entries()) {
        if (i > 0) await page.keyboard.press("Enter");
        await page.keyboard.type(part);
      }
      await waitFor(`${name} to be dirty`, () => dirty(page));
      await save(page);
      const eol = name.startsWith("crlf") ? "\r\n" : "\n";
      const want = original.toString("utf8").replace(needle, needle + typed.replaceAll("\n", eol));
      const got = readFileSync(path, "utf8");
      assert.equal(JSON.stringify(got), JSON.stringify(want), `${name}: only the edited line changed`);
    }
    await s.screenshot("fidelity-02-after-edits");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("Save As .yaml writes YAML and says so; .json turns it back into JSON", { skip }, async () => {
  mkdirSync(filesDir, { recursive: true });
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    const jsonPath = join(filesDir, "orders.asl.json");
    copyFileSync(new URL("crlf-bom-tabs.asl.json", fixtures), jsonPath);
    const original = readFileSync(jsonPath, "utf8");
    const value = JSON.parse(original.replace(/^\uFEFF/, ""));
    await open(page, jsonPath);
    await state(page, "Charge card").waitFor();

    const yamlPath = join(filesDir, "orders.asl.yaml");
    answerNextDialog(yamlPath);
    await menu(page, "menu-save-as");
    const notice = page.getByTestId("notice-info").filter({ hasText: "converted" });
    await notice.waitFor();
    assert.equal((await notice.innerText()).replace(/\n×$/, ""), `Saved ${yamlPath} as YAML, converted from JSON. orders.asl.json is unchanged.`);
    await s.screenshot("fidelity-03-saved-as-yaml");
    const yaml = readFileSync(yamlPath, "utf8");
    assert.ok(yaml.startsWith("\uFEFFComment: "), "YAML, with the file's BOM");
    assert.ok(!/[^\r]\n/.test(yaml) && yaml.includes("\r\n"), "with the file's CRLF");
    assert.equal(JSON.stringify(parseYaml(yaml.slice(1))), JSON.stringify(value), "the same definition, keys in the same order");
    assert.equal(readFileSync(jsonPath, "utf8"), original, "the JSON file is untouched");
    assert.equal(await fileName(page), "orders.asl.yaml");
    assert.equal(await dirty(page), false);
    await view(page, "Split");
    await page.getByTestId("code-view").locator(".cm-content").waitFor();
    assert.match(await code(page), /^Comment: .*\nStartAt: Check stock\nStates:\n {2}Check stock:\n/);
    await state(page, "Charge card").waitFor();

    const backPath = join(filesDir, "orders-again.asl.json");
    answerNextDialog(backPath);
    await menu(page, "menu-save-as");
    await page.getByTestId("notice-info").filter({ hasText: "as JSON, converted from YAML" }).waitFor();
    const back = readFileSync(backPath, "utf8");
    assert.equal(JSON.stringify(JSON.parse(back.slice(1))), JSON.stringify(value));
    assert.ok(back.startsWith("\uFEFF{\r\n"), "JSON again, BOM and CRLF kept");
    assert.equal(await dirty(page), false);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("while the code does not parse, the diagram and inspector are read-only and say where the mistake is", { skip }, async () => {
  mkdirSync(filesDir, { recursive: true });
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    const path = join(filesDir, "approval.asl.json");
    const text = template("approval.asl.json");
    assert.equal(text.split("\n")[29], "    },", "line 30 closes a state and is followed by another");
    writeFileSync(path, text);
    await open(page, path);
    await view(page, "Split");
    await state(page, "Rejected").waitFor();

    // Delete the comma at the end of line 30, in the code.
    const lines = text.split("\n");
    await caretAfter(page, lines.slice(0, 30).join("\n"));
    await page.keyboard.press("Backspace");
    const broken = lines.slice(0, 29).join("\n") + "\n    }" + text.slice(lines.slice(0, 30).join("\n").length);
    await untilCode(page, broken, "the comma to go");

    const banner = page.getByTestId("canvas-error");
    await banner.waitFor();
    assert.deepEqual((await banner.innerText()).split(/\n+/), [
      "The code has a mistake on line 30; fix it in the code view to edit the diagram.",
      "A comma is missing after the value on line 30.",
      "Show line 30",
    ]);
    assert.equal(await page.locator(".canvas.stale").count(), 1, "the last diagram that worked, greyed");
    await page.getByTestId("problem").filter({ hasText: "A comma is missing after the value on line 30." }).waitFor();
    await s.screenshot("fidelity-04-code-broken-read-only");

    // Delete on the greyed diagram: refused.
    await state(page, "Carry out the request").click();
    await page.keyboard.press("Delete");
    // Drag a step from the palette onto an arrow: refused.
    const item = page.locator('[data-testid="palette-item"][data-entry="wait"]');
    await item.scrollIntoViewIfNeeded();
    const from = await item.boundingBox();
    const to = await edgeMiddle(page, "/States/Ask for approval/Next");
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    // Enter on a palette step (add after the selected one): refused.
    await item.press("Enter");
    // The inspector: its banner, and fields that take no edit.
    await page.getByTestId("inspector-lock").waitFor();
    assert.match(await page.getByTestId("inspector-lock").innerText(), /The code has a mistake on line 30/);
    const nameField = page.getByTestId("field-name");
    assert.equal(await nameField.isDisabled(), true);
    await assert.rejects(nameField.fill("Renamed", { timeout: 1000 }));
    await page.waitForTimeout(300);
    assert.equal(await code(page), broken, "nothing reached the text");

    // In the Design view, where the text cannot be seen, too.
    await view(page, "Design");
    await state(page, "Carry out the request").click();
    await page.keyboard.press("Delete");
    await page.waitForTimeout(300);
    await s.screenshot("fidelity-05-design-read-only");
    // The button opens the code at the mistake.
    await page.getByTestId("canvas-error-show").click();
    await page.locator(".frame.view-split").waitFor();
    await page.getByTestId("code-view").locator(".cm-content").waitFor();
    assert.equal(await code(page), broken, "the Delete in the Design view changed nothing");
    await waitFor("the caret at the end of line 30, with the focus", async () => {
      const c = await caret(page);
      return c.line === 30 && c.column === 6 && c.focused;
    });

    // Type the comma where the message says: editing is back.
    await page.keyboard.type(",");
    await untilCode(page, text, "the text to be whole again");
    await banner.waitFor({ state: "detached" });
    assert.equal(await nameField.isDisabled(), false);
    await state(page, "Carry out the request").click();
    await page.keyboard.press("Delete");
    await state(page, "Carry out the request").waitFor({ state: "detached" });
    assert.ok(!(await code(page)).includes('"Carry out the request": {'), "the Delete works again");
    await save(page);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
