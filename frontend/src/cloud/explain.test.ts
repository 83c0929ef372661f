import { describe, expect, it } from "vitest";
import { explain } from "./explain";

describe("explain", () => {
  it("takes the Go side's Problem as it is: its words, the codes and AWS's text behind", () => {
    const err = JSON.stringify({ code: "ACCESS_DENIED", title: "AWS refused: not allowed.", action: "Ask for states:StartExecution.", awsCode: "AccessDeniedException", detail: "User x is not authorized" });
    expect(explain(err)).toEqual({ plain: "AWS refused: not allowed.", todo: "Ask for states:StartExecution.", exact: "ACCESS_DENIED · AccessDeniedException · User x is not authorized" });
  });

  const cases: { name: string; err: unknown; plain: RegExp }[] = [
    { name: "access denied", err: "operation error SFN: CreateStateMachine, https response error StatusCode: 400, api error AccessDeniedException: User: arn:aws:iam::1:user/x is not authorized to perform: states:CreateStateMachine", plain: /not allowed/ },
    { name: "throttling", err: "api error ThrottlingException: Rate exceeded", plain: /slow down/ },
    { name: "expired SSO token", err: "refresh cached SSO token failed, unable to refresh SSO token: the SSO session has expired or is invalid: token has expired", plain: /expired/ },
    { name: "no credentials", err: "failed to retrieve credentials: no valid credential sources", plain: /no working AWS credentials/ },
    { name: "missing machine", err: "api error StateMachineDoesNotExist: State Machine Does Not Exist", plain: /not in this account/ },
    { name: "not redrivable", err: new Error("api error ExecutionNotRedrivable: Execution is SUCCEEDED"), plain: /will not redrive/ },
    { name: "unreachable endpoint", err: "dial tcp 127.0.0.1:1: connect: connection refused", plain: /could not reach/ },
    { name: "anything else", err: "something odd", plain: /answered with an error/ },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const e = explain(c.err);
      expect(e.plain).toMatch(c.plain);
      expect(e.todo).not.toBe("");
      expect(e.exact).toBe(c.err instanceof Error ? c.err.message : c.err);
    });
  }
});
