import { useMemo, useRef, useState } from "react";
import { search } from "../palette/catalog";
import { StateIcon } from "./StateIcon";

interface Props {
  /** What picking does, e.g. "Add a step after “Validate order”". */
  title: string;
  onPick(entryId: string): void;
  onClose(): void;
}

/**
 * The palette's steps as a searchable list, where the user is: the context
 * menu's "Add step after…" and "Add step here…", and the empty canvas's
 * first step. Typing narrows it (purpose words and service names work, as
 * in the palette); arrows move, Enter picks, Escape closes.
 */
export function StepPicker({ title, onPick, onClose }: Props) {
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const hits = useMemo(() => search(q), [q]);
  const list = useRef<HTMLUListElement>(null);
  const move = (i: number) => {
    const next = Math.max(0, Math.min(i, hits.length - 1));
    setActive(next);
    list.current?.children[next]?.scrollIntoView({ block: "nearest" });
  };
  const pick = (i: number) => {
    const e = hits[i];
    if (e) onPick(e.id);
  };
  return (
    <div className="step-picker" role="dialog" aria-label={title} data-testid="step-picker">
      <div className="step-picker-title">{title}</div>
      <input
        autoFocus
        className="step-picker-search"
        aria-label="Search steps"
        data-testid="step-picker-search"
        placeholder="Search: email, wait, approval, Lambda…"
        value={q}
        onChange={(e) => (setQ(e.target.value), setActive(0))}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === "Escape") onClose();
          else if (e.key === "Enter") pick(active);
          else if (e.key === "ArrowDown") move(active + 1);
          else if (e.key === "ArrowUp") move(active - 1);
          else return;
          e.preventDefault();
        }}
      />
      <ul role="listbox" ref={list} aria-label="Steps">
        {hits.map((e, i) => (
          <li
            key={e.id}
            role="option"
            aria-selected={i === active}
            className={i === active ? "active" : ""}
            data-testid="step-picker-item"
            data-entry={e.id}
            onMouseEnter={() => setActive(i)}
            onMouseDown={(ev) => (ev.preventDefault(), pick(i))}
          >
            <StateIcon type={e.type} />
            <div>
              <div className="palette-name">{e.label}</div>
              <div className="palette-text">{e.description}</div>
            </div>
          </li>
        ))}
        {hits.length === 0 && <li className="empty">No step matches “{q}”.</li>}
      </ul>
    </div>
  );
}
