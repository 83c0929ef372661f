// Writes a definition of N states (default 1,000) to stdout: the same
// shape as schema/bench_test.go's generate (Task with Retry/Catch, Choice,
// Pass with intrinsics, Wait, in turn), for run.sh's validate row.
const n = Number(process.argv[2] ?? 1000);
const states = {};
for (let i = 0; i < n - 2; i++) {
  const next = i === n - 3 ? "Done" : `S${i + 1}`;
  states[`S${i}`] = [
    { Type: "Task", Resource: "arn:aws:states:::lambda:invoke", Parameters: { FunctionName: `f${i}`, "Payload.$": "$.data" }, ResultSelector: { "v.$": "$.Payload" }, ResultPath: `$.r${i}`, TimeoutSeconds: 30, Retry: [{ ErrorEquals: ["States.Timeout"], MaxAttempts: 2, BackoffRate: 1.5 }], Catch: [{ ErrorEquals: ["States.ALL"], Next: "Failed", ResultPath: "$.error" }], Next: next },
    { Type: "Choice", Choices: [{ And: [{ Variable: "$.n", NumericGreaterThan: i }, { Variable: "$.s", StringMatches: "a*" }], Next: next }, { Variable: "$.t", TimestampLessThan: "2026-01-01T00:00:00Z", Next: next }], Default: next },
    { Type: "Pass", Parameters: { "id.$": "States.Format('item-{}', $.id)", "ctx.$": "$$.Execution.Id", "list.$": "States.Array($.a, $.b)" }, Next: next },
    { Type: "Wait", SecondsPath: "$.wait", Next: next },
  ][i % 4];
}
states.Done = { Type: "Succeed" };
states.Failed = { Type: "Fail", Error: "Boom", CausePath: "$.error.Cause" };
process.stdout.write(JSON.stringify({ Comment: "generated", StartAt: "S0", States: states }));
