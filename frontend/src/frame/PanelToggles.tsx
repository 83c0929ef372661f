import type { PanelLayoutStore, PanelLayout, PanelId } from "./panelLayout";

const panels: { id: PanelId; label: string; icon: string }[] = [
  { id: "palette", label: "Steps palette", icon: "◧" },
  { id: "bottom", label: "Problems and run panel", icon: "⬓" },
  { id: "inspector", label: "Inspector", icon: "◨" },
];

/** The top bar's buttons that show or hide each panel, and Focus. */
export function PanelToggles({ store, layout }: { store: PanelLayoutStore; layout: PanelLayout }) {
  return (
    <div className="panel-toggles" role="group" aria-label="Panels">
      {panels.map((p) => {
        const shown = store.isShown(p.id);
        return (
          <button
            key={p.id}
            type="button"
            className="panel-toggle"
            aria-pressed={shown}
            title={`${shown ? "Hide" : "Show"} the ${p.label.toLowerCase()}`}
            aria-label={p.label}
            data-testid={`toggle-${p.id}`}
            onClick={() => store.toggle(p.id)}
          >
            {p.icon}
          </button>
        );
      })}
      <button
        type="button"
        className={`panel-toggle focus-toggle${layout.focus ? " active" : ""}`}
        aria-pressed={layout.focus}
        title={layout.focus ? "Leave Focus: bring the panels back (Ctrl+.)" : "Focus: give the whole window to the diagram (Ctrl+.)"}
        data-testid="toggle-focus"
        onClick={() => store.setFocus()}
      >
        Focus
      </button>
    </div>
  );
}
