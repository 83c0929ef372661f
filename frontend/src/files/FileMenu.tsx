import "./files.css";
import { useMenu } from "../frame/useMenu";
import type { Files } from "./fileStore";
import { shortcutLabels } from "./shortcuts";
import { folderOf, shortFolder } from "./describe";

/** The File menu of the top bar: a button and a keyboard-navigable menu. */
export function FileMenu({ files, onCompare }: { files: Files; /** Compare…: opens the diff view's picker. */ onCompare?: () => void }) {
  const { open, setOpen, close, root, button, onKeyDown } = useMenu(files.refreshRecent);

  const item = (label: string, action: () => void, opts: { shortcut?: string; testid: string; disabled?: boolean }) => (
    <button
      role="menuitem"
      className="menu-item"
      data-testid={opts.testid}
      disabled={opts.disabled}
      onClick={() => {
        close(false);
        action();
      }}
    >
      <span>{label}</span>
      {opts.shortcut && <kbd>{opts.shortcut}</kbd>}
    </button>
  );

  return (
    <div className="file-menu" ref={root} onKeyDown={onKeyDown}>
      <button
        ref={button}
        className="menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="file-menu"
        onClick={() => setOpen((o) => !o)}
      >
        File
      </button>
      {open && (
        <div className="menu" role="menu" aria-label="File">
          {item("New…", () => files.setGalleryOpen(true), { shortcut: shortcutLabels.new, testid: "menu-new" })}
          {item("Open…", () => void files.openDialog(), { shortcut: shortcutLabels.open, testid: "menu-open" })}
          <div className="menu-heading" role="presentation">Open recent</div>
          {files.recent.length === 0 && (
            <div className="menu-empty" role="presentation">No recent files</div>
          )}
          {files.recent.map((r) => (
            <button
              key={r.path}
              role="menuitem"
              className="menu-item recent"
              data-testid="menu-recent"
              title={r.path}
              onClick={() => {
                close(false);
                files.openPath(r.path);
              }}
            >
              <span className="recent-name">{r.name}</span>
              <span className="recent-folder">{shortFolder(folderOf(r.path))}</span>
            </button>
          ))}
          <div className="menu-separator" role="separator" />
          {item("Save", () => void files.save(), { shortcut: shortcutLabels.save, testid: "menu-save", disabled: !files.file })}
          {item("Save As…", () => void files.saveAs(), { shortcut: shortcutLabels.saveAs, testid: "menu-save-as", disabled: !files.file })}
          {onCompare && item("Compare…", onCompare, { testid: "menu-compare", disabled: !files.file })}
          <div className="menu-separator" role="separator" />
          {item("Export diagram as SVG…", () => void files.exportAs("svg"), { testid: "menu-export-svg", disabled: !files.file })}
          {item("Export diagram as PNG…", () => void files.exportAs("png"), { testid: "menu-export-png", disabled: !files.file })}
          {item("Export handbook (HTML or Markdown)…", () => void files.exportHandbook(), { testid: "menu-export-handbook", disabled: !files.file })}
        </div>
      )}
    </div>
  );
}
