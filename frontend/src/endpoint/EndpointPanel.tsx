// The "Local endpoint" switch: a top-bar item that opens a panel. Plain
// words first (what it does for a stakeholder), then what a developer
// copies: the URL, the env lines, each client's setting, the request log,
// and the executions programs started, each opened on its diagram.
import { useCallback, useEffect, useRef, useState } from "react";
import { copyText, endpointStart, endpointStatus, endpointStop, errorMessage, onEndpointRun, type EndpointStatus } from "../backend/studio";
import { duration, exportLines, parsePort } from "./lines";
import "./endpoint.css";

const PORT_KEY = "stepstudio.endpoint.port";
/** How often the open panel refreshes the request log and the executions. */
const pollMs = 1000;
const when = new Intl.DateTimeFormat(undefined, { timeStyle: "medium" });

interface Props {
  /** Shows a run of the endpoint on its workflow's diagram (the open file's when it is the same workflow); rejects with why not. */
  onOpenRun: (runId: string, machine: string) => Promise<void>;
}

export function EndpointButton({ onOpenRun }: Props) {
  const [open, setOpen] = useState(false);
  const [st, setSt] = useState<EndpointStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [port, setPort] = useState(() => window.localStorage.getItem(PORT_KEY) ?? "8083");
  const [fresh, setFresh] = useState(0); // executions started since the panel was last open
  const box = useRef<HTMLDivElement>(null);

  const refresh = useCallback(() => {
    endpointStatus()
      .then(setSt)
      .catch(() => undefined);
  }, []);
  useEffect(refresh, [refresh]);
  useEffect(() => {
    if (!open) return;
    refresh();
    const t = window.setInterval(refresh, pollMs);
    return () => window.clearInterval(t);
  }, [open, refresh]);
  useEffect(
    () =>
      onEndpointRun(() => {
        if (open) refresh();
        else setFresh((n) => n + 1);
      }),
    [open, refresh],
  );
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onDown = (e: MouseEvent) => box.current && !box.current.contains(e.target as Node) && setOpen(false);
    window.addEventListener("keydown", onKey);
    window.addEventListener("mousedown", onDown);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("mousedown", onDown);
    };
  }, [open]);

  const toggle = async (on: boolean) => {
    setError(null);
    let p = 0;
    if (on) {
      const parsed = parsePort(port);
      if ("error" in parsed) return setError(parsed.error);
      p = parsed.port;
      window.localStorage.setItem(PORT_KEY, port.trim());
    }
    setBusy(true);
    try {
      setSt(await (on ? endpointStart(p) : endpointStop()));
    } catch (err) {
      setError(errorMessage(err));
      refresh();
    } finally {
      setBusy(false);
    }
  };

  const on = !!st?.on;
  return (
    <div className="endpoint" ref={box}>
      <button
        type="button"
        className={`panel-toggle endpoint-button${on ? " on" : ""}`}
        aria-expanded={open}
        aria-label="Local endpoint"
        aria-haspopup="dialog"
        title={on ? `Local endpoint on at ${st!.url}: programs on this computer run workflows here` : "Local endpoint: let programs on this computer run workflows here, as if it were AWS"}
        data-testid="endpoint-button"
        data-state={on ? "on" : "off"}
        onClick={() => {
          setOpen(!open);
          setFresh(0);
        }}
      >
        <span className="endpoint-dot" aria-hidden /> <span className="endpoint-label">Local endpoint</span>
        {fresh > 0 && (
          <span className="endpoint-fresh" title={`${fresh} new execution(s) from programs`}>
            {fresh}
          </span>
        )}
      </button>
      {open && (
        <div className="endpoint-panel" role="dialog" aria-label="Local endpoint" data-testid="endpoint-panel">
          <div className="endpoint-head">
            <label className="endpoint-switch">
              <input
                type="checkbox"
                role="switch"
                checked={on}
                disabled={busy}
                onChange={(e) => void toggle(e.target.checked)}
                aria-describedby="endpoint-words"
                data-testid="endpoint-switch"
              />
              <strong>Local endpoint</strong>
              <span className={`endpoint-state${on ? " on" : ""}`} data-testid="endpoint-state">
                {on ? "On" : "Off"}
              </span>
            </label>
            {!on && (
              <label className="endpoint-port">
                Port{" "}
                <input value={port} onChange={(e) => setPort(e.target.value)} inputMode="numeric" size={6} aria-label="Port" data-testid="endpoint-port" />
              </label>
            )}
          </div>
          <p id="endpoint-words" className="endpoint-words">
            Let programs on this computer run workflows here, as if it were AWS. Their runs show up in the run list and move on the diagram; steps nobody
            answers wait for you to answer them here.
          </p>
          {(error || st?.error) && (
            <div className="field-error" role="alert" data-testid="endpoint-error">
              {error || st?.error}
            </div>
          )}
          {on && st && <Settings st={st} />}
          {st && (
            <Executions
              st={st}
              onOpenRun={(id, machine) => {
                setError(null);
                onOpenRun(id, machine)
                  .then(() => setOpen(false))
                  .catch((err) => setError(errorMessage(err)));
              }}
            />
          )}
          {on && st && <RequestLog st={st} />}
          {st?.data && (
            <p className="muted endpoint-data" title="State machines and executions are kept here, so they are there after a restart">
              Kept in {st.data}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function Copy({ text, label, caption = "Copy" }: { text: string; label: string; caption?: string }) {
  const [done, setDone] = useState<string | null>(null);
  return (
    <button
      type="button"
      className="link endpoint-copy"
      aria-label={`Copy ${label}`}
      onClick={() =>
        copyText(text)
          .then(() => setDone("Copied"))
          .catch((err) => setDone(errorMessage(err)))
          .finally(() => window.setTimeout(() => setDone(null), 1500))
      }
    >
      {done ?? caption}
    </button>
  );
}

/** The exact settings: the URL, the env lines, and each client's way. */
function Settings({ st }: { st: EndpointStatus }) {
  return (
    <section className="endpoint-settings" aria-label="Client settings">
      <div className="endpoint-row">
        <span className="endpoint-key">Endpoint</span>
        <code data-testid="endpoint-url">{st.url}</code>
        <Copy text={st.url} label="the endpoint URL" />
      </div>
      <div className="endpoint-sub">
        Set these in the shell, SDK or test that should use it (any credentials work; only this computer can connect):
        <Copy text={exportLines(st)} label="all env lines" caption="Copy all" />
      </div>
      <ul className="endpoint-env" data-testid="endpoint-env">
        {st.env.map((e) => (
          <li key={e.name}>
            <code>
              {e.name}={e.value}
            </code>
            <Copy text={`export ${e.name}=${e.value}`} label={e.name} />
          </li>
        ))}
      </ul>
      <details className="endpoint-clients">
        <summary>Other clients (AWS CLI, SDKs)</summary>
        <ul>
          {st.clients.map((c) => (
            <li key={c.client}>
              <span className="endpoint-key">{c.client}</span>
              <code>{c.text}</code>
              <Copy text={c.text} label={`the ${c.client} setting`} />
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

/** The executions programs started, newest first: open one on its diagram. */
function Executions({ st, onOpenRun }: { st: EndpointStatus; onOpenRun: (id: string, machine: string) => void }) {
  if (!st.runs.length) return st.on ? <p className="muted">No program has started a workflow here yet.</p> : null;
  return (
    <section aria-label="Executions from programs">
      <h4>Runs started by programs</h4>
      <ul className="endpoint-runs">
        {st.runs.slice(0, 12).map((r) => (
          <li key={r.id} data-testid="endpoint-run" data-machine={r.machine}>
            <span className={`run-status-pill s-${r.status}`}>{r.status}</span>
            <strong>{r.machine}</strong>
            <span className="muted" title={r.executionArn}>
              {r.name} · {when.format(new Date(r.startDate))}
            </span>
            <button type="button" onClick={() => onOpenRun(r.id, r.machine ?? "")} data-testid="endpoint-run-open">
              Show on the diagram
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The latest API calls: operation, HTTP status, duration. */
function RequestLog({ st }: { st: EndpointStatus }) {
  return (
    <details className="endpoint-log" open={st.requests.length > 0}>
      <summary>Requests ({st.requests.length})</summary>
      {st.requests.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <table data-testid="endpoint-requests">
          <tbody>
            {st.requests.slice(0, 20).map((r, i) => (
              <tr key={i} className={r.status >= 400 ? "endpoint-failed" : undefined}>
                <td className="muted">{when.format(new Date(r.time))}</td>
                <td>{r.operation}</td>
                <td>{r.status}</td>
                <td className="muted">{duration(r.durationMs)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
