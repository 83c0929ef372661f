// Steps placed by hand against the real app: drag a step, the pin lands in
// NAME.studio.json beside the workflow (the ASL bytes untouched), a reload
// keeps it there, a new step is placed around it, Ctrl+Z / Ctrl+Shift+Z
// take the move back and again, and Tidy up gives everything back to the
// automatic layout.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { center, exampleText, node, openStudio, waitFor } from "./studio.mjs";

const answers = process.env.STEPSTUDIO_DIALOG_ANSWERS;
const filesDir = process.env.E2E_FILES_DIR;
const skip = !answers || !filesDir ? "run through scripts/e2e.sh (dialog answers not set)" : false;
const shots = process.env.PINNED_SHOTS ?? "/tmp";

/** The node's top-left corner in diagram coordinates (React Flow's transform of a top-level node). */
async function flowPos(page, name) {
  const t = await node(page, name).evaluate((el) => el.closest(".react-flow__node").style.transform);
  const m = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec(t);
  assert.ok(m, `a position in ${t}`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

const sidecar = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null);
const pinOf = (path, name) => sidecar(path)?.states?.[name]?.position ?? null;
const overlap = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test("a step placed by hand stays there, is kept beside the file, undoes, and tidy up lets the layout place it", { skip }, async () => {
  mkdirSync(filesDir, { recursive: true });
  const path = join(filesDir, "pinned.asl.json");
  const notes = join(filesDir, "pinned.studio.json");
  const s = await openStudio();
  try {
    const { page } = s;
    const name = "Validate order";
    await node(page, name).waitFor();

    // Without a file there is nowhere to keep the move: the studio asks to save first.
    const auto = await flowPos(page, name);
    let from = await center(node(page, name));
    await dragBy(page, from, 200);
    await page.getByTestId("notes-error").filter({ hasText: "Save the workflow first" }).waitFor();
    await waitFor("the step to go back", async () => (await flowPos(page, name)).x === auto.x);
    await page.getByTestId("notes-error").getByRole("button", { name: "Dismiss" }).click();

    writeFileSync(answers, path);
    await page.keyboard.press("Control+S");
    await page.getByTestId("notice-info").filter({ hasText: "Saved" }).waitFor();
    assert.equal(readFileSync(path, "utf8"), exampleText);
    await page.screenshot({ path: join(shots, "pinned-1-before.png") });

    // Drag it ~200 px to the right.
    from = await center(node(page, name));
    await dragBy(page, from, 200);
    await node(page, name).getByTestId("pin-mark").waitFor();
    await waitFor("the pin in the notes file", async () => pinOf(notes, name) !== null);
    const pin = pinOf(notes, name);
    const zoom = await page.evaluate(() => Number(getComputedStyle(document.querySelector(".canvas")).getPropertyValue("--canvas-zoom")));
    // React Flow starts the drag once the pointer has gone a few pixels (a click that wobbles is no move): up to one step of 10 px is lost.
    const moved = (pin.x - auto.x) * zoom;
    assert.ok(moved >= 185 && moved <= 202, `moved by ~200 px on screen (${moved}): pin ${JSON.stringify(pin)}, was ${JSON.stringify(auto)}, zoom ${zoom}`);
    assert.ok(Math.abs(pin.y - auto.y) <= 6, "moved sideways only");
    assert.equal(readFileSync(path, "utf8"), exampleText, "the ASL file is byte for byte the same");
    assert.equal(await page.getByTestId("dirty-marker").count(), 0, "a move is no unsaved change to the workflow");
    await waitFor("the layout with the pin", async () => JSON.stringify(await flowPos(page, name)) === JSON.stringify(pin));
    await page.screenshot({ path: join(shots, "pinned-2-moved.png") });

    // Reload and open the file again: the step is where it was put.
    await page.reload();
    await node(page, name).waitFor();
    writeFileSync(answers, path);
    await page.getByTestId("file-menu").click();
    await page.getByTestId("menu-open").first().click();
    await node(page, name).getByTestId("pin-mark").waitFor();
    assert.deepEqual(await flowPos(page, name), pin, "after a reload the step is where it was put");

    // A new step from the palette is placed around the pinned one.
    await node(page, "Release items").click();
    const pass = page.locator('[data-testid="palette-item"][data-entry="pass"]');
    await pass.focus();
    await pass.press("Enter");
    await node(page, "Pass").waitFor();
    const fresh = await node(page, "Pass").boundingBox();
    const pinnedBox = await node(page, name).boundingBox();
    assert.ok(!overlap(fresh, pinnedBox), `the new step ${JSON.stringify(fresh)} does not overlap the pinned ${JSON.stringify(pinnedBox)}`);
    // Nor does any other box at the top level (markers included).
    const pinnedId = await node(page, name).evaluate((el) => el.closest(".react-flow__node").dataset.id);
    for (const el of await page.locator(".react-flow__node").all()) {
      const id = await el.getAttribute("data-id");
      if (id === pinnedId || !/^(start|end|\/States\/[^/]+)$/.test(id)) continue;
      assert.ok(!overlap(await el.boundingBox(), pinnedBox), `${id} overlaps the pinned step`);
    }
    await page.screenshot({ path: join(shots, "pinned-3-new-step.png") });

    // Ctrl+Z takes back the new step (a text edit), then a move (beside the
    // text) in the same history; Ctrl+Shift+Z does the move again. (A
    // reload starts a new history, so the move to undo is made here.)
    await page.locator(".react-flow__pane").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("Control+Z");
    await waitFor("the new step to go", async () => (await node(page, "Pass").count()) === 0);
    await waitFor("the step still where it was put", async () => JSON.stringify(await flowPos(page, name)) === JSON.stringify(pin));
    await dragBy(page, await center(node(page, name)), 0, 150);
    await waitFor("the second pin in the notes file", async () => pinOf(notes, name)?.y > pin.y + 100);
    const second = pinOf(notes, name);
    await waitFor("the step at its second place", async () => JSON.stringify(await flowPos(page, name)) === JSON.stringify(second));
    await page.keyboard.press("Control+Z");
    await waitFor("the first pin back in the notes file", async () => JSON.stringify(pinOf(notes, name)) === JSON.stringify(pin));
    await waitFor("undo to put the step back", async () => JSON.stringify(await flowPos(page, name)) === JSON.stringify(pin));
    await page.keyboard.press("Control+Shift+Z");
    await waitFor("redo to move it again", async () => JSON.stringify(await flowPos(page, name)) === JSON.stringify(second));
    assert.equal(readFileSync(path, "utf8"), exampleText, "undo and redo of moves leave the ASL bytes alone");

    // The pin says how to undo it; right-click › Unpin lets the layout place the step (Ctrl+Z pins it again).
    assert.equal(await node(page, name).getByTestId("pin-mark").getAttribute("title"), "Placed by hand — right-click › Let the layout place it");
    await node(page, name).click({ button: "right" });
    await page.getByTestId("ctx-unpin").click();
    await waitFor("unpin to give the step back to the layout", async () => JSON.stringify(await flowPos(page, name)) === JSON.stringify(auto));
    assert.equal(pinOf(notes, name), null);
    await page.keyboard.press("Control+Z");
    await waitFor("undo of unpin", async () => JSON.stringify(await flowPos(page, name)) === JSON.stringify(second));

    // Tidy up: every step back to the layout, and the button goes; Ctrl+Z brings the pins back.
    await page.getByTestId("tidy-up").click();
    await waitFor("no pin in the notes file", async () => pinOf(notes, name) === null);
    await waitFor("the automatic place", async () => JSON.stringify(await flowPos(page, name)) === JSON.stringify(auto));
    assert.equal(await page.getByTestId("tidy-up").count(), 0);
    assert.equal(readFileSync(path, "utf8"), exampleText, "still the same ASL bytes");
    await page.screenshot({ path: join(shots, "pinned-4-tidied.png") });
    await page.keyboard.press("Control+Z");
    await waitFor("undo of tidy up to re-pin", async () => JSON.stringify(await flowPos(page, name)) === JSON.stringify(second));
    await page.keyboard.press("Control+Y");
    await waitFor("redo of tidy up", async () => JSON.stringify(await flowPos(page, name)) === JSON.stringify(auto));
    assert.deepEqual(s.errors, [], "no page errors");
  } finally {
    await s.close();
  }
});

/** Drags from a point by (dx, dy) px, in small steps as a hand would. */
async function dragBy(page, from, dx, dy = 0) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 20; i++) await page.mouse.move(from.x + (dx * i) / 20, from.y + (dy * i) / 20);
  await page.mouse.up();
}
