"""Drive `stepstudio serve` with the AWS SDK for Python (boto3).

Debian's python3-boto3 (1.26) predates AWS_ENDPOINT_URL_SFN, versions'
redrive, ValidateStateMachineDefinition and TestState, so this covers what
it has: create, start, wait for a callback, answer it, read the history,
list, tag and delete. Prints one "ok"/"FAIL" line a step; exit 1 on a failure.

Usage: python3 boto3_client.py ENDPOINT_URL
"""

import json
import sys
import time

import boto3
from botocore.config import Config

ENDPOINT = sys.argv[1]
ROLE = "arn:aws:iam::123456789012:role/stepstudio-clients"
CALLBACK = {
    "StartAt": "Ask",
    "States": {
        "Ask": {
            "Type": "Task",
            "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
            "Parameters": {
                "QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/orders",
                "MessageBody": {"token.$": "$$.Task.Token", "order.$": "$.order"},
            },
            "Next": "Done",
        },
        "Done": {"Type": "Pass", "End": True},
    },
}

failures = 0


def check(name, cond, detail=""):
    global failures
    if cond:
        print("  ok    boto3 %s" % name)
    else:
        failures += 1
        print("  FAIL  boto3 %s %s" % (name, detail))


def until(fn, what, seconds=15):
    end = time.time() + seconds
    while time.time() < end:
        v = fn()
        if v:
            return v
        time.sleep(0.1)
    raise AssertionError("timed out waiting for " + what)


def main():
    # Any credentials work; inject_host_prefix=False keeps StartSyncExecution
    # on this host instead of sync-127.0.0.1 (the SDK's host prefix).
    sfn = boto3.client(
        "stepfunctions", endpoint_url=ENDPOINT, region_name="us-east-1",
        aws_access_key_id="local", aws_secret_access_key="local",
        config=Config(inject_host_prefix=False, retries={"max_attempts": 1}))

    sm = sfn.create_state_machine(name="boto3-callback", definition=json.dumps(CALLBACK), roleArn=ROLE)
    arn = sm["stateMachineArn"]
    check("create_state_machine", arn.endswith(":stateMachine:boto3-callback"), arn)

    ex = sfn.start_execution(stateMachineArn=arn, name="order-1", input=json.dumps({"order": 1}))
    ex_arn = ex["executionArn"]
    check("start_execution", ex_arn.endswith(":execution:boto3-callback:order-1"), ex_arn)

    def scheduled():
        for e in sfn.get_execution_history(executionArn=ex_arn)["events"]:
            if e["type"] == "TaskScheduled":
                return json.loads(e["taskScheduledEventDetails"]["parameters"])
        return None

    params = until(scheduled, "TaskScheduled")
    token = params["MessageBody"]["token"]
    check("callback token in the history", bool(token) and params["MessageBody"]["order"] == 1, params)

    sfn.send_task_success(taskToken=token, output=json.dumps({"shipped": True}))
    desc = until(lambda: (lambda d: d if d["status"] != "RUNNING" else None)(
        sfn.describe_execution(executionArn=ex_arn)), "the execution to end")
    check("send_task_success ends the execution", desc["status"] == "SUCCEEDED"
          and json.loads(desc["output"]) == {"shipped": True}, desc)

    hist = sfn.get_execution_history(executionArn=ex_arn, reverseOrder=True)["events"]
    check("get_execution_history", hist[0]["type"] == "ExecutionSucceeded"
          and hist[-1]["type"] == "ExecutionStarted", [e["type"] for e in hist])

    names = [m["name"] for m in sfn.list_state_machines()["stateMachines"]]
    check("list_state_machines", "boto3-callback" in names, names)
    execs = sfn.list_executions(stateMachineArn=arn, statusFilter="SUCCEEDED")["executions"]
    check("list_executions", [e["name"] for e in execs] == ["order-1"], execs)

    sfn.tag_resource(resourceArn=arn, tags=[{"key": "team", "value": "orders"}])
    tags = sfn.list_tags_for_resource(resourceArn=arn)["tags"]
    check("tag_resource", tags == [{"key": "team", "value": "orders"}], tags)

    try:
        sfn.describe_execution(executionArn=ex_arn + "-missing")
        check("error shape", False, "no error")
    except sfn.exceptions.ExecutionDoesNotExist:
        check("error shape (ExecutionDoesNotExist)", True)

    sfn.delete_state_machine(stateMachineArn=arn)
    names = [m["name"] for m in sfn.list_state_machines()["stateMachines"]]
    check("delete_state_machine", "boto3-callback" not in names, names)


if __name__ == "__main__":
    try:
        main()
    except Exception as ex:  # a client error is a failed step, with its text
        failures += 1
        print("  FAIL  boto3 %s: %s" % (type(ex).__name__, ex))
    sys.exit(1 if failures else 0)
