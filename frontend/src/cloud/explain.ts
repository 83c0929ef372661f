// AWS's refusals in plain words, with what to do, and the exact text kept
// behind for developers. The Go Cloud service sends its failures as a
// cloud.Problem in JSON ({"code","title","action","awsCode","detail"}),
// already in words; anything else (a Wails or network error) is matched on
// the codes and phrases the SDK puts in its message.
import { errorMessage } from "../backend/errors";

export interface Explained {
  /** One sentence a business stakeholder can read. */
  plain: string;
  /** What to do about it. */
  todo: string;
  /** The exact error, for developers. */
  exact: string;
}

interface Rule {
  test: RegExp;
  plain: string;
  todo: string;
}

// Order matters: the first rule that matches speaks.
const rules: Rule[] = [
  {
    test: /(token has expired|ExpiredToken|sso.*(expired|refresh)|InvalidGrant|UnauthorizedException.*sso)/i,
    plain: "Your AWS sign-in has expired.",
    todo: "Sign in again (for SSO: aws sso login --profile <profile>) and connect again.",
  },
  {
    test: /(AccessDenied|not authorized to perform|UnauthorizedOperation)/i,
    plain: "AWS refused: this identity is not allowed to do that.",
    todo: "Ask your AWS administrator for the permission named below, or connect with another profile.",
  },
  {
    test: /(Throttling|TooManyRequests|Rate exceeded|RequestLimitExceeded)/i,
    plain: "AWS is busy and asked us to slow down; the studio already retried.",
    todo: "Wait a moment and try again.",
  },
  {
    test: /(no valid credential|NoCredentialProviders|failed to (retrieve|refresh cached) credentials|InvalidClientTokenId|UnrecognizedClientException|SignatureDoesNotMatch|failed to get shared config profile)/i,
    plain: "The studio found no working AWS credentials for this profile.",
    todo: "Check the profile in ~/.aws/config and ~/.aws/credentials, or pick another profile.",
  },
  {
    test: /(StateMachineDoesNotExist|does not exist.*state ?machine)/i,
    plain: "That state machine is not in this account and region.",
    todo: "Check the region, or deploy it first.",
  },
  {
    test: /(ExecutionDoesNotExist)/i,
    plain: "AWS has no execution with that ARN (histories are kept 90 days).",
    todo: "Check the ARN and the region.",
  },
  {
    test: /(region.*(mismatch|does not match)|InvalidArn.*region|different region)/i,
    plain: "The ARN belongs to another region than the one you are connected to.",
    todo: "Connect to the ARN's region and try again.",
  },
  {
    test: /(ExecutionNotRedrivable|not redrivable)/i,
    plain: "AWS will not redrive this execution.",
    todo: "Only failed, timed-out or aborted STANDARD executions of the last 14 days can be redriven; start a new one instead.",
  },
  {
    test: /(ExecutionAlreadyExists)/i,
    plain: "An execution with that name already exists.",
    todo: "Give the execution another name, or leave the name empty.",
  },
  {
    test: /(InvalidDefinition|InvalidExecutionInput|InvalidName|ValidationException)/i,
    plain: "AWS did not accept what was sent.",
    todo: "Read the exact message below; Validate with AWS shows where.",
  },
  {
    test: /(connection refused|no such host|dial tcp|i\/o timeout|context deadline exceeded|network is unreachable)/i,
    plain: "The studio could not reach the endpoint.",
    todo: "Check the network, the region and the endpoint override.",
  },
];

interface Problem {
  code: string;
  title: string;
  action?: string;
  awsCode?: string;
  detail?: string;
}

/** The Go side's Problem, when the text is one. */
function problemOf(text: string): Problem | null {
  if (!text.startsWith("{")) return null;
  try {
    const p = JSON.parse(text) as Problem;
    return typeof p.title === "string" && typeof p.code === "string" ? p : null;
  } catch {
    return null;
  }
}

/** The error in plain words, what to do, and its exact text. */
export function explain(err: unknown): Explained {
  const exact = errorMessage(err);
  const p = problemOf(exact);
  if (p) return { plain: p.title, todo: p.action ?? "", exact: [p.code, p.awsCode, p.detail].filter(Boolean).join(" · ") };
  const rule = rules.find((r) => r.test.test(exact));
  if (rule) return { plain: rule.plain, todo: rule.todo, exact };
  return { plain: "AWS answered with an error.", todo: "Read the exact message below.", exact };
}
