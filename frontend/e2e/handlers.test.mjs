// Task handlers against the real app: "Run locally with…" in the inspector
// of a Task state writes the handler into the project file beside the
// workflow (NAME.studio.json); a run asks "Trust this command?" with the
// exact command line before it runs it; Trust runs it and the state takes
// its output; the decision is kept in the user's config (the throwaway one
// scripts/e2e.sh gives), never in the project, so reopening asks nothing
// and changing the command asks again.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { node, openStudio, waitFor, waitStatus } from "./studio.mjs";

const answers = process.env.STEPSTUDIO_DIALOG_ANSWERS;
const filesDir = process.env.E2E_FILES_DIR;
const configDir = process.env.STEPSTUDIO_CONFIG_DIR;
const skip = !answers || !filesDir || !configDir ? "run through scripts/e2e.sh (dialog answers not set)" : false;

const answerNextDialog = (path) => writeFileSync(answers, path);

// A command that reads the task input and prints a result whose
// "valid": false sends the order to "Reject order": the run ends there,
// with no other task to answer.
const commandFor = (total) => `/bin/sh -c "cat >/dev/null; echo '{\\"Payload\\":{\\"valid\\":false,\\"total\\":${total}}}'"`;

async function configure(page, line) {
  await node(page, "Validate order").locator(".state-name").first().click();
  const section = page.getByTestId("handler-section");
  await section.waitFor();
  await section.getByTestId("handler-kind").selectOption("command");
  await section.getByTestId("handler-command").fill(line);
  await section.getByTestId("handler-save").click();
  await waitFor("the handler to be saved", async () => await section.getByTestId("handler-save").isDisabled());
}

async function run(page) {
  await page.getByTestId("tab-run").click();
  await page.getByTestId("run-panel").waitFor();
  await page.getByTestId("run-start").click();
}

/** Waits for the run to end at Reject order, Validate order having taken the command's output. */
async function endsWithOutput(page, total) {
  await page.locator(`[data-testid="run-status-pill"]`, { hasText: "FAILED" }).waitFor({ timeout: 15000 });
  await waitStatus(page, "Validate order", "succeeded");
  await node(page, "Validate order").locator(".state-name").first().click();
  const inspect = page.getByTestId("inspect");
  await inspect.getByText("What the task returned").waitFor();
  assert.match(await inspect.innerText(), new RegExp(`"total": ${total}[,\\s}]`));
}

const trustCard = (page) => page.locator('[data-testid="pending"][data-kind="trust"]');

test("handlers: configure a command, trust it once, run it; a changed command asks again", { skip }, async () => {
  const dir = join(filesDir, "handlers");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "order.asl.json");
  const sidecar = join(dir, "order.studio.json");
  let s = await openStudio();
  try {
    const { page } = s;
    await node(page, "Validate order").waitFor();
    answerNextDialog(path);
    await page.keyboard.press("Control+S");
    await page.getByTestId("notice-info").filter({ hasText: "Saved" }).waitFor();

    await configure(page, commandFor(777));
    await waitFor("the project file to hold the handler", () => existsSync(sidecar) && !!JSON.parse(readFileSync(sidecar, "utf8")).handlers);
    const written = JSON.parse(readFileSync(sidecar, "utf8"));
    assert.deepEqual(written.handlers["Validate order"].command, ["/bin/sh", "-c", `cat >/dev/null; echo '{"Payload":{"valid":false,"total":777}}'`]);
    assert.ok(!JSON.stringify(written).includes("trust"), "the project file holds no trust");
    await s.screenshot("handlers-01-configured");

    await run(page);
    const card = trustCard(page);
    await card.waitFor({ timeout: 10000 });
    const shown = await card.getByTestId("trust-command").innerText();
    assert.match(shown, /^\/bin\/sh -c 'cat >\/dev\/null; echo /);
    assert.match(shown, /"total":777/);
    assert.match(await card.innerText(), /Trust this command\?/);
    await s.screenshot("handlers-02-trust");
    await card.getByTestId("trust-yes").click();
    await endsWithOutput(page, 777);
    const trust = JSON.parse(readFileSync(join(configDir, "trust.json"), "utf8"));
    assert.equal(trust.trusted.length, 1);
    assert.equal(trust.trusted[0].workflow, path);
    assert.ok(!existsSync(join(dir, "trust.json")), "nothing about trust was written into the project");
    await s.close();

    // Reopen: trusted on this computer, so no question.
    s = await openStudio();
    await s.page.getByTestId("state-node").first().waitFor();
    answerNextDialog(path);
    await s.page.getByTestId("file-menu").click();
    await s.page.getByTestId("menu-open").first().click();
    await waitFor("the saved workflow to open", async () => (await s.page.getByTestId("file-name").innerText()).includes("order.asl.json"));
    await node(s.page, "Validate order").waitFor();
    await s.page.getByTestId("tab-run").click();
    await s.page.getByTestId("run-panel").waitFor();
    await s.page.getByTestId("run-start").click();
    await endsWithOutput(s.page, 777);
    assert.equal(await trustCard(s.page).count(), 0, "a trusted command asked again");

    // Change the command: a new content hash, so the question comes back.
    await configure(s.page, commandFor(778));
    await run(s.page);
    await trustCard(s.page).waitFor({ timeout: 10000 });
    assert.match(await trustCard(s.page).getByTestId("trust-command").innerText(), /"total":778/);
    await trustCard(s.page).getByTestId("trust-yes").click();
    await endsWithOutput(s.page, 778);
    await s.screenshot("handlers-03-changed");
  } finally {
    await s.close();
  }
});
