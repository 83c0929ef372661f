import { useEffect, useEffectEvent, useRef, useState } from "react";
import { EditorView, minimalSetup } from "codemirror";
import { EditorState, Prec } from "@codemirror/state";
import { keymap } from "@codemirror/view";
import { json } from "@codemirror/lang-json";
import { parseJson, showValue } from "../values";
import { useForm } from "../context";

interface Props {
  id?: string;
  value: unknown;
  /** Called with the new value (undefined: cleared) when valid JSON is left or Ctrl+Enter pressed. */
  onCommit(value: unknown): void;
  onError(error: string | null): void;
  testId?: string;
  label?: string;
}

/**
 * A small CodeMirror JSON editor: it writes only valid JSON, when the
 * user leaves it or presses Ctrl+Enter; invalid JSON stays in the editor
 * with the parse error shown, and nothing is written.
 */
export function JsonEditor({ id, value, onCommit, onError, testId, label }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const shown = showValue("json", value);
  const [dirty, setDirty] = useState(false);
  const form = useForm();
  const dirtyRef = useRef(false);

  // What the editor's own callbacks do, with this render's props.
  const commit = useEffectEvent(() => {
    const text = view.current!.state.doc.toString();
    dirtyRef.current = false;
    setDirty(false);
    if (text === shown) return onError(null);
    if (text.trim() === "") {
      onError(null);
      return onCommit(undefined);
    }
    const p = parseJson(text);
    if (!p.ok) {
      dirtyRef.current = true;
      setDirty(true);
      return onError(p.error);
    }
    onError(null);
    onCommit(p.value);
  });
  const history = useEffectEvent((step: "undo" | "redo") => (step === "undo" ? form.undo() : form.redo()));
  const initialText = useEffectEvent(() => shown);

  // The editor is made once per field; value changes flow in below.
  useEffect(() => {
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: initialText(),
        extensions: [
          // Mod-z with no pending edit undoes on the document's one history; while editing, CodeMirror's own.
          Prec.highest(
            keymap.of([
              { key: "Mod-Enter", run: () => (commit(), true) },
              { key: "Mod-z", run: () => (dirtyRef.current ? false : (history("undo"), true)) },
              { key: "Mod-y", run: () => (dirtyRef.current ? false : (history("redo"), true)) },
              { key: "Mod-Shift-z", run: () => (dirtyRef.current ? false : (history("redo"), true)) },
            ]),
          ),
          minimalSetup,
          json(),
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ "aria-label": label ?? "JSON", ...(testId ? { "data-testid": testId } : {}), ...(id ? { id } : {}) }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged && u.transactions.some((t) => t.isUserEvent("input") || t.isUserEvent("delete") || t.isUserEvent("undo") || t.isUserEvent("redo"))) {
              dirtyRef.current = true;
            }
            if (u.focusChanged && !u.view.hasFocus && dirtyRef.current) commit();
          }),
        ],
      }),
    });
    view.current = v;
    return () => v.destroy();
  }, [id, label, testId]);

  // The document changed elsewhere (code view, undo): show it unless the user is mid-edit.
  useEffect(() => {
    const v = view.current;
    if (!v || dirtyRef.current || v.state.doc.toString() === shown) return;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: shown } });
  }, [shown, dirty]);

  return <div className="ijson" ref={host} />;
}
