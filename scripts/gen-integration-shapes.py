#!/usr/bin/python3
"""Writes app/teststate/integration_shapes.json: the response shape of each
optimized Step Functions integration, read from the AWS service models that
Debian's python3-botocore ships (botocore/data/<service>/<version>/service-2.json).

TestState's mock field validation (STRICT/PRESENT) checks a mocked result
against these shapes. The table is committed; CI never needs botocore.

    apt-get install -y python3-botocore
    /usr/bin/python3 scripts/gen-integration-shapes.py   # Debian's python, which sees that botocore
"""
import gzip, json, os, sys

import botocore

DATA = os.path.join(os.path.dirname(botocore.__file__), "data")
OUT = os.path.join(os.path.dirname(__file__), "..", "app", "teststate", "integration_shapes.json")

# Resource service (as in arn:aws:states:::SERVICE:action) -> botocore model,
# and the optimized integrations' actions.
INTEGRATIONS = {
    "lambda": ("lambda", ["invoke"]),
    "dynamodb": ("dynamodb", ["getItem", "putItem", "deleteItem", "updateItem"]),
    "sns": ("sns", ["publish"]),
    "sqs": ("sqs", ["sendMessage"]),
    "ecs": ("ecs", ["runTask"]),
    "batch": ("batch", ["submitJob"]),
    "glue": ("glue", ["startJobRun"]),
    "athena": ("athena", ["startQueryExecution", "stopQueryExecution", "getQueryExecution", "getQueryResults"]),
    "states": ("stepfunctions", ["startExecution", "startSyncExecution"]),
    "events": ("events", ["putEvents"]),
    "sagemaker": ("sagemaker", ["createTrainingJob", "createTransformJob", "createEndpoint", "createModel"]),
    "elasticmapreduce": ("emr", ["createCluster", "addStep", "terminateCluster"]),
    "eks": ("eks", ["createCluster", "deleteCluster"]),
    "codebuild": ("codebuild", ["startBuild"]),
    "apigateway": ("apigateway", []),
    "bedrock": ("bedrock-runtime", ["invokeModel"]),
}


# Actions whose API operation has another name.
OPERATIONS = {
    "elasticmapreduce:createCluster": "RunJobFlow",
    "elasticmapreduce:addStep": "AddJobFlowSteps",
    "elasticmapreduce:terminateCluster": "TerminateJobFlows",
}


def cap(name):
    """Step Functions gives integration results with capitalized field names
    (StartDate, not the API's startDate): the recorded TestState calls accept
    a mocked "startDate" as an unknown field."""
    return name[:1].upper() + name[1:]


def model(service):
    d = os.path.join(DATA, service)
    if not os.path.isdir(d):
        return None
    version = sorted(v for v in os.listdir(d) if os.path.isdir(os.path.join(d, v)))[-1]
    path = os.path.join(d, version, "service-2.json")
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)
    with gzip.open(path + ".gz") as f:  # newer botocore compresses its models
        return json.load(f)


def main():
    table = {"source": "botocore " + botocore.__version__, "operations": {}, "shapes": {}}
    for prefix, (service, actions) in sorted(INTEGRATIONS.items()):
        m = model(service)
        if m is None:
            print("skipped %s: no model in this botocore" % service, file=sys.stderr)
            continue
        shapes = m["shapes"]
        for action in actions:
            op = m["operations"].get(OPERATIONS.get(prefix + ":" + action, action[0].upper() + action[1:]))
            if op is None or "output" not in op:
                print("skipped %s:%s: no such operation or no output" % (prefix, action), file=sys.stderr)
                continue
            root = op["output"]["shape"]
            table["operations"][prefix + ":" + action] = service + "." + root
            todo = [root]
            while todo:
                name = todo.pop()
                key = service + "." + name
                if key in table["shapes"]:
                    continue
                s = shapes[name]
                out = {"type": s["type"]}
                if s["type"] == "structure":
                    out["members"] = {cap(k): service + "." + v["shape"] for k, v in s.get("members", {}).items()}
                    if s.get("required"):
                        out["required"] = [cap(r) for r in s["required"]]
                    todo += [v["shape"] for v in s.get("members", {}).values()]
                elif s["type"] == "list":
                    out["member"] = service + "." + s["member"]["shape"]
                    todo.append(s["member"]["shape"])
                elif s["type"] == "map":
                    out["value"] = service + "." + s["value"]["shape"]
                    todo.append(s["value"]["shape"])
                table["shapes"][key] = out
    with open(OUT, "w") as f:
        json.dump(table, f, indent=0, sort_keys=True)
        f.write("\n")
    print("wrote %d operations, %d shapes to %s" % (len(table["operations"]), len(table["shapes"]), OUT))


if __name__ == "__main__":
    main()
