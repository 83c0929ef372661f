import { useEffect, useState } from "react";
import type { RunSession } from "./useRunSession";
import { responsesFor, setResponses, testCases, type MockResponse } from "./mocks";
import { saveMocks, errorMessage } from "../backend/studio";

/** "When called, return this / throw this", per invocation, for one Task in the chosen test case. */
export function MockEditor({ session, state }: { session: RunSession; state: string }) {
  const tc = session.settings.testCase;
  const [rows, setRows] = useState<MockResponse[]>([]);
  const [msg, setMsg] = useState<string | null>(null);
  // The rows follow the mock file (it can be edited as text too); the
  // message stays until another task or test case is shown.
  useEffect(() => {
    try {
      setRows(tc ? responsesFor(session.mocks, tc, state) : []);
    } catch (err) {
      setMsg(`The mock file is not JSON: ${(err as Error).message}`);
    }
  }, [session.mocks, tc, state]);
  useEffect(() => setMsg(null), [tc, state]);
  const machine = session.workflow.split("/").pop()!.replace(/\.(asl\.)?(json|ya?ml)$/, "");
  const apply = async () => {
    try {
      const text = setResponses(session.mocks, machine, tc, state, rows);
      session.setMocks(text);
      if (session.mocksFromFile) {
        const path = await saveMocks(session.workflow, text);
        session.markMocksSaved(text, path);
        setMsg(`Saved to ${path}`);
      } else setMsg("Kept with this workflow (save the workflow to keep the mocks in a file beside it).");
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
