import { useMemo, useState } from "react";
import { StateIcon } from "../canvas/StateIcon";
import { paletteMime } from "../canvas/dragData";
import { search } from "../palette/catalog";
import type { PaletteEntry } from "../palette/entry";
import "../palette/palette.css";

interface Props {
  /** Adds the entry after the selected step (Enter or the + button). */
  onAdd: (entryId: string) => void;
}

/** The steps people can add: drag one onto the canvas, or press Enter. */
export function Palette({ onAdd }: Props) {
  const [query, setQuery] = useState("");
  const found = useMemo(() => search(query), [query]);
  const groups: PaletteEntry["group"][] = ["Flow", "Actions"];
  return (
    <aside className="panel palette" aria-label="Palette">
      <h2 className="panel-title">Steps</h2>
      <p className="palette-hint" data-testid="palette-hint">
        Drag a step onto the canvas: onto an arrow, onto a step, or anywhere. Enter adds it after the selected step.
      </p>
      <input
        className="palette-search"
        type="search"
        placeholder="Search steps…"
        aria-label="Search steps"
        data-testid="palette-search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {groups.map((g) => {
        const list = found.filter((e) => e.group === g);
        if (list.length === 0) return null;
        return (
          <section key={g} aria-label={g}>
            <h3 className="palette-group">{g === "Flow" ? "Flow" : "Actions"}</h3>
            <ul>
              {list.map((e) => (
                <li
                  key={e.id}
                  className="palette-item"
                  title={`${e.description} Drag onto the canvas, or press Enter to add after the selected step.`}
                  draggable
                  tabIndex={0}
                  data-testid="palette-item"
                  data-entry={e.id}
                  onDragStart={(ev) => {
                    ev.dataTransfer.setData(paletteMime, e.id);
                    ev.dataTransfer.effectAllowed = "copy";
                  }}
                  onKeyDown={(ev) => {
                    if (ev.key === "Enter") {
                      ev.preventDefault();
                      onAdd(e.id);
                    }
                  }}
                >
                  <StateIcon type={e.type} />
                  <div>
                    <div className="palette-name">{e.label}</div>
                    <div className="palette-text">{e.description}</div>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {found.length === 0 && <p className="palette-empty">No step matches “{query}”.</p>}
    </aside>
  );
}

