import { useState } from "react";
import { useComments } from "./comments";
import { entryOf } from "./notesStore";
import { clearOps, holds } from "./threads";

/**
 * Notes for steps that no longer exist (renamed in another editor, say):
 * never dropped silently; attached to a step (a rename of the notes) or
 * deleted by the person.
 */
export function Orphans() {
  const ui = useComments();
  const [confirm, setConfirm] = useState<string | null>(null);
  if (!ui || !ui.notes.orphans.length) return null;
  const { orphans, notes, apply } = ui.notes;
  return (
    <section className="orphans" data-testid="orphans">
      <p className="orphans-title">
        Notes for {orphans.length === 1 ? "a step that no longer exists" : `${orphans.length} steps that no longer exist`}. Attach them to a step, or delete them.
      </p>
      <ul>
        {orphans.map((name) => {
          const e = entryOf(notes, name);
          return (
            <li key={name} data-testid="orphan" data-state={name}>
              <span className="orphan-name">“{name}”</span> <span className="muted">({holds(e)})</span>
              <select
                aria-label={`Attach the notes of ${name} to a step`}
                value=""
                data-testid="orphan-attach"
                onChange={(ev) => ev.target.value && void apply([{ kind: "rename", state: name, to: ev.target.value }])}
              >
                <option value="">Attach to a step…</option>
                {ui.states.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
              {confirm === name ? (
                <>
                  <button type="button" className="btn danger" data-testid="orphan-delete-confirm" onClick={() => void apply(clearOps(name, e)).then(() => setConfirm(null))}>
                    Delete for good
                  </button>
                  <button type="button" className="btn" onClick={() => setConfirm(null)}>
                    Keep
                  </button>
                </>
              ) : (
                <button type="button" className="btn" data-testid="orphan-delete" onClick={() => setConfirm(name)}>
                  Delete
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
