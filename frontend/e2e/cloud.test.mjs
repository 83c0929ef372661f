// The cloud link against a local endpoint: `stepstudio serve` stands in
// for AWS. Through the Cloud tab only: connect (offline until then), deploy
// (created, then updated after the visual diff), start an execution and
// watch it on the diagram, see it fail, redrive it, and see it succeed.
// scripts/e2e.sh gives the app a throwaway AWS profile "e2e" and names the
// binary (STEPSTUDIO_BIN) this test starts `serve` from.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { openStudio, waitFor, waitStatus } from "./studio.mjs";

const bin = process.env.STEPSTUDIO_BIN;
const answers = process.env.STEPSTUDIO_DIALOG_ANSWERS;
const filesDir = process.env.E2E_FILES_DIR;
const skip = !bin || !answers || !filesDir ? "run through scripts/e2e.sh (STEPSTUDIO_BIN, dialog answers and files dir not set)" : false;

// Check fails on its first run (MathAdd of a string) and succeeds once
// redriven ($$.Execution.RedriveCount picks the number). The Wait keeps the
// execution running for a few seconds at serve's --wait-scale 0.01.
const flow = (comment) =>
  JSON.stringify(
    {
      Comment: comment,
      StartAt: "Wait a little",
      States: {
        "Wait a little": { Type: "Wait", Seconds: 300, Next: "Check" },
        Check: { Type: "Pass", Parameters: { "v.$": "States.MathAdd(States.ArrayGetItem(States.Array('first time', 1), $$.Execution.RedriveCount), 1)" }, Next: "Done" },
        Done: { Type: "Succeed" },
      },
    },
    null,
    2,
  );

/** Starts `stepstudio serve` on a free port; its endpoint and a stop function. */
async function startServe() {
  const child = spawn(bin, ["serve", "--port", "0", "--format", "json", "--wait-scale", "0.01"], { stdio: ["ignore", "pipe", "inherit"] });
  const line = await new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}`)));
    createInterface({ input: child.stdout }).once("line", resolve);
  });
  return { endpoint: JSON.parse(line).endpoint, stop: () => child.kill() };
}

test("deploy, start, watch and redrive in AWS (a local endpoint) through the Cloud tab", { skip }, async () => {
  const serve = await startServe();
  const s = await openStudio();
  try {
    const { page } = s;
    mkdirSync(filesDir, { recursive: true });
    const path = join(filesDir, "cloudflow.asl.json");
    writeFileSync(path, flow("first version"));
    writeFileSync(answers, path);
    await page.getByTestId("file-menu").click();
    await page.getByTestId("menu-open").first().click();
    await waitFor("the workflow to open", async () => (await page.getByTestId("file-name").innerText()).includes("cloudflow.asl.json"));
    await page.locator('[data-testid="state-node"][data-state="Check"]').waitFor();

    // Offline by default, and says so.
    await page.getByTestId("tab-cloud").click();
    const offline = page.getByTestId("cloud-offline");
    await offline.waitFor();
    assert.match(await offline.innerText(), /Nothing is sent to AWS until you connect/);
    await page.locator('[data-testid="cloud-profile"] option[value="e2e"]').waitFor({ state: "attached" });
    await s.screenshot("cloud-offline");

    await page.getByTestId("cloud-profile").selectOption("e2e");
    await page.getByTestId("cloud-region").fill("us-east-1");
    await page.getByTestId("cloud-endpoint").fill(serve.endpoint);
    await page.getByTestId("cloud-connect").click();
    await page.getByTestId("cloud-connected").waitFor();
    assert.match(await page.getByTestId("cloud-connected").innerText(), new RegExp(serve.endpoint.replace(/[.:/]/g, "\\$&")));

    // Settings: the name comes from the file; the role is pasted.
    assert.equal(await page.getByTestId("cloud-name").inputValue(), "cloudflow");
    await page.getByTestId("cloud-role").fill("arn:aws:iam::123456789012:role/cloudflow-role");
    await page.getByTestId("cloud-validate").click();
    await page.locator('[data-testid="cloud-notice"]', { hasText: "AWS accepts this definition." }).waitFor();
    assert.match(await page.getByTestId("cloud-differences").innerText(), /AWS agrees with the studio/);
    // Nothing failed on the way (roles are not asked of an endpoint standing in for AWS).
    assert.equal(await page.getByTestId("cloud-error").count(), 0);
    await s.screenshot("cloud-settings");

    // First deploy: nothing deployed yet, a small confirmation.
    await page.getByTestId("cloud-deploy").click();
    await page.getByTestId("deploy-review").waitFor();
    assert.match(await page.locator(".modal").innerText(), /Create cloudflow in AWS\?/);
    await page.getByTestId("deploy-confirm").click();
    await page.locator('[data-testid="cloud-notice"]', { hasText: "Created cloudflow in AWS" }).waitFor();

    // An edit, saved, then Deploy shows the visual diff against what is deployed first.
    await page.getByRole("tab", { name: "Code" }).click();
    await page.getByTestId("code-view").locator(".cm-content").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(flow("second version"));
    await page.keyboard.press("Control+S");
    await waitFor("the file to be saved", async () => (await page.getByTestId("dirty-marker").count()) === 0);
    await page.getByRole("tab", { name: "Design" }).click();
    await page.getByTestId("cloud-deploy").click();
    await page.getByTestId("diff-view").waitFor();
    assert.match(await page.getByTestId("diff-sides").innerText(), /deployed in AWS/);
    await page.locator('[data-testid="diff-view"] [data-testid="deploy-confirm"]').waitFor();
    await s.screenshot("cloud-deploy-diff");
    await page.locator('[data-testid="diff-view"] [data-testid="deploy-confirm"]').click();
    await page.locator('[data-testid="cloud-notice"]', { hasText: "Updated cloudflow in AWS" }).waitFor();
    assert.equal(await page.getByTestId("diff-view").count(), 0);

    // Start an execution: it plays on the diagram and fails at Check.
    await page.getByTestId("cloud-tab-executions").click();
    await page.getByTestId("cloud-input").fill('{"order": 1}');
    await page.getByTestId("cloud-exec-name").fill("e2e-first");
    await page.getByTestId("cloud-start").click();
    await page.getByTestId("run-panel").waitFor();
    await waitStatus(page, "Check", "failed", 20000);
    await s.screenshot("cloud-execution-failed");

    // Back in the Cloud tab: the execution, FAILED; redrive it.
    await page.getByTestId("tab-cloud").click();
    const watched = page.getByTestId("cloud-watched");
    await page.locator('[data-testid="cloud-watched"][data-status="FAILED"]').waitFor({ timeout: 20000 });
    assert.match(await watched.innerText(), /States\.IntrinsicFailure/);
    await page.getByTestId("cloud-redrive").click();
    await page.locator('[data-testid="cloud-watched"][data-status="SUCCEEDED"]').waitFor({ timeout: 20000 });
    await waitStatus(page, "Done", "succeeded", 20000);
    await page.locator('[data-testid="cloud-exec"][data-name="e2e-first"][data-status="SUCCEEDED"]').waitFor();
    assert.match(await page.locator('[data-testid="cloud-exec"][data-name="e2e-first"]').innerText(), /redriven 1×/);

    // The status filter and the name search.
    await page.getByTestId("cloud-status-filter").selectOption("FAILED");
    await page.getByTestId("cloud-refresh").click();
    await waitFor("no FAILED executions", async () => (await page.getByTestId("cloud-exec").count()) === 0);
    await page.getByTestId("cloud-status-filter").selectOption("");
    await page.getByTestId("cloud-search").fill("e2e-fi");
    await page.getByTestId("cloud-refresh").click();
    await page.locator('[data-testid="cloud-exec"][data-name="e2e-first"]').waitFor();

    // Keep it in the local run history.
    await page.getByTestId("cloud-keep").click();
    await page.locator('[data-testid="cloud-notice"]', { hasText: "Kept in the local run history" }).waitFor();
    await s.screenshot("cloud-executions");

    // Test this state: the same request to the endpoint too, both answers side by side.
    await page.locator('[data-testid="state-node"][data-state="Check"] .state-name').first().click({ button: "right" });
    await page.getByTestId("ctx-test-state").click();
    const panel = page.locator('[data-testid="teststate"][data-state="Check"]');
    await panel.waitFor();
    await panel.getByTestId("ts-input").fill('{"order": 1}');
    await panel.getByTestId("ts-also-aws").check();
    await panel.getByTestId("ts-run").click();
    await panel.getByTestId("ts-agreement").waitFor({ timeout: 15000 });
    assert.match(await panel.getByTestId("ts-side-studio").innerText(), /The studio/);
    assert.match(await panel.getByTestId("ts-side-aws").innerText(), /AWS/);
    await s.screenshot("cloud-teststate-side-by-side");
    assert.equal(await panel.getByTestId("ts-agreement").getAttribute("data-same"), "true", await panel.getByTestId("ts-agreement").innerText());
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
    serve.stop();
  }
});
