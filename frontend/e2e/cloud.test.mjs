// The cloud link against a local endpoint: `stepstudio serve` stands in
// for AWS. Through the Cloud tab only: connect (offline until then), deploy
// (created, then updated after the visual diff), start an execution and
// watch it on the diagram, see it fail, redrive it, and see it succeed.
// scripts/e2e.sh gives the app a throwaway AWS profile "e2e" and names the
// binary (STEPSTUDIO_BIN) this test starts `serve` from.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
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

// A Distributed Map whose children fail for orders out of stock; it
// tolerates them, so the parent succeeds.
const fanOut = JSON.stringify(
  {
    StartAt: "Ship each order",
    States: {
      "Ship each order": {
        Type: "Map",
        ItemsPath: "$.orders",
        ToleratedFailureCount: 5,
        ItemProcessor: {
          ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
          StartAt: "In stock?",
          States: {
            "In stock?": { Type: "Choice", Choices: [{ Variable: "$.stock", NumericGreaterThan: 0, Next: "Ship" }], Default: "Out of stock" },
            Ship: { Type: "Pass", End: true },
            "Out of stock": { Type: "Fail", Error: "OutOfStock", Cause: "nothing left" },
          },
        },
        End: true,
      },
    },
  },
  null,
  2,
);

test("a Distributed Map's run: its children counted in words, a failed child opened on the diagram inside the Map", { skip }, async () => {
  const serve = await startServe();
  const s = await openStudio();
  try {
    const { page } = s;
    mkdirSync(filesDir, { recursive: true });
    const path = join(filesDir, "fanout.asl.json");
    writeFileSync(path, fanOut);
    writeFileSync(answers, path);
    await page.getByTestId("file-menu").click();
    await page.getByTestId("menu-open").first().click();
    await waitFor("the workflow to open", async () => (await page.getByTestId("file-name").innerText()).includes("fanout.asl.json"));
    await page.locator('[data-testid="state-node"][data-state="Out of stock"]').waitFor();

    await page.getByTestId("tab-cloud").click();
    await page.locator('[data-testid="cloud-profile"] option[value="e2e"]').waitFor({ state: "attached" });
    await page.getByTestId("cloud-profile").selectOption("e2e");
    await page.getByTestId("cloud-region").fill("us-east-1");
    await page.getByTestId("cloud-endpoint").fill(serve.endpoint);
    await page.getByTestId("cloud-connect").click();
    await page.getByTestId("cloud-connected").waitFor();
    await page.getByTestId("cloud-role").fill("arn:aws:iam::123456789012:role/fanout-role");
    await page.getByTestId("cloud-deploy").click();
    await page.getByTestId("deploy-confirm").click();
    await page.locator('[data-testid="cloud-notice"]', { hasText: "Created fanout in AWS" }).waitFor();

    await page.getByTestId("cloud-tab-executions").click();
    await page.getByTestId("cloud-input").fill('{"orders":[{"stock":1},{"stock":0},{"stock":3},{"stock":0},{"stock":2}]}');
    await page.getByTestId("cloud-exec-name").fill("batch-1");
    await page.getByTestId("cloud-start").click();
    await page.getByTestId("run-panel").waitFor();

    // The parent: its Map Run in plain words.
    await page.getByTestId("tab-cloud").click();
    await page.locator('[data-testid="cloud-watched"][data-status="SUCCEEDED"]').waitFor({ timeout: 20000 });
    const run = page.getByTestId("cloud-maprun");
    await waitFor("the Map Run's counts", async () => (await run.count()) === 1 && /ran 5 child workflows: 3 succeeded, 2 failed/.test(await run.innerText()));
    assert.match(await run.innerText(), /The step "Ship each order" ran 5 child workflows: 3 succeeded, 2 failed\. It tolerates 5 failures\./);

    // Its failed children, then all of them.
    await page.getByTestId("cloud-maprun-open").click();
    await waitFor("the failed children", async () => (await page.locator('[data-testid="cloud-child"][data-status="FAILED"]').count()) === 2);
    assert.equal(await page.getByTestId("cloud-child").count(), 2);
    await page.getByTestId("cloud-child-filter").selectOption("");
    await waitFor("all the children", async () => (await page.getByTestId("cloud-child").count()) === 5);
    await s.screenshot("cloud-map-run");

    // A failed child opens on the diagram: its steps inside the Map.
    await page.locator('[data-testid="cloud-child"][data-status="FAILED"] button').first().click();
    await page.getByTestId("run-panel").waitFor();
    await waitStatus(page, "Out of stock", "failed", 20000);
    await waitStatus(page, "In stock?", "succeeded", 5000);
    await s.screenshot("cloud-map-child-on-diagram");

    await page.getByTestId("tab-cloud").click();
    const note = page.getByTestId("cloud-child-note");
    await note.waitFor();
    assert.match(await note.innerText(), /one child workflow of the Map step “Ship each order” in batch-1.*inside the Map/);
    assert.equal(await page.locator('[data-testid="cloud-watched"]').getAttribute("data-status"), "FAILED");
    assert.match(await page.getByTestId("cloud-watched").innerText(), /OutOfStock/);
    assert.equal(await page.getByTestId("cloud-redrive").count(), 0, "a Map Run's child is redriven through its parent");
    await s.screenshot("cloud-map-child");
    await page.getByTestId("cloud-back-to-parent").click();
    // The parent is shown on the diagram (the Run tab comes up), and in the Cloud tab.
    await page.locator('[data-testid="run-status-pill"]', { hasText: "SUCCEEDED" }).waitFor({ timeout: 20000 });
    await page.getByTestId("tab-cloud").click();
    await waitFor("the parent again", async () => /batch-1/.test(await page.locator('[data-testid="cloud-watched"] h4').first().innerText()));
    assert.equal(await page.getByTestId("cloud-child-note").count(), 0);
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
    serve.stop();
  }
});

// A SAM machine: its deploy settings are its resource's properties.
const samTemplate = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  OrderFlow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Name: order-flow  # the name in the console
      Role: !GetAtt OrderFlowRole.Arn
      Definition:
        StartAt: Ship
        States:
          Ship:
            Type: Pass
            End: true
      Tracing:
        Enabled: true
  OrderFlowRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
`;

test("a template machine's deploy settings are read from and written to its resource's properties", { skip }, async () => {
  const serve = await startServe();
  const s = await openStudio();
  try {
    const { page } = s;
    const dir = join(filesDir, "sam-settings");
    mkdirSync(dir, { recursive: true });
    const path = join(dir, "template.yaml");
    writeFileSync(path, samTemplate);
    await page.getByTestId("state-node").first().waitFor();
    writeFileSync(answers, path);
    await page.getByTestId("iac-menu").click();
    await page.getByTestId("iac-open-template").click();
    await page.getByTestId("iac-picker").waitFor();
    await page.locator('[data-machine="OrderFlow"]').click();
    await page.locator('[data-state="Ship"]').waitFor();

    await page.getByTestId("tab-cloud").click();
    await page.locator('[data-testid="cloud-profile"] option[value="e2e"]').waitFor({ state: "attached" });
    await page.getByTestId("cloud-profile").selectOption("e2e");
    await page.getByTestId("cloud-region").fill("us-east-1");
    await page.getByTestId("cloud-endpoint").fill(serve.endpoint);
    await page.getByTestId("cloud-connect").click();
    await page.getByTestId("cloud-connected").waitFor();

    // Where they live, in words; what the template says, its expression kept as such.
    const where = page.getByTestId("cloud-where");
    await where.waitFor();
    assert.match(await where.innerText(), /kept in template\.yaml, in the properties of the resource OrderFlow \(AWS::Serverless::StateMachine\)/);
    assert.equal(await page.getByTestId("cloud-name").inputValue(), "order-flow");
    assert.equal(await page.getByTestId("cloud-role").inputValue(), "!GetAtt OrderFlowRole.Arn");
    assert.match(await page.locator('[data-testid="cloud-expression"][data-field="roleArn"]').innerText(), /computed by the template/);
    assert.equal(await page.getByTestId("cloud-tracing").isChecked(), true);

    // Express, no tracing: only those lines change.
    await page.locator('input[name="cloud-type"]').nth(1).check();
    await page.getByTestId("cloud-tracing").uncheck();
    await page.getByTestId("cloud-save-settings").click();
    await page.locator('[data-testid="cloud-notice"]', { hasText: "written into template.yaml (resource OrderFlow)" }).waitFor();
    const expected = samTemplate.replace("      Tracing:\n        Enabled: true\n", "").replace("            End: true\n", "            End: true\n      Type: EXPRESS\n");
    assert.equal(readFileSync(path, "utf8"), expected);
    await where.scrollIntoViewIfNeeded();
    await s.screenshot("cloud-template-settings");

    // The definition still saves in place: the open machine followed the template's new hash.
    await page.getByRole("tab", { name: "Split" }).click();
    const code = page.getByTestId("code-view").locator(".cm-content");
    await code.getByText("Type: Pass").click();
    await page.keyboard.press("End");
    // The code view shows the definition without the template's indentation.
    await page.keyboard.insertText("\n    Comment: shipped");
    await page.getByTestId("dirty-marker").waitFor();
    await page.keyboard.press("Control+S");
    await page.getByTestId("notice-info").waitFor();
    assert.match(await page.getByTestId("notice-info").innerText(), /Saved OrderFlow in template\.yaml/);
    await waitFor("the machine saved in place", async () => readFileSync(path, "utf8").includes("Comment: shipped"));
    assert.equal(readFileSync(path, "utf8"), expected.replace("            Type: Pass\n", "            Type: Pass\n            Comment: shipped\n"));
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
    serve.stop();
  }
});
