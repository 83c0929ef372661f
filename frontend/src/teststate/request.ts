// The Test this state form and the request it becomes. Every JSON field is
// checked as typed, saying where a mistake is; the request is only built
// when the form holds no mistake.
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";

export type Level = "INFO" | "DEBUG" | "TRACE";
export type MockKind = "none" | "returns" | "throws";
export type FieldValidation = "STRICT" | "PRESENT" | "NONE";

/** What the person typed, as typed (numbers too: a half-typed count is kept). */
export interface TestForm {
  input: string;
  variables: string;
  context: string;
  mock: MockKind;
  result: string;
  error: string;
  cause: string;
  validation: FieldValidation;
  retryCount: string;
  mapFailures: string;
  readerData: string;
  level: Level;
}

export const emptyForm: TestForm = {
  input: "{}",
  variables: "",
  context: "",
  mock: "none",
  result: "",
  error: "",
  cause: "",
  validation: "STRICT",
  retryCount: "",
  mapFailures: "",
  readerData: "",
  level: "DEBUG",
};

/** The request without its definition (the binding adds the open document). */
export interface TestRequest {
  input: string;
  variables: string;
  context: string;
  inspectionLevel: Level;
  mock?: { result?: string; errorOutput?: { error: string; cause: string }; fieldValidationMode: FieldValidation };
  retrierRetryCount?: number;
  mapIterationFailureCount?: number;
  mapItemReaderData?: string;
}

/** Which parts of the form a state type has: a mock for Task, Map and Parallel; Map's counts. */
export function formParts(type: string): { mock: boolean; retry: boolean; map: boolean } {
  const work = type === "Task" || type === "Map" || type === "Parallel";
  return { mock: work, retry: work, map: type === "Map" };
}

/**
 * Why text is not JSON, in words that say where ("line 2, column 7: a
 * comma or } is missing"), or null when it is. An empty optional field is
 * fine; want says what shape the value must have.
 */
export function jsonProblem(text: string, opts: { optional?: boolean; want?: "object" } = {}): string | null {
  if (text.trim() === "") return opts.optional ? null : "Type a JSON value, e.g. {}.";
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length) {
    const e = errors[0];
    const { line, column } = lineColumn(text, e.offset);
    return `Line ${line}, column ${column}: ${words[printParseErrorCode(e.error)] ?? printParseErrorCode(e.error)}.`;
  }
  if (opts.want === "object" && (value === null || typeof value !== "object" || Array.isArray(value))) {
    return "Must be a JSON object, e.g. {\"name\": \"value\"}.";
  }
  return null;
}

const words: Record<string, string> = {
  InvalidSymbol: "this is not JSON (strings need double quotes)",
  InvalidNumberFormat: "this number is not written as JSON writes numbers",
  PropertyNameExpected: "a name in double quotes is expected here",
  ValueExpected: "a value is expected here",
  ColonExpected: "a colon (:) is missing",
  CommaExpected: "a comma is missing",
  CloseBraceExpected: "a closing } is missing",
  CloseBracketExpected: "a closing ] is missing",
  EndOfFileExpected: "there is more after the value ends",
  InvalidCommentToken: "JSON has no comments",
  UnexpectedEndOfComment: "JSON has no comments",
  UnexpectedEndOfString: "a string is not closed with a double quote",
  UnexpectedEndOfNumber: "a number ends too early",
  InvalidUnicode: "a \\u escape needs four hex digits",
  InvalidEscapeCharacter: "this backslash escape is not JSON",
  InvalidCharacter: "this character must be escaped inside a string",
};

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** A count as typed: "" is not given; else a whole number from 0. */
function countProblem(text: string): string | null {
  if (text.trim() === "") return null;
  return /^\s*\d+\s*$/.test(text) ? null : "A whole number from 0.";
}

export type FieldName = keyof TestForm;

/** The form's mistakes by field (only the parts the state type has), and the request when there are none. */
export function buildRequest(form: TestForm, type: string): { problems: Partial<Record<FieldName, string>>; request: TestRequest | null } {
  const parts = formParts(type);
  const problems: Partial<Record<FieldName, string>> = {};
  const put = (f: FieldName, p: string | null) => {
    if (p) problems[f] = p;
  };
  put("input", jsonProblem(form.input));
  put("variables", jsonProblem(form.variables, { optional: true, want: "object" }));
  put("context", jsonProblem(form.context, { optional: true, want: "object" }));
  if (parts.mock && form.mock === "returns") put("result", jsonProblem(form.result));
  if (parts.mock && form.mock === "throws" && form.error.trim() === "") put("error", "Name the error, e.g. States.TaskFailed.");
  if (parts.retry) put("retryCount", countProblem(form.retryCount));
  if (parts.map) {
    put("mapFailures", countProblem(form.mapFailures));
    put("readerData", jsonProblem(form.readerData, { optional: true }));
  }
  if (Object.keys(problems).length) return { problems, request: null };

  const request: TestRequest = {
    input: form.input,
    variables: form.variables.trim(),
    context: form.context.trim(),
    inspectionLevel: form.level,
  };
  if (parts.mock && form.mock === "returns") request.mock = { result: form.result, fieldValidationMode: form.validation };
  if (parts.mock && form.mock === "throws") {
    request.mock = { errorOutput: { error: form.error.trim(), cause: form.cause }, fieldValidationMode: form.validation };
  }
  if (parts.retry && form.retryCount.trim() !== "") request.retrierRetryCount = Number(form.retryCount);
  if (parts.map && form.mapFailures.trim() !== "") request.mapIterationFailureCount = Number(form.mapFailures);
  if (parts.map && form.readerData.trim() !== "") request.mapItemReaderData = form.readerData;
  return { problems, request };
}
