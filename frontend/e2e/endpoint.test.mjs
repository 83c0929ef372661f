// The Local endpoint against the real app: switched on from the top bar,
// a program on this computer (this test, with plain HTTP and a
// SigV4-shaped header, as an AWS SDK sends) creates a state machine and
// starts an execution; the studio lists it, opens its definition as a new
// document, shows it live on the diagram, and its callback task is
// answered by hand from the run panel's card; the program then sees the
// execution SUCCEEDED with that answer.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:net";
import { expectCount, node, openStudio, waitFor, waitStatus } from "./studio.mjs";

const definition = JSON.stringify(
  {
    Comment: "An order waits for a person's approval",
    StartAt: "Prepare order",
    States: {
      "Prepare order": { Type: "Pass", Result: { order: 42 }, ResultPath: "$.prepared", Next: "Wait for approval" },
      "Wait for approval": {
        Type: "Task",
        Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
        Parameters: { QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/approvals", "MessageBody.$": "$" },
        ResultPath: "$.approval",
        Next: "Ship",
      },
      Ship: { Type: "Succeed" },
    },
  },
  null,
  2,
);

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** One Step Functions API call as an SDK makes it (JSON 1.0, a SigV4-shaped Authorization). */
async function sfn(url, op, body, headers = {}) {
  const res = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-amz-json-1.0",
      "X-Amz-Target": `AWSStepFunctions.${op}`,
      Authorization: "AWS4-HMAC-SHA256 Credential=local/20261207/us-east-1/states/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000",
      "X-Amz-Date": "20261207T000000Z",
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json().catch(() => ({})) };
}

test("local endpoint: a program's execution shows live on its diagram and its task is answered by hand", async () => {
  const s = await openStudio();
  const { page } = s;
  try {
    await node(page, "Validate order").waitFor();
    const button = page.getByTestId("endpoint-button");
    assert.equal(await button.getAttribute("data-state"), "off");
    await button.click();
    const panel = page.getByTestId("endpoint-panel");
    await panel.waitFor();
    assert.match(await panel.innerText(), /Let programs on this computer run workflows here, as if it were AWS/);
    const port = await freePort();
    await panel.getByTestId("endpoint-port").fill(String(port));
    await panel.getByTestId("endpoint-switch").click();
    await panel.getByTestId("endpoint-state").filter({ hasText: "On" }).waitFor();
    const url = await panel.getByTestId("endpoint-url").innerText();
    assert.equal(url, `http://127.0.0.1:${port}`);
    assert.match(await panel.getByTestId("endpoint-env").innerText(), new RegExp(`AWS_ENDPOINT_URL_SFN=http://127\\.0\\.0\\.1:${port}`));
    assert.equal(await button.getAttribute("data-state"), "on");
    await s.screenshot("endpoint-01-on");

    // Web pages are kept out, as for `stepstudio serve`.
    const fromPage = await sfn(url, "ListStateMachines", {}, { Origin: "https://evil.example" });
    assert.ok(fromPage.status >= 400, `a call with an Origin was answered ${fromPage.status}`);

    const created = await sfn(url, "CreateStateMachine", { name: "Approval", definition, roleArn: "arn:aws:iam::123456789012:role/StepFunctions" });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const started = await sfn(url, "StartExecution", { stateMachineArn: created.body.stateMachineArn, name: "order-42", input: '{"customer":"Ada"}' });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    const arn = started.body.executionArn;

    // The panel lists it (it refreshes while open), with the state machine's name.
    const listed = panel.locator('[data-testid="endpoint-run"][data-machine="Approval"]');
    await listed.waitFor({ timeout: 5000 });
    assert.match(await listed.innerText(), /RUNNING/);
    // The call is logged once it is answered, which can be after its run shows: the panel refreshes each second.
    await waitFor("StartExecution in the request log", async () => /StartExecution\s+200/.test(await panel.getByTestId("endpoint-requests").innerText()), 5000);
    await s.screenshot("endpoint-02-listed");

    // Not the open workflow: its definition opens as a new unsaved document, the run on it.
    await listed.getByTestId("endpoint-run-open").click();
    await page.getByTestId("file-name").filter({ hasText: "Approval.asl.json" }).waitFor();
    await node(page, "Wait for approval").waitFor();
    await page.getByTestId("run-endpoint-note").waitFor();
    await waitStatus(page, "Prepare order", "succeeded");
    const card = page.locator('[data-testid="pending"][data-state="Wait for approval"]');
    await card.waitFor({ timeout: 5000 });
    assert.equal(await card.getAttribute("data-kind"), "callback");
    assert.match(await page.getByTestId("run-status-pill").innerText(), /RUNNING/);
    await s.screenshot("endpoint-03-waiting");

    // The run list of this workflow has it, marked as coming from the endpoint.
    await page.getByTestId("run-tab-history").click();
    const inList = page.getByTestId("history-run").filter({ has: page.getByTestId("history-endpoint") });
    await inList.first().waitFor();
    assert.match(await inList.first().innerText(), /Approval/);

    // Answered by hand: the program sees the same end, with the answer.
    await card.getByTestId("pending-output").fill('{"approved": true, "by": "Grace"}');
    await card.getByTestId("pending-send").first().click();
    await page.getByTestId("run-status-pill").filter({ hasText: "SUCCEEDED" }).waitFor({ timeout: 10000 });
    await waitStatus(page, "Wait for approval", "succeeded");
    await waitStatus(page, "Ship", "succeeded");
    let described;
    await waitFor("the execution to succeed for the program", async () => {
      described = await sfn(url, "DescribeExecution", { executionArn: arn });
      return described.body.status === "SUCCEEDED";
    });
    assert.deepEqual(JSON.parse(described.body.output).approval, { approved: true, by: "Grace" });
    await page.getByTestId("run-tab-events").click();
    await s.screenshot("endpoint-04-succeeded");

    // Another execution of the same workflow joins this file's run list as it
    // starts, and shows on this document; Stop stops it for the program too.
    await page.getByTestId("run-tab-history").click();
    const again = await sfn(url, "StartExecution", { stateMachineArn: created.body.stateMachineArn, name: "order-43", input: "{}" });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    await expectCount(page.getByTestId("history-endpoint"), 2, "endpoint runs in this file's list");
    await button.click();
    const second = panel.locator('[data-testid="endpoint-run"]', { hasText: "order-43" });
    await second.getByTestId("endpoint-run-open").click();
    await card.waitFor({ timeout: 5000 });
    assert.equal(await page.getByTestId("file-name").innerText(), "Approval.asl.json");
    await page.getByTestId("run-stop").click();
    await page.getByTestId("run-status-pill").filter({ hasText: "ABORTED" }).waitFor({ timeout: 10000 });
    await waitFor("the program to see it stopped", async () => (await sfn(url, "DescribeExecution", { executionArn: again.body.executionArn })).body.status === "ABORTED");

    // Off: the port no longer answers.
    await button.click();
    await panel.getByTestId("endpoint-switch").click();
    await panel.getByTestId("endpoint-state").filter({ hasText: "Off" }).waitFor();
    await assert.rejects(fetch(url, { method: "POST" }));
    assert.deepEqual(s.errors, []);
  } finally {
    await s.close();
  }
});
