import { useState } from "react";
import type { PendingTask } from "../backend/studio";
import type { RunSession } from "./session";
import { jsonError } from "./settings";
import { pretty } from "./inspect";

const kindLabel: Record<string, string> = {
  task: "Needs a result",
  callback: "Waiting for its callback",
  activity: "Activity waiting for a worker",
};

const MAX_CARDS = 12;

/** Tasks waiting for the user: answer by hand, approve or reject a callback, send a heartbeat. */
export function PendingTasks({ session }: { session: RunSession }) {
  if (!session.pending.length) return null;
  // A Map can wait on thousands of tasks at once: draw the first few.
  const shown = session.pending.slice(0, MAX_CARDS);
  const more = session.pending.length - shown.length;
  return (
    <section className="run-pending" aria-label="Waiting for you">
      {shown.map((p) => (
        <PendingCard key={p.id} p={p} session={session} />
      ))}
      {more > 0 && (
        <div className="muted pending-more">
          {more} more waiting; they appear as these are answered. A mock answers them all (Inspect a task to mock it).
        </div>
      )}
    </section>
  );
}

const handlerWords: Record<string, string> = {
  command: "This workflow's project file asks to run a command on this computer:",
  http: "This workflow's project file asks to send the task's input to this address:",
  lambda: "This workflow's project file asks to send the task's input to this Lambda-compatible endpoint:",
};

/** Asks before a handler from the project files runs: the exact command line, Trust / Don't trust. */
function TrustCard({ p, session }: { p: PendingTask; session: RunSession }) {
  return (
    <div className="pending-card trust-card" data-testid="pending" data-kind="trust" data-state={p.state} role="alertdialog" aria-label={`Trust this ${p.handler === "command" ? "command" : "address"}?`}>
      <div className="pending-head">
        <strong>{p.handler === "command" ? "Trust this command?" : "Trust this address?"}</strong>
        <span className="muted">for {p.state}</span>
      </div>
      <p>{handlerWords[p.handler ?? ""] ?? handlerWords.command}</p>
      <pre className="run-json trust-command" data-testid="trust-command">{p.command}</pre>
      <p className="muted">
        Only trust it if you know what it does: it runs with your permissions. Your answer is kept on this computer, not in the project, and is asked
        again if the command changes. &ldquo;Don&rsquo;t trust&rdquo; lets you answer this task by hand.
      </p>
      <div className="pending-actions">
        <button className="primary" onClick={() => void session.trust(p, true)} data-testid="trust-yes">
          Trust
        </button>
        <button onClick={() => void session.trust(p, false)} data-testid="trust-no">
          Don&rsquo;t trust
        </button>
      </div>
    </div>
  );
}

function PendingCard({ p, session }: { p: PendingTask; session: RunSession }) {
  if (p.kind === "trust") return <TrustCard p={p} session={session} />;
  return <AnswerCard p={p} session={session} />;
}

function AnswerCard({ p, session }: { p: PendingTask; session: RunSession }) {
  const [output, setOutput] = useState("{}");
  const [mode, setMode] = useState<"return" | "throw">("return");
  const [err, setErr] = useState("");
  const [cause, setCause] = useState("");
  const outError = jsonError(output);
  const callback = p.kind !== "task";
  return (
    <div className="pending-card" data-testid="pending" data-kind={p.kind} data-state={p.state}>
      <div className="pending-head">
        <strong>{p.state}</strong>
        <span className="muted">
          {kindLabel[p.kind] ?? p.kind} · {p.resource}
        </span>
      </div>
      <details>
        <summary>Input it was given</summary>
        <pre className="run-json">{pretty(p.input)}</pre>
      </details>
      <div className="pending-mode" role="radiogroup" aria-label="Answer">
        <label>
          <input type="radio" checked={mode === "return"} onChange={() => setMode("return")} />
          {callback ? "Approve with result" : "Return a result"}
        </label>
        <label>
          <input type="radio" checked={mode === "throw"} onChange={() => setMode("throw")} />
          {callback ? "Reject with an error" : "Throw an error"}
        </label>
      </div>
      {mode === "return" ? (
        <>
          <textarea
            className="run-json-input"
            aria-label={`Result for ${p.state}`}
            value={output}
            onChange={(e) => setOutput(e.target.value)}
            rows={3}
            spellCheck={false}
            data-testid="pending-output"
          />
          {outError && <div className="field-error">Not valid JSON: {outError}</div>}
        </>
      ) : (
        <div className="pending-throw">
          <input placeholder="Error, e.g. PaymentDeclined" aria-label="Error name" value={err} onChange={(e) => setErr(e.target.value)} data-testid="pending-error" />
          <input placeholder="Cause" aria-label="Cause" value={cause} onChange={(e) => setCause(e.target.value)} />
        </div>
      )}
      <div className="pending-actions">
        {mode === "return" ? (
          <button className="primary" disabled={!!outError} onClick={() => void session.answer(p, output || "{}")} data-testid="pending-send">
            {callback ? "Approve" : "Return result"}
          </button>
        ) : (
          <button className="danger" disabled={!err.trim()} onClick={() => void session.reject(p, err.trim(), cause)} data-testid="pending-send">
            {callback ? "Reject" : "Throw error"}
          </button>
        )}
        {callback && (
          <button onClick={() => session.heartbeat(p)} title="Tell the task its worker is still alive">
            Heartbeat
          </button>
        )}
      </div>
    </div>
  );
}
