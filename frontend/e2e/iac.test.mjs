// IaC against the real app: export the example from the Export dialog
// (renaming a substitution, saving, refusing to replace files unasked), and
// open a SAM template, run a state machine's scenarios kept beside it, edit
// the machine and save it back in place (only its lines change; a file
// changed on disk is refused).
//
// Native dialogs are answered through STEPSTUDIO_DIALOG_ANSWERS, as in
// files.test.mjs; scripts/e2e.sh sets it and E2E_FILES_DIR.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { openStudio, waitFor } from "./studio.mjs";

const answers = process.env.STEPSTUDIO_DIALOG_ANSWERS;
const filesDir = process.env.E2E_FILES_DIR;
const skip = !answers || !filesDir ? "run through scripts/e2e.sh (dialog answers not set)" : false;

const answerNextDialog = (path) => writeFileSync(answers, path);

async function iacMenu(page, item) {
  await page.getByTestId("iac-menu").click();
  await page.getByTestId(item).click();
}

test("export the example to SAM from the dialog", { skip }, async () => {
  const out = join(filesDir, "export-sam");
  mkdirSync(out, { recursive: true });
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    await iacMenu(page, "iac-export");
    const dialog = page.getByTestId("iac-export-dialog");
    await dialog.waitFor();
    // The hard-coded ARNs and the table name are offered as substitutions.
    await waitFor("substitution rows", async () => (await page.getByTestId("iac-sub-row").count()) === 4);
    const first = page.getByTestId("iac-sub-name").first();
    assert.equal(await first.inputValue(), "ValidateOrderFunctionArn");
    await first.fill("ValidateFn");
    const preview = page.getByTestId("iac-preview");
    await waitFor("the preview to use the new name", async () => (await preview.innerText()).includes("ValidateFn: !Ref ValidateFn"));
    assert.match(await preview.innerText(), /AWS::Serverless::StateMachine/);
    assert.match(await preview.innerText(), /lambda:InvokeFunction/);
    // A bad name is shown where it is typed and blocks saving.
    await first.fill("9 lives");
    await page.getByText("Use letters and digits, starting with a letter.").waitFor();
    assert.equal(await page.getByTestId("iac-save").isDisabled(), true);
    await first.fill("ValidateFn");
    await waitFor("save enabled", async () => !(await page.getByTestId("iac-save").isDisabled()));
    await s.screenshot("iac-01-export-dialog");

    answerNextDialog(join(out, "template.yaml"));
    await page.getByTestId("iac-save").click();
    await page.getByTestId("iac-saved").waitFor();
    const tpl = readFileSync(join(out, "template.yaml"), "utf8");
    const def = readFileSync(join(out, "statemachine", "order-process.asl.json"), "utf8");
    assert.match(tpl, /DefinitionUri: statemachine\/order-process\.asl\.json/);
    assert.match(tpl, /ValidateFn: !Ref ValidateFn/);
    assert.match(def, /"\$\{ValidateFn\}"/);
    assert.doesNotMatch(def, /function:validate-order/);

    // Saving again over the same files asks first; keeping leaves them.
    writeFileSync(join(out, "template.yaml"), "# mine\n");
    answerNextDialog(join(out, "template.yaml"));
    await page.getByTestId("iac-save").click();
    await page.getByTestId("iac-confirm").waitFor();
    await s.screenshot("iac-02-export-confirm");
    await page.getByTestId("iac-confirm").getByRole("button", { name: "Keep" }).click();
    assert.equal(readFileSync(join(out, "template.yaml"), "utf8"), "# mine\n");

    // Terraform: the preview switches with the target.
    await page.getByTestId("iac-target-terraform").check();
    await waitFor("terraform preview", async () => (await preview.innerText()).includes('resource "aws_sfn_state_machine"'));
    await s.screenshot("iac-03-export-terraform");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

const template = `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
# Orders stack: two state machines.
Resources:
  Checkout:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        Comment: Checkout   # the team's comment
        StartAt: Reserve
        States:
          Reserve:
            Type: Task
            Resource: !GetAtt ReserveFunction.Arn
            TimeoutSeconds: 30
            Next: Done
          Done:
            Type: Succeed
      Role: !GetAtt CheckoutRole.Arn   # unchanged
  Refunds:
    Type: AWS::Serverless::StateMachine
    Properties:
      DefinitionUri: statemachine/refunds.asl.json
      DefinitionSubstitutions:
        TableName: !Ref RefundsTable
        Region: eu-west-1
`;

const refunds = `{
  "StartAt": "Record",
  "States": {
    "Record": {
      "Type": "Task",
      "Resource": "arn:aws:states:::dynamodb:putItem",
      "Parameters": {"TableName": "\${TableName}", "Item": {"id": {"S.$": "$.id"}}},
      "TimeoutSeconds": 10,
      "End": true
    }
  }
}
`;

test("open a SAM template, edit a state machine inside it, save it back in place", { skip }, async () => {
  const dir = join(filesDir, "sam-app");
  mkdirSync(join(dir, "statemachine"), { recursive: true });
  const path = join(dir, "template.yaml");
  writeFileSync(path, template);
  writeFileSync(join(dir, "statemachine", "refunds.asl.json"), refunds);
  // The Checkout machine's tests, beside the template (T.<LogicalId>.tests.yaml).
  writeFileSync(
    join(dir, "template.Checkout.tests.yaml"),
    "scenarios:\n  - name: reserves and is done\n    input: {id: o-1}\n    mocks:\n      Reserve: {\"0\": {Return: {ok: true}}}\n    expect: {status: SUCCEEDED, path: [Reserve, Done]}\n",
  );
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    answerNextDialog(path);
    await iacMenu(page, "iac-open-template");
    await page.getByTestId("iac-picker").waitFor();
    assert.equal(await page.getByTestId("iac-machine").count(), 2);
    await s.screenshot("iac-04-machine-picker");
    await page.locator('[data-machine="Checkout"]').click();
    await page.locator('[data-state="Reserve"]').waitFor();
    assert.match(await page.getByTestId("file-name").innerText(), /Checkout · template\.yaml/);

    // Its Tests tab lists and runs the scenarios kept beside the template.
    await page.getByTestId("tab-tests").click();
    const scenario = page.locator('[data-testid="tests-scenario"][data-name="reserves and is done"]');
    await scenario.waitFor();
    await page.getByTestId("tests-run-all").click();
    await page.locator('[data-testid="tests-scenario"][data-name="reserves and is done"][data-status="passed"]').waitFor({ timeout: 10000 });
    await s.screenshot("iac-04b-template-machine-tests");

    // The code is the definition as written in the template, tags intact.
    await page.getByRole("tab", { name: "Split" }).click();
    const code = page.getByTestId("code-view").locator(".cm-content");
    await waitFor("the definition in the code view", async () => (await code.innerText()).includes("!GetAtt ReserveFunction.Arn"));

    // Edit one line in the code view and save.
    await code.getByText("TimeoutSeconds: 30").click();
    await page.keyboard.press("End");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Backspace");
    await page.keyboard.type("45");
    await page.getByTestId("dirty-marker").waitFor();
    await page.keyboard.press("Control+S");
    await page.getByTestId("notice-info").waitFor();
    assert.match(await page.getByTestId("notice-info").innerText(), /Saved Checkout in template\.yaml/);
    assert.equal(readFileSync(path, "utf8"), template.replace("TimeoutSeconds: 30", "TimeoutSeconds: 45"), "only the edited line changed");
    await s.screenshot("iac-05-edited-in-place");

    // The other machine lives in its own file, with its substitutions.
    answerNextDialog(path);
    await iacMenu(page, "iac-open-template");
    await page.locator('[data-machine="Refunds"]').click();
    await page.locator('[data-state="Record"]').waitFor();
    await waitFor("the placeholder in the code", async () => (await code.innerText()).includes("${TableName}"));
    await page.getByTestId("iac-chip").click();
    const subs = page.getByTestId("iac-substitutions");
    await subs.waitFor();
    assert.match(await subs.innerText(), /\$\{TableName\} = !Ref RefundsTable/);
    assert.match(await subs.innerText(), /\$\{Region\} = eu-west-1/);
    await s.screenshot("iac-06-substitutions");
    await page.getByTestId("iac-chip").click();

    // Someone else changes the file: the save is refused, their change stays.
    const theirs = refunds.replace('"TimeoutSeconds": 10', '"TimeoutSeconds": 20');
    writeFileSync(join(dir, "statemachine", "refunds.asl.json"), theirs);
    await code.getByText('"End": true').click();
    await page.keyboard.press("End");
    await page.keyboard.type(" ");
    await page.keyboard.press("Control+S");
    await page.getByTestId("notice-error").waitFor();
    assert.match(await page.getByTestId("notice-error").innerText(), /changed on disk since it was opened/);
    assert.equal(readFileSync(join(dir, "statemachine", "refunds.asl.json"), "utf8"), theirs);
    await s.screenshot("iac-07-changed-on-disk");
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});

const terraform = `resource "aws_sfn_state_machine" "hello" {
  name     = "hello"
  role_arn = aws_iam_role.sfn.arn
  definition = <<EOF
{
  "StartAt": "Hello",
  "States": {
    "Hello": {"Type": "Pass", "End": true}
  }
}
EOF
}

resource "aws_sfn_state_machine" "encoded" {
  definition = jsonencode({
    StartAt = "Only"
    States  = { Only = { Type = "Succeed" } }
  })
}
`;

test("edit a Terraform heredoc in place; a jsonencode() machine opens read-only", { skip }, async () => {
  const dir = join(filesDir, "tf");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "main.tf");
  writeFileSync(path, terraform);
  const s = await openStudio();
  try {
    const { page } = s;
    await page.getByTestId("state-node").first().waitFor();
    // Opened as a plain file, the template offers its state machines.
    answerNextDialog(path);
    await page.getByTestId("file-menu").click();
    await page.getByTestId("menu-open").click();
    await page.getByTestId("iac-offer").waitFor();
    assert.match(await page.getByTestId("iac-offer").innerText(), /2 state machines/);
    await s.screenshot("iac-00-template-offer");
    await page.getByTestId("iac-offer").click();
    await page.locator('[data-machine="aws_sfn_state_machine.hello"]').click();
    await page.locator('[data-state="Hello"]').waitFor();
    await page.getByRole("tab", { name: "Code" }).click();
    const code = page.getByTestId("code-view").locator(".cm-content");
    await code.getByText('"StartAt": "Hello",').click();
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await page.keyboard.insertText('"Comment": "from the studio",');
    await page.keyboard.press("Control+S");
    await page.getByTestId("notice-info").waitFor();
    const want = terraform.replace('  "StartAt": "Hello",\n', '  "StartAt": "Hello",\n  "Comment": "from the studio",\n');
    assert.equal(readFileSync(path, "utf8"), want, "only the new line was added to the heredoc");

    answerNextDialog(path);
    await iacMenu(page, "iac-open-template");
    await page.locator('[data-machine="aws_sfn_state_machine.encoded"]').click();
    await page.getByRole("tab", { name: "Split" }).click();
    await page.locator('[data-state="Only"]').waitFor();
    assert.match(await page.getByTestId("iac-chip").innerText(), /read-only/);
    await waitFor("the JSON it encodes", async () => (await code.innerText()).includes('"StartAt": "Only"'));
    await s.screenshot("iac-08-jsonencode-read-only");
    await code.getByText('"StartAt": "Only"').click();
    await page.keyboard.press("End");
    await page.keyboard.type(" ");
    await page.keyboard.press("Control+S");
    await page.getByTestId("notice-error").waitFor();
    assert.match(await page.getByTestId("notice-error").innerText(), /cannot be written back/);
    assert.equal(readFileSync(path, "utf8"), want, "a read-only machine was written");

    // A template without a state machine says so where the user looks.
    const none = join(dir, "queue.yaml");
    writeFileSync(none, "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n");
    answerNextDialog(none);
    await iacMenu(page, "iac-open-template");
    const error = page.getByTestId("iac-error");
    await error.waitFor();
    assert.match(await error.innerText(), /no state machine/);
    await s.screenshot("iac-09-no-state-machine");
    await error.getByRole("button", { name: "OK" }).click();
    await error.waitFor({ state: "detached" });
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
