import { useEffect, useRef, useState } from "react";
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
  const shownRef = useRef(shown);
  shownRef.current = shown;
  const cb = useRef({ onCommit, onError });
  cb.current = { onCommit, onError };
  const [dirty, setDirty] = useState(false);
  const form = useForm();
  const formRef = useRef(form);
  formRef.current = form;
  const dirtyRef = useRef(false);

  useEffect(() => {
    const commit = () => {
      const text = view.current!.state.doc.toString();
      dirtyRef.current = false;
      setDirty(false);
      if (text === shownRef.current) return cb.current.onError(null);
      if (text.trim() === "") {
        cb.current.onError(null);
        return cb.current.onCommit(undefined);
      }
      const p = parseJson(text);
      if (!p.ok) {
        dirtyRef.current = true;
        setDirty(true);
        return cb.current.onError(p.error);
      }
      cb.current.onError(null);
      cb.current.onCommit(p.value);
    };
    const v = new EditorView({
      parent: host.current!,
      state: EditorState.create({
        doc: shownRef.current,
        extensions: [
          // Mod-z with no pending edit undoes on the document's one history; while editing, CodeMirror's own.
          Prec.highest(
            keymap.of([
              { key: "Mod-Enter", run: () => (commit(), true) },
              { key: "Mod-z", run: () => (dirtyRef.current ? false : (formRef.current.undo(), true)) },
              { key: "Mod-y", run: () => (dirtyRef.current ? false : (formRef.current.redo(), true)) },
              { key: "Mod-Shift-z", run: () => (dirtyRef.current ? false : (formRef.current.redo(), true)) },
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
    // created once; value changes flow in below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // The document changed elsewhere (code view, undo): show it unless the user is mid-edit.
  useEffect(() => {
    const v = view.current;
    if (!v || dirtyRef.current || v.state.doc.toString() === shown) return;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: shown } });
  }, [shown, dirty]);

  return <div className="ijson" ref={host} />;
}
