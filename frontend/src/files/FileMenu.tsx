import "./files.css";
import { useEffect, useRef, useState } from "react";
import type { Files } from "./useFiles";
import { shortcutLabels } from "./shortcuts";
import { folderOf, shortFolder } from "./describe";

/** The File menu of the top bar: a button and a keyboard-navigable menu. */
export function FileMenu({ files }: { files: Files }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    files.refreshRecent();
    root.current?.querySelector<HTMLButtonElement>("[role=menuitem]")?.focus();
    const outside = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
    // refreshRecent is stable; reopening re-reads the list
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    const items = Array.from(root.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]:not(:disabled)") ?? []);
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === "Escape") {
      e.preventDefault();
      close(true);
    } else if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const step = e.key === "ArrowDown" ? 1 : -1;
      items[(at + step + items.length) % items.length]?.focus();
    } else if (e.key === "Home" || e.key === "End") {
      e.preventDefault();
      items[e.key === "Home" ? 0 : items.length - 1]?.focus();
    } else if (e.key === "Tab") {
      setOpen(false);
    }
  };

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
          {item("New from template…", () => files.setGalleryOpen(true), { shortcut: shortcutLabels.new, testid: "menu-new" })}
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
          <div className="menu-separator" role="separator" />
          {item("Export diagram as SVG…", () => void files.exportAs("svg"), { testid: "menu-export-svg", disabled: !files.file })}
          {item("Export diagram as PNG…", () => void files.exportAs("png"), { testid: "menu-export-png", disabled: !files.file })}
        </div>
      )}
    </div>
  );
}
