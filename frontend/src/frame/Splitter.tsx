import { useRef, type KeyboardEvent, type PointerEvent } from "react";
import { limits, type PanelId } from "./panelLayout";

interface Props {
  panel: PanelId;
  label: string;
  /** The panel's size now (px) and whether it is shown. */
  size: number;
  open: boolean;
  /** +1 when dragging right/down makes the panel bigger, -1 when smaller. */
  grow: 1 | -1;
  onResize: (size: number) => void;
  onToggle: () => void;
}

const step = 24;

/**
 * A drag handle on a panel's edge: drag to resize; with the keyboard,
 * arrows resize, Enter shows or hides the panel, Home/End go to the limits.
 */
export function Splitter({ panel, label, size, open, grow, onResize, onToggle }: Props) {
  const vertical = panel !== "bottom"; // a vertical bar between columns
  const start = useRef<{ at: number; size: number } | null>(null);
  const { min, max } = limits[panel];
  const pos = (e: PointerEvent) => (vertical ? e.clientX : e.clientY);

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    start.current = { at: pos(e), size: open ? size : 0 };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const s = start.current;
    if (!s) return;
    onResize(s.size + grow * (pos(e) - s.at));
  };
  const onPointerUp = () => {
    start.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const bigger = vertical ? (grow > 0 ? "ArrowRight" : "ArrowLeft") : grow > 0 ? "ArrowDown" : "ArrowUp";
    const smaller = vertical ? (grow > 0 ? "ArrowLeft" : "ArrowRight") : grow > 0 ? "ArrowUp" : "ArrowDown";
    if (e.key === bigger) onResize((open ? size : min) + step);
    else if (e.key === smaller) onResize(size - step);
    else if (e.key === "Home") onResize(min);
    else if (e.key === "End") onResize(max);
    else if (e.key === "Enter" || e.key === " ") onToggle();
    else return;
    e.preventDefault();
  };
  return (
    <div
      className={`splitter splitter-${panel}${open ? "" : " collapsed"}`}
      role="separator"
      tabIndex={0}
      aria-label={label}
      aria-orientation={vertical ? "vertical" : "horizontal"}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={open ? size : 0}
      title={`${label}: drag to resize, double-click or Enter to ${open ? "hide" : "show"}`}
      data-testid={`splitter-${panel}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onDoubleClick={onToggle}
      onKeyDown={onKeyDown}
    />
  );
}
