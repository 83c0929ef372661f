import { useState } from "react";
import type { RunSession } from "./session";
import { responsesFor, setResponses, testCases, type MockResponse } from "./mocks";
import { errorMessage } from "../backend/errors";

/** The task's responses in the mock text, or why the text cannot be read. */
function read(mocks: string, tc: string, state: string): { rows: MockResponse[] } | { error: string } {
  try {
    return { rows: tc ? responsesFor(mocks, tc, state) : [] };
  } catch (err) {
    return { error: `The mock file is not JSON: ${(err as Error).message}` };
  }
}

/**
 * "When called, return this / throw this", per invocation, for one Task in
 * the chosen test case. Give it a key of the task and test case: another one
 * starts afresh, message included.
 */
export function MockEditor({ session, state }: { session: RunSession; state: string }) {
  const tc = session.settings.testCase;
  const [first] = useState(() => read(session.mocks, tc, state));
  const [rows, setRows] = useState<MockResponse[]>("rows" in first ? first.rows : []);
  const [msg, setMsg] = useState<string | null>("error" in first ? first.error : null);
  // The rows follow the mock file (it can be edited as text too).
  const [shownMocks, setShownMocks] = useState(session.mocks);
  if (shownMocks !== session.mocks) {
    setShownMocks(session.mocks);
    const next = read(session.mocks, tc, state);
    if ("rows" in next) setRows(next.rows);
    else setMsg(next.error);
  }
  const machine = session.workflow.split("/").pop()!.replace(/\.(asl\.)?(json|ya?ml)$/, "");
  const apply = async () => {
    try {
      const path = await session.writeMocks(setResponses(session.mocks, machine, tc, state, rows));
      setMsg(path ? `Saved to ${path}` : "Kept with this workflow (save the workflow to keep the mocks in a file beside it).");
    } catch (err) {
      setMsg(errorMessage(err));
    }
  };
  const set = (i: number, r: MockResponse) => setRows(rows.map((x, j) => (j === i ? r : x)));
  return (
    <section className="mock-editor" aria-label={`Mock for ${state}`}>
      <h4>Mock {tc ? <>in test case “{tc}”</> : null}</h4>
      {!tc && (
        <NewTestCase
          existing={testCases(session.mocks)}
          onPick={(name) => session.update({ testCase: name })}
        />
      )}
      {tc && (
        <>
          {rows.length === 0 && <p className="muted">Not mocked: when called, the run asks you for its result.</p>}
          {rows.map((r, i) => (
            <div className="mock-row" key={i} data-testid="mock-row">
              <span className="mock-n">Call {i + 1}</span>
              <select
                value={r.kind}
                aria-label={`Call ${i + 1}: return or throw`}
                onChange={(e) =>
                  set(i, e.target.value === "throw" ? { kind: "throw", error: "", cause: "" } : { kind: "return", value: "{}" })
                }
              >
                <option value="return">returns</option>
                <option value="throw">throws</option>
              </select>
              {r.kind === "return" ? (
                <textarea
                  className="run-json-input"
                  rows={3}
                  value={r.value}
                  aria-label={`Call ${i + 1} result`}
                  spellCheck={false}
                  onChange={(e) => set(i, { kind: "return", value: e.target.value })}
                />
              ) : (
                <span className="pending-throw">
                  <input placeholder="Error" aria-label={`Call ${i + 1} error`} value={r.error} onChange={(e) => set(i, { ...r, error: e.target.value })} />
                  <input placeholder="Cause" aria-label={`Call ${i + 1} cause`} value={r.cause} onChange={(e) => set(i, { ...r, cause: e.target.value })} />
                </span>
              )}
              <button aria-label={`Remove call ${i + 1}`} title="Remove" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                ✕
              </button>
            </div>
          ))}
          <div className="pending-actions">
            <button onClick={() => setRows([...rows, rows.length ? rows[rows.length - 1] : { kind: "return", value: "{}" }])}>
              Add a call
            </button>
            <button className="primary" onClick={() => void apply()} data-testid="mock-save">
              Save mock
            </button>
          </div>
        </>
      )}
      {msg && <div className="muted">{msg}</div>}
    </section>
  );
}

function NewTestCase({ existing, onPick }: { existing: string[]; onPick: (name: string) => void }) {
  const [name, setName] = useState("");
  return (
    <div className="pending-actions">
      <span className="muted">Pick or name a test case to mock this task:</span>
      {existing.map((n) => (
        <button key={n} onClick={() => onPick(n)}>
          {n}
        </button>
      ))}
      <input placeholder="New test case" aria-label="New test case name" value={name} onChange={(e) => setName(e.target.value)} />
      <button disabled={!name.trim()} onClick={() => onPick(name.trim())}>
        Use
      </button>
    </div>
  );
}
