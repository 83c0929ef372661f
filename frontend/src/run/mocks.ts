// Editing an AWS MockConfigFile from the run panel: list its test cases,
// read and write one Task's responses per invocation. The file keeps AWS's
// shape (StateMachines / TestCases / MockedResponses), so AWS tools read
// what the studio writes.

export type MockResponse = { kind: "return"; value: string } | { kind: "throw"; error: string; cause: string };

interface MockFile {
  StateMachines?: Record<string, { TestCases?: Record<string, Record<string, string>> }>;
  MockedResponses?: Record<string, Record<string, { Return?: unknown; Throw?: { Error?: string; Cause?: string } }>>;
}

/** Parses mock text; "" is an empty file. Throws with a message when it is not JSON. */
export function parseMocks(text: string): MockFile {
  if (text.trim() === "") return {};
  const v = JSON.parse(text) as unknown;
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new Error("a mock file is a JSON object");
  return v as MockFile;
}

/** Test case names across the file's state machines, in file order, no repeats. */
export function testCases(text: string): string[] {
  let f: MockFile;
  try {
    f = parseMocks(text);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const sm of Object.values(f.StateMachines ?? {}))
    for (const name of Object.keys(sm.TestCases ?? {})) if (!out.includes(name)) out.push(name);
  return out;
}

function find(f: MockFile, testCase: string): Record<string, string> | undefined {
  for (const sm of Object.values(f.StateMachines ?? {})) if (sm.TestCases?.[testCase]) return sm.TestCases[testCase];
  return undefined;
}

/** The responses of state in testCase, one per invocation ("1-2" ranges expanded). */
export function responsesFor(text: string, testCase: string, state: string): MockResponse[] {
  const f = parseMocks(text);
  const name = find(f, testCase)?.[state];
  const steps = name ? f.MockedResponses?.[name] : undefined;
  if (!steps) return [];
  const out: MockResponse[] = [];
  const keys = Object.keys(steps).sort((a, b) => parseInt(a) - parseInt(b));
  for (const k of keys) {
    const [from, to = from] = k.split("-").map(Number);
    const s = steps[k];
    const r: MockResponse = s.Throw
      ? { kind: "throw", error: s.Throw.Error ?? "", cause: s.Throw.Cause ?? "" }
      : { kind: "return", value: JSON.stringify(s.Return ?? null, null, 2) };
    for (let i = from; i <= to; i++) out[i] = r;
  }
  return out;
}

/**
 * Returns the mock text with state's responses in testCase replaced (an
 * empty list removes the mock). The test case is created in machine when
 * missing; responses are named "<state> (<test case>)". Throws when a
 * Return value is not JSON, naming the invocation.
 */
export function setResponses(text: string, machine: string, testCase: string, state: string, rs: MockResponse[]): string {
  const f = parseMocks(text);
  f.StateMachines ??= {};
  f.MockedResponses ??= {};
  let tc = find(f, testCase);
  if (!tc) {
    const sm = (f.StateMachines[machine] ??= {});
    tc = (sm.TestCases ??= {})[testCase] = {};
  }
  const name = tc[state] ?? `${state} (${testCase})`;
  if (rs.length === 0) {
    delete tc[state];
    delete f.MockedResponses[name];
  } else {
    const steps: Record<string, unknown> = {};
    rs.forEach((r, i) => {
      if (r.kind === "throw") steps[String(i)] = { Throw: { Error: r.error, Cause: r.cause } };
      else {
        try {
          steps[String(i)] = { Return: JSON.parse(r.value) };
        } catch (err) {
          throw new Error(`invocation ${i}: the result is not JSON (${(err as Error).message})`, { cause: err });
        }
      }
    });
    tc[state] = name;
    f.MockedResponses[name] = steps as never;
  }
  return JSON.stringify(f, null, 2) + "\n";
}
