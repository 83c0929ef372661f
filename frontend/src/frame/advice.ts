// The problems panel's plain words: for each diagnostic code, one line that
// someone who never saw ASL understands, and the line for several of one
// kind. The validator's own message (ASL field names, how to fix it in the
// code), the code and the JSON pointer stay behind the details toggle; a
// syntax error's own message is the line itself, as it is already plain
// and says where to type what.
//
// Words say "step" for a state, as the business does.

interface Words {
  /** One problem of this kind. */
  one: string;
  /**
   * The validator's own message is already the plain line (a syntax
   * error: "A comma is missing after the value on line 30.", said where
   * the fix goes); one is for a diagnostic without a message.
   */
  own?: true;
  /** n problems of this kind, grouped in one line. */
  many?: (n: number) => string;
}

const words: Record<string, Words> = {
  // AWS's codes.
  INVALID_JSON_DESCRIPTION: { one: "The code has a typing mistake, so the workflow cannot be read", own: true },
  MISSING_DESCRIPTION: { one: "The workflow is empty" },
  SCHEMA_VALIDATION_FAILED: { one: "AWS would not accept this as written", many: (n) => `${n} places AWS would not accept as written` },
  INVALID_RESOURCE: { one: "The service this step calls is not named correctly", many: (n) => `${n} steps name the service they call incorrectly` },
  MISSING_END_STATE: { one: "Nothing ends the workflow: no step finishes it" },
  DUPLICATE_STATE_NAME: { one: "Two steps have the same name" },
  INVALID_STATE_NAME: { one: "This step's name is not allowed" },
  NO_DOLLAR: {
    one: "A value meant to be read from the data is passed on as plain text",
    many: (n) => `${n} values meant to be read from the data are passed on as plain text`,
  },
  NO_PATH: {
    one: "The error details are plain text, though they look like they should come from the data",
    many: (n) => `${n} error details are plain text, though they look like they should come from the data`,
  },
  PASS_RESULT_IS_STATIC: {
    one: "This step always gives the same fixed result; it does not read the data",
    many: (n) => `${n} parts of fixed results look as if they read the data, but do not`,
  },
  // Ours.
  MISSING_TRANSITION_TARGET: { one: "This leads to a step that does not exist", many: (n) => `${n} arrows lead to steps that do not exist` },
  UNREACHABLE_STATE: { one: "No path leads to this step", many: (n) => `${n} steps are never reached` },
  TASK_WITHOUT_TIMEOUT: { one: "This task has no time limit", many: (n) => `${n} tasks have no time limit` },
  TASK_TOKEN_NOT_PASSED: {
    one: "This step waits for an answer, but never says where to send it",
    many: (n) => `${n} steps wait for an answer, but never say where to send it`,
  },
  UNKNOWN_ERROR_NAME: { one: "This handles an error that never happens", many: (n) => `${n} error handlers wait for errors that never happen` },
  IGNORED_FIELD: { one: "This setting has no effect here", many: (n) => `${n} settings have no effect where they are` },
  JSONATA_NOT_CLOSED: { one: "An expression is not closed, so it is used as plain text", many: (n) => `${n} expressions are not closed` },
  UNKNOWN_VARIABLE: { one: "This reads a variable that no step sets", many: (n) => `${n} places read variables that no step sets` },
  JSONPATH_IN_JSONATA: {
    one: "This value is written the old way, so it is not computed",
    many: (n) => `${n} values are written the old way, so they are not computed`,
  },
  INTRINSIC_ALWAYS_FAILS: { one: "This calculation always fails when the workflow runs", many: (n) => `${n} calculations always fail when the workflow runs` },
  PLACEHOLDER_NOT_FILLED: { one: "Fill this in: it still holds an example from the palette", many: (n) => `${n} values still need to be filled in` },
  // Templates (SAM, CloudFormation, Terraform).
  IAC_DEFINITION_NOT_CHECKED: { one: "This workflow in the template could not be checked" },
  IAC_BROKEN_REFERENCE: { one: "The template refers to something that does not exist" },
  IAC_REFERENCE_OUTSIDE_PROJECT: { one: "The template refers to a file outside the project folder" },
};

/** True when the panel has plain words for code (else it shows the validator's message). */
export function knowsCode(code: string): boolean {
  return code in words;
}

/** The plain line for one problem; the validator's message for a code without words. */
export function headline(d: { code: string; message: string }): string {
  const w = words[d.code];
  if (w?.own && d.message) return d.message;
  return w?.one ?? d.message;
}

/** The plain line for n problems of one code, grouped. */
export function groupHeadline(code: string, n: number, message = code): string {
  const w = words[code];
  if (w?.many) return w.many(n);
  return `${w?.one ?? message} (${n} places)`;
}
