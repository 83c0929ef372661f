// File → Export handbook against the real app: the menu item is there,
// and the name answered in the save dialog decides the format (one HTML
// page, or Markdown with its SVG pictures). Run through scripts/e2e.sh,
// which answers native dialogs from a file (see files.test.mjs).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openStudio } from "./studio.mjs";

const answers = process.env.STEPSTUDIO_DIALOG_ANSWERS;
const filesDir = process.env.E2E_FILES_DIR;
const skip = !answers || !filesDir ? "run through scripts/e2e.sh (dialog answers not set)" : false;

async function menu(page, item) {
  await page.getByTestId("file-menu").click();
  await page.getByTestId(item).first().click();
}

test("export the handbook as HTML and as Markdown", { skip }, async () => {
  mkdirSync(filesDir, { recursive: true });
  const html = join(filesDir, "order-handbook.html");
  const md = join(filesDir, "wiki", "order.md");
  mkdirSync(join(filesDir, "wiki"), { recursive: true });
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    await page.getByTestId("file-menu").click();
    assert.equal(await page.getByTestId("menu-export-handbook").innerText(), "Export handbook (HTML or Markdown)…");
    await page.keyboard.press("Escape");

    writeFileSync(answers, html);
    await menu(page, "menu-export-handbook");
    await page.getByTestId("notice-info").filter({ hasText: "order-handbook.html" }).waitFor();
    const page1 = readFileSync(html, "utf8");
    assert.match(page1, /^<!DOCTYPE html>/);
    assert.match(page1, /Validate order/);
    assert.match(page1, /<svg/);
    assert.doesNotMatch(page1, /<script|src="http/);

    writeFileSync(answers, md);
    await menu(page, "menu-export-handbook");
    await page.getByTestId("notice-info").filter({ hasText: "order.md" }).waitFor();
    assert.match(readFileSync(md, "utf8"), /!\[Diagram of order-process\]\(order\.svg\)/);
    assert.ok(existsSync(join(filesDir, "wiki", "order.svg")), "the diagram beside the Markdown");
    assert.ok(existsSync(join(filesDir, "wiki", "order.resources.svg")), "the dependency diagram beside the Markdown");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
