// Help while typing a mock file (AWS MockConfigFile): what to complete at
// the cursor, from where the cursor is in the file's structure.
//   StateMachines › <machine>            the workflow's own entry name
//   … › TestCases › <case> › <key>       the workflow's Task states
//   … › TestCases › <case> › <state>: ▮  the names in MockedResponses
//   MockedResponses › <name> › <key>     the next call numbers ("0", "1-2")
//   … › <call> › <key>                   Return, Throw; in Throw: Error, Cause
import { getLocation, parse } from "jsonc-parser";

export interface MockOption {
  label: string;
  detail: string;
}

export interface MockCompletions {
  /** The range the option replaces (inside the quotes when there are some). */
  from: number;
  to: number;
  /** Whether the typed text is inside quotes already. */
  quoted: boolean;
  options: MockOption[];
}

export interface MockContext {
  /** The workflow's entry name in the file (its file name without extension). */
  machine: string;
  states: { name: string; type: string }[];
}

const word = /[^"\s{}[\],:]*$/;

/** The completions at pos of the mock text, or null. */
export function completeMocks(text: string, pos: number, ctx: MockContext): MockCompletions | null {
  const loc = getLocation(text, pos);
  const root = (parse(text, [], { allowTrailingComma: true }) ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const typed = text.slice(0, pos).match(word)![0];
  const quoted = text[pos - typed.length - 1] === '"';
  const range = { from: pos - typed.length, to: pos, quoted };
  const p = loc.path.map(String);
  const at = (opts: MockOption[]) => (opts.length ? { ...range, options: opts } : null);
  if (loc.isAtPropertyKey) {
    const parent = p.slice(0, -1);
    if (parent.length === 1 && parent[0] === "StateMachines") return at(ctx.machine ? [{ label: ctx.machine, detail: "this workflow" }] : []);
    if (parent.length === 4 && parent[0] === "StateMachines" && parent[2] === "TestCases") {
      const tasks = ctx.states.filter((s) => s.type === "Task");
      return at(tasks.map((s) => ({ label: s.name, detail: "Task state" })));
    }
    if (parent.length === 2 && parent[0] === "MockedResponses") {
      const calls = Object.keys(root.MockedResponses?.[parent[1]] ?? {});
      return at([{ label: String(nextCall(calls)), detail: "call number (from 0); \"1-2\" covers several" }]);
    }
    if (parent.length === 3 && parent[0] === "MockedResponses") {
      return at([
        { label: "Return", detail: "the result the task gives" },
        { label: "Throw", detail: "an error the task fails with" },
      ]);
    }
    if (parent.length === 4 && parent[0] === "MockedResponses" && parent[3] === "Throw") {
      return at([
        { label: "Error", detail: "the error name, e.g. Lambda.ServiceException" },
        { label: "Cause", detail: "a human-readable cause" },
      ]);
    }
    if (parent.length === 0) {
      return at([
        { label: "StateMachines", detail: "test cases by workflow" },
        { label: "MockedResponses", detail: "named responses by call" },
      ]);
    }
    return null;
  }
  if (p.length === 5 && p[0] === "StateMachines" && p[2] === "TestCases") {
    return at(Object.keys(root.MockedResponses ?? {}).map((n) => ({ label: n, detail: "mocked response" })));
  }
  return null;
}

/** The first call number no key covers yet. */
function nextCall(keys: string[]): number {
  let next = 0;
  for (const k of keys) {
    const m = k.match(/^(\d+)(?:-(\d+))?$/);
    if (m) next = Math.max(next, Number(m[2] ?? m[1]) + 1);
  }
  return next;
}
