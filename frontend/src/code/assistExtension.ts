import { pickedCompletion, type Completion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { EditorState, type Extension } from "@codemirror/state";
import { hoverTooltip, type EditorView } from "@codemirror/view";
import { complete, hover } from "./assist";

/**
 * The code view's help while typing: completion (Ctrl+Space, and while a
 * key is typed) and a description on hovering a key, both from assist.ts.
 */
export function assist(format: "json" | "yaml"): Extension {
  const source = (ctx: CompletionContext): CompletionResult | null => {
    const r = complete(ctx.state.doc.toString(), ctx.pos, format, ctx.explicit);
    if (!r) return null;
    // CodeMirror filters the options by the text from `from` to `to`, so
    // the result ends at the cursor; the rest of the token (a closing
    // quote) is replaced when an option is applied.
    const tail = r.to - ctx.pos;
    return {
      from: r.from,
      to: ctx.pos,
      options: r.options.map((o) => ({
        label: o.label,
        type: o.type,
        detail: o.detail,
        info: o.info,
        apply: (view: EditorView, _c: Completion, from: number, to: number) =>
          view.dispatch({
            changes: { from, to: to + tail, insert: o.apply },
            selection: { anchor: from + o.apply.length },
            annotations: pickedCompletion.of(_c),
            userEvent: "input.complete",
          }),
      })),
    };
  };
  return [
    EditorState.languageData.of(() => [{ autocomplete: source }]),
    hoverTooltip((view, pos) => {
      const h = hover(view.state.doc.toString(), pos, format);
      if (!h) return null;
      return {
        pos: h.from,
        end: h.to,
        above: true,
        create() {
          const dom = document.createElement("div");
          dom.className = "code-hover";
          dom.dataset.testid = "code-hover";
          const title = dom.appendChild(document.createElement("strong"));
          title.textContent = h.field.name;
          const doc = dom.appendChild(document.createElement("div"));
          doc.textContent = h.doc;
          const rules = [
            h.field.required ? "required" : "",
            h.field.excludes?.length ? "excludes " + h.field.excludes.join(", ") : "",
            h.field.queryLanguage ? h.field.queryLanguage + " only" : "",
            h.field.mapMode ? "distributed Map only" : "",
          ].filter(Boolean);
          if (rules.length) {
            const r = dom.appendChild(document.createElement("div"));
            r.className = "code-hover-rules";
            r.textContent = rules.join(" · ");
          }
          return { dom };
        },
      };
    }),
  ];
}
