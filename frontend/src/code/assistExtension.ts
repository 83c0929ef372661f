import type { CompletionContext, CompletionResult } from "@codemirror/autocomplete";
import { EditorState, type Extension } from "@codemirror/state";
import { hoverTooltip } from "@codemirror/view";
import { complete, hover } from "./assist";

/**
 * The code view's help while typing: completion (Ctrl+Space, and while a
 * key is typed) and a description on hovering a key, both from assist.ts.
 */
export function assist(format: "json" | "yaml"): Extension {
  const source = (ctx: CompletionContext): CompletionResult | null => {
    const r = complete(ctx.state.doc.toString(), ctx.pos, format, ctx.explicit);
    if (!r) return null;
    return {
      from: r.from,
      to: r.to,
      options: r.options.map((o) => ({ label: o.label, apply: o.apply, type: o.type, detail: o.detail, info: o.info })),
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
          doc.textContent = h.field.doc;
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
