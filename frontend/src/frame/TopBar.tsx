import type { ReactNode } from "react";

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
  /** The File menu (files/FileMenu), left of the file name. */
  menu?: ReactNode;
  /** Where the file is on disk, shown on hover; "" for a new document. */
  path?: string;
  /** Buttons that show or hide the panels (frame/PanelToggles). */
  panels?: ReactNode;
  /** Enters Present mode (present/Present.tsx). */
  onPresent?: () => void;
  /** The Local endpoint switch (endpoint/EndpointPanel). */
  endpoint?: ReactNode;
}

export function TopBar({ name, dirty, view, onView, menu, path, panels, onPresent, endpoint }: Props) {
  return (
    <header className="topbar">
      <div className="brand">
        <span className="brand-mark" aria-hidden>◆</span> Stepstudio
      </div>
      {menu}
      <div className="file" data-testid="file-name" title={path || "Not saved yet"}>
        {name}
        {dirty && <span className="dirty" title="Unsaved changes" data-testid="dirty-marker">●</span>}
      </div>
      {panels}
      {endpoint}
      {onPresent && (
        <button type="button" className="panel-toggle present-button" title="Present: the diagram alone, for a meeting (Ctrl+Shift+P)" data-testid="present-button" onClick={onPresent}>
          ▶ Present
        </button>
      )}
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
