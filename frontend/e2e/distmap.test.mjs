// A Distributed Map over a CSV in a local folder standing in for S3: the
// Map's inspector sets "Local folder for S3" (kept in NAME.studio.json);
// the run reads the 5 rows from it, one row fails within the tolerated
// count, the Map Run view lists the 5 child executions with their
// statuses, filters them, opens the failed one with its own history, and
// ResultWriter's files are in the folder in AWS's layout.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { node, openStudio, setText, waitFor } from "./studio.mjs";

const answers = process.env.STEPSTUDIO_DIALOG_ANSWERS;
const filesDir = process.env.E2E_FILES_DIR;
const skip = !answers || !filesDir ? "run through scripts/e2e.sh (dialog answers not set)" : false;

const flow = JSON.stringify(
  {
    StartAt: "Rows",
    States: {
      Rows: {
        Type: "Map",
        ToleratedFailureCount: 1,
        ItemReader: {
          Resource: "arn:aws:states:::s3:getObject",
          ReaderConfig: { InputType: "CSV", CSVHeaderLocation: "FIRST_ROW" },
          Parameters: { Bucket: "bk", Key: "rows.csv" },
        },
        ItemProcessor: {
          ProcessorConfig: { Mode: "DISTRIBUTED", ExecutionType: "STANDARD" },
          StartAt: "Check",
          States: {
            Check: { Type: "Choice", Choices: [{ Variable: "$.id", StringEquals: "bad", Next: "Reject" }], Default: "Accept" },
            Reject: { Type: "Fail", Error: "Bad.Row", Cause: "row is bad" },
            Accept: { Type: "Pass", End: true },
          },
        },
        ResultWriter: { Resource: "arn:aws:states:::s3:putObject", Parameters: { Bucket: "out", Prefix: "results" } },
        End: true,
      },
    },
  },
  null,
  2,
);

test("distributed map: a CSV from the local S3 folder, 5 child executions in the Map Run view, result files written", { skip }, async () => {
  const dir = join(filesDir, "distmap");
  mkdirSync(join(dir, "s3", "bk"), { recursive: true });
  writeFileSync(join(dir, "s3", "bk", "rows.csv"), "id,name\n1,ann\n2,bo\nbad,cy\n4,dee\n5,eve\n");
  const path = join(dir, "rows.asl.json");
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    await setText(page, flow);
    await node(page, "Accept").waitFor();
    writeFileSync(answers, path);
    await page.keyboard.press("Control+S");
    await page.getByTestId("notice-info").filter({ hasText: "Saved" }).waitFor();

    await node(page, "Rows").locator(".state-name").first().click();
    const section = page.getByTestId("s3-folder-section");
    await section.waitFor();
    await section.getByTestId("s3-folder").fill("../elsewhere");
    assert.ok(await section.getByTestId("s3-folder-save").isDisabled(), "a folder outside the workflow's cannot be saved");
    await section.getByTestId("s3-folder").fill("s3");
    await section.getByTestId("s3-folder-save").click();
    const sidecar = join(dir, "rows.studio.json");
    await waitFor("the project file to hold the folder", () => existsSync(sidecar) && JSON.parse(readFileSync(sidecar, "utf8")).s3Root === "s3");
    await s.screenshot("distmap-01-folder");

    await page.getByTestId("tab-run").click();
    await page.getByTestId("run-panel").waitFor();
    await page.getByTestId("run-start").click();
    await page.locator(`[data-testid="run-status-pill"]`, { hasText: "SUCCEEDED" }).waitFor({ timeout: 15000 });
    await page.getByTestId("run-tab-items").click();
    const view = page.getByTestId("map-run");
    await view.waitFor();
    const rows = view.getByTestId("map-run-child");
    await waitFor("5 child executions", async () => (await rows.count()) === 5);
    const statuses = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-status")));
    assert.deepEqual(statuses, ["SUCCEEDED", "SUCCEEDED", "FAILED", "SUCCEEDED", "SUCCEEDED"]);
    assert.match(await view.getByTestId("map-run-summary").innerText(), /4 of 5 succeeded, 1 failed/);
    await s.screenshot("distmap-02-map-run");

    await view.getByTestId("map-run-filter").selectOption("FAILED");
    await waitFor("only the failed child", async () => (await rows.count()) === 1);
    await rows.first().click();
    const details = view.getByTestId("map-run-child-details");
    await details.waitFor();
    const text = await details.innerText();
    assert.match(text, /Item 3: Failed/);
    assert.match(text, /Bad\.Row/);
    assert.match(text, /"id":"bad"/);
    const events = await details.getByTestId("map-run-child-events").innerText();
    assert.match(events, /ExecutionStarted[\s\S]*ExecutionFailed/);
    await s.screenshot("distmap-03-child");

    const out = join(dir, "s3", "out", "results");
    await waitFor("the result files", () => existsSync(out) && readdirSync(out).length === 1);
    const runDir = join(out, readdirSync(out)[0]);
    const manifest = JSON.parse(readFileSync(join(runDir, "manifest.json"), "utf8"));
    assert.equal(manifest.ResultFiles.SUCCEEDED.length, 1);
    assert.equal(manifest.ResultFiles.FAILED.length, 1);
    assert.equal(JSON.parse(readFileSync(join(runDir, "SUCCEEDED_0.json"), "utf8")).length, 4);
    assert.equal(JSON.parse(readFileSync(join(runDir, "FAILED_0.json"), "utf8"))[0].Error, "Bad.Row");
  } finally {
    await s.close();
  }
});
