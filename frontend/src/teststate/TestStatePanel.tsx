import { useEffect, useRef, useState, type ReactNode } from "react";
import { errorMessage, testState, type TestStateResult } from "../backend/studio";
import type { RunIndex } from "../run/fold";
import { buildRequest, formParts, emptyForm, type FieldName, type TestForm } from "./request";
import { pretty, stageRows, statusSentence } from "./rows";
import { startingInput } from "./prefill";
import type { TestMemory } from "./memory";
import { compareAnswers } from "./sideBySide";
import { explain } from "../cloud/explain";
import "../files/files.css"; // .modal and .btn
import "./teststate.css";

/** The state tested: its name and type. */
export interface TestTarget {
  name: string;
  type: string;
}

/** The last answer: the binding's result, or why the call itself failed; what it was asked with. */
export interface Outcome {
  result: TestStateResult | null;
  failure: string | null;
  /** The form and document text it answered, to say when either changed since. */
  form: TestForm;
  text: string;
}

interface Props {
  target: TestTarget;
  /** The open document's text: the definition tested. */
  text: string;
  /** The document's generation: the memory forgets another document's states. */
  generation: number;
  memory: TestMemory;
  /** The run shown, whose last input to the state starts the form. */
  runIndex: RunIndex | null;
  /** The workflow's sample input (the run panel's). */
  sampleInput: string;
  onClose(): void;
  /** Sends the same request to AWS's TestState (while the cloud link is connected). */
  askAws?: (text: string, state: string, request: Parameters<typeof testState>[2], roleArn: string) => ReturnType<typeof testState>;
  /** The execution role AWS runs an unmocked state as (the deploy settings' role). */
  awsRole?: string;
}

/**
 * "Test this state": the state runs once, alone, as AWS's TestState API
 * runs it, with the input, variables, context and mock given here; the
 * answer says in plain words what happens next, then the value after each
 * processing stage, and the raw API response behind a toggle.
 */
export function TestStatePanel({ target, text, generation, memory, runIndex, sampleInput, onClose, askAws, awsRole = "" }: Props) {
  const parts = formParts(target.type);
  const [start] = useState(() => {
    const kept = memory.get(generation, target.name);
    if (kept) return { ...kept, from: "kept" as const };
    const { input, from } = startingInput(runIndex, target.name, sampleInput);
    return { form: { ...emptyForm, input, mock: parts.mock ? ("returns" as const) : ("none" as const) }, outcome: null, from };
  });
  const [form, setForm] = useState<TestForm>(start.form);
  const [outcome, setOutcome] = useState<Outcome | null>(start.outcome);
  const [busy, setBusy] = useState(false);
  // Asking AWS too is a choice each time: it sends the definition out.
  const [alsoAws, setAlsoAws] = useState(false);
  const [awsOutcome, setAwsOutcome] = useState<Outcome | null>(null);
  const { problems, request } = buildRequest(form, target.type);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => memory.set(generation, target.name, { form, outcome }), [memory, generation, target.name, form, outcome]);
  useEffect(() => root.current?.querySelector<HTMLTextAreaElement>("textarea")?.focus(), []);
  // Escape closes the panel wherever the focus is (a click on the backdrop's
  // edge or a button that went away leaves it on the page).
  useEffect(() => {
    const key = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !root.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener("keydown", key);
    return () => window.removeEventListener("keydown", key);
  }, [onClose]);

  const set = <K extends FieldName>(k: K, v: TestForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const run = async () => {
    if (!request || busy) return;
    setBusy(true);
    const asked = { form, text };
    const both = alsoAws && askAws;
    const ask = async (fn: typeof testState, words: (e: unknown) => string): Promise<Outcome> => {
      try {
        return { ...asked, result: await fn(text, target.name, request), failure: null };
      } catch (err) {
        return { ...asked, result: null, failure: words(err) };
      }
    };
    try {
      const [here, there] = await Promise.all([
        ask(testState, errorMessage),
        both ? ask((t, n, r) => askAws(t, n, r, awsRole), (e) => { const x = explain(e); return `${x.plain} ${x.todo} (${x.exact})`; }) : Promise.resolve(null),
      ]);
      setOutcome(here);
      setAwsOutcome(there);
    } finally {
      setBusy(false);
    }
  };

  const changed = outcome && (outcome.text !== text || JSON.stringify(outcome.form) !== JSON.stringify(form));
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={root}
        className="modal teststate"
        role="dialog"
        aria-modal="true"
        aria-labelledby="teststate-title"
        data-testid="teststate"
        data-state={target.name}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Escape") onClose();
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void run();
          }
        }}
      >
        <header className="ts-head">
          <h2 id="teststate-title">
            Test this state: <span className="ts-name">{target.name}</span> <span className="muted">({target.type})</span>
          </h2>
          <button type="button" className="btn icon" aria-label="Close" data-testid="ts-close" onClick={onClose}>
            ×
          </button>
        </header>
        <p className="muted ts-intro">
          Runs this one state once, on its own, as AWS's TestState API does: nothing before or after it runs, and no real service is called.
        </p>
        <div className="ts-body">
          <form
            className="ts-form"
            onSubmit={(e) => {
              e.preventDefault();
              void run();
            }}
          >
            <JsonField
              label="Input"
              hint={form.input !== start.form.input ? undefined : start.from === "run" ? "What it received on its last visit in the run shown." : start.from === "sample" ? "The workflow's sample input." : undefined}
              value={form.input}
              problem={problems.input}
              testId="ts-input"
              rows={6}
              onChange={(v) => set("input", v)}
            />
            <JsonField label="Variables" hint="A JSON object: the workflow variables the state can read ($name)." placeholder='{"orderId": "o-1"}' value={form.variables} problem={problems.variables} testId="ts-variables" rows={2} onChange={(v) => set("variables", v)} />
            <JsonField label="Context (optional)" hint="What the state knows of its run ($$ / $states.context)." placeholder='{"Execution": {"Name": "test"}}' value={form.context} problem={problems.context} testId="ts-context" rows={2} onChange={(v) => set("context", v)} />
            {parts.mock && (
              <fieldset className="ts-group" data-testid="ts-mock">
                <legend>{target.type === "Task" ? "The task's answer (mock)" : "The result (mock)"}</legend>
                <div className="ts-choice" role="radiogroup" aria-label="Mock">
                  {(["returns", "throws", "none"] as const).map((k) => (
                    <label key={k}>
                      <input type="radio" name="ts-mock" value={k} checked={form.mock === k} onChange={() => set("mock", k)} data-testid={`ts-mock-${k}`} />{" "}
                      {k === "returns" ? "Returns" : k === "throws" ? "Throws an error" : "No mock"}
                    </label>
                  ))}
                </div>
                {form.mock === "returns" && (
                  <JsonField label="It returns" placeholder='{"Payload": {}}' value={form.result} problem={problems.result} testId="ts-result" rows={4} onChange={(v) => set("result", v)} />
                )}
                {form.mock === "throws" && (
                  <div className="ts-row">
                    <Field label="Error" problem={problems.error}>
                      <input value={form.error} placeholder="States.TaskFailed" onChange={(e) => set("error", e.target.value)} data-testid="ts-error" />
                    </Field>
                    <Field label="Cause">
                      <input value={form.cause} placeholder="Why it failed" onChange={(e) => set("cause", e.target.value)} data-testid="ts-cause" />
                    </Field>
                  </div>
                )}
                {form.mock !== "none" && (
                  <Field label="Check the mock against the service's answer (fieldValidationMode)">
                    <select value={form.validation} onChange={(e) => set("validation", e.target.value as TestForm["validation"])} data-testid="ts-validation">
                      <option value="STRICT">Strictly: names and types as the service answers (STRICT)</option>
                      <option value="PRESENT">Only the fields given (PRESENT)</option>
                      <option value="NONE">Not at all (NONE)</option>
                    </select>
                  </Field>
                )}
              </fieldset>
            )}
            {(parts.retry || parts.map) && (
              <fieldset className="ts-group">
                <legend>Where the run stands</legend>
                <div className="ts-row">
                  {parts.retry && (
                    <Field label="Retries already made (retrierRetryCount)" problem={problems.retryCount}>
                      <input inputMode="numeric" value={form.retryCount} placeholder="0" onChange={(e) => set("retryCount", e.target.value)} data-testid="ts-retries" />
                    </Field>
                  )}
                  {parts.map && (
                    <Field label="Items failed so far (mapIterationFailureCount)" problem={problems.mapFailures}>
                      <input inputMode="numeric" value={form.mapFailures} placeholder="0" onChange={(e) => set("mapFailures", e.target.value)} data-testid="ts-map-failures" />
                    </Field>
                  )}
                </div>
                {parts.map && (
                  <JsonField label="Items the ItemReader reads (mapItemReaderData, optional)" placeholder='[{"id": 1}]' value={form.readerData} problem={problems.readerData} testId="ts-reader-data" rows={2} onChange={(v) => set("readerData", v)} />
                )}
              </fieldset>
            )}
            <div className="ts-actions">
              <Field label="Show">
                <select value={form.level} onChange={(e) => set("level", e.target.value as TestForm["level"])} data-testid="ts-level">
                  <option value="INFO">The outcome only (INFO)</option>
                  <option value="DEBUG">Each stage's value (DEBUG)</option>
                  <option value="TRACE">Each stage and the HTTP call (TRACE)</option>
                </select>
              </Field>
              {askAws && (
                <label className="ts-aws" title="Sends this state's definition and these values to AWS's TestState API (with the connected profile) and shows both answers side by side">
                  <input type="checkbox" checked={alsoAws} onChange={(e) => setAlsoAws(e.target.checked)} data-testid="ts-also-aws" /> Also ask AWS
                </label>
              )}
              <button type="submit" className="btn primary" disabled={!request} aria-busy={busy} data-testid="ts-run" title={request ? "Run (Ctrl+Enter)" : "Fix the fields marked first"}>
                {busy ? "Running…" : "Run"} <kbd>Ctrl+Enter</kbd>
              </button>
            </div>
          </form>
          <section className="ts-answer" aria-label="The answer" data-testid="ts-answer">
            {outcome && awsOutcome ? (
              <SideBySide here={outcome} aws={awsOutcome} type={target.type} changed={!!changed} />
            ) : outcome ? (
              <Answer outcome={outcome} type={target.type} changed={!!changed} />
            ) : (
              <p className="muted">Run to see what the state does with these values.</p>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

/** The studio's answer and AWS's, side by side, with whether they agree. */
function SideBySide({ here, aws, type, changed }: { here: Outcome; aws: Outcome; type: string; changed: boolean }) {
  const agreement = here.result && aws.result ? compareAnswers(here.result, aws.result) : null;
  return (
    <>
      {agreement && (
        <p className={`ts-agreement${agreement.same ? "" : " differs"}`} data-testid="ts-agreement" data-same={agreement.same}>
          {agreement.same ? "AWS and the studio give the same answer." : `AWS and the studio differ: ${agreement.differences.join("; ")}.`}
          {agreement.notes.length > 0 && <span className="muted"> (Only {agreement.notes.join("; ")}: it quotes the test run's own names and times.)</span>}
        </p>
      )}
      <div className="ts-sides">
        <div data-testid="ts-side-studio">
          <h3>The studio</h3>
          <Answer outcome={here} type={type} changed={changed} />
        </div>
        <div data-testid="ts-side-aws">
          <h3>AWS</h3>
          <Answer outcome={aws} type={type} changed={false} />
        </div>
      </div>
    </>
  );
}

function Answer({ outcome, type, changed }: { outcome: Outcome; type: string; changed: boolean }) {
  const { result, failure } = outcome;
  return (
    <>
      {changed && (
        <p className="muted ts-changed" data-testid="ts-changed">
          The values or the workflow changed since this answer: run again to bring it up to date.
        </p>
      )}
      {failure && (
        <div className="ts-status error" role="alert" data-testid="ts-status" data-status="ERROR">
          The test could not run: {failure}
        </div>
      )}
      {result?.refused && (
        <div className="ts-status error" role="alert" data-testid="ts-status" data-status="REFUSED">
          <div>AWS would refuse this test: {result.refused.Message}</div>
          <div className="ts-detail">{result.refused.Code}</div>
        </div>
      )}
      {result?.response && <Response response={result.response} type={type} />}
      {result && (
        <details className="ts-raw" data-testid="ts-raw">
          <summary>Show the API response</summary>
          <div className="ts-detail">Request (the definition is the workflow open here)</div>
          <pre className="ts-pre">{JSON.stringify(result.request, null, 2)}</pre>
          <div className="ts-detail">{result.refused ? "Error" : "Response"}</div>
          <pre className="ts-pre" data-testid="ts-raw-response">{JSON.stringify(result.refused ? { Error: result.refused } : result.response, null, 2)}</pre>
        </details>
      )}
    </>
  );
}

function Response({ response, type }: { response: NonNullable<TestStateResult["response"]>; type: string }) {
  const s = statusSentence(response, type);
  const rows = stageRows(response, type);
  return (
    <>
      <div className={`ts-status ${s.tone}`} data-testid="ts-status" data-status={response.status}>
        <div className="ts-sentence">{s.text}</div>
        <div className="ts-detail">{s.detail}</div>
      </div>
      {rows.length === 0 && <p className="muted">No stages at this level: choose "Each stage's value (DEBUG)" to see them.</p>}
      <ol className="ts-stages">
        {rows.map((r) => (
          <li key={r.key} className="ts-stage" data-testid="ts-stage" data-key={r.key}>
            <div className="ts-stage-label">{r.label}</div>
            {r.json !== undefined ? <pre className="ts-pre">{pretty(r.json)}</pre> : <div>{r.note}</div>}
          </li>
        ))}
      </ol>
    </>
  );
}

function Field({ label, problem, children }: { label: string; problem?: string; children: ReactNode }) {
  return (
    <label className={`ts-field${problem ? " bad" : ""}`}>
      <span className="ts-label">{label}</span>
      {children}
      {problem && <span className="ts-problem" role="alert">{problem}</span>}
    </label>
  );
}

function JsonField(p: { label: string; hint?: string; placeholder?: string; value: string; problem?: string; testId: string; rows: number; onChange(v: string): void }) {
  return (
    <label className={`ts-field${p.problem ? " bad" : ""}`}>
      <span className="ts-label">{p.label}</span>
      {p.hint && <span className="ts-hint muted">{p.hint}</span>}
      <textarea
        className="ts-json"
        spellCheck={false}
        rows={p.rows}
        placeholder={p.placeholder}
        value={p.value}
        aria-invalid={!!p.problem}
        data-testid={p.testId}
        onChange={(e) => p.onChange(e.target.value)}
      />
      {p.problem && (
        <span className="ts-problem" role="alert" data-testid={`${p.testId}-problem`}>
          {p.problem}
        </span>
      )}
    </label>
  );
}
