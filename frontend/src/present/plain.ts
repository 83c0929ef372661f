// The data at a step in plain form, for people who do not read JSON: a
// small object as "key: value" lines, a single value as itself, anything
// bigger as JSON to unfold; errors in plain words with the code behind.

export type Plain =
  | { kind: "none" }
  | { kind: "value"; text: string }
  | { kind: "fields"; rows: Row[] }
  | { kind: "json"; summary: string; text: string };

/** One line of a key: value list; a value too big for a line is summed up, its JSON to unfold. */
export interface Row {
  key: string;
  value: string;
  json?: string;
}

/** At most this many lines in a key: value list. */
const maxRows = 8;
/** A value longer than this is not plain any more. */
const maxChars = 80;

/** One value on one line, or null when it needs more than a line. */
export function plainValue(v: unknown): string | null {
  if (v === null || v === undefined) return "empty";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "number") return String(v);
  if (typeof v === "string") return v === "" ? "empty" : v.length <= maxChars ? v : null;
  if (Array.isArray(v)) {
    if (v.length === 0) return "none";
    if (v.length > 5 || v.some((x) => typeof x === "object" && x !== null)) return null;
    return fits(v.map((x) => plainValue(x)).join(", "));
  }
  const entries = Object.entries(v as Record<string, unknown>);
  if (entries.length === 0) return "empty";
  if (entries.length > 3 || entries.some(([, x]) => typeof x === "object" && x !== null)) return null;
  return fits(entries.map(([k, x]) => `${k}: ${plainValue(x)}`).join(", "));
}

function fits(s: string): string | null {
  return s.length <= maxChars ? s : null;
}

/** The data of a step (JSON text as the history records it) in plain form. */
export function plainData(json: string | undefined): Plain {
  if (json === undefined) return { kind: "none" };
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return { kind: "value", text: json };
  }
  if (typeof v === "object" && v !== null && !Array.isArray(v)) {
    const entries = Object.entries(v);
    if (entries.length > 0 && entries.length <= maxRows) {
      return {
        kind: "fields",
        rows: entries.map(([key, x]) => {
          const value = plainValue(x);
          return value !== null ? { key, value } : { key, value: summary(x), json: JSON.stringify(x, null, 2) };
        }),
      };
    }
  }
  const one = plainValue(v);
  if (one !== null) return { kind: "value", text: one };
  return { kind: "json", summary: summary(v), text: JSON.stringify(v, null, 2) };
}

function summary(v: unknown): string {
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? "" : "s"}`;
  if (typeof v === "object" && v !== null) {
    const keys = Object.keys(v);
    const some = keys.slice(0, 4).join(", ") + (keys.length > 4 ? ", …" : "");
    return `${keys.length} field${keys.length === 1 ? "" : "s"}: ${some}`;
  }
  if (typeof v === "string") return `a text of ${v.length} characters`;
  return "a value";
}

/** The AWS error codes people meet, in plain words. */
const errorWords: Record<string, string> = {
  "States.ALL": "Something went wrong",
  "States.TaskFailed": "The task failed",
  "States.Timeout": "It took too long and was stopped",
  "States.HeartbeatTimeout": "The task stopped reporting that it was still working",
  "States.Runtime": "The data could not be read or shaped as the step asks",
  "States.DataLimitExceeded": "The data grew larger than Step Functions allows",
  "States.ResultPathMatchFailure": "The result could not be put where the step says",
  "States.ParameterPathFailure": "A field the step reads is missing from the data",
  "States.QueryEvaluationError": "An expression of the step could not be worked out",
  "States.IntrinsicFailure": "A built-in function of the step failed",
  "States.NoChoiceMatched": "No rule of the choice matched the data, and there is no default",
  "States.BranchFailed": "A branch failed",
  "States.Permissions": "The workflow is not allowed to do this",
  "States.ItemReaderFailed": "The items to go through could not be read",
  "States.ResultWriterFailed": "The results could not be written",
  "States.ExceedToleratedFailureThreshold": "Too many items failed",
  "Lambda.ServiceException": "The Lambda service had a problem",
  "Lambda.TooManyRequestsException": "The Lambda function was too busy",
  "Lambda.AWSLambdaException": "The Lambda service had a problem",
  "Lambda.SdkClientException": "The Lambda function could not be reached",
};

export interface PlainError {
  /** One sentence for anyone. */
  words: string;
  /** The exact error code and cause, for developers. */
  code: string;
  cause: string;
}

/** An error in plain words; a workflow's own error names are quoted as they are. */
export function plainError(error: string | undefined, cause: string | undefined): PlainError {
  const code = error ?? "";
  const known = errorWords[code];
  const words = known ?? (code ? `It failed with the error “${code}”` : "It failed");
  return { words, code, cause: cause ?? "" };
}
