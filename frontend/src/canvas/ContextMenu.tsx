import { useEffect, useLayoutEffect, useRef, type ReactNode } from "react";

export interface MenuItem {
  label: string;
  /** The key that does the same, shown beside it. */
  shortcut?: string;
  testId: string;
  disabled?: boolean;
  /** Keeps the menu open (the item shows something else in it, e.g. a step picker). */
  keepOpen?: boolean;
  run(): void;
}

interface Props {
  /** Where it opens, relative to the canvas. */
  at: { x: number; y: number };
  label: string;
  items?: MenuItem[];
  /** Shown instead of the items (a step picker). */
  children?: ReactNode;
  onClose(): void;
}

/**
 * The right-click menu of the canvas (a step's or the background's): plain
 * words with the keys that do the same; arrows move, Enter runs, Escape or
 * a click elsewhere closes. It moves in to stay inside the canvas.
 */
export function ContextMenu({ at, label, items, children, onClose }: Props) {
  const root = useRef<HTMLDivElement>(null);

  // Kept inside the canvas: shifted left/up when it would overflow.
  useLayoutEffect(() => {
    const el = root.current;
    const box = el?.offsetParent;
    if (!el || !box) return;
    el.style.left = `${Math.max(4, Math.min(at.x, box.clientWidth - el.offsetWidth - 4))}px`;
    el.style.top = `${Math.max(4, Math.min(at.y, box.clientHeight - el.offsetHeight - 4))}px`;
  });

  const picking = Boolean(children);
  useEffect(() => {
    if (!picking) root.current?.querySelector<HTMLButtonElement>("[role=menuitem]:not(:disabled)")?.focus();
    const outside = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
  }, [picking, onClose]);

  return (
    <div
      ref={root}
      className="context-menu"
      role={children ? "group" : "menu"}
      aria-label={label}
      data-testid="context-menu"
      style={{ left: at.x, top: at.y }}
      onContextMenu={(e) => e.preventDefault()}
      onKeyDown={(e) => {
        e.stopPropagation();
        const list = Array.from(root.current?.querySelectorAll<HTMLButtonElement>("[role=menuitem]:not(:disabled)") ?? []);
        const i = list.indexOf(document.activeElement as HTMLButtonElement);
        if (e.key === "Escape") onClose();
        else if (e.key === "ArrowDown") list[(i + 1) % list.length]?.focus();
        else if (e.key === "ArrowUp") list[(i - 1 + list.length) % list.length]?.focus();
        else return;
        e.preventDefault();
      }}
    >
      {children ??
        items?.map((it) => (
          <button
            key={it.testId}
            type="button"
            role="menuitem"
            className="menu-item"
            data-testid={it.testId}
            disabled={it.disabled}
            onClick={() => {
              if (!it.keepOpen) onClose();
              it.run();
            }}
          >
            <span>{it.label}</span>
            {it.shortcut && <kbd>{it.shortcut}</kbd>}
          </button>
        ))}
    </div>
  );
}
