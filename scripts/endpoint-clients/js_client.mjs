// Drive `stepstudio serve` with the AWS SDK for JavaScript v3
// (@aws-sdk/client-sfn, pinned in package.json): everything the CLI and
// boto3 do, plus redrive, versions, aliases, ValidateStateMachineDefinition,
// TestState, StartSyncExecution and the AWS_ENDPOINT_URL_SFN variable.
// Prints one "ok"/"FAIL" line a step; exit 1 on a failure.
//
// Usage: node js_client.mjs ENDPOINT_URL
import {
  SFNClient, CreateStateMachineCommand, StartExecutionCommand, GetExecutionHistoryCommand,
  SendTaskSuccessCommand, SendTaskFailureCommand, DescribeExecutionCommand, RedriveExecutionCommand,
  ListStateMachinesCommand, ListExecutionsCommand, TagResourceCommand, ListTagsForResourceCommand,
  PublishStateMachineVersionCommand, ListStateMachineVersionsCommand, CreateStateMachineAliasCommand,
  DescribeStateMachineAliasCommand, ValidateStateMachineDefinitionCommand, TestStateCommand,
  StartSyncExecutionCommand, DeleteStateMachineCommand, ExecutionDoesNotExist,
} from "@aws-sdk/client-sfn";

const endpoint = process.argv[2];
const role = "arn:aws:iam::123456789012:role/stepstudio-clients";
const credentials = { accessKeyId: "local", secretAccessKey: "local" };
// disableHostPrefix: StartSyncExecution and TestState would otherwise go to
// sync-127.0.0.1, a host that does not exist.
const sfn = new SFNClient({ endpoint, region: "us-east-1", credentials, disableHostPrefix: true, maxAttempts: 1 });

const callback = {
  StartAt: "Ask",
  States: {
    Ask: {
      Type: "Task",
      Resource: "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
      Parameters: {
        QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/orders",
        MessageBody: { "token.$": "$$.Task.Token", "order.$": "$.order" },
      },
      Next: "Done",
    },
    Done: { Type: "Pass", End: true },
  },
};
const pass = { StartAt: "P", States: { P: { Type: "Pass", Result: { hello: "world" }, End: true } } };

let failures = 0;
function check(name, cond, detail = "") {
  if (cond) console.log(`  ok    js ${name}`);
  else {
    failures++;
    console.log(`  FAIL  js ${name} ${typeof detail === "string" ? detail : JSON.stringify(detail)}`);
  }
}

async function until(fn, what, ms = 15000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await fn();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

// token waits for the n-th TaskScheduled event and reads the task token
// the definition put in its parameters.
async function token(client, executionArn, n = 1) {
  return until(async () => {
    const { events } = await client.send(new GetExecutionHistoryCommand({ executionArn }));
    const sched = events.filter((e) => e.type === "TaskScheduled");
    if (sched.length < n) return null;
    return JSON.parse(sched[n - 1].taskScheduledEventDetails.parameters).MessageBody.token;
  }, "TaskScheduled");
}

async function ended(client, executionArn) {
  return until(async () => {
    const d = await client.send(new DescribeExecutionCommand({ executionArn }));
    return d.status === "RUNNING" ? null : d;
  }, "the execution to end");
}

async function main() {
  const { stateMachineArn: arn, stateMachineVersionArn: v1 } = await sfn.send(new CreateStateMachineCommand({
    name: "js-callback", definition: JSON.stringify(callback), roleArn: role, publish: true,
  }));
  check("CreateStateMachine (publish)", arn.endsWith(":stateMachine:js-callback") && v1 === `${arn}:1`, { arn, v1 });

  // callback, answered
  const { executionArn: ex1 } = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: '{"order":1}' }));
  await sfn.send(new SendTaskSuccessCommand({ taskToken: await token(sfn, ex1), output: '{"shipped":true}' }));
  const d1 = await ended(sfn, ex1);
  check("callback answered with SendTaskSuccess", d1.status === "SUCCEEDED" && d1.output === '{"shipped":true}', d1.status);
  const { events } = await sfn.send(new GetExecutionHistoryCommand({ executionArn: ex1, reverseOrder: true }));
  check("GetExecutionHistory reverseOrder", events[0].type === "ExecutionSucceeded", events.map((e) => e.type));

  // redrive: fail the task, redrive, answer the new token
  const { executionArn: ex2 } = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn, input: '{"order":2}' }));
  await sfn.send(new SendTaskFailureCommand({ taskToken: await token(sfn, ex2), error: "Out.Of.Stock", cause: "none left" }));
  const d2 = await ended(sfn, ex2);
  check("SendTaskFailure fails the execution", d2.status === "FAILED" && d2.error === "Out.Of.Stock", d2.status);
  const red = await sfn.send(new RedriveExecutionCommand({ executionArn: ex2 }));
  check("RedriveExecution", red.redriveDate instanceof Date, red);
  await sfn.send(new SendTaskSuccessCommand({ taskToken: await token(sfn, ex2, 2), output: "{}" }));
  const d3 = await ended(sfn, ex2);
  check("redriven execution succeeds", d3.status === "SUCCEEDED" && d3.redriveCount === 1, { status: d3.status, redriveCount: d3.redriveCount });

  // versions and aliases
  const v = await sfn.send(new PublishStateMachineVersionCommand({ stateMachineArn: arn, description: "again" }));
  check("PublishStateMachineVersion (unchanged: same version)", v.stateMachineVersionArn === v1, v);
  const { stateMachineVersions } = await sfn.send(new ListStateMachineVersionsCommand({ stateMachineArn: arn }));
  check("ListStateMachineVersions", stateMachineVersions.length === 1, stateMachineVersions);
  const { stateMachineAliasArn: alias } = await sfn.send(new CreateStateMachineAliasCommand({
    name: "live", routingConfiguration: [{ stateMachineVersionArn: v1, weight: 100 }],
  }));
  check("CreateStateMachineAlias", alias === `${arn}:live`, alias);
  const da = await sfn.send(new DescribeStateMachineAliasCommand({ stateMachineAliasArn: alias }));
  check("DescribeStateMachineAlias", da.name === "live" && da.routingConfiguration[0].weight === 100, da);
  const { executionArn: ex3 } = await sfn.send(new StartExecutionCommand({ stateMachineArn: alias, input: '{"order":3}' }));
  await sfn.send(new SendTaskSuccessCommand({ taskToken: await token(sfn, ex3), output: "{}" }));
  const d4 = await ended(sfn, ex3);
  check("StartExecution through the alias", d4.status === "SUCCEEDED" && d4.stateMachineAliasArn === alias, d4);

  // validate, TestState, StartSyncExecution (sync- host prefix disabled)
  const val = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: '{"StartAt":"X","States":{}}' }));
  check("ValidateStateMachineDefinition", val.result === "FAIL" && val.diagnostics.length > 0, val);
  const ts = await sfn.send(new TestStateCommand({
    definition: JSON.stringify({ Type: "Pass", Result: { a: 1 }, End: true }), roleArn: role, input: "{}",
  }));
  check("TestState", ts.status === "SUCCEEDED" && ts.output === '{"a":1}', ts);
  const { stateMachineArn: express } = await sfn.send(new CreateStateMachineCommand({
    name: "js-express", definition: JSON.stringify(pass), roleArn: role, type: "EXPRESS",
  }));
  const sync = await sfn.send(new StartSyncExecutionCommand({ stateMachineArn: express, input: "{}" }));
  check("StartSyncExecution", sync.status === "SUCCEEDED" && sync.output === '{"hello":"world"}', sync);

  // list, tag, errors, delete
  const { stateMachines } = await sfn.send(new ListStateMachinesCommand({}));
  check("ListStateMachines", stateMachines.map((m) => m.name).sort().join() === "js-callback,js-express", stateMachines);
  const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: "SUCCEEDED" }));
  // the three runs of js-callback: answered, redriven, started through the alias
  check("ListExecutions", executions.length === 3, executions.length);
  await sfn.send(new TagResourceCommand({ resourceArn: arn, tags: [{ key: "team", value: "orders" }] }));
  const { tags } = await sfn.send(new ListTagsForResourceCommand({ resourceArn: arn }));
  check("TagResource", tags.length === 1 && tags[0].value === "orders", tags);
  try {
    await sfn.send(new DescribeExecutionCommand({ executionArn: `${ex1}-missing` }));
    check("error shape", false, "no error");
  } catch (e) {
    check("error shape (ExecutionDoesNotExist)", e instanceof ExecutionDoesNotExist, e.name);
  }

  // the endpoint from the environment, no endpoint in code
  process.env.AWS_ENDPOINT_URL_SFN = endpoint;
  const fromEnv = new SFNClient({ region: "us-east-1", credentials, disableHostPrefix: true, maxAttempts: 1 });
  const listed = await fromEnv.send(new ListStateMachinesCommand({}));
  check("AWS_ENDPOINT_URL_SFN", listed.stateMachines.length === 2, listed.stateMachines.length);

  await sfn.send(new DeleteStateMachineCommand({ stateMachineArn: express }));
  await sfn.send(new DeleteStateMachineCommand({ stateMachineArn: arn }));
  const after = await sfn.send(new ListStateMachinesCommand({}));
  check("DeleteStateMachine", after.stateMachines.length === 0, after.stateMachines);
}

try {
  await main();
} catch (e) {
  failures++;
  console.log(`  FAIL  js ${e.name}: ${e.message}`);
}
process.exit(failures ? 1 : 0);
