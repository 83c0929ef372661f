// Files against the real app: new from a template, save (as), reload from
// disk, open recent, open a YAML file and keep its format, the
// changed-on-disk notice, the unsaved-changes prompt, and the offer of
// work recovered after a crash.
//
// Native dialogs cannot be driven from the browser. scripts/e2e.sh starts
// the app with STEPSTUDIO_DIALOG_ANSWERS naming a file: the real dialog
// adapter (app/files_desktop.go) then answers the next open/save dialog
// with the path written there, instead of showing one. It also points
// STEPSTUDIO_CONFIG_DIR at a throwaway folder, and E2E_FILES_DIR at where
// these tests write their workflows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openStudio, waitFor } from "./studio.mjs";

const answers = process.env.STEPSTUDIO_DIALOG_ANSWERS;
const configDir = process.env.STEPSTUDIO_CONFIG_DIR;
const filesDir = process.env.E2E_FILES_DIR;
const skip = !answers || !configDir || !filesDir ? "run through scripts/e2e.sh (dialog answers and config dir not set)" : false;

const template = (name) => readFileSync(new URL(`../../app/examples/templates/${name}`, import.meta.url), "utf8");

/** The path the next native dialog will "choose" ("" cancels it). */
function answerNextDialog(path) {
  writeFileSync(answers, path);
}

async function fileName(page) {
  return (await page.getByTestId("file-name").innerText()).replace("●", "").trim();
}

async function menu(page, item) {
  await page.getByTestId("file-menu").click();
  await page.getByTestId(item).first().click();
}

/** Replaces the whole text in the code view, as a user pasting would. */
async function typeAll(page, text) {
  await page.getByRole("tab", { name: "Code" }).click();
  await page.getByTestId("code-view").locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
}

async function codeText(page) {
  await page.getByRole("tab", { name: "Code" }).click();
  return page.getByTestId("code-view").locator(".cm-content").innerText();
}

test("new from a template, save as, save, reload from disk, open recent", { skip }, async () => {
  mkdirSync(filesDir, { recursive: true });
  const path = join(filesDir, "approval.asl.json");
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();

    await menu(page, "menu-new");
    await page.getByTestId("template-gallery").waitFor();
    assert.equal(await page.getByTestId("template-card").count(), 6);
    await s.screenshot("files-01-template-gallery");
    await page.locator('[data-template="approval"]').click();
    await page.locator('[data-state="Approved?"]').waitFor();
    assert.equal(await fileName(page), "approval.asl.json");
    assert.equal(await page.getByTestId("dirty-marker").count(), 0, "a fresh template is not unsaved work");

    // Ctrl+S on a document never saved asks where (the dialog answers).
    answerNextDialog(path);
    await page.keyboard.press("Control+S");
    await page.getByTestId("notice-info").filter({ hasText: "Saved" }).waitFor();
    assert.equal(readFileSync(path, "utf8"), template("approval.asl.json"), "saved byte for byte");

    // Edit, see the dirty marker, save in place (no dialog this time).
    const edited = template("approval.asl.json").replace("Approval: ask a person", "Approval (edited): ask a person");
    await typeAll(page, edited);
    await page.getByTestId("dirty-marker").waitFor();
    await page.keyboard.press("Control+S");
    await waitFor("the dirty marker to go", async () => (await page.getByTestId("dirty-marker").count()) === 0);
    assert.equal(readFileSync(path, "utf8"), edited);
    await s.screenshot("files-02-saved");

    // A fresh page (the example) gets the file back from the recent list.
    await page.reload();
    await page.getByTestId("state-node").first().waitFor();
    await page.getByTestId("file-menu").click();
    const recent = page.getByTestId("menu-recent").filter({ hasText: "approval.asl.json" });
    await recent.waitFor();
    await s.screenshot("files-03-recent");
    await recent.click();
    await page.locator('[data-state="Approved?"]').waitFor();
    assert.equal(await fileName(page), "approval.asl.json");
    assert.match(await codeText(page), /Approval \(edited\)/);

    // Open… a YAML file: it stays YAML.
    const yamlPath = join(filesDir, "hello.asl.yaml");
    writeFileSync(yamlPath, "StartAt: Hi\nStates:\n  Hi:\n    Type: Pass\n    End: true\n");
    answerNextDialog(yamlPath);
    await menu(page, "menu-open");
    await waitFor("the YAML file to open", async () => (await fileName(page)) === "hello.asl.yaml");
    assert.match(await codeText(page), /StartAt: Hi/);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("a change on disk is noticed; reload takes it, keep mine keeps mine", { skip }, async () => {
  mkdirSync(filesDir, { recursive: true });
  const path = join(filesDir, "batch.asl.json");
  writeFileSync(path, template("batch.asl.json"));
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    answerNextDialog(path);
    await menu(page, "menu-open");
    await page.locator('[data-state="Process each item"]').waitFor();

    writeFileSync(path, template("batch.asl.json").replace('"Done"', '"All done"').replace('"Done"', '"All done"'));
    const banner = page.getByTestId("disk-banner");
    await banner.waitFor({ timeout: 10000 });
    assert.match(await banner.innerText(), /batch\.asl\.json changed on disk/);
    await s.screenshot("files-04-changed-on-disk");
    await page.getByTestId("disk-reload").click();
    await page.locator('[data-state="All done"]').waitFor();
    assert.equal(await banner.count(), 0);
    assert.equal(await page.getByTestId("dirty-marker").count(), 0);

    // Changed again; "Keep mine" keeps the editor's version, is not asked
    // again for the same change, and the next save writes it over the disk.
    const mine = readFileSync(path, "utf8");
    writeFileSync(path, mine.replace("MaxConcurrency\": 10", "MaxConcurrency\": 99"));
    await banner.waitFor({ timeout: 10000 });
    await page.getByTestId("disk-keep").click();
    assert.equal(await banner.count(), 0);
    await page.getByTestId("dirty-marker").waitFor(); // the kept version is not on disk
    await new Promise((r) => setTimeout(r, 4000)); // longer than one disk check
    assert.equal(await banner.count(), 0, "the same change is not reported twice");
    await page.keyboard.press("Control+S");
    await page.getByTestId("notice-info").filter({ hasText: "Saved" }).waitFor();
    assert.equal(readFileSync(path, "utf8"), mine);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("unsaved work: the prompt before replacing it, and autosave", { skip }, async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    const example = await codeText(page);
    await typeAll(page, template("hello-world.asl.json"));
    await page.getByTestId("dirty-marker").waitFor();

    // Autosave keeps a recovery copy within a few seconds.
    const recovery = join(configDir, "recovery");
    await waitFor("the autosave copy", () => existsSync(recovery) && readdirSync(recovery).some((f) => readFileSync(join(recovery, f), "utf8").includes("Hello, world!")));

    await menu(page, "menu-new");
    await page.locator('[data-template="fan-out"]').click();
    const prompt = page.getByTestId("unsaved-prompt");
    await prompt.waitFor();
    await s.screenshot("files-05-unsaved-prompt");
    await prompt.getByRole("button", { name: "Cancel" }).click();
    assert.equal(await prompt.count(), 0);
    assert.match(await codeText(page), /Hello, world!/, "cancel keeps the work");

    await menu(page, "menu-new");
    await page.locator('[data-template="fan-out"]').click();
    await page.getByTestId("unsaved-discard").click();
    await page.getByRole("tab", { name: "Design" }).click();
    await page.locator('[data-state="Combine the results"]').waitFor();
    assert.equal(await fileName(page), "fan-out.asl.json");
    assert.notEqual(example, "");
    await waitFor("the autosave copy to go", () => !readdirSync(recovery).some((f) => readFileSync(join(recovery, f), "utf8").includes("Hello, world!")));
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("work left by a crashed session is offered back", { skip }, async () => {
  // What a session that died mid-edit leaves behind (app/files/recovery.go).
  const recovery = join(configDir, "recovery");
  mkdirSync(recovery, { recursive: true });
  const text = template("retry-and-compensate.asl.json").replace("Book the hotel", "Book the inn").replace('"Book the hotel"', '"Book the inn"');
  writeFileSync(
    join(recovery, "crashed0session.json"),
    JSON.stringify({ id: "crashed0session", path: "", name: "trip.asl.json", format: "json", lineEnding: "lf", text, savedAt: Date.now() - 5 * 60_000 }),
  );
  const s = await openStudio();
  try {
    const { page } = s;
    const banner = page.getByTestId("recovery-banner");
    await banner.waitFor();
    assert.match(await banner.innerText(), /trip\.asl\.json \(never saved\) from 5 minutes ago/);
    await s.screenshot("files-06-recovery-offer");
    await page.getByTestId("recovery-restore").click();
    await page.locator('[data-state="Book the inn"]').waitFor();
    assert.equal(await fileName(page), "trip.asl.json");
    await page.getByTestId("dirty-marker").waitFor();
    assert.equal(await banner.count(), 0);
    assert.equal(existsSync(join(recovery, "crashed0session.json")), false, "the offered copy is gone once restored");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("export the diagram as SVG and PNG", { skip }, async () => {
  mkdirSync(filesDir, { recursive: true });
  const svg = join(filesDir, "order.svg");
  const png = join(filesDir, "order.png");
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    answerNextDialog(svg);
    await menu(page, "menu-export-svg");
    await page.getByTestId("notice-info").filter({ hasText: "order.svg" }).waitFor();
    const drawn = readFileSync(svg, "utf8");
    assert.match(drawn, /^<\?xml/);
    assert.equal((drawn.match(/<g class="node state"/g) ?? []).length, 9, "one group per plain state of the example");
    assert.match(drawn, /Validate order/);

    answerNextDialog(png);
    await menu(page, "menu-export-png");
    await page.getByTestId("notice-info").filter({ hasText: "order.png" }).waitFor();
    const bytes = readFileSync(png);
    assert.equal(bytes.subarray(1, 4).toString(), "PNG");
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    assert.ok(width > 600 && height > 1000, `a 2x picture, got ${width}x${height}`);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("a file that is not JSON or not ASL opens beside its code and saves unchanged", { skip }, async () => {
  mkdirSync(filesDir, { recursive: true });
  const cases = [
    ["broken.json", '{\n  "StartAt": "A",\n  "States": { "A": { "Type": "Pass", "End": true }\n'],
    ["list.json", "[1, 2, 3]\n"],
  ];
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    for (const [name, text] of cases) {
      const path = join(filesDir, name);
      writeFileSync(path, text);
      answerNextDialog(path);
      await menu(page, "menu-open");
      await waitFor(`${name} to open`, async () => (await fileName(page)) === name);
      await page.getByTestId("code-view").waitFor();
      await page.locator('[data-testid="problem"].error').first().waitFor();
      assert.equal(await page.getByTestId("state-node").count(), 0, "no diagram of the previous file");
      await s.screenshot(`files-07-opened-${name.replace(".json", "")}`);
      await page.keyboard.press("Control+S");
      await page.getByTestId("notice-info").filter({ hasText: name }).waitFor();
      assert.equal(readFileSync(path, "utf8"), text, "saved without edits: the same bytes");
    }
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("a CRLF file edited in the code view is saved with CRLF line endings", { skip }, async () => {
  mkdirSync(filesDir, { recursive: true });
  const path = join(filesDir, "windows.asl.json");
  const crlf = template("hello-world.asl.json").replace(/\n/g, "\r\n");
  writeFileSync(path, crlf);
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    answerNextDialog(path);
    await menu(page, "menu-open");
    await waitFor("the file to open", async () => (await fileName(page)) === "windows.asl.json");
    // The code editor hands over LF text; the save puts CRLF back.
    await typeAll(page, template("hello-world.asl.json").replace("Hello, world!", "Hello, Windows!"));
    await page.getByTestId("dirty-marker").waitFor();
    await page.keyboard.press("Control+S");
    await waitFor("the dirty marker to go", async () => (await page.getByTestId("dirty-marker").count()) === 0);
    const saved = readFileSync(path, "utf8");
    assert.equal(saved, crlf.replace("Hello, world!", "Hello, Windows!"));
    assert.equal(saved.split("\r\n").length, saved.split("\n").length, "every line ends in CRLF");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

test("the File menu works from the keyboard", { skip }, async () => {
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    const button = page.getByTestId("file-menu");
    await button.focus();
    await page.keyboard.press("Enter");
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute("data-testid"));
    await waitFor("the first item to take focus", async () => (await focused()) === "menu-new");
    await page.keyboard.press("ArrowDown");
    assert.equal(await focused(), "menu-open");
    await page.keyboard.press("ArrowUp");
    await page.keyboard.press("ArrowUp"); // wraps to the last item
    assert.equal(await focused(), "menu-export-handbook");
    await page.keyboard.press("Escape");
    // React closes the menu on its next render: wait for it rather than race it.
    await waitFor("the menu to close", async () => (await page.getByRole("menu").count()) === 0);
    assert.equal(await focused(), "file-menu", "focus goes back to the button");
    // Enter on "New from template…" opens the gallery; Escape closes it.
    await page.keyboard.press("Enter");
    await waitFor("the menu", async () => (await focused()) === "menu-new");
    await page.keyboard.press("Enter");
    await page.getByTestId("template-gallery").waitFor();
    await page.keyboard.press("Escape");
    await waitFor("the gallery to close", async () => (await page.getByTestId("template-gallery").count()) === 0);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
