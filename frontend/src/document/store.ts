// The document: the ASL text as the user wrote it, never re-serialised.
//
// Every edit is one labelled transaction on ONE history:
//  - canvas and inspector edits run named commands (commands/*) that turn
//    into minimal text edits through a TextDoc (jsonText.ts, yamlText.ts);
//  - code editor edits arrive as whole new texts through editText(), and
//    quick typing merges into one "Edit code" step.
// Choice made: the store, not CodeMirror, owns the history. CodeMirror's
// own undo keys are routed here (CodeView binds Mod-z/Mod-y/Mod-Shift-z to
// the store), so Ctrl+Z means the same thing in the code and on the
// canvas, and the history survives the code view being closed.
// While the text does not parse, commands are refused (syntax.ts): the
// canvas and inspector show the last diagram that worked, and an edit made
// there must not change a text the user cannot see. Typing, undo and redo
// go on: they are how the mistake gets fixed.
// No React here: the UI subscribes (canvas/useDocument.ts).
import { History, type Effect } from "./history";
import { openText } from "./open";
import { EditError, type Format } from "./textdoc";
import { lockedMessage, syntaxMistake } from "./syntax";
import type { Command } from "./commands/template";

export interface Snapshot {
  text: string;
  format: Format;
  /** The text differs from the one opened or last saved. */
  dirty: boolean;
  undoLabel?: string;
  redoLabel?: string;
  /** Bumped on every change, so views can tell edits apart. */
  version: number;
  /** What made the last change: typing is debounced downstream, the rest is not. */
  origin: "open" | "command" | "typing" | "history" | "saved" | "beside";
}

/** What running a command gave: the states to select, or why it failed. */
export type Outcome = { ok: true; select: string[] } | { ok: false; error: string };

export class DocumentStore {
  private text = "";
  private format: Format = "json";
  private saved = "";
  private version = 0;
  private origin: Snapshot["origin"] = "open";
  private readonly history = new History();
  private readonly listeners = new Set<() => void>();
  private snap: Snapshot;

  constructor(
    text = "",
    format: Format = "json",
    private readonly now: () => number = () => Date.now(),
  ) {
    this.text = text;
    this.saved = text;
    this.format = format;
    this.snap = this.makeSnapshot();
  }

  snapshot(): Snapshot {
    return this.snap;
  }

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  /** Replaces the whole document (a file opened): a fresh history, clean. */
  open(text: string, format: Format) {
    this.text = text;
    this.saved = text;
    this.format = format;
    this.history.clear();
    this.changed("open");
  }

  /** Records that the current text (or the text given) is what is on disk. */
  markSaved(text = this.text) {
    this.saved = text;
    this.changed("saved");
  }

  /** Runs a command as one transaction labelled for the Undo menu. */
  run(label: string, cmd: Command): Outcome {
    if (this.text) {
      const line = syntaxMistake(this.text, this.format);
      if (line !== null) return { ok: false, error: lockedMessage(line) };
    }
    let select: string[];
    let next: string;
    try {
      const d = openText(this.text, this.format);
      select = cmd(d) ?? [];
      next = d.text;
    } catch (err) {
      if (err instanceof EditError) return { ok: false, error: err.message };
      return { ok: false, error: `${label} failed: ${err instanceof Error ? err.message : String(err)}` };
    }
    if (next !== this.text) {
      this.history.seal();
      this.record(label, next, "command");
    }
    return { ok: true, select };
  }

  /**
   * Records a change made beside the text (a step moved by hand: a pin in
   * the notes file), already done, as one undo step: undo runs
   * effect.undo, redo effect.redo, and the text stays as it is.
   */
  recordBeside(label: string, effect: Effect) {
    this.history.seal();
    this.history.push({ label, before: this.text, after: this.text, at: this.now(), effect });
    this.changed("beside");
  }

  /** A new text typed in the code editor; quick typing is one undo step. */
  editText(next: string, label = "Edit code") {
    if (next === this.text) return;
    this.record(label, next, "typing", "typing");
  }

  undo(): string | undefined {
    const e = this.history.undo();
    if (!e) return undefined;
    e.effect?.undo();
    this.text = e.before;
    this.changed("history");
    return e.label;
  }

  redo(): string | undefined {
    const e = this.history.redo();
    if (!e) return undefined;
    e.effect?.redo();
    this.text = e.after;
    this.changed("history");
    return e.label;
  }

  private record(label: string, next: string, origin: Snapshot["origin"], group?: string) {
    this.history.push({ label, before: this.text, after: next, at: this.now(), group });
    this.text = next;
    this.changed(origin);
  }

  private changed(origin: Snapshot["origin"]) {
    this.origin = origin;
    this.version++;
    this.snap = this.makeSnapshot();
    for (const fn of this.listeners) fn();
  }

  private makeSnapshot(): Snapshot {
    return {
      text: this.text,
      format: this.format,
      dirty: this.text !== this.saved,
      undoLabel: this.history.undoLabel,
      redoLabel: this.history.redoLabel,
      version: this.version,
      origin: this.origin,
    };
  }
}
