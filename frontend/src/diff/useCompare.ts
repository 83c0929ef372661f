// The compare flow as React sees it: the picker (another file, the saved
// file, a git revision), the comparison shown, and Swap. The document is
// the new side; the view is drawn over the editor and changes nothing in it.
import { useCallback, useMemo, useState } from "react";
import * as studio from "../backend/studio";
import type { Comparison, RevisionList } from "../backend/studio";

export interface CompareDoc {
  name: string;
  /** The document's file, "" when unsaved. */
  path: string;
  text: string;
  /** The document lives inside an IaC template: no saved file of its own to compare with. */
  inTemplate: boolean;
}

export interface CompareUI {
  picker: boolean;
  busy: boolean;
  error: string;
  revisions: RevisionList | null;
  comparison: Comparison | null;
  /** The view shows the sides swapped (the document as the old side). */
  swapped: boolean;
  openPicker: () => void;
  closePicker: () => void;
  withFile: () => Promise<void>;
  withSaved: () => Promise<void>;
  loadRevisions: () => Promise<void>;
  withRevision: (rev: string) => Promise<void>;
  swap: () => Promise<void>;
  close: () => void;
}

export function useCompare(doc: CompareDoc | null): CompareUI {
  const [picker, setPicker] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState("");
  const [revisions, setRevisions] = useState<RevisionList | null>(null);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [swapped, setSwapped] = useState(false);

  const run = useCallback(async (work: () => Promise<Comparison | null>) => {
    setBusy(true);
    setError("");
    try {
      const c = await work();
      if (c) {
        setComparison(c);
        setSwapped(false);
        setPicker(false);
      }
    } catch (e) {
      setError(studio.errorMessage(e));
    } finally {
      setBusy(false);
    }
  }, []);

  return useMemo<CompareUI>(
    () => ({
      picker,
      busy,
      error,
      revisions,
      comparison,
      swapped,
      openPicker: () => {
        setError("");
        setRevisions(null);
        setPicker(true);
      },
      closePicker: () => setPicker(false),
      withFile: () =>
        run(async () => {
          if (!doc) return null;
          const other = await studio.chooseComparePath(doc.path);
          // A template's notes are not beside it under its own name: no pins rather than another file's.
          return other ? studio.compareWithFile(doc.name, doc.text, doc.inTemplate ? "" : doc.path, other) : null;
        }),
      withSaved: () => run(async () => (doc ? studio.compareWithSaved(doc.name, doc.text, doc.path) : null)),
      loadRevisions: async () => {
        if (!doc) return;
        setError("");
        try {
          setRevisions(await studio.listRevisions(doc.path));
        } catch (e) {
          setError(studio.errorMessage(e));
        }
      },
      withRevision: (rev: string) => run(async () => (doc ? studio.compareWithRevision(doc.name, doc.text, doc.path, rev) : null)),
      swap: async () => {
        if (!comparison) return;
        try {
          const c = await studio.compareSides(comparison.new, comparison.old);
          setComparison(c);
          setSwapped((s) => !s);
        } catch (e) {
          setError(studio.errorMessage(e));
        }
      },
      close: () => {
        setComparison(null);
        setError("");
      },
    }),
    [picker, busy, error, revisions, comparison, swapped, doc, run],
  );
}
