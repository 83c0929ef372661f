export type ViewMode = "design" | "code" | "split";

const views: { mode: ViewMode; label: string }[] = [
  { mode: "design", label: "Design" },
  { mode: "code", label: "Code" },
  { mode: "split", label: "Split" },
];

interface Props {
  name: string;
  dirty: boolean;
  view: ViewMode;
  onView: (v: ViewMode) => void;
}

export function TopBar({ name, dirty, view, onView }: Props) {
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden>◆</span> Stepstudio
      </div>
      <div className="file" data-testid="file-name">
        {name}
        {dirty && <span className="dirty" title="Unsaved changes" data-testid="dirty-marker">●</span>}
      </div>
      <div className="segmented" role="tablist" aria-label="View">
        {views.map((v) => (
          <button
            key={v.mode}
            role="tab"
            aria-selected={view === v.mode}
            className={view === v.mode ? "active" : ""}
            onClick={() => onView(v.mode)}
          >
            {v.label}
          </button>
        ))}
      </div>
    </header>
  );
}
