import { useEffect, useEffectEvent, useRef } from "react";
import { EditorView, basicSetup } from "codemirror";
import { Annotation, EditorState, Prec, type Text } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { json } from "@codemirror/lang-json";
import { yaml } from "@codemirror/lang-yaml";
import { setDiagnostics, type Diagnostic as LintDiagnostic } from "@codemirror/lint";
import type { Diagnostic } from "../backend/studio";
import { assist } from "./assistExtension";
import { applyViewChanges, toView, viewColumn, type ViewChange, type ViewText } from "./viewText";

/** Marks the editor's own catching up with the document: not an edit. */
const fromDocument = Annotation.define<boolean>();

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

/**
 * CodeMirror 6 over the document text, in the file's own format. The editor
 * shows the text through a ViewText (no BOM, "\r\n" shown as "\n") and its
 * edits come back as changes mapped onto the text, so showing a file never
 * changes it and an edit changes only its own lines.
 */
export function CodeView({ text, format, diagnostics, reveal, onChange, onUndo, onRedo }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // The document text the editor shows now, and how it shows it.
  const shown = useRef<ViewText>(toView(""));
  // What the editor's own callbacks do, with this render's props.
  const changed = useEffectEvent((t: string) => onChange(t));
  const undo = useEffectEvent(() => onUndo?.());
  const redo = useEffectEvent(() => onRedo?.());
  const currentText = useEffectEvent(() => text);

  // The editor is created once per format; text changes flow in below.
  useEffect(() => {
    shown.current = toView(currentText());
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: shown.current.view,
        extensions: [
          // Lines break at "\n" only: the view never holds "\r\n", and a
          // lone "\r" of a mixed file stays a character of its line.
          EditorState.lineSeparator.of("\n"),
          Prec.highest(
            keymap.of([
              { key: "Mod-z", run: () => (undo(), true) },
              { key: "Mod-y", run: () => (redo(), true) },
              { key: "Mod-Shift-z", run: () => (redo(), true) },
            ]),
          ),
          basicSetup,
          format === "yaml" ? yaml() : json(),
          assist(format === "yaml" ? "yaml" : "json"),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged || u.transactions.some((tr) => tr.annotation(fromDocument))) return;
            const changes: ViewChange[] = [];
            u.changes.iterChanges((from, to, _fromB, _toB, inserted) => changes.push({ from, to, insert: inserted.toString() }));
            const next = applyViewChanges(shown.current, changes);
            shown.current = toView(next);
            changed(next);
          }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
  }, [format]);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    if (shown.current.text !== text) shown.current = toView(text);
    // A typed edit is shown already; an undo or a canvas edit is not, nor a
    // pasted "\r" (a line break in the text, a character in the editor).
    const want = shown.current.view;
    const old = v.state.doc.toString();
    if (old === want) return;
    // Only the changed middle is replaced, so the cursor and scroll stay put.
    let from = 0;
    while (from < old.length && from < want.length && old[from] === want[from]) from++;
    let end = 0;
    while (end < old.length - from && end < want.length - from && old[old.length - 1 - end] === want[want.length - 1 - end]) end++;
    v.dispatch({ changes: { from, to: old.length - end, insert: want.slice(from, want.length - end) }, annotations: fromDocument.of(true) });
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

/** Converts a Go range (1-based line, code-point column of the text) to view offsets. */
function offsets(doc: Text, range: Diagnostic["range"]): [number, number] {
  const at = (p: { line: number; column: number } | undefined) => {
    if (!p || p.line < 1) return 0;
    const line = doc.line(Math.min(p.line, doc.lines));
    return line.from + viewColumn(p.column, line.text);
  };
  const from = at(range?.start);
  return [from, Math.max(from, at(range?.end))];
}
