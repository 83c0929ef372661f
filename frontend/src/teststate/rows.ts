// TestState's response in plain words: one sentence on what happens next,
// then the value after each processing stage (the Inspect view's wording).
export interface TestResponse {
  status: string;
  output?: string;
  error?: string;
  cause?: string;
  nextState?: string;
  inspectionData?: InspectionData;
}

export interface InspectionData {
  input?: string;
  afterInputPath?: string;
  afterParameters?: string;
  afterArguments?: string;
  afterItemsPath?: string;
  afterItemSelector?: string;
  afterItemBatcher?: string;
  request?: HttpRequest;
  response?: HttpResponse;
  result?: string;
  afterResultSelector?: string;
  afterResultPath?: string;
  variables?: string;
  maxConcurrency?: number;
  toleratedFailureCount?: number;
  toleratedFailurePercentage?: number;
  errorDetails?: { catchIndex?: number; retryIndex?: number; retryBackoffIntervalSeconds?: number };
}

/** An HTTP Task's call at TRACE: every field a string, as the API gives it. */
export interface HttpRequest {
  protocol?: string;
  method?: string;
  url?: string;
  headers?: string;
  body?: string;
}

export interface HttpResponse {
  protocol?: string;
  statusCode?: string;
  statusMessage?: string;
  headers?: string;
  body?: string;
}

export interface Sentence {
  text: string;
  /** The exact status and fields behind the words, for developers. */
  detail: string;
  tone: "ok" | "error" | "caught" | "retry";
}

/** What the response says happens next, as a sentence. */
export function statusSentence(r: TestResponse, type: string): Sentence {
  const e = r.inspectionData?.errorDetails;
  const err = r.error ?? "an error";
  const cause = r.cause ? ` (${r.cause})` : "";
  switch (r.status) {
    case "SUCCEEDED":
      if (r.nextState) return { text: `Goes to ${r.nextState} next`, detail: `SUCCEEDED · nextState ${r.nextState}`, tone: "ok" };
      return { text: type === "Succeed" ? "Ends the workflow: it succeeds" : "Ends the workflow here: this is its last state", detail: "SUCCEEDED · no nextState", tone: "ok" };
    case "RETRIABLE": {
      const which = e?.retryIndex !== undefined ? `retrier ${e.retryIndex + 1}` : "a retrier";
      const after = e?.retryBackoffIntervalSeconds !== undefined ? `, next attempt after ${seconds(e.retryBackoffIntervalSeconds)}` : "";
      const idx = e?.retryIndex !== undefined ? ` · Retry[${e.retryIndex}]` : "";
      return { text: `Would retry: ${which} matched ${err}${after}`, detail: `RETRIABLE${idx} · ${err}${cause}`, tone: "retry" };
    }
    case "CAUGHT_ERROR": {
      const who = e?.catchIndex !== undefined ? `catcher ${e.catchIndex + 1}` : "a catcher";
      const idx = e?.catchIndex !== undefined ? ` · Catch[${e.catchIndex}]` : "";
      const to = r.nextState ? ` → goes to ${r.nextState}` : "";
      return { text: `Caught${to}: ${who} took ${err}`, detail: `CAUGHT_ERROR${idx} · ${err}${cause}`, tone: "caught" };
    }
    case "FAILED":
      if (type === "Fail") return { text: `Fails the workflow with ${err}${cause}`, detail: `FAILED · ${err}`, tone: "error" };
      return { text: `Fails with ${err}${cause}: no Retry or Catch takes it, so the workflow would fail`, detail: `FAILED · ${err}`, tone: "error" };
  }
  return { text: r.status, detail: r.status, tone: "error" };
}

const seconds = (n: number) => (n === 1 ? "1 s" : `${n} s`);

export interface Row {
  key: string;
  /** Plain words first, the field behind in brackets. */
  label: string;
  json?: string;
  note?: string;
}

/** The value after each stage the response holds, in the order the state applies them. */
export function stageRows(r: TestResponse, type: string): Row[] {
  const d = r.inspectionData ?? {};
  const task = type === "Task";
  const rows: Row[] = [];
  const add = (key: string, label: string, json: string | undefined) => {
    if (json !== undefined) rows.push({ key, label, json });
  };
  add("input", "What the state received (input)", d.input);
  add("afterInputPath", "The part of the input it used (after InputPath)", d.afterInputPath);
  add("afterParameters", task ? "What the task was given (after Parameters)" : type === "Parallel" ? "What each branch was given (after Parameters)" : "What it worked on (after Parameters)", d.afterParameters);
  add("afterArguments", task ? "What the task was given (after Arguments)" : "What it worked on (after Arguments)", d.afterArguments);
  add("afterItemsPath", "The items (after ItemsPath)", d.afterItemsPath);
  add("afterItemSelector", "What each item's run is given (after ItemSelector)", d.afterItemSelector);
  add("afterItemBatcher", "The items grouped in batches, one run each (after ItemBatcher)", d.afterItemBatcher);
  if (d.maxConcurrency !== undefined) rows.push({ key: "maxConcurrency", label: "Items at a time (MaxConcurrency)", note: d.maxConcurrency === 0 ? "No limit" : String(d.maxConcurrency) });
  if (d.toleratedFailureCount !== undefined) rows.push({ key: "toleratedFailureCount", label: "Failed items tolerated (ToleratedFailureCount)", note: String(d.toleratedFailureCount) });
  if (d.toleratedFailurePercentage !== undefined) rows.push({ key: "toleratedFailurePercentage", label: "Failed items tolerated (ToleratedFailurePercentage)", note: `${d.toleratedFailurePercentage}%` });
  if (d.request) add("request", "The call sent to the web API (HTTP request)", httpText(d.request));
  if (d.response) add("response", "What the web API answered (HTTP response)", httpText(d.response));
  add("result", task ? "What the task returned (result)" : type === "Map" ? "What the items returned (result)" : type === "Parallel" ? "What the branches returned (result)" : "The result (result)", d.result);
  add("afterResultSelector", "The result reshaped (after ResultSelector)", d.afterResultSelector);
  add("afterResultPath", "The result placed into the input (after ResultPath)", d.afterResultPath);
  add("output", "What the state passes on (output)", r.output);
  add("variables", "Variables after the state (variables)", d.variables);
  return sameAsAbove(rows);
}

/**
 * An HTTP request or response as one JSON document to read: the header
 * and body texts the API sends as strings are shown as the JSON they hold.
 */
function httpText(h: HttpRequest | HttpResponse): string {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined || v === "") continue;
    out[k] = k === "headers" || k === "body" ? parsed(v) : v;
  }
  return JSON.stringify(out);
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A stage that changed nothing says so instead of repeating its value
 * (after InputPath is often the input): the reader sees where the value
 * changed. Variables are not compared: they are not the state's value.
 */
function sameAsAbove(rows: Row[]): Row[] {
  let last: string | undefined;
  return rows.map((r) => {
    // Variables are not the state's value; an HTTP call is not a stage of it.
    if (r.json === undefined || r.key === "variables" || r.key === "request" || r.key === "response") return r;
    const now = canonical(r.json);
    const same = last !== undefined && now === last;
    last = now;
    return same ? { key: r.key, label: r.label, note: "The same as above: this stage changed nothing." } : r;
  });
}

function canonical(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json));
  } catch {
    return json;
  }
}

/** JSON text indented for reading; text that is not JSON as it is. */
export function pretty(json: string): string {
  try {
    return JSON.stringify(JSON.parse(json), null, 2);
  } catch {
    return json;
  }
}
