import { useMemo, useState } from "react";
import type { Diagram } from "../backend/studio";
import { StateIcon } from "./StateIcon";

interface Props {
  diagram: Diagram;
  onPick: (id: string) => void;
  onClose: () => void;
}

/** Ctrl+F: find a step by name; Enter or a click selects and centres it. */
export function SearchBox({ diagram, onPick, onClose }: Props) {
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const hits = useMemo(() => {
    const query = q.trim().toLowerCase();
    const states = diagram.nodes.filter((n) => n.type);
    return (query ? states.filter((n) => n.name.toLowerCase().includes(query) || n.type.toLowerCase() === query) : states).slice(0, 12);
  }, [q, diagram]);
  const pick = (i: number) => {
    const h = hits[i];
    if (h) onPick(h.id);
    onClose();
  };
  return (
    <div className="canvas-search" role="dialog" aria-label="Find a step">
      <input
        autoFocus
        aria-label="Find a step by name"
        data-testid="canvas-search"
        placeholder="Find a step…"
        value={q}
        onChange={(e) => (setQ(e.target.value), setActive(0))}
        onKeyDown={(e) => {
          if (e.key === "Escape") onClose();
          if (e.key === "Enter") pick(active);
          if (e.key === "ArrowDown") setActive((a) => Math.min(a + 1, hits.length - 1));
          if (e.key === "ArrowUp") setActive((a) => Math.max(a - 1, 0));
        }}
      />
      <ul role="listbox">
        {hits.map((h, i) => (
          <li key={h.id} role="option" aria-selected={i === active} className={i === active ? "active" : ""} onMouseDown={(e) => (e.preventDefault(), pick(i))}>
            <StateIcon type={h.type} />
            <span>{h.name}</span>
          </li>
        ))}
        {hits.length === 0 && <li className="empty">No step is called that.</li>}
      </ul>
    </div>
  );
}
