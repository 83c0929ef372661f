// Shared set-up for the browser tests: a Chromium page on the real app
// (dev-tagged binary serving the built frontend with the Go bindings).
import { chromium } from "playwright-core";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const appURL = process.env.STUDIO_URL ?? "http://127.0.0.1:34115";
export const artifacts = process.env.ARTIFACTS ?? join(process.cwd(), "..", "artifacts");

/**
 * Opens the studio in a fresh Chromium profile; collects page errors. It
 * starts on the example (?start=example), as every test but the welcome's
 * expects; { welcome: true } shows the welcome a user sees at first.
 */
export async function openStudio({ welcome = false } = {}) {
  const profile = mkdtempSync(join(tmpdir(), "stepstudio-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1440, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = [];
  page.on("pageerror", (err) => {
    // /wails/ipc.js throws outside the webview (no native bridge): expected.
    if (String(err.stack ?? "").includes("/wails/ipc.js")) return;
    errors.push(err);
  });
  await page.goto(welcome ? appURL : `${appURL}${appURL.includes("?") ? "&" : "?"}start=example`);
  return {
    page,
    errors,
    async screenshot(name) {
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, `${name}.png`) });
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Counts the states (nested included) and transitions of a definition. */
export function countGraph(machine) {
  let states = 0;
  let transitions = 0;
  const walk = (m) => {
    for (const s of Object.values(m.States ?? {})) {
      states++;
      if (s.Next) transitions++;
      if (s.Default) transitions++;
      for (const c of s.Choices ?? []) if (c.Next) transitions++;
      for (const c of s.Catch ?? []) if (c.Next) transitions++;
      for (const b of s.Branches ?? []) walk(b);
      if (s.ItemProcessor ?? s.Iterator) walk(s.ItemProcessor ?? s.Iterator);
    }
  };
  walk(machine);
  return { states, transitions };
}

/** Waits until locator matches exactly n elements (rendering is async). */
export async function expectCount(locator, n, what, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  let count = await locator.count();
  while (count !== n && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    count = await locator.count();
  }
  if (count !== n) throw new Error(`${what}: want ${n}, found ${count}`);
}

/** The example workflow's text, as embedded in the app. */
export const exampleText = readFileSync(new URL("../../app/examples/order-process.asl.json", import.meta.url), "utf8");

/** Polls fn until it is true; fails naming what it waited for. */
export async function waitFor(what, fn, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await fn()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The code editor's whole text (CodeMirror renders only what is in view). */
export async function codeText(page) {
  // CodeMirror keeps its view on the content element (what EditorView.findFromDOM reads).
  return page.evaluate(() => document.querySelector(".code-view .cm-content").cmTile.root.view.state.doc.toString());
}

/** Waits until the code satisfies ok, returning it. */
export async function waitForCode(page, ok, what, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  let text = await codeText(page);
  while (!ok(text) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    text = await codeText(page);
  }
  assert.ok(ok(text), `${what}; the code is now:\n${text}`);
  return text;
}

/** Screen point halfway along an edge's drawn path. */
export async function edgeMiddle(page, edgeId) {
  return page.evaluate((id) => {
    const g = [...document.querySelectorAll(".react-flow__edge")].find((e) => e.getAttribute("data-id") === id);
    if (!g) throw new Error(`no edge ${id}`);
    const path = g.querySelector("path.react-flow__edge-path");
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    const m = path.getScreenCTM();
    return { x: p.x * m.a + p.y * m.c + m.e, y: p.x * m.b + p.y * m.d + m.f };
  }, edgeId);
}

/** The screen point at the centre of a drawn element. */
export async function center(locator) {
  const b = await locator.boundingBox();
  assert.ok(b, "element is drawn");
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** A mouse drag in steps; beforeDrop runs with the button still down. */
export async function drag(page, from, to, beforeDrop) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 5 });
  if (beforeDrop) await beforeDrop();
  await page.mouse.up();
}

/** A state's node on the canvas. */
export const node = (page, name) => page.locator(`[data-testid="state-node"][data-state="${name}"]`);

/** A state's run status on the canvas (succeeded, failed, …), null when none. */
export const statusOf = (page, name) =>
  node(page, name)
    .locator('[data-testid="run-status"]')
    .first()
    .getAttribute("data-status", { timeout: 500 })
    .catch(() => null);

/** Waits until a state's run status is want. */
export async function waitStatus(page, name, want, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  let got;
  while (Date.now() < deadline) {
    got = await statusOf(page, name);
    if (got === want) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`${name}: status ${got}, want ${want}`);
}

/** Replaces the document's text through the code view, back in the design view once a step is drawn. */
export async function setText(page, text) {
  await page.getByRole("tab", { name: "Code" }).click();
  await page.getByTestId("code-view").locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
  await page.getByRole("tab", { name: "Design" }).click();
  await page.getByTestId("state-node").first().waitFor();
}
