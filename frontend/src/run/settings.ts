// The run panel's settings per workflow (input, mocks of an unsaved
// workflow, test case, breakpoints, pace, workflow type), kept in localStorage so a
// reload or a restart never loses what the user typed.

export type Pace = "instant" | "normal" | "slow";

/** Inside a Map: one item at a time stops at a breakpoint (the others wait), or every item. */
export type PauseMode = "one" | "all";

/** AWS's two workflow types: a STANDARD execution's history stops at
 * 25,000 events; an EXPRESS one has no such limit. */
export type WorkflowType = "STANDARD" | "EXPRESS";

export interface RunSettings {
  input: string | null; // null: not typed yet, use the sample input
  mocks: string; // only for workflows with no file; files keep theirs beside them
  testCase: string;
  breakpoints: string[];
  pace: Pace;
  realWaits: boolean;
  type: WorkflowType;
  pauseMode: PauseMode;
}

export const defaultSettings: RunSettings = {
  input: null,
  mocks: "",
  testCase: "",
  breakpoints: [],
  pace: "instant",
  realWaits: false,
  type: "STANDARD",
  pauseMode: "one",
};

const key = (workflow: string) => `stepstudio.run.${workflow}`;

/** Where settings are kept: localStorage in the app, a Map-like fake in tests. */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export function loadSettings(storage: KeyValueStorage, workflow: string): RunSettings {
  try {
    const raw = storage.getItem(key(workflow));
    return raw ? { ...defaultSettings, ...(JSON.parse(raw) as Partial<RunSettings>) } : { ...defaultSettings };
  } catch {
    return { ...defaultSettings };
  }
}

export function saveSettings(storage: KeyValueStorage, workflow: string, s: RunSettings) {
  try {
    storage.setItem(key(workflow), JSON.stringify(s));
  } catch {
    // Storage full or blocked: the settings still live for this session.
  }
}

/** Why text is not valid JSON, or null when it is ("" counts as {}). */
/** AWS's limit on an execution's input: 256 KiB of UTF-8. */
export const maxInputBytes = 256 * 1024;

/** What is wrong with an execution input, in plain words, or null: too large for AWS, or not JSON. */
export function inputProblem(text: string): string | null {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > maxInputBytes) return `The input is ${Math.ceil(bytes / 1024)} KiB; an execution's input can be at most 256 KiB, as on AWS.`;
  const bad = jsonError(text);
  return bad ? `The input is not valid JSON: ${bad}` : null;
}

export function jsonError(text: string): string | null {
  if (text.trim() === "") return null;
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}
