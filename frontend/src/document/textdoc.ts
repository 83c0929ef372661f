// The few text operations every command is written in. Each format
// implements them as minimal edits of the text: only the bytes that must
// change are touched, so key order, indentation, comments and untouched
// lines survive.
import type { Path } from "./pointer";

export type Format = "json" | "yaml";

export interface TextDoc {
  readonly format: Format;
  /** The current text, after every operation so far. */
  readonly text: string;
  /** The text parsed to plain values (re-read after every operation). */
  readonly value: unknown;
  /**
   * Sets the value at path. An absent object key is added after the key
   * `after` when given, first when after is null, else at the end of the
   * object; an existing value is replaced in place.
   */
  set(path: Path, value: unknown, after?: string | null): void;
  /** Removes an object key or an array item. */
  remove(path: Path): void;
  /** Renames the object key at path, keeping its value and position. */
  renameKey(path: Path, newKey: string): void;
  /** Appends an item to the array at path. */
  push(path: Path, value: unknown): void;
}

/** Raised when a command does not apply to the document as it is. */
export class EditError extends Error {}
