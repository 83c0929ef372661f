import { useEffect, useEffectEvent, useRef, useState } from "react";

/**
 * The behaviour every top-bar menu shares: open/close, focus on the first
 * item when opened, close on an outside click, and WAI-ARIA menu keys
 * (arrows wrap, Home/End, Escape returns focus to the button, Tab leaves).
 * onOpen runs each time the menu opens (e.g. to refresh a recent list).
 */
export function useMenu(onOpen?: () => void) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const opened = useEffectEvent(() => onOpen?.());

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    opened();
    root.current?.querySelector<HTMLButtonElement>("[role=menuitem]")?.focus();
    const outside = (e: MouseEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", outside);
    return () => document.removeEventListener("mousedown", outside);
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

  return { open, setOpen, close, root, button, onKeyDown };
}
