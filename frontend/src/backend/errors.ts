// Errors from Go as words: Wails rejects a bound call with a plain string.
// Kept apart from studio.ts (which imports wailsjs) so stores and their tests
// can use it without the bindings.

/** Wails rejects with a plain string; normalise to a message. */
export function errorMessage(err: unknown): string {
  if (typeof err === "string") return err;
  if (err instanceof Error) return err.message;
  return String(err);
}
