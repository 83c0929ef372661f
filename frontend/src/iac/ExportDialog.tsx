import { useEffect, useMemo, useRef, useState } from "react";
import {
  chooseExportPath,
  errorMessage,
  exportCandidates,
  exportPreview,
  writeExport,
  type ExportResult,
  type ExportTarget,
} from "../backend/studio";
import { machineNameOf, nameProblems, rowsFrom, targets, toOptions, type SubstitutionRow } from "./exportForm";
import { SubstitutionTable } from "./SubstitutionTable";

interface Props {
  text: string;
  fileName: string;
  onClose: () => void;
}

type Saved = { state: "idle" } | { state: "confirm"; path: string; existing: string[] } | { state: "done"; message: string } | { state: "error"; message: string };

/**
 * Export to IaC: pick the target, name the substitutions offered for the
 * hard-coded values, look at the files and the policy draft, save them.
 */
export function ExportDialog({ text, fileName, onClose }: Props) {
  const [target, setTarget] = useState<ExportTarget>("sam");
  const [name, setName] = useState(() => machineNameOf(fileName));
  const [rows, setRows] = useState<SubstitutionRow[] | null>(null);
  const [inline, setInline] = useState(false);
  const [express, setExpress] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tab, setTab] = useState(0);
  const [saved, setSaved] = useState<Saved>({ state: "idle" });
  const [copied, setCopied] = useState<string | null>(null);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    exportCandidates(text)
      .then((c) => setRows(rowsFrom(c)))
      .catch((err) => setError(errorMessage(err)));
  }, [text]);

  useEffect(() => {
    dialog.current?.querySelector<HTMLInputElement>("input[name=iac-target]:checked")?.focus();
  }, []);

  const problems = useMemo(() => nameProblems(rows ?? []), [rows]);
  const info = targets.find((t) => t.id === target)!;

  // The preview follows every change, shortly after the user stops typing.
  useEffect(() => {
    if (!rows || problems.size > 0) return;
    const t = window.setTimeout(() => {
      exportPreview(text, toOptions(target, name, rows, inline && !!info.inline, express))
        .then((r) => {
          setResult(r);
          setCopied(null);
          setError(null);
          setTab((i) => (i < r.files.length ? i : 0));
        })
        .catch((err) => setError(errorMessage(err)));
    }, 200);
    return () => window.clearTimeout(t);
  }, [text, target, name, rows, inline, express, problems, info.inline]);

  const setRow = (i: number, patch: Partial<SubstitutionRow>) =>
    setRows((rs) => rs && rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const save = async (overwrite: boolean, known?: string) => {
    if (!result) return;
    try {
      const path = known ?? (await chooseExportPath(result.files[0].path));
      if (!path) return;
      const w = await writeExport(path, result.files, overwrite);
      if (w.existing.length > 0) {
        setSaved({ state: "confirm", path, existing: w.existing });
        return;
      }
      setSaved({ state: "done", message: `Wrote ${w.written.length} file${w.written.length === 1 ? "" : "s"} to ${w.folder}` });
    } catch (err) {
      setSaved({ state: "error", message: `Could not save the export: ${errorMessage(err)}` });
    }
  };

  const file = result?.files[tab];
  const ready = !!result && problems.size === 0 && !error;
  return (
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialog}
        className="modal iac-export"
        role="dialog"
        aria-modal="true"
        aria-labelledby="iac-export-title"
        data-testid="iac-export-dialog"
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 id="iac-export-title">Export for deployment</h2>
        <div className="iac-export-body">
          <div className="iac-export-form">
            <fieldset className="iac-targets">
              <legend>Target</legend>
              {targets.map((t) => (
                <label key={t.id} className={t.id === target ? "iac-target active" : "iac-target"}>
                  <input type="radio" name="iac-target" value={t.id} checked={t.id === target} data-testid={`iac-target-${t.id}`} onChange={() => setTarget(t.id)} />
                  {t.label}
                </label>
              ))}
            </fieldset>
            <p className="muted iac-target-detail">{info.detail}</p>
            <label className="iac-field">
              <span>State machine name</span>
              <input value={name} data-testid="iac-name" onChange={(e) => setName(e.target.value)} />
            </label>
            <div className="iac-options">
              {info.inline && (
                <label>
                  <input type="checkbox" checked={inline} onChange={(e) => setInline(e.target.checked)} /> {info.inline}
                </label>
              )}
              <label>
                <input type="checkbox" checked={express} onChange={(e) => setExpress(e.target.checked)} /> Express workflow
              </label>
            </div>
            <h3>Substitutions</h3>
            {rows === null && !error && <p className="muted">Looking for hard-coded values…</p>}
            {rows?.length === 0 && <p className="muted">No hard-coded ARNs, names, accounts or regions found.</p>}
            {rows && rows.length > 0 && <SubstitutionTable rows={rows} problems={problems} onChange={setRow} />}
            {result && result.policy.notes.length > 0 && (
              <div className="iac-notes">
                <h3>Policy notes</h3>
                <ul>
                  {result.policy.notes.map((n) => (
                    <li key={n}>{n}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
          <div className="iac-preview">
            <div className="iac-tabs" role="tablist" aria-label="Exported files">
              {result?.files.map((f, i) => (
                <button key={f.path} role="tab" aria-selected={i === tab} className={i === tab ? "active" : ""} onClick={() => setTab(i)}>
                  {f.path}
                </button>
              ))}
            </div>
            {error && <p className="modal-error" role="alert">{error}</p>}
            {file && (
              <button
                className="btn iac-copy"
                onClick={() =>
                  void navigator.clipboard
                    .writeText(file.content)
                    .then(() => setCopied(file.path))
                    .catch((err) => setError(`Could not copy: ${errorMessage(err)}`))
                }
              >
                {copied === file.path ? "Copied" : `Copy ${file.path.replace(/^.*\//, "")}`}
              </button>
            )}
            <pre className="iac-code" data-testid="iac-preview" tabIndex={0} aria-label={file ? `Preview of ${file.path}` : "Preview"}>
              {file?.content ?? ""}
            </pre>
          </div>
        </div>
        {saved.state === "confirm" && (
          <div className="banner warning iac-confirm" role="alert" data-testid="iac-confirm">
            <span>
              {saved.existing.length} file{saved.existing.length === 1 ? " exists" : "s exist"} already: {saved.existing.join(", ")}. Replace{" "}
              {saved.existing.length === 1 ? "it" : "them"}?
            </span>
            <button className="btn danger" onClick={() => void save(true, saved.path)}>
              Replace
            </button>
            <button className="btn" onClick={() => setSaved({ state: "idle" })}>
              Keep
            </button>
          </div>
        )}
        {saved.state === "done" && (
          <div className="banner info" role="status" data-testid="iac-saved">
            <span>{saved.message}</span>
          </div>
        )}
        {saved.state === "error" && (
          <div className="banner error" role="alert">
            <span>{saved.message}</span>
          </div>
        )}
        <div className="modal-actions">
          <button className="btn" onClick={onClose}>
            Close
          </button>
          <button className="btn primary" data-testid="iac-save" disabled={!ready} onClick={() => void save(false)}>
            Save files…
          </button>
        </div>
      </div>
    </div>
  );
}
