import { useEffect, useRef } from "react";
import { EditorView, basicSetup } from "codemirror";
import { EditorState, type Text } from "@codemirror/state";
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
}

/** CodeMirror 6 over the document text, in the file's own format. */
export function CodeView({ text, format, diagnostics, reveal, onChange }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const change = useRef(onChange);
  change.current = onChange;

  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: text,
        extensions: [
          basicSetup,
          format === "yaml" ? yaml() : json(),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) change.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
    // The editor is created once per format; text changes flow in below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [format]);

  useEffect(() => {
    const v = view.current;
    if (v && v.state.doc.toString() !== text) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
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
