import { useEffect, useEffectEvent, useRef } from "react";
import { EditorView, basicSetup } from "codemirror";
import { EditorState, Prec, type Text } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { json } from "@codemirror/lang-json";
import { yaml } from "@codemirror/lang-yaml";
import { setDiagnostics, type Diagnostic as LintDiagnostic } from "@codemirror/lint";
import type { Diagnostic } from "../backend/studio";

/** A request to select and scroll to a range; `at` makes repeats distinct. */
export interface Reveal {
  range: Diagnostic["range"];
  at: number;
}

interface Props {
  text: string;
  format: string;
  diagnostics: Diagnostic[];
  reveal: Reveal | null;
  onChange: (text: string) => void;
  /** Undo/redo go to the document's one history, not CodeMirror's own. */
  onUndo?: () => void;
  onRedo?: () => void;
}

/** CodeMirror 6 over the document text, in the file's own format. */
export function CodeView({ text, format, diagnostics, reveal, onChange, onUndo, onRedo }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // What the editor's own callbacks do, with this render's props.
  const changed = useEffectEvent((t: string) => onChange(t));
  const undo = useEffectEvent(() => onUndo?.());
  const redo = useEffectEvent(() => onRedo?.());
  const currentText = useEffectEvent(() => text);

  // The editor is created once per format; text changes flow in below.
  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: currentText(),
        extensions: [
          Prec.highest(
            keymap.of([
              { key: "Mod-z", run: () => (undo(), true) },
              { key: "Mod-y", run: () => (redo(), true) },
              { key: "Mod-Shift-z", run: () => (redo(), true) },
            ]),
          ),
          basicSetup,
          format === "yaml" ? yaml() : json(),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) changed(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
  }, [format]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== text) {
      // Only the changed middle is replaced, so the cursor and scroll stay put.
      const old = v.state.doc.toString();
      let from = 0;
      while (from < old.length && from < text.length && old[from] === text[from]) from++;
      let end = 0;
      while (end < old.length - from && end < text.length - from && old[old.length - 1 - end] === text[text.length - 1 - end]) end++;
      v.dispatch({ changes: { from, to: old.length - end, insert: text.slice(from, text.length - end) } });
    }
  }, [text]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const doc = v.state.doc;
    const lint: LintDiagnostic[] = diagnostics.map((d) => {
      const [from, to] = offsets(doc, d.range);
      return { from, to, severity: d.severity === "ERROR" ? "error" : "warning", message: d.message, source: d.code };
    });
    v.dispatch(setDiagnostics(v.state, lint));
  }, [diagnostics]);

  useEffect(() => {
    const v = view.current;
    if (!v || !reveal) return;
    const [from, to] = offsets(v.state.doc, reveal.range);
    v.dispatch({ selection: { anchor: from, head: to }, effects: EditorView.scrollIntoView(from, { y: "center" }) });
    v.focus();
  }, [reveal]);

  return <div className="code-view" ref={host} data-testid="code-view" />;
}

/** Converts a Go range (1-based line, code-point column) to document offsets. */
function offsets(doc: Text, range: Diagnostic["range"]): [number, number] {
  const at = (p: { line: number; column: number } | undefined) => {
    if (!p || p.line < 1) return 0;
    const line = doc.line(Math.min(p.line, doc.lines));
    return Math.min(line.from + Math.max(p.column - 1, 0), line.to);
  };
  const from = at(range?.start);
  return [from, Math.max(from, at(range?.end))];
}
